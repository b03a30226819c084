/**
 * A user's own 科目表 (the complete list their 财政局 uses) as a CodeCatalogue. Pure: the
 * command line reads the file (src/file/codes.ts), the add-in may read a sheet or an upload,
 * and both hand the rows here.
 */
import {
  CodeCatalogue,
  CodeEntry,
  CodeScheme,
  SCHEMES,
  SCHEME_LABEL,
  SCHEME_LENGTHS,
  builtinCatalogue,
  codeLevel,
  makeCatalogue,
  parentCode,
  schemeOfCode,
} from './catalogue';

/** One data row of the user's list, with where it was read (for messages). */
export interface UserCodeRow {
  /** Row number in the file or sheet (1-based). */
  line: number;
  code: string;
  name: string;
  scheme?: string;
}

export type LoadMode = 'replace' | 'extend';

/** Bad rows in a user's list; the message names the file, sheet and rows, in Chinese. */
export class CodeFileError extends Error {
  constructor(
    public readonly file: string,
    message: string,
    public readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'CodeFileError';
  }
}

const SCHEME_WORDS: [RegExp, CodeScheme][] = [
  [/^(func|功能|支出功能|支出功能分类|支出功能分类科目|功能科目|功能分类)$/i, 'func'],
  [/^(dept_econ|dept|部门经济|部门预算支出经济分类|部门预算支出经济分类科目|部门经济科目|部门经济分类)$/i, 'dept_econ'],
  [/^(gov_econ|gov|政府经济|政府预算支出经济分类|政府预算支出经济分类科目|政府经济科目|政府经济分类)$/i, 'gov_econ'],
];

/** "支出功能分类" / "func" / "部门经济" … → scheme; undefined when not recognised. */
export function schemeFromWord(word: string): CodeScheme | undefined {
  const w = word.replace(/\s+/g, '');
  return SCHEME_WORDS.find(([re]) => re.test(w))?.[1];
}

/**
 * Builds a catalogue from a user's rows.
 * - `replace` (default): for each scheme the file covers, the file's list replaces the built-in one.
 * - `extend`: the file's codes are added to the built-in list (the file's name wins).
 * Either way the list is taken as complete for the schemes it covers: a code it lacks is an error.
 * The 对照表 and the old/local names stay the built-in ones.
 */
export function catalogueFromRows(
  label: string,
  rows: UserCodeRow[],
  opts: { mode?: LoadMode; where?: string } = {},
): CodeCatalogue {
  const mode = opts.mode ?? 'replace';
  const where = opts.where ?? `文件“${label}”`;
  const problems: string[] = [];
  const lists: Record<CodeScheme, Map<string, CodeEntry>> = {
    func: new Map(),
    dept_econ: new Map(),
    gov_econ: new Map(),
  };
  const firstLine = new Map<string, number>();
  const builtin = builtinCatalogue();
  for (const r of rows) {
    const code = r.code.replace(/\s+/g, '');
    const name = r.name.trim();
    const at = `第 ${r.line} 行`;
    if (!/^\d+$/.test(code)) {
      problems.push(`${at}：编码“${r.code}”不是数字。`);
      continue;
    }
    if (!name) {
      problems.push(`${at}：编码 ${code} 没有名称。`);
      continue;
    }
    let scheme: CodeScheme | undefined;
    if (r.scheme && r.scheme.trim()) {
      scheme = schemeFromWord(r.scheme);
      if (!scheme) {
        problems.push(`${at}：科目类别“${r.scheme}”无法识别（可填 func/dept_econ/gov_econ 或 功能/部门经济/政府经济）。`);
        continue;
      }
      if (!SCHEME_LENGTHS[scheme].includes(code.length)) {
        problems.push(`${at}：${SCHEME_LABEL[scheme]}编码应为 ${SCHEME_LENGTHS[scheme].join('/')} 位，“${code}”有 ${code.length} 位。`);
        continue;
      }
    } else {
      scheme = schemeOfCode(code);
      if (!scheme) {
        problems.push(
          `${at}：无法从编码“${code}”判断科目类别（功能科目以 2 开头 3/5/7 位，部门经济以 3 开头、政府经济以 5 开头 3/5 位），请增加“类别”列。`,
        );
        continue;
      }
    }
    const key = `${scheme}:${code}`;
    const existing = lists[scheme].get(code);
    if (existing) {
      if (existing.name !== name) {
        problems.push(`${at}：编码 ${code} 与第 ${firstLine.get(key)} 行重复，但名称不同（“${existing.name}”与“${name}”）。`);
      }
      continue;
    }
    firstLine.set(key, r.line);
    const known = builtin.get(scheme, code);
    lists[scheme].set(code, {
      scheme,
      code,
      name,
      level: codeLevel(code) ?? '类',
      parent: parentCode(code),
      official: true,
      evidence: `user:${label}`,
      trust: 'official',
      oldNames: known?.oldNames,
      localNames: known?.localNames,
    });
  }
  if (problems.length) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n……共 ${problems.length} 处问题。` : '';
    throw new CodeFileError(label, `科目表${where}有 ${problems.length} 处问题：\n${shown.join('\n')}${more}`, problems);
  }
  const covered = SCHEMES.filter((s) => lists[s].size > 0);
  if (covered.length === 0) throw new CodeFileError(label, `科目表${where}中没有读到任何科目编码。`);
  const out: Partial<Record<CodeScheme, CodeEntry[]>> = {};
  for (const s of SCHEMES) {
    const base = builtin.entries!(s);
    if (!covered.includes(s)) out[s] = base;
    else if (mode === 'replace') out[s] = [...lists[s].values()];
    else out[s] = [...base.filter((e) => !lists[s].has(e.code)), ...lists[s].values()];
  }
  const complete = { ...builtin.complete };
  for (const s of covered) complete[s] = true;
  return makeCatalogue(label, out, builtin.mappings?.() ?? [], complete);
}

/**
 * Code rules: 科目编码 format and hierarchy, names against each other and against the
 * catalogue, unknown codes, and the 部门经济 → 政府经济 对照表.
 *
 * Which scheme a table's codes belong to comes from its kind (功能/经济 明细表), or, for tables
 * that may be keyed either by 功能科目 or by 单位 (收入总表/支出总表 …), from the codes
 * themselves. Severity follows the evidence: a finding that rests on an unverified built-in
 * row is never an error.
 */
import { Disclosure, Row, Table, TableKind } from '../disclosure';
import { Finding, Severity } from '../finding';
import {
  CodeCatalogue,
  CodeEntry,
  CodeScheme,
  EconMapping,
  SCHEME_LABEL,
  SCHEME_LENGTHS,
  UnitType,
  codeLevel,
  normName,
  parentCode,
  schemeOfCode,
} from '../codes/catalogue';
import { RuleContext, RuleFamily } from './types';
import { charactersInOrder } from '../zh';

type SetScheme = CodeScheme | 'unit';

/** One coded cell pair: a code and the name printed beside it. */
interface Coded {
  code: string;
  codeCell: string;
  name?: string;
  nameCell?: string;
  row: Row;
}

/** The coded rows of one table (or one block of a summary table) under one scheme. */
interface CodeSet {
  table: Table;
  scheme: SetScheme;
  items: Coded[];
  /** For dept_econ sets: the 政府经济 codes of the same rows. */
  pairs?: { dept: Coded; gov?: Coded }[];
  /** True for the 政府经济 column beside 部门经济 codes: a list of 款, not a tree. */
  beside?: boolean;
}

const FUNC_KINDS: TableKind[] = ['gp_func', 'basic_func'];
const ECON_KINDS: TableKind[] = ['gp_econ', 'basic_econ'];
const SKIP_KINDS: TableKind[] = ['catalogue', 'perf_project', 'perf_overall', 'three_public'];

const LEVEL_NAME: Record<number, string> = { 3: '类', 5: '款', 7: '项' };

function coded(row: Row, second: boolean): Coded | undefined {
  const code = (second ? row.code2 : row.code)?.trim();
  const codeCell = second ? row.code2Cell : row.codeCell;
  if (!code || !codeCell) return undefined;
  return {
    code,
    codeCell,
    // A project's row (Row.labelled) carries its code's name beside the code, if at all.
    name: (second ? row.name2 : row.labelled ? row.codeName : row.name)?.trim() || undefined,
    nameCell: second ? row.name2Cell : row.labelled ? row.codeNameCell : row.nameCell,
    row,
  };
}

/** The scheme a table keyed either by 功能科目 or by 单位 uses, judged from its codes. */
function inferScheme(items: Coded[]): SetScheme {
  if (items.length === 0) return 'unit';
  const counts: Record<string, number> = {};
  for (const it of items) {
    const s = schemeOfCode(it.code) ?? 'other';
    counts[s] = (counts[s] ?? 0) + 1;
  }
  for (const s of ['func', 'dept_econ'] as const) {
    // At least one 款/项 code, and most codes of this shape: a 3-digit 单位编码 "208" alone is not enough.
    const deep = items.some((it) => schemeOfCode(it.code) === s && it.code.length > 3);
    if (deep && (counts[s] ?? 0) >= 0.6 * items.length) return s;
  }
  return 'unit';
}

function collectSets(d: Disclosure): CodeSet[] {
  const sets: CodeSet[] = [];
  for (const t of d.tables) {
    if (SKIP_KINDS.includes(t.kind)) continue;
    const items = t.rows.map((r) => coded(r, false)).filter((c): c is Coded => !!c);
    if (ECON_KINDS.includes(t.kind)) {
      const pairs: { dept: Coded; gov?: Coded }[] = [];
      for (const r of t.rows) {
        const dept = coded(r, false);
        if (dept) pairs.push({ dept, gov: coded(r, true) });
      }
      sets.push({ table: t, scheme: 'dept_econ', items, pairs });
      const gov = t.rows.map((r) => coded(r, true)).filter((c): c is Coded => !!c);
      if (gov.length) sets.push({ table: t, scheme: 'gov_econ', items: gov, beside: true });
    } else if (FUNC_KINDS.includes(t.kind)) {
      sets.push({ table: t, scheme: 'func', items });
    } else if (items.length) {
      sets.push({ table: t, scheme: inferScheme(items), items });
    }
    for (const b of t.blocks ?? []) {
      if (b.key !== 'func' && b.key !== 'dept_econ' && b.key !== 'gov_econ') continue;
      const bItems = b.rows.map((r) => coded(r, false)).filter((c): c is Coded => !!c);
      if (bItems.length) sets.push({ table: t, scheme: b.key, items: bItems });
    }
  }
  return sets;
}

function cellsOf(...items: (Coded | undefined)[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (!it) continue;
    for (const c of [it.codeCell, it.nameCell]) if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

function show(it: Coded): string {
  return it.name ? `${it.code} ${it.name}` : it.code;
}

// ---------------------------------------------------------------- code.format

function checkFormat(set: CodeSet): Finding[] {
  const out: Finding[] = [];
  const title = set.table.title;
  for (const it of set.items) {
    const where = `“${title}”中的编码“${it.code}”${it.name ? `（${it.name}）` : ''}`;
    if (!/^\d+$/.test(it.code)) {
      out.push({
        rule: 'code.format',
        severity: 'error',
        message: `${where}不是纯数字。`,
        cells: cellsOf(it),
        table: title,
      });
      continue;
    }
    if (set.scheme === 'unit') {
      if (it.code.length < 3) {
        out.push({
          rule: 'code.format',
          severity: 'error',
          message: `${where}作为单位编码只有 ${it.code.length} 位，单位编码至少应为 3 位。`,
          cells: cellsOf(it),
          table: title,
        });
      }
      continue;
    }
    const scheme = set.scheme;
    const shape = schemeOfCode(it.code);
    if (shape && shape !== scheme) {
      out.push({
        rule: 'code.format',
        severity: 'error',
        message: `${where}看起来是${SCHEME_LABEL[shape]}编码，却填在${SCHEME_LABEL[scheme]}的位置。`,
        cells: cellsOf(it),
        table: title,
      });
      continue;
    }
    const lengths = SCHEME_LENGTHS[scheme];
    const first = scheme === 'func' ? '2' : scheme === 'dept_econ' ? '3' : '5';
    if (!lengths.includes(it.code.length) || it.code[0] !== first) {
      out.push({
        rule: 'code.format',
        severity: 'error',
        message: `${where}不符合${SCHEME_LABEL[scheme]}的格式：应为以 ${first} 开头的 ${lengths.join('/')} 位数字。`,
        cells: cellsOf(it),
        table: title,
      });
    } else if (it.code.length > 3 && it.code.endsWith('00')) {
      // 款 and 项 are numbered from 01: "30100" or "2080100" is never a 科目.
      out.push({
        rule: 'code.format',
        severity: 'error',
        message: `${where}的末两位为 00，${SCHEME_LABEL[scheme]}的款、项从 01 起编号，没有以 00 结尾的科目。`,
        cells: cellsOf(it),
        table: title,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- code.hierarchy

function checkHierarchy(set: CodeSet): Finding[] {
  const out: Finding[] = [];
  const title = set.table.title;
  if (set.scheme === 'unit') return checkUnitHierarchy(set);
  if (set.beside) return out;
  // Only well-formed codes of this scheme take part; code.format reports the rest.
  const items = set.items.filter((it) => schemeOfCode(it.code) === set.scheme);
  const byCode = new Map<string, Coded>();
  for (const it of items) if (!byCode.has(it.code)) byCode.set(it.code, it);
  const lengths = new Set(items.map((it) => it.code.length));
  const lastAt = new Map<number, Coded>();
  let skippedFlat = false;
  for (const it of items) {
    const len = it.code.length;
    lastAt.set(len, it);
    for (const l of [...lastAt.keys()]) if (l > len) lastAt.delete(l);
    const parent = parentCode(it.code);
    if (!parent) continue;
    if (!lengths.has(parent.length)) {
      // The table lists no 类 (or 款) rows at all: a flat list, not a tree.
      skippedFlat = true;
      continue;
    }
    const above = lastAt.get(parent.length);
    if (above && above.code === parent) continue;
    const parentRow = byCode.get(parent);
    const level = LEVEL_NAME[len];
    const parentLevel = LEVEL_NAME[parent.length];
    if (parentRow) {
      out.push({
        rule: 'code.hierarchy',
        severity: 'error',
        message:
          `“${title}”中${level}级科目 ${show(it)} 没有排在其上级${parentLevel}级科目 ${show(parentRow)} 之下` +
          (above ? `，而是排在 ${show(above)} 之下。` : '。'),
        cells: [...cellsOf(it), ...(above ? cellsOf(above) : []), ...cellsOf(parentRow)],
        table: title,
      });
    } else {
      out.push({
        rule: 'code.hierarchy',
        severity: 'error',
        message:
          `“${title}”中${level}级科目 ${show(it)} 缺少上级${parentLevel}级科目 ${parent} 的行` +
          (above ? `（它排在 ${show(above)} 之下，编码前缀不一致）。` : '。'),
        cells: [...cellsOf(it), ...(above ? cellsOf(above) : [])],
        table: title,
      });
    }
  }
  if (skippedFlat) {
    out.push({
      rule: 'code.hierarchy',
      severity: 'info',
      message: `“${title}”只列示了部分级次的科目（没有上级科目行），未检查科目层级。`,
      cells: items.length ? [items[0].codeCell] : [],
      table: title,
    });
  }
  return out;
}

/** 单位编码: a 下级单位 row's code normally starts with its 部门's code (115 → 115002). */
function checkUnitHierarchy(set: CodeSet): Finding[] {
  const out: Finding[] = [];
  const title = set.table.title;
  const lastAt = new Map<number, Coded>();
  for (const it of set.items) {
    const level = it.row.level;
    if (level < 0) continue;
    lastAt.set(level, it);
    for (const l of [...lastAt.keys()]) if (l > level) lastAt.delete(l);
    const parent = level > 0 ? lastAt.get(level - 1) : undefined;
    if (!parent || !/^\d+$/.test(it.code) || !/^\d+$/.test(parent.code)) continue;
    if (!it.code.startsWith(parent.code) || it.code === parent.code) {
      out.push({
        rule: 'code.hierarchy',
        severity: 'warning',
        message: `“${title}”中下级单位 ${show(it)} 的编码没有以上级单位 ${show(parent)} 的编码开头。`,
        cells: [...cellsOf(it), ...cellsOf(parent)],
        table: title,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- code.name_consistent

function checkNameConsistent(sets: CodeSet[], codes: CodeCatalogue): Finding[] {
  const out: Finding[] = [];
  // scheme:code → normalised name → occurrences
  const seen = new Map<string, Map<string, { it: Coded; table: Table }[]>>();
  for (const set of sets) {
    if (set.scheme === 'unit') continue;
    for (const it of set.items) {
      if (!it.name) continue;
      const key = `${set.scheme}:${it.code}`;
      const byName = seen.get(key) ?? new Map();
      const list = byName.get(normName(it.name)) ?? [];
      list.push({ it, table: set.table });
      byName.set(normName(it.name), list);
      seen.set(key, byName);
    }
  }
  // 单位编码 ↔ 单位名称 is cross.unit_code's business, not ours.
  for (const [key, byName] of seen) {
    if (byName.size < 2) continue;
    const [scheme, code] = key.split(':') as [CodeScheme, string];
    const official = codes.get(scheme, code);
    const groups = [...byName.entries()].sort((a, b) => {
      // The catalogue's name first, then the most frequent spelling.
      const ao = official && a[0] === normName(official.name) ? 1 : 0;
      const bo = official && b[0] === normName(official.name) ? 1 : 0;
      return bo - ao || b[1].length - a[1].length;
    });
    const [ref, ...others] = groups;
    const refOcc = ref[1];
    for (const [, occ] of others) {
      const first = occ[0];
      const tables = (list: { table: Table }[]) => [...new Set(list.map((o) => `“${o.table.title}”`))].join('、');
      out.push({
        rule: 'code.name_consistent',
        severity: 'error',
        message:
          `科目 ${code} 在各表中名称不一致：${tables(occ)}为“${first.it.name}”，` +
          `${tables(refOcc)}为“${refOcc[0].it.name}”。`,
        cells: [...occ.flatMap((o) => cellsOf(o.it)), ...refOcc.map((o) => o.it.nameCell ?? o.it.codeCell)],
        table: first.table.title,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- code.name_catalogue / code.unknown

/** "对机关事业单位基本养老保险基" is a truncation of "对机关事业单位基本养老保险基金的补助". */
function isTruncation(printed: string, official: string): boolean {
  return printed.length >= 4 && printed.length < official.length && official.startsWith(printed);
}

/** "社保经办机构"-style abbreviation: every printed character appears in order in the name. */
function isAbbreviation(printed: string, official: string): boolean {
  if (printed.length < 4 || printed.length >= official.length || printed[0] !== official[0]) return false;
  if (printed.length < 0.5 * official.length) return false;
  return charactersInOrder(printed, official);
}

function catalogueSeverity(entry: CodeEntry): Severity {
  return entry.trust === 'unverified' ? 'warning' : 'error';
}

/**
 * The workbook is of a year before the list's edition: its codes and names may be those of its own
 * year, so a difference is only an info that says so.
 */
function olderThanList(year: number | undefined, codes: CodeCatalogue, scheme: CodeScheme): string | undefined {
  const from = codes.validFrom?.[scheme];
  if (!year || !from || year >= from) return undefined;
  return `（本工作簿为 ${year} 年度，${codes.label}按 ${from} 年起的科目编制，未能核对 ${year} 年的科目；如需核对，请载入当年的科目表）`;
}

function checkNames(sets: CodeSet[], codes: CodeCatalogue, year?: number): Finding[] {
  const out: Finding[] = [];
  const unknown = new Map<string, { scheme: CodeScheme; its: Coded[]; tables: Table[] }>();
  for (const set of sets) {
    if (set.scheme === 'unit') continue;
    const scheme = set.scheme;
    const title = set.table.title;
    for (const it of set.items) {
      if (schemeOfCode(it.code) !== scheme) continue; // code.format reports it
      const entry = codes.get(scheme, it.code);
      if (!entry) {
        const key = `${scheme}:${it.code}`;
        const u = unknown.get(key) ?? { scheme, its: [], tables: [] };
        u.its.push(it);
        u.tables.push(set.table);
        unknown.set(key, u);
        continue;
      }
      if (!it.name) {
        out.push({
          rule: 'code.name_catalogue',
          severity: 'warning',
          message: `“${title}”中科目 ${it.code} 没有填写名称（应为“${entry.name}”）。`,
          cells: cellsOf(it),
          table: title,
        });
        continue;
      }
      const printed = normName(it.name);
      const name = normName(entry.name);
      if (printed === name) continue;
      const base = `“${title}”中科目 ${it.code} 的名称“${it.name}”`;
      const older = olderThanList(year, codes, scheme);
      const f = (severity: Severity, message: string): Finding => ({
        rule: 'code.name_catalogue',
        severity: older ? 'info' : severity,
        message: older ? message.replace(/。$/, `${older}。`) : message,
        cells: cellsOf(it),
        table: title,
      });
      if (entry.oldNames?.some((n) => normName(n) === printed)) {
        out.push(f('warning', `${base}是旧版科目名称，现行名称为“${entry.name}”。`));
      } else if (entry.localNames?.some((n) => normName(n) === printed)) {
        out.push(f('info', `${base}是地方习惯叫法，${codes.label}中的名称为“${entry.name}”。`));
      } else if (isTruncation(printed, name)) {
        out.push(f('info', `${base}不完整（可能被单元格截断），完整名称为“${entry.name}”。`));
      } else if (isAbbreviation(printed, name)) {
        out.push(f('info', `${base}是简称，规范名称为“${entry.name}”。`));
      } else {
        const parent = entry.parent ? codes.get(scheme, entry.parent) : undefined;
        const parentHint =
          parent && normName(parent.name) === printed ? `（这是上级科目 ${parent.code} 的名称）` : '';
        const unverified =
          entry.trust === 'unverified' ? `（${codes.label}中该名称未经核实，请以财政部正式科目表为准）` : '';
        out.push(
          f(
            catalogueSeverity(entry),
            `${base}与${codes.label}不符${parentHint}：应为“${entry.name}”${unverified}。`,
          ),
        );
      }
    }
  }
  // A workbook older than the list: one 提示 per scheme naming every code the list does not have.
  const olderGroups = new Map<CodeScheme, { its: Coded[]; tables: Table[]; shown: string[] }>();
  for (const [key, u] of unknown) {
    if (!olderThanList(year, codes, u.scheme)) continue;
    const g = olderGroups.get(u.scheme) ?? { its: [], tables: [], shown: [] };
    const named = u.its.find((i) => i.name);
    g.its.push(...u.its);
    g.tables.push(...u.tables);
    g.shown.push(named ? show(named) : key.split(':')[1]);
    olderGroups.set(u.scheme, g);
    unknown.delete(key);
  }
  for (const [scheme, g] of olderGroups) {
    out.push({
      rule: 'code.unknown',
      severity: 'info',
      message: `${[...new Set(g.tables.map((t) => `“${t.title}”`))].join('、')}中的 ${g.shown.length} 个${SCHEME_LABEL[scheme]}（${g.shown.join('、')}）不在${codes.label}中${olderThanList(year, codes, scheme)}。`,
      cells: g.its.flatMap((i) => cellsOf(i)),
      table: g.tables[0].title,
    });
  }
  for (const [key, u] of unknown) {
    const code = key.split(':')[1];
    const older = olderThanList(year, codes, u.scheme);
    const complete = codes.complete[u.scheme] && !older;
    const named = u.its.find((i) => i.name);
    const tables = [...new Set(u.tables.map((t) => `“${t.title}”`))].join('、');
    out.push({
      rule: 'code.unknown',
      severity: complete ? 'error' : 'info',
      message: complete
        ? `${tables}中的科目 ${named ? show(named) : code} 不在${codes.label}的${SCHEME_LABEL[u.scheme]}中。`
        : older
          ? `${tables}中的科目 ${named ? show(named) : code} 不在${codes.label}中${older}。`
          : `${tables}中的科目 ${named ? show(named) : code} 不在${codes.label}中（内置${SCHEME_LABEL[u.scheme]}不完整），未能核对其编码和名称；如需完整核对，请载入本地科目表。`,
      cells: u.its.flatMap((i) => cellsOf(i)),
      table: u.tables[0].title,
    });
  }
  return out;
}

// ---------------------------------------------------------------- code.econ_mapping

const PUBLIC_INSTITUTION = /(中心|站|所|院|校|馆|队|台|社|园|场|室|机构)$/;
const GOVERNMENT_BODY = /(法院|检察院|局|委员会|委|办公室|办|部|厅|政府|常委会|政协)$/;

/** 机关 or 事业单位 for a table, with the reason (for the message). */
export function inferUnitType(d: Disclosure, t: Table, govCodes: string[]): { type: UnitType; basis: string } {
  const name = (t.part ?? d.unitName ?? '').replace(/\s+/g, '');
  if (name && PUBLIC_INSTITUTION.test(name) && !GOVERNMENT_BODY.test(name)) {
    return { type: '事业单位', basis: `单位名称“${name}”` };
  }
  const institution = govCodes.filter((c) => c.startsWith('505') || c.startsWith('506')).length;
  const government = govCodes.filter((c) => /^50[1-4]/.test(c)).length;
  if (institution > 0 && government === 0) {
    return { type: '事业单位', basis: '表中政府经济科目使用了 505/506（对事业单位补助）' };
  }
  return { type: 'any', basis: '' };
}

function checkEconMapping(d: Disclosure, sets: CodeSet[], codes: CodeCatalogue): Finding[] {
  const out: Finding[] = [];
  const noMapping = new Set<string>();
  for (const set of sets) {
    if (set.scheme !== 'dept_econ' || !set.pairs) continue;
    const title = set.table.title;
    const govCodes = set.pairs.map((p) => p.gov?.code).filter((c): c is string => !!c);
    if (govCodes.length === 0) continue; // the table has no 政府经济 column
    const { type, basis } = inferUnitType(d, set.table, govCodes);
    for (const { dept, gov } of set.pairs) {
      if (codeLevel(dept.code) !== '款' || schemeOfCode(dept.code) !== 'dept_econ') continue;
      if (!gov) {
        out.push({
          rule: 'code.econ_mapping',
          severity: 'warning',
          message: `“${title}”中部门经济科目 ${show(dept)} 没有填写对应的政府经济科目。`,
          cells: cellsOf(dept),
          table: title,
        });
        continue;
      }
      const allowed = codes.govEconFor(dept.code, type);
      if (allowed.length === 0) {
        if (codes.govEconFor(dept.code, 'any').length === 0 && !noMapping.has(dept.code)) {
          noMapping.add(dept.code);
          out.push({
            rule: 'code.econ_mapping',
            severity: 'info',
            message: `${codes.label}的对照表中没有部门经济科目 ${show(dept)} 的对应关系，未核对其政府经济科目 ${show(gov)}。`,
            cells: [...cellsOf(dept), ...cellsOf(gov)],
            table: title,
          });
        }
        continue;
      }
      if (allowed.includes(gov.code)) continue;
      const rows: EconMapping[] = (codes.mappingsFor?.(dept.code) ?? []).filter(
        (m) => type === 'any' || m.unitType === 'any' || m.unitType === type,
      );
      const verified = rows.length === 0 || rows.some((m) => m.trust !== 'unverified');
      const expected = allowed
        .map((c) => {
          const e = codes.get('gov_econ', c);
          return e ? `${c} ${e.name}` : c;
        })
        .join(' 或 ');
      const unit = type === 'any' ? '' : `（${type}，依据${basis}）`;
      out.push({
        rule: 'code.econ_mapping',
        severity: verified ? 'error' : 'warning',
        message:
          `“${title}”中部门经济科目 ${show(dept)} 对应的政府经济科目应为 ${expected}${unit}，表中为 ${show(gov)}` +
          (verified ? '。' : '（内置对照关系未经核实，请以财政部对照表为准）。'),
        cells: [...cellsOf(dept), ...cellsOf(gov)],
        table: title,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- family

export const codeRules: RuleFamily = {
  id: 'code',
  title: '科目编码与名称',
  rules: [
    { id: 'code.format', title: '科目编码格式（功能 3/5/7 位、经济 3/5 位、单位编码不少于 3 位）', severity: 'error' },
    { id: 'code.hierarchy', title: '科目层级：下级科目排在其上级科目之下且编码前缀一致', severity: 'error|warning' },
    { id: 'code.name_consistent', title: '同一科目编码在各表中名称一致', severity: 'error' },
    { id: 'code.name_catalogue', title: '科目名称与科目表一致（旧版名称为警告，截断或简称、早于科目表版本的年度为提示）', severity: 'error|warning|info' },
    { id: 'code.unknown', title: '科目编码在科目表中（内置表不完整，仅提示；载入完整科目表后为错误）', severity: 'error|info' },
    { id: 'code.econ_mapping', title: '部门经济科目与政府经济科目的对应符合对照表（区分机关/事业单位）', severity: 'error|warning' },
  ],
  run(ctx: RuleContext): Finding[] {
    const sets = collectSets(ctx.disclosure);
    return [
      ...sets.flatMap(checkFormat),
      ...sets.flatMap(checkHierarchy),
      ...checkNameConsistent(sets, ctx.codes),
      ...checkNames(sets, ctx.codes, ctx.disclosure.year),
      ...checkEconMapping(ctx.disclosure, sets, ctx.codes),
    ];
  },
};

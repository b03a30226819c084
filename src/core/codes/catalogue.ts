/**
 * The 政府收支分类科目 catalogue the code rules check against.
 *
 * Three schemes: 支出功能分类 (func, 3/5/7 digits: 类/款/项), 部门预算支出经济分类 (dept_econ,
 * 3/5 digits: 类/款) and 政府预算支出经济分类 (gov_econ, 3/5 digits), plus the 对照表 from
 * 部门经济款 to 政府经济款 by unit type. The built-in data is compiled from data/*.csv into
 * data.generated.ts (the engine cannot read files); users may load their own 科目表 through
 * src/file/codes.ts. The built-in 功能 list is PARTIAL: an unknown code is only an `info`.
 */
import { DEPT_ECON, ECON_MAP, FUNC, GOV_ECON, RawEntry, Trust } from './data.generated';
import { memoByString } from '../memo';

export type CodeScheme = 'func' | 'dept_econ' | 'gov_econ';
export type { Trust };
export type UnitType = '机关' | '事业单位' | 'any';

export const SCHEMES: CodeScheme[] = ['func', 'dept_econ', 'gov_econ'];

export const SCHEME_LABEL: Record<CodeScheme, string> = {
  func: '支出功能分类科目',
  dept_econ: '部门预算支出经济分类科目',
  gov_econ: '政府预算支出经济分类科目',
};

export interface CodeEntry {
  scheme: CodeScheme;
  code: string;
  name: string;
  level: '类' | '款' | '项';
  parent?: string;
  /** True when the row is from an official source; false when observed or unverified. */
  official: boolean;
  evidence?: string;
  /** official: official text or a reproduction of it; observed: printed in a real disclosure; unverified: neither. */
  trust?: Trust;
  /** Names of earlier editions (accepted with a warning naming the current name). */
  oldNames?: string[];
  /** Local display labels seen in real disclosures (accepted with an info). */
  localNames?: string[];
}

export interface EconMapping {
  dept: string;
  gov: string;
  unitType: UnitType;
  evidence?: string;
  trust?: Trust;
}

export interface CodeCatalogue {
  /** A description for messages: "内置科目表（部分）" or the user's file name. */
  label: string;
  /** When true for a scheme, an unknown code in it is an error; otherwise an info saying the list is partial. */
  complete: Record<CodeScheme, boolean>;
  get(scheme: CodeScheme, code: string): CodeEntry | undefined;
  /** Government economic codes a 部门经济 款 may map to, for a unit type; [] when unknown. */
  govEconFor(deptCode: string, unitType: '机关' | '事业单位' | 'any'): string[];
  /**
   * The first budget year the list describes, per scheme (built-in: 功能 2024, 经济 2018). A workbook of
   * an earlier year may use codes and names of its own year's edition: they are not checked against
   * this list beyond an info. Absent (a user's own 科目表): the list is taken as right for the workbook.
   */
  validFrom?: Partial<Record<CodeScheme, number>>;
  /** All entries of a scheme, in code order (optional for hand-made catalogues). */
  entries?(scheme: CodeScheme): CodeEntry[];
  /** The 对照表 rows of a 部门经济款, with their evidence (optional). */
  mappingsFor?(deptCode: string): EconMapping[];
  /** Every 对照表 row (optional). */
  mappings?(): EconMapping[];
}

/** 类 (3 digits), 款 (5), 项 (7); undefined for any other length or non-digits. */
export function codeLevel(code: string): '类' | '款' | '项' | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

/** The code of the parent 类/款: "2080109" → "20801", "20801" → "208", "208" → undefined. */
export function parentCode(code: string): string | undefined {
  const level = codeLevel(code);
  if (level === '款' || level === '项') return code.slice(0, code.length - 2);
  return undefined;
}

/** Lengths a scheme allows. */
export const SCHEME_LENGTHS: Record<CodeScheme, number[]> = {
  func: [3, 5, 7],
  dept_econ: [3, 5],
  gov_econ: [3, 5],
};

/** The scheme a code most likely belongs to by its shape, or undefined. */
export function schemeOfCode(code: string): CodeScheme | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code[0] === '2' && [3, 5, 7].includes(code.length)) return 'func';
  if (code[0] === '3' && [3, 5].includes(code.length)) return 'dept_econ';
  if (code[0] === '5' && [3, 5].includes(code.length)) return 'gov_econ';
  return undefined;
}

const BRACKETS = /[()（）[\]【】〔〕{}<>《》“”"'‘’]/g;
const SPACES = /[\s\u3000\u00a0]+/g;
const MARKER = /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|其中[:：])+/;

/**
 * Normalises a name for comparison: full-width letters and digits to half-width, spaces,
 * brackets and quotes removed. "因公出国(境)费用" and "因公出国（境）费用" compare equal.
 */
export function normName(name: string): string {
  return normMemo(name);
}
/** Room for the names of a folder's worth of workbooks; the same few hundred recur in each. */
const NAME_CACHE_SIZE = 20000;
const normMemo = memoByString(
  (name) =>
    name
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(SPACES, '')
      .replace(BRACKETS, ''),
  NAME_CACHE_SIZE,
);

/** A label as printed in a summary block ("　8、社会保障和就业支出", "(5)资本性支出(基本建设)") → bare name. */
export function stripMarker(label: string): string {
  return label.replace(SPACES, '').replace(MARKER, '');
}

function splitNames(s: string | undefined): string[] | undefined {
  const names = (s ?? '')
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length ? names : undefined;
}

function entryOf(scheme: CodeScheme, raw: RawEntry): CodeEntry {
  const [code, name, evidence, trust, oldNames, localNames] = raw;
  const level = codeLevel(code) ?? '类';
  return {
    scheme,
    code,
    name,
    level,
    parent: parentCode(code),
    official: trust === 'official',
    evidence,
    trust,
    oldNames: splitNames(oldNames),
    localNames: splitNames(localNames),
  };
}

/** Builds a catalogue over entry lists and 对照表 rows. */
export function makeCatalogue(
  label: string,
  lists: Partial<Record<CodeScheme, CodeEntry[]>>,
  mappings: EconMapping[],
  complete: Record<CodeScheme, boolean>,
): CodeCatalogue {
  const maps: Record<CodeScheme, Map<string, CodeEntry>> = {
    func: new Map(),
    dept_econ: new Map(),
    gov_econ: new Map(),
  };
  for (const s of SCHEMES) for (const e of lists[s] ?? []) maps[s].set(e.code, e);
  const byDept = new Map<string, EconMapping[]>();
  for (const m of mappings) {
    const list = byDept.get(m.dept) ?? [];
    list.push(m);
    byDept.set(m.dept, list);
  }
  return {
    label,
    complete: { ...complete },
    get: (scheme, code) => maps[scheme].get(code),
    govEconFor(deptCode, unitType) {
      const rows = byDept.get(deptCode) ?? [];
      const gov = rows
        .filter((m) => unitType === 'any' || m.unitType === 'any' || m.unitType === unitType)
        .map((m) => m.gov);
      return [...new Set(gov)];
    },
    entries: (scheme) => [...maps[scheme].values()].sort((a, b) => a.code.localeCompare(b.code)),
    mappingsFor: (deptCode) => [...(byDept.get(deptCode) ?? [])],
    mappings: () => [...mappings],
  };
}

export function emptyCatalogue(): CodeCatalogue {
  return makeCatalogue('空科目表', {}, [], { func: false, dept_econ: false, gov_econ: false });
}

let builtin: CodeCatalogue | undefined;

/**
 * The built-in catalogue. 功能 is partial (about 550 of the ~1,800 codes of 2024, see
 * data/SOURCES.md): an unknown 功能 code is an info. The 部门经济 list holds every 款 of the
 * 2018+ edition (101 of 110 rows sourced), so it is declared complete: an unknown 部门经济 code
 * is an error. The 政府经济 list is mostly unverified and stays partial.
 */
export function builtinCatalogue(): CodeCatalogue {
  if (!builtin) {
    builtin = makeCatalogue(
      '内置科目表（部分）',
      {
        func: FUNC.map((r) => entryOf('func', r)),
        dept_econ: DEPT_ECON.map((r) => entryOf('dept_econ', r)),
        gov_econ: GOV_ECON.map((r) => entryOf('gov_econ', r)),
      },
      ECON_MAP.map(([dept, gov, unitType, evidence, trust]) => ({ dept, gov, unitType, evidence, trust })),
      { func: false, dept_econ: true, gov_econ: false },
    );
    builtin.validFrom = { func: 2024, dept_econ: 2018, gov_econ: 2018 };
  }
  return builtin;
}

/** Extra names of 功能 类 seen in summary tables (older editions, local wording). */
const FUNC_CLASS_ALIASES: Record<string, string> = {
  文化体育与传媒支出: '207',
  文化旅游体育与传媒: '207',
  医疗卫生与计划生育支出: '210',
  医疗卫生支出: '210',
  国土海洋气象等支出: '220',
  国土资源气象等支出: '220',
  资源勘探信息等支出: '215',
  资源勘探电力信息等支出: '215',
  城乡社区事务支出: '212',
  灾害防治及应急管理: '224',
  债务付息支出: '232',
  债务还本支出: '231',
  债务发行费用支出: '233',
};

/** Economic 类 as printed in 收支总表 lines ("(3)对个人和家庭补助", "(5)资本性支出(基本建设)"). */
const DEPT_ECON_CLASS_ALIASES: Record<string, string> = {
  对个人和家庭补助: '303',
  对个人和家庭的补助支出: '303',
  工资福利: '301',
  商品和服务: '302',
  基本建设支出: '309',
  资本性支出基本建设: '309',
  对企业补助基本建设: '311',
};

const GOV_ECON_CLASS_ALIASES: Record<string, string> = {
  对个人和家庭补助: '509',
  预备费: '514',
};

function classIndex(scheme: CodeScheme, aliases: Record<string, string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of builtinCatalogue().entries!(scheme)) {
    if (e.level !== '类') continue;
    for (const n of [e.name, ...(e.oldNames ?? []), ...(e.localNames ?? [])]) index.set(normName(n), e.code);
  }
  for (const [n, code] of Object.entries(aliases)) if (!index.has(normName(n))) index.set(normName(n), code);
  return index;
}

const classIndexes: Partial<Record<CodeScheme, Map<string, string>>> = {};
/** A 类 code by its name as printed, per scheme (the same lines recur in every summary table). */
function classByName(scheme: CodeScheme, aliases: Record<string, string>): (name: string) => string | undefined {
  return memoByString((name) => {
    const index = (classIndexes[scheme] ??= classIndex(scheme, aliases));
    return index.get(normName(stripMarker(name)));
  }, NAME_CACHE_SIZE);
}
const funcClass = classByName('func', FUNC_CLASS_ALIASES);
const deptEconClass = classByName('dept_econ', DEPT_ECON_CLASS_ALIASES);
const govEconClass = classByName('gov_econ', GOV_ECON_CLASS_ALIASES);

/** A 功能 类 name as printed in a 收支总表 line → its code: "8、社会保障和就业支出" → "208". */
export function funcClassByName(name: string): string | undefined {
  return funcClass(name);
}

/** A 部门经济 类 name → its code: "工资福利支出" → "301", "资本性支出(基本建设)" → "309". */
export function deptEconClassByName(name: string): string | undefined {
  return deptEconClass(name);
}

/** A 政府经济 类 name → its code: "对事业单位经常性补助" → "505", "机关资本性支出（一）" → "503". */
export function govEconClassByName(name: string): string | undefined {
  return govEconClass(name);
}

/**
 * The figures a 说明 states, and where each lives in the tables. One registry serves both the
 * generator (which writes a figure's subject words and its value) and the checker (which maps
 * the subject words it reads back to the same figure and compares).
 */
import Decimal from 'decimal.js';
import { cellRef } from '../grid';
import { Amount, Disclosure, Row, Table, TableKind, tablesOfKind, totalRow } from '../disclosure';
import { grandTotal, yearTotal } from '../rules/summary';
import { MoneyUnit, halfUnitYuan } from '../money';
import { rowYear } from '../recognise/profile';

/** A figure from the tables: value in 元 and the cells it comes from. */
export interface Fig {
  value: Decimal;
  cells: string[];
  note?: string;
  /** The unit of the table it was read from (absent: 元). */
  unit?: MoneyUnit;
  /**
   * How far the true figure may lie from `value`, in 元: half a unit of each cell's last printed
   * digit (1,002.10 万元 stands for 10,020,950–10,021,050 元); absent or 0 for cells in 元.
   */
  half?: Decimal;
  /** Most decimals its cells print (in `unit`), for showing it as printed. */
  decimals?: number;
  /**
   * The figure stands in for one the workbook does not print (机关运行经费 read as the 公用经费 it is
   * made of, with no 机关运行经费 table): why, said with a gap, which is then at most a warning.
   */
  proxy?: string;
}

/** The figure of one cell of table `t` (its unit and printed decimals give the figure's precision). */
export function fig(a: Amount | undefined, t?: Table): Fig | undefined {
  if (!a) return undefined;
  const f: Fig = { value: a.value, cells: [a.cell] };
  if (t) f.unit = t.unit;
  if (!a.blank) f.decimals = a.decimals;
  if (t && t.unit !== '元' && !a.blank && !a.value.isZero()) f.half = halfUnitYuan(t.unit, a.decimals);
  return f;
}

export function sumFigs(list: (Fig | undefined)[], note?: string): Fig | undefined {
  const ok = list.filter((f): f is Fig => !!f);
  if (ok.length === 0) return undefined;
  const out: Fig = { value: ok.reduce((a, f) => a.plus(f.value), new Decimal(0)), cells: ok.flatMap((f) => f.cells), note };
  const unit = ok.find((f) => f.unit)?.unit;
  if (unit) out.unit = unit;
  const half = ok.reduce((h, f) => (f.half ? h.plus(f.half) : h), new Decimal(0));
  if (!half.isZero()) out.half = half;
  const decimals = ok.map((f) => f.decimals).filter((d): d is number => d !== undefined);
  if (decimals.length) out.decimals = Math.max(...decimals);
  return out;
}

/** The first table of a kind; with parts (河北), the first part's (the 部门 part). */
export function primary(d: Disclosure, kind: TableKind): Table | undefined {
  const list = tablesOfKind(d, kind);
  if (list.length === 0) return undefined;
  const firstPart = d.tables.find((t) => t.part !== undefined)?.part;
  const inPart = list.filter((t) => t.part === firstPart);
  const pool = inPart.length ? inPart : list;
  // A title repeated elsewhere (a 目录 line read as a title) yields an empty copy: prefer the one with rows.
  return pool.find((t) => t.rows.length > 0 || (t.blocks ?? []).some((b) => b.rows.length > 0) || (t.fields ?? []).length > 0) ?? pool[0];
}

function norm(s: string | undefined): string {
  return (s ?? '').replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** A labelled line of a summary-type table's block: "本年收入合计", "一般公共预算拨款". */
export function blockLine(t: Table | undefined, block: string, re: RegExp, opts: { not?: RegExp } = {}): Fig | undefined {
  const b = t?.blocks?.find((x) => x.key === block);
  if (!b) return undefined;
  const row = b.rows.find((r) => re.test(norm(r.label ?? r.name)) && !(opts.not && opts.not.test(norm(r.label ?? r.name))));
  return row ? fig(row.amounts.amount ?? Object.values(row.amounts)[0], t) : undefined;
}

/** All lines of a block, for name matching. */
export function blockRows(t: Table | undefined, block: string): Row[] {
  return t?.blocks?.find((x) => x.key === block)?.rows ?? [];
}

/** A table's total in a column: its 合计 row, else the sum of its top-level rows. */
export function columnTotal(t: Table | undefined, col: string): Fig | undefined {
  if (!t) return undefined;
  const tr = totalRow(t);
  if (tr) {
    const a = tr.amounts[col];
    if (a) return fig(a, t);
    const c = t.columns.find((x) => x.key === col);
    return c ? { value: new Decimal(0), cells: [cellRef(t.sheet, tr.row, c.col)], unit: t.unit } : undefined;
  }
  if (!t.columns.some((c) => c.key === col)) return undefined;
  const top = t.rows.filter((r) => r.level === 0 && !r.isOfWhich);
  return sumFigs(top.map((r) => fig(r.amounts[col], t)), top.length > 1 ? `Σ ${top.length} 行` : undefined);
}

export function isZeroOrMissing(f: Fig | undefined): boolean {
  return !f || f.value.isZero();
}

/** True when a table has at least one non-zero amount. */
export function hasData(t: Table | undefined): boolean {
  if (!t) return false;
  for (const r of t.rows) for (const a of Object.values(r.amounts)) if (a && !a.value.isZero()) return true;
  for (const b of t.blocks ?? []) for (const r of b.rows) for (const a of Object.values(r.amounts)) if (a && !a.value.isZero()) return true;
  for (const f of t.fields ?? []) if (f.amount && !f.amount.value.isZero()) return true;
  return false;
}

const SUMMARY_KINDS: TableKind[] = ['summary', 'fiscal_summary'];

function summary(d: Disclosure): Table | undefined {
  return primary(d, 'summary') ?? primary(d, 'fiscal_summary');
}

function fiscal(d: Disclosure): Table | undefined {
  return primary(d, 'fiscal_summary') ?? primary(d, 'summary');
}

/** 本年收入合计 / 本年支出合计 of a summary table (当年收入小计 …: the year's total, see yearTotal). */
function incomeTotal(t: Table | undefined): Fig | undefined {
  const b = t?.blocks?.find((x) => x.key === 'income');
  const year = b && (yearTotal(b) ?? grandTotal(b));
  return (year && fig(year.amounts.amount, t)) ?? blockLine(t, 'income', /^本年收入合计$|^收入合计$/) ?? blockLine(t, 'income', /收入总计/);
}

function expenseTotal(t: Table | undefined): Fig | undefined {
  for (const b of ['func', 'expense', 'dept_econ', 'gov_econ']) {
    const blk = t?.blocks?.find((x) => x.key === b);
    const year = blk && (yearTotal(blk) ?? grandTotal(blk));
    const f = (year && fig(year.amounts.amount, t!)) ?? blockLine(t, b, /^本年支出合计$|^支出合计$/) ?? blockLine(t, b, /支出总计/);
    if (f) return f;
  }
  return undefined;
}

/** 一般公共预算 支出 total: the 功能 detail table's 合计, else the summary line. */
function gpExpense(d: Disclosure): Fig | undefined {
  return columnTotal(primary(d, 'gp_func'), 'total') ?? blockLine(fiscal(d), 'income', /一般公共预算/, { not: /其中/ });
}

/**
 * A “三公” figure of this year (or last year's) from the “三公” table, whichever way it is laid out:
 * - items as columns: this year's is the 本年/当年 column of the item (current_reception), else its
 *   预算数 column (budget_reception), else the item's only column (reception); last year's is its
 *   上年 column (prior_reception);
 * - items as rows (因公出国（境）费 | 公务接待费 … down the table): the item's row, in the 本年/当年
 *   column, else 预算数, else the plain amount column (合计, 金额, 2024年); last year's in the 上年
 *   column. The “三公” total is the 小计 row, else the 合计 row when the table lists no 会议费 or
 *   培训费 (then 合计 is the “三公” total).
 * A table with 决算数 columns gives no figure of this year: its 说明 may speak of 预算 or of 决算, and
 * the subject words alone do not tell which figure is meant.
 */
function threePublic(d: Disclosure, key: string, year: 'current' | 'prior' = 'current'): Fig | undefined {
  const t = primary(d, 'three_public');
  if (!t) return undefined;
  const keys = new Set(t.columns.map((c) => c.key));
  const hasFinal = [...keys].some((k) => k === 'final' || k.startsWith('final_'));
  if (year === 'current' && hasFinal) return undefined;
  if (t.itemRows) {
    const row = itemRow(t, key);
    const col = (year === 'prior' ? ['prior'] : ['current', 'budget', 'total']).find((k) => keys.has(k));
    return row && col ? fig(row.amounts[col], t) : undefined;
  }
  const col = (year === 'prior' ? [`prior_${key}`] : [`current_${key}`, `budget_${key}`, key]).find((k) => keys.has(k));
  // Rows that are years (年度 | 合计 | 因公出国 …: 2015年, 2016年): this year's is the latest, last year's the one before.
  const years = yearRows(t);
  if (years) {
    const row = year === 'prior' ? years[years.length - 2] : years[years.length - 1];
    const a = [`current_${key}`, `budget_${key}`, key].map((k) => row.amounts[k]).find((x) => !!x);
    return a ? fig(a, t) : undefined;
  }
  return col ? columnTotal(t, col) : undefined;
}

/** A table's rows when every one is named by a year (2015年, 2016年决算数), oldest first; undefined otherwise. */
export function yearRows(t: Table): Row[] | undefined {
  const named = t.rows.map((r) => ({ r, year: rowYear(r.name) }));
  if (named.length < 2 || named.some((x) => x.year === undefined)) return undefined;
  // The same year twice (2016年预算数, 2016年决算数): which is this year's figure is not said.
  if (new Set(named.map((x) => x.year)).size < named.length) return undefined;
  return named.sort((a, b) => a.year! - b.year!).map((x) => x.r);
}

/** The row of a “三公” item in a table whose rows are the items. */
function itemRow(t: Table, key: string): Row | undefined {
  const own = t.rows.find((r) => r.item === key);
  if (own || key !== 'sub') return own;
  const hasOthers = t.rows.some((r) => r.item === 'meeting' || r.item === 'training');
  return hasOthers ? undefined : t.rows.find((r) => r.isTotal);
}

export interface FigureDef {
  id: string;
  /** Matched against the subject words before the figure (whitespace removed). */
  subject: RegExp;
  not?: RegExp;
  get(d: Disclosure): Fig | undefined;
  /** Last year's figure from the same workbook (上年 columns), when the tables have one. */
  prior?(d: Disclosure): Fig | undefined;
}

/** Most specific first. */
export const FIGURES: FigureDef[] = [
  // 三公 and 会议费/培训费 (from the “三公”经费 table).
  { id: 'three.abroad', subject: /因公出国/, get: (d) => threePublic(d, 'abroad'), prior: (d) => threePublic(d, 'abroad', 'prior') },
  { id: 'three.reception', subject: /公务接待/, not: /机关运行/, get: (d) => threePublic(d, 'reception'), prior: (d) => threePublic(d, 'reception', 'prior') },
  { id: 'three.car_sub', subject: /(公务用车|公车)购置(和|及|与)运行|公务用车购置及运维费|公务用车购置和运维/, get: (d) => threePublic(d, 'car_sub'), prior: (d) => threePublic(d, 'car_sub', 'prior') },
  { id: 'three.car_buy', subject: /公务用车购置/, get: (d) => threePublic(d, 'car_buy'), prior: (d) => threePublic(d, 'car_buy', 'prior') },
  { id: 'three.car_run', subject: /公务用车运行/, not: /机关运行经费/, get: (d) => threePublic(d, 'car_run'), prior: (d) => threePublic(d, 'car_run', 'prior') },
  { id: 'three.total', subject: /三公/, get: (d) => threePublic(d, 'sub'), prior: (d) => threePublic(d, 'sub', 'prior') },
  { id: 'three.meeting', subject: /会议费/, not: /其中|办公/, get: (d) => threePublic(d, 'meeting'), prior: (d) => threePublic(d, 'meeting', 'prior') },
  { id: 'three.training', subject: /培训费/, not: /其中/, get: (d) => threePublic(d, 'training'), prior: (d) => threePublic(d, 'training', 'prior') },
  // Procurement.
  { id: 'procurement', subject: /政府采购(预算)?$/, get: (d) => columnTotal(primary(d, 'procurement'), 'total') },
  // 绩效目标: the appropriations the targets cover.
  { id: 'perf.gp', subject: /一般公共预算当年拨款$/, get: (d) => blockLine(summary(d), 'income', /一般公共预算/, { not: /其中/ }) },
  { id: 'perf.fund', subject: /政府性基金预算当年拨款$/, get: (d) => blockLine(summary(d), 'income', /政府性基金/) },
  { id: 'perf.state', subject: /国有资本经营预算(当年)?拨款$/, get: (d) => blockLine(summary(d), 'income', /国有资本/) },
  // 财政拨款 收支 (财政拨款收支总表).
  { id: 'fiscal.income', subject: /财政拨款收入(预算)?$/, not: /一般公共|基金|国有/, get: (d) => incomeTotal(fiscal(d)) },
  { id: 'fiscal.expense', subject: /财政拨款支出(预算)?$/, not: /一般公共|基金|国有/, get: (d) => expenseTotal(fiscal(d)) },
  // Sources.
  { id: 'income.gp', subject: /一般(公共|共)预算(财政)?拨款收入$|一般公共预算收入$/, get: (d) => blockLine(summary(d), 'income', /一般公共预算/, { not: /其中/ }) },
  { id: 'income.fund', subject: /政府性基金(预算)?(财政)?拨款收入$|政府性基金收入$/, get: (d) => blockLine(summary(d), 'income', /政府性基金/) },
  { id: 'income.state', subject: /国有资本经营预算(拨款)?收入$/, get: (d) => blockLine(summary(d), 'income', /国有资本/) },
  { id: 'income.other', subject: /^其他收入$/, get: (d) => blockLine(summary(d), 'income', /^其他收入$/) ?? columnTotal(primary(d, 'income'), 'other') },
  { id: 'expense.fund', subject: /政府性基金(预算)?(拨款)?支出(预算)?$/, get: (d) => expenseTotal(primary(d, 'fund')) ?? blockLine(summary(d), 'income', /政府性基金/) },
  { id: 'expense.gp', subject: /一般(公共|共)预算(财政)?(拨款)?支出(预算)?$/, not: /基本|项目/, get: gpExpense },
  // Totals.
  // (A subject that names a part — “基本支出预算”, “财政拨款支出预算”, “一般公共预算收入预算” — is not the total.)
  { id: 'income.total', subject: /预算收入$|收入预算总额$|收入总计$|收入预算$/, not: /一般公共|基金|国有|财政拨款|财政专户|事业|经营|上级|附属|其他/, get: (d) => incomeTotal(summary(d)) },
  { id: 'expense.total', subject: /预算支出$|支出预算总额$|支出总计$|支出预算$/, not: /基金|国有|三公|会议|培训|基本|项目|专项|人员|公用|一般公共|财政拨款|机关运行/, get: (d) => expenseTotal(summary(d)) },
  // 基本支出 parts.
  // 机关运行经费: the 机关运行经费 table's total where the workbook has one (江苏 公开表十一) or the “三公”
  // table's 机关运行经费 column (上海), else the
  // 公用经费 it is made of (陕西, 湖北 write it so).
  {
    id: 'office',
    subject: /机关运行经费(预算|支出)?(安排)?$/,
    get: (d) => {
      // (…or the 机关运行经费 column of the “三公” table: 上海 “三公”经费和机关运行经费预算表.)
      const own = columnTotal(primary(d, 'office_cost'), 'total') ?? threePublic(d, 'office');
      if (own) return own;
      const pub = basicPart(d, 'public');
      // 行政单位 and 参公 units: 机关运行经费 is their 公用经费; a 事业单位 has none (0) or another figure.
      return pub && { ...pub, proxy: '工作簿中没有机关运行经费表，按公用经费核对；事业单位的机关运行经费可能为 0，请核对' };
    },
  },
  { id: 'public', subject: /公用经费(预算)?(安排)?$/, get: (d) => basicPart(d, 'public') },
  { id: 'personnel', subject: /人员经费(预算)?(安排)?$/, get: (d) => basicPart(d, 'personnel') },
  // 一般公共预算 基本支出 (the 基本支出 table by 经济科目), before the 基本支出 of all the money.
  { id: 'gp.basic', subject: /一般公共预算(财政拨款)?基本支出(预算)?$/, get: (d) => columnTotal(primary(d, 'basic_econ'), 'total') ?? columnTotal(primary(d, 'fiscal_basic'), 'total') ?? columnTotal(primary(d, 'basic_func'), 'total') },
  // 基本/项目支出 of all the money (支出总表, 河北/湖北) where the template has them, else of 一般公共预算 (陕西).
  { id: 'basic', subject: /基本(保障)?支出(预算)?$/, get: (d) => columnTotal(primary(d, 'expenditure'), 'basic') ?? columnTotal(primary(d, 'basic_func'), 'total') ?? columnTotal(primary(d, 'gp_func'), 'basic') },
  { id: 'project', subject: /(项目|专项业务经费)支出(预算)?$/, not: /不可预见/, get: (d) => columnTotal(primary(d, 'expenditure'), 'project') ?? columnTotal(primary(d, 'gp_func'), 'special') ?? columnTotal(primary(d, 'gp_func'), 'project') ?? columnTotal(primary(d, 'special'), 'total') },
];

/**
 * 人员经费 / 公用经费 of 一般公共预算: the column of the 一般公共预算 table by 功能科目, else of the 基本支出
 * table by 功能科目, else of the 基本支出 table by 经济科目 (河北 prints them only there).
 */
function basicPart(d: Disclosure, key: 'personnel' | 'public'): Fig | undefined {
  for (const kind of ['gp_func', 'basic_func', 'basic_econ', 'fiscal_basic'] as TableKind[]) {
    const f = columnTotal(primary(d, kind), key);
    if (f) return f;
  }
  return undefined;
}

export function subjectWords(subject: string): string {
  return subject
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/(为|是|共|计|合计|安排|达)$/, '');
}

export function figureFor(subject: string): FigureDef | undefined {
  const s = subjectWords(subject);
  return FIGURES.find((f) => f.subject.test(s) && !(f.not && f.not.test(s)));
}

export function figureById(id: string): FigureDef {
  const f = FIGURES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown figure ${id}`);
  return f;
}

/** Rows of a coded detail table by code (功能/部门经济) or by 政府经济 code (code2). */
export function rowByCode(t: Table | undefined, code: string): Row | undefined {
  return t?.rows.find((r) => r.code === code);
}

export { SUMMARY_KINDS };

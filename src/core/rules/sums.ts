/**
 * Sums within a table:
 * - sum.hierarchy: every parent row equals the sum of its direct children (类 = Σ 款, 款 = Σ 项,
 *   单位 = Σ 下级单位, project group = Σ projects), and the 合计 row equals the sum of the top rows;
 * - sum.columns: on every row, the total column equals the sum of its part columns
 *   (合计 = 人员经费 + 公用经费 + 专项业务经费, 合计 = Σ 收入来源 …, from the profile);
 * - sum.rate: on every row, a growth rate (增幅(%), 增、减幅度) equals (本年 − 上年) ÷ 上年 × 100 of the
 *   row's own figures (or 增减 ÷ 上年 × 100 where the table has no 本年 column); in a table whose rows are years, a line of rates (2016年比2015年增减%) equals
 *   (2016年 − 2015年) ÷ 2015年 × 100 in each column; within what rounding allows (money.ts compareRate).
 */
import { Amount, RateCell, Row, Table } from '../disclosure';
import { Finding } from '../finding';
import { ZERO, compareRate, fractionToPoints, halfUnitYuan } from '../money';
import { RuleFamily } from './types';
import { headerLabel, normalise, rowYear } from '../recognise/profile';
import { checkSum, columnName, rowName, shown, tableName } from './compare';

/** Indices of the direct children of rows[i]: following rows deeper than it, at the shallowest such depth. */
export function directChildren(rows: Row[], i: number): number[] {
  const level = rows[i].level;
  const range: number[] = [];
  for (let j = i + 1; j < rows.length; j++) {
    if (rows[j].isTotal) break;
    if (rows[j].level <= level) break;
    if (!rows[j].isOfWhich) range.push(j);
  }
  if (range.length === 0) return [];
  const min = Math.min(...range.map((j) => rows[j].level));
  return range.filter((j) => rows[j].level === min);
}

/** Checks a list of rows as a tree, for each amount key. Used for tables and for summary blocks. */
export function checkTree(table: Table, rows: Row[], keys: string[], rule: string, totalLabel: (r: Row) => string): Finding[] {
  const out: Finding[] = [];
  const body = rows.filter((r) => !r.isTotal);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.isTotal || r.isOfWhich) continue;
    const kids = directChildren(rows, i);
    if (kids.length === 0) continue;
    for (const key of keys) {
      const total = r.amounts[key];
      if (!total) continue;
      const parts = kids.map((j) => rows[j].amounts[key]).filter((a): a is Amount => !!a);
      const f = checkSum({
        rule,
        table,
        total,
        parts,
        what: () => `${tableName(table)}${rowName(r)}的${columnName(table, key)}应等于其下级之和`,
      });
      if (f) out.push(f);
    }
  }
  // Total rows: Σ of the top-level rows (those at the minimum level).
  if (body.length) {
    const top = Math.min(...body.filter((r) => !r.isOfWhich).map((r) => r.level));
    const topRows = body.filter((r) => r.level === top && !r.isOfWhich);
    for (const t of rows.filter((r) => r.isTotal)) {
      for (const key of keys) {
        const total = t.amounts[key];
        if (!total) continue;
        const parts = topRows.map((r) => r.amounts[key]).filter((a): a is Amount => !!a);
        if (parts.length === 0) continue;
        const f = checkSum({ rule, table, total, parts, what: () => `${tableName(table)}${totalLabel(t)}的${columnName(table, key)}应等于各项之和` });
        if (f) out.push(f);
      }
    }
  }
  return out;
}

function amountKeys(t: Table): string[] {
  const keys = new Set<string>();
  for (const r of t.rows) for (const k of Object.keys(r.amounts)) keys.add(k);
  return t.columns.map((c) => c.key).filter((k) => keys.has(k));
}

function hierarchy(t: Table): Finding[] {
  if (t.rows.length === 0) return [];
  // Every amount column is summed down the tree (the “三公” table has 27).
  return checkTree(t, t.rows, amountKeys(t), 'sum.hierarchy', (r) => rowName(r));
}

function columns(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const r of t.rows) {
    for (const s of t.sums) {
      const total = r.amounts[s.total];
      if (!total) continue;
      const parts = s.parts.map((k) => r.amounts[k]).filter((a): a is Amount => !!a);
      if (parts.length === 0) continue;
      // A total left blank while its parts are blank too is just an empty row.
      if (total.blank && parts.every((p) => p.blank)) continue;
      // A figure whose breakdown was not filled in at all: nothing contradicts it, nothing can be checked.
      if (!total.blank && !total.value.isZero() && parts.every((p) => p.blank)) {
        out.push({
          rule: 'sum.columns',
          severity: 'info',
          message: `${tableName(t)}${rowName(r)}的${columnName(t, s.total)}为 ${shown(total.value, t.unit)}，但${s.parts.map((k) => columnName(t, k)).join('、')}都未填写，未能核对其构成。`,
          cells: [total.cell, ...parts.map((p) => p.cell)],
          table: t.title,
        });
        continue;
      }
      const f = checkSum({
        rule: 'sum.columns',
        table: t,
        total,
        parts,
        what: () => `${tableName(t)}${rowName(r)}的${columnName(t, s.total)}应等于${s.parts.map((k) => columnName(t, k)).join('、')}之和`,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * Identities between the rows of an item table (“三公” items as rows), in every amount column:
 * “三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费; 公务用车购置及运行费 = 购置费 + 运行费;
 * and, where 会议费 and 培训费 rows exist, 合计 = “三公” + 会议费 + 培训费. The 合计 row stands for the
 * “三公” total when the table has no 会议费/培训费 rows and no “三公” subtotal row of its own.
 */
const ITEM_SUMS: [string, string[]][] = [
  ['sub', ['abroad', 'car_sub', 'reception']],
  ['car_sub', ['car_buy', 'car_run']],
  ['total', ['sub', 'meeting', 'training']],
];

function items(t: Table): Finding[] {
  const out: Finding[] = [];
  const byItem = new Map<string, Row>();
  for (const r of t.rows) if (r.item && !byItem.has(r.item)) byItem.set(r.item, r);
  const total = t.rows.find((r) => r.isTotal);
  if (total) {
    if (byItem.has('meeting') || byItem.has('training')) byItem.set('total', total);
    else if (!byItem.has('sub')) byItem.set('sub', total);
  }
  for (const [whole, parts] of ITEM_SUMS) {
    const w = byItem.get(whole);
    const ps = parts.map((p) => byItem.get(p));
    if (!w || ps.some((p) => !p)) continue;
    for (const key of amountKeys(t)) {
      const totalAmount = w.amounts[key];
      const partAmounts = ps.map((p) => p!.amounts[key]).filter((a): a is Amount => !!a);
      if (!totalAmount || partAmounts.length !== ps.length) continue;
      if (totalAmount.blank && partAmounts.every((a) => a.blank)) continue;
      const f = checkSum({
        rule: 'sum.items',
        table: t,
        total: totalAmount,
        parts: partAmounts,
        what: () => `${tableName(t)}${rowName(w)}的${columnName(t, key)}应等于${ps.map((p) => `“${p!.name}”`).join('、')}之和`,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

/** One printed rate with the two amounts it is computed from, and how a wrong one is named. */
interface RateCase {
  rate: RateCell;
  top: Amount;
  base: Amount;
  by: 'ratio' | 'change';
  /** The message for a wrong rate: what it should be and what it is (in points, with its decimals). */
  say: (expected: string, actual: string, difference: string) => string;
}

/**
 * The rates of one column (or one line) against their amounts. In points when the header or a cell
 * says % (增幅(%), a 0.00% format, "12.5%"); a bare number may be points or a fraction (增减率 -0.0966):
 * the reading that more of the column's rates agree with is taken, and with no majority none is
 * checked. Rates only the rounding of the printed figures explains pass silently.
 */
function judgeRates(t: Table, cases: RateCase[], headerSaysPercent: boolean): Finding[] {
  // A 元 table's figures are exact when printed to the 分; printed in whole 元 they are rounded too.
  const half = (a: Amount) => (a.blank || (t.unit === '元' && a.decimals >= 2) ? ZERO : halfUnitYuan(t.unit, a.decimals));
  type Reading = { fraction: boolean; mode: 'growth' | 'ratio' | 'negated' };
  const read = ({ fraction, mode }: Reading) =>
    cases.flatMap((c) => {
      const r0 = fraction ? fractionToPoints(c.rate) : { value: c.rate.value, decimals: c.rate.decimals };
      const r = mode === 'negated' ? { ...r0, value: r0.value.negated() } : r0;
      const by = mode === 'ratio' ? 'change' : c.by;
      const cmp = compareRate(r.value, r.decimals, { value: c.top.value, half: half(c.top) }, { value: c.base.value, half: half(c.base) }, by);
      return cmp ? [{ c, r, cmp }] : [];
    });
  const fits = (xs: ReturnType<typeof read>) => xs.filter((x) => x.cmp.comparison !== 'different').length;
  const scales = headerSaysPercent || cases.some((c) => c.rate.marked) ? [false] : [false, true];
  // The growth reading the figures agree with best: in points, or (for bare numbers) as fractions; no majority, no check.
  const growth = scales.map((fraction) => read({ fraction, mode: 'growth' }));
  let judged = growth[0];
  if (growth.length > 1) {
    if (fits(growth[1]) === fits(growth[0])) return [];
    if (fits(growth[1]) > fits(growth[0])) judged = growth[1];
  }
  // The column may not be a growth rate at all: 本年 as a share of 上年 (“比上年(%)”: 110 for +10 %), or
  // a 下降率 printed without its sign. Where such a reading fits more rates, or none fits as a growth
  // rate (two or more rates all wrong is a misread column, not many mistakes), nothing is said.
  if (cases.some((c) => c.by === 'ratio')) {
    const others = scales.flatMap((fraction) => [read({ fraction, mode: 'ratio' }), read({ fraction, mode: 'negated' })]);
    if (others.some((o) => fits(o) > fits(judged))) return [];
  }
  if (judged.length >= 2 && fits(judged) === 0) return [];
  const out: Finding[] = [];
  for (const { c, r, cmp } of judged) {
    if (cmp.comparison !== 'different') continue;
    const d = Math.max(0, r.decimals);
    const [expected, actual, difference] = [cmp.exact.toFixed(d), r.value.toFixed(d), r.value.minus(cmp.exact).toFixed(d)];
    out.push({ rule: 'sum.rate', severity: 'error', message: c.say(expected, actual, difference), cells: [c.rate.cell, c.top.cell, c.base.cell], expected, actual, difference, unit: '%', table: t.title });
  }
  return out;
}

const PERCENT = /[%％]/;

/** Growth rates (Table.rates with `growth`) against each row's two amounts. */
function rates(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const column of t.rates ?? []) {
    const g = column.growth;
    if (!g) continue;
    const label = `“${headerLabel(column)}”列`;
    const formula = g.by === 'ratio' ? `=（${columnName(t, g.now)} − ${columnName(t, g.base)}）÷ ${columnName(t, g.base)} × 100` : `= ${columnName(t, g.now)} ÷ ${columnName(t, g.base)} × 100`;
    const cases: RateCase[] = [];
    for (const r of t.rows) {
      const rate = r.rates?.[column.col];
      const top = r.amounts[g.now];
      const base = r.amounts[g.base];
      if (!rate || !top || !base || base.blank) continue;
      cases.push({
        rate,
        top,
        base,
        by: g.by,
        say: (e, a, diff) => `${tableName(t)}${rowName(r)}的${label}应为 ${e}%（${formula}），实为 ${a}%，相差 ${diff} 个百分点，超出表中数字四舍五入的范围。`,
      });
    }
    out.push(...judgeRates(t, cases, PERCENT.test(column.header)));
  }
  return out;
}

/** Lines of rates under year rows (Table.rateRows with `growth`): each column's rate against its two year rows. */
function rateLines(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const line of t.rateRows ?? []) {
    const g = line.growth;
    if (!g) continue;
    const now = t.rows.find((r) => r.row === g.now);
    const base = t.rows.find((r) => r.row === g.base);
    if (!now || !base) continue;
    const cases: RateCase[] = [];
    for (const key of Object.keys(line.rates)) {
      const top = now.amounts[key];
      const b = base.amounts[key];
      if (!top || !b || b.blank) continue;
      cases.push({
        rate: line.rates[key],
        top,
        base: b,
        by: 'ratio',
        say: (e, a, diff) => `${tableName(t)}“${line.label}”行的${columnName(t, key)}应为 ${e}%（=（${rowName(now)} − ${rowName(base)}）÷ ${rowName(base)} × 100），实为 ${a}%，相差 ${diff} 个百分点，超出表中数字四舍五入的范围。`,
      });
    }
    out.push(...judgeRates(t, cases, PERCENT.test(line.label)));
  }
  return out;
}

/** A row of changes between two year rows: 增减, 增减额, 比上年增减 (signed: a decrease is negative). */
const CHANGE_ROW = /^(?:增减|增减额|增减数|增减变化|比上年增减|较上年增减|增\(\+\)减\(-\))(?:额|数)?$/;

/**
 * Rows named by two years and a row of their changes (“2023年预算数 | 2024年预算数 | 增减额”, a
 * “三公” table by years): in every amount column the later year = the earlier year + the change.
 */
function yearChanges(t: Table): Finding[] {
  const years = t.rows.filter((r) => rowYear(r.name) !== undefined).sort((a, b) => rowYear(a.name)! - rowYear(b.name)!);
  const changes = t.rows.filter((r) => r.name && CHANGE_ROW.test(normalise(r.name)));
  if (years.length !== 2 || changes.length !== 1 || rowYear(years[0].name) === rowYear(years[1].name)) return [];
  const [before, after] = years;
  const change = changes[0];
  const out: Finding[] = [];
  for (const c of t.columns) {
    const b = before.amounts[c.key];
    const a = after.amounts[c.key];
    const d = change.amounts[c.key];
    if (!a || !b || !d || (a.blank && b.blank && d.blank)) continue;
    const f = checkSum({ rule: 'sum.year_change', table: t, total: a, parts: [b, d], what: () => `${tableName(t)}${rowName(after)}的${columnName(t, c.key)}应等于${rowName(before)}加${rowName(change)}` });
    if (f) out.push(f);
  }
  return out;
}

/** The sums down a table: the “三公” item identities for item tables, the hierarchy otherwise. */
function tree(t: Table): Finding[] {
  return t.itemRows ? items(t) : hierarchy(t);
}

/** Tables of rows (not the blocks of a summary table, which summary.ts checks). */
const isPlain = (t: Table) => !t.blocks;
const plainTables = (tables: Table[]) => tables.filter(isPlain);

export const sumRules: RuleFamily = {
  id: 'sum',
  perTable: true,
  checksTable: isPlain,
  title: '表内合计',
  rules: [
    { id: 'sum.hierarchy', title: '上级科目（单位、项目）金额等于下级之和，合计等于各类之和', severity: 'error|warning' },
    { id: 'sum.columns', title: '每行合计列等于各组成列之和（分项全未填写时仅提示）', severity: 'error|warning|info' },
    { id: 'sum.items', title: '“三公”经费各项（按行列示）：小计等于各项之和，公务用车等于购置费加运行费', severity: 'error|warning' },
    { id: 'sum.rate', title: '增幅（增减率）等于（本年 − 上年）÷ 上年 × 100，四舍五入能解释的差额不报', severity: 'error' },
    { id: 'sum.year_change', title: '按年度列行的表（2023年 | 2024年 | 增减额）：后一年 = 前一年 + 增减额', severity: 'error|warning' },
  ],
  run({ disclosure }) {
    const out: Finding[] = [];
    for (const t of plainTables(disclosure.tables)) out.push(...tree(t), ...yearChanges(t), ...columns(t), ...rates(t), ...rateLines(t));
    return out;
  },
  // Sums down a column read that column only; sums across a row read that row only.
  checks: [
    { name: 'tree', scope: 'column', run: ({ disclosure }) => plainTables(disclosure.tables).flatMap(tree) },
    { name: 'years', scope: 'column', run: ({ disclosure }) => plainTables(disclosure.tables).flatMap(yearChanges) },
    { name: 'columns', scope: 'row', run: ({ disclosure }) => plainTables(disclosure.tables).flatMap(columns) },
    // Whether bare rates are points or fractions is read off the whole column (or line): no scope.
    { name: 'rates', run: ({ disclosure }) => plainTables(disclosure.tables).flatMap((t) => [...rates(t), ...rateLines(t)]) },
  ],
};

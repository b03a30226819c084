/**
 * Summary tables (收支总表, 财政拨款收支总表, 政府性基金收支表), block by block:
 * - summary.block: each enumerated line equals the sum of its sub-lines ("一、部门预算" = 1、… ;
 *   "1、人员经费和公用经费支出" = (1)…(4)), and 本年收入/支出合计 = the top lines;
 *   收入/支出总计 = 本年合计 + the lines between it and the 总计;
 * - summary.balance: 本年收入合计 = 本年支出合计 in every expenditure block; 收入总计 = 支出总计.
 */
import Decimal from 'decimal.js';
import { Block, Row, Table } from '../disclosure';
import { Finding, figures } from '../finding';
import { ZERO, compareAmounts } from '../money';
import { RuleFamily } from './types';
import { memoByString } from '../memo';
import { chineseNumberValue } from '../zh';
import { checkEqual, checkSum, shown, tableName } from './compare';
import { checkTree } from './sums';

const BLOCK_NAME: Record<string, string> = {
  income: '收入',
  expense: '支出',
  func: '支出功能分类',
  dept_econ: '部门预算支出经济分类',
  gov_econ: '政府预算支出经济分类',
};

export function blockTotal(b: Block, re: RegExp): Row | undefined {
  return b.rows.find((r) => r.isTotal && re.test(r.label ?? ''));
}

/** 本年收入合计, 本年支出合计, 当年收入小计 …: the year's own total, before 结转 lines. */
export const THIS_YEAR = /^(本年|当年)(收入|支出)?(合计|小计)$/;
export const GRAND = /总计$/;

/** Which side a total line names: 收入, 支出, or neither. */
const side = (r: Row): string => (/收入/.test(r.label ?? '') ? '收入' : /支出/.test(r.label ?? '') ? '支出' : '');

/**
 * The year's total of a block: a line named 本年/当年…合计/小计, else — where a block has two total
 * lines (收入合计 … 收入总计, or 当年收入小计 … 收入合计) — the first of them.
 */
export function yearTotal(b: Block): Row | undefined {
  const named = blockTotal(b, THIS_YEAR);
  if (named) return named;
  const totals = b.rows.filter((r) => r.isTotal);
  // Two totals of the same side (收入合计 … 收入总计): the first is the year's.
  return totals.length >= 2 && side(totals[0]) === side(totals[1]) ? totals[0] : undefined;
}

/** The block's grand total (with 结转 lines): the last total line after the year's, or a 总计 line. */
export function grandTotal(b: Block): Row | undefined {
  const year = yearTotal(b);
  // 收入 and 支出 printed one under the other in one column: the 支出 total is not the 收入 grand total.
  const totals = b.rows.filter((r) => r.isTotal && (!year || !side(year) || !side(r) || side(r) === side(year)));
  if (year) {
    const after = totals.filter((r) => r.row > year.row);
    return after[after.length - 1];
  }
  return blockTotal(b, GRAND);
}

function checkBlock(t: Table, b: Block): Finding[] {
  const out: Finding[] = [];
  const name = `${tableName(t)}${BLOCK_NAME[b.key] ?? ''}部分`;
  const yearRow = yearTotal(b);
  const grandRow = grandTotal(b);
  const yearIdx = yearRow ? b.rows.indexOf(yearRow) : -1;
  const before = yearIdx >= 0 ? b.rows.slice(0, yearIdx + 1) : b.rows.filter((r) => r !== grandRow);
  // Down every amount column: the 合计 and, on a line with several (财政拨款支出: 一般公共预算 | 政府性基金 |
  // 国有资本经营), each source's column too.
  const keys = ['amount', ...(b.extra ?? []).map((e) => e.key)];
  out.push(...checkTree(t, before, keys, 'summary.block', (r) => `“${r.label}”`).map((f) => ({ ...f, message: f.message.replace(tableName(t), name) })));
  // "其中：" lines are parts of the line above them: none may exceed it, nor may their sum.
  for (let i = 0; i < b.rows.length; i++) {
    const owner = b.rows[i];
    const oa = owner.amounts.amount;
    if (owner.isOfWhich || owner.isTotal || !oa) continue;
    const parts: Row[] = [];
    for (let j = i + 1; j < b.rows.length && b.rows[j].isOfWhich; j++) parts.push(b.rows[j]);
    const amounts = parts.map((p) => p.amounts.amount).filter((a): a is NonNullable<typeof a> => !!a);
    if (amounts.length === 0) continue;
    const sum = amounts.reduce((s2, a) => s2.plus(a.value), ZERO);
    if (sum.gt(oa.value) && compareAmounts(oa.value, sum, { unit: t.unit, decimals: Math.max(oa.decimals, ...amounts.map((a) => a.decimals)), roundedTerms: amounts.length + 1 }) === 'different') {
      out.push({
        rule: 'summary.of_which',
        severity: 'error',
        message: `${name}“${owner.label}”的“其中”各项之和（${shown(sum, t.unit)}）超过了它本身（${shown(oa.value, t.unit)}）。`,
        cells: [...amounts.filter((a) => !a.value.isZero()).map((a) => a.cell), oa.cell],
        ...figures(oa.value, sum),
        table: t.title,
      });
    }
  }
  // Lines with several amount columns: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
  if (b.extra?.length) {
    for (const r of b.rows) {
      const total = r.amounts.amount;
      const parts = b.extra.map((e) => r.amounts[e.key]).filter((a): a is NonNullable<typeof a> => !!a);
      if (!total || parts.length === 0 || (total.blank && parts.every((p) => p.blank))) continue;
      const f = checkSum({ rule: 'summary.block', table: t, total, parts, what: () => `${name}“${r.label}”的合计应等于各资金来源之和` });
      if (f) out.push(f);
    }
  }
  const grandIdx = grandRow ? b.rows.indexOf(grandRow) : -1;
  // No 本年合计 line (上海: 一、… 二、… 收入总计): the 总计 is the sum of the top lines. Only when every
  // line is enumerated, so that which lines are top lines is not in doubt.
  if (!yearRow && grandRow) {
    const lines = b.rows.filter((r) => r !== grandRow && !r.isOfWhich && !r.isTotal && r.row < grandRow.row);
    const top = lines.length ? Math.min(...lines.map((r) => r.level)) : 0;
    if (lines.length >= 2 && lines.every((r) => r.marker) && !b.rows.some((r) => r.isTotal && r !== grandRow)) {
      for (const k of keys) {
        const total = grandRow.amounts[k];
        const parts = lines.filter((r) => r.level === top).map((r) => r.amounts[k]).filter((a): a is NonNullable<typeof a> => !!a);
        if (!total || parts.length === 0 || (total.blank && parts.every((p) => p.blank))) continue;
        const column = k === 'amount' ? '' : `“${b.extra!.find((e) => e.key === k)!.header.split('/').pop()}”列`;
        const f = checkSum({ rule: 'summary.block', table: t, total, parts, what: () => `${name}“${grandRow.label}”${column}应等于各项之和` });
        if (f) out.push(f);
      }
    }
  }
  if (yearRow && grandIdx > yearIdx) {
    const between = b.rows.slice(yearIdx + 1, grandIdx).filter((r) => !r.isOfWhich && !r.isTotal);
    const top = between.length ? Math.min(...between.map((r) => r.level)) : 0;
    const parts = [yearRow, ...between.filter((r) => r.level === top)].map((r) => r.amounts.amount).filter((a) => !!a);
    const grand = b.rows[grandIdx].amounts.amount;
    if (grand && parts.length) {
      const f = checkSum({ rule: 'summary.block', table: t, total: grand, parts: parts as NonNullable<(typeof parts)[number]>[], what: () => `${name}“${b.rows[grandIdx].label}”应等于本年合计加结转、结余各项` });
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * The 结转 lines of a block: its top-level lines between the year's total and the grand total
 * (上年结转, 结转下年, 用事业基金弥补收支差额 …), summed; zero with no grand total or no such line.
 */
function carried(b: Block): Decimal {
  const year = yearTotal(b);
  const grand = grandTotal(b);
  if (!year || !grand) return ZERO;
  const between = b.rows.slice(b.rows.indexOf(year) + 1, b.rows.indexOf(grand)).filter((r) => !r.isOfWhich && !r.isTotal);
  if (!between.length) return ZERO;
  const top = Math.min(...between.map((r) => r.level));
  return between.filter((r) => r.level === top).reduce((sum, r) => (r.amounts.amount ? sum.plus(r.amounts.amount.value) : sum), ZERO);
}

function balance(t: Table): Finding[] {
  const out: Finding[] = [];
  const blocks = t.blocks ?? [];
  const income = blocks.find((b) => b.key === 'income');
  if (!income) return out;
  const inYear = yearTotal(income);
  const inGrand = grandTotal(income);
  // An expenditure block with no total of its own (功能分类 beside 支出用途, the 支出 total line spanning
  // both): its lines add up to the 支出 side's year total.
  const sideYear = blocks.filter((b) => b !== income).map((b) => yearTotal(b)).find((r) => r?.amounts.amount);
  for (const b of blocks) {
    if (b === income || b.rows.some((r) => r.isTotal) || !sideYear?.amounts.amount) continue;
    const lines = b.rows.filter((r) => !r.isOfWhich);
    if (lines.length === 0) continue;
    const top = Math.min(...lines.map((r) => r.level));
    const parts = lines.filter((r) => r.level === top).map((r) => r.amounts.amount).filter((a): a is NonNullable<typeof a> => !!a);
    const f = checkSum({ rule: 'summary.balance', table: t, total: sideYear.amounts.amount, parts, what: () => `${tableName(t)}${BLOCK_NAME[b.key] ?? '支出'}部分各项之和应等于“${sideYear.label}”` });
    if (f) out.push(f);
  }
  for (const b of blocks) {
    if (b === income) continue;
    const outYear = yearTotal(b);
    const outGrand = grandTotal(b);
    const label = BLOCK_NAME[b.key] ?? '支出';
    // 本年收入合计 + 上年结转 = 收入总计 = 支出总计 = 本年支出合计 + 结转下年: the year's totals agree
    // only when the 结转 lines of the two sides do (河南 and others budget 上年结转 200, 结转下年 0, so
    // 本年支出合计 is 200 more than 本年收入合计). Otherwise the 总计 lines are what must agree.
    if (inYear?.amounts.amount && outYear?.amounts.amount && carried(income).eq(carried(b))) {
      const f = checkEqual({
        rule: 'summary.balance',
        expected: inYear.amounts.amount,
        expectedUnit: t.unit,
        actual: outYear.amounts.amount,
        actualUnit: t.unit,
        what: () => `${tableName(t)}${label}部分“本年支出合计”应等于“本年收入合计”`,
        table: t.title,
      });
      if (f) out.push(f);
    }
    if (inGrand?.amounts.amount && outGrand?.amounts.amount) {
      const f = checkEqual({
        rule: 'summary.balance',
        expected: inGrand.amounts.amount,
        expectedUnit: t.unit,
        actual: outGrand.amounts.amount,
        actualUnit: t.unit,
        what: () => `${tableName(t)}${label}部分“支出总计”应等于“收入总计”`,
        table: t.title,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

/** "十四" → 14, "3" → 3; undefined when not a number. */
export function markerNumber(marker: string | undefined): number | undefined {
  if (!marker) return undefined;
  return markerMemo(marker);
}
// The same few markers ("一、", "(1)", "1.") recur on every line of every summary table.
const markerMemo = memoByString(parseMarker, 1000);

function parseMarker(marker: string): number | undefined {
  const m = /^[(（]?([一二三四五六七八九十]+|\d+)/.exec(marker);
  if (!m) return undefined;
  const t = m[1];
  return /^\d+$/.test(t) ? Number(t) : chineseNumberValue(t);
}

/** Enumerated lines at one level under one parent must count 1, 2, 3 … without gaps or repeats. */
function enumeration(t: Table, b: Block): Finding[] {
  const out: Finding[] = [];
  const lastAt = new Map<number, Row>();
  for (const r of b.rows) {
    if (r.isTotal) {
      lastAt.clear();
      continue;
    }
    const n = markerNumber(r.marker);
    if (n === undefined) continue;
    // A shallower line starts a new group below it.
    for (const lvl of [...lastAt.keys()]) if (lvl > r.level) lastAt.delete(lvl);
    const prev = lastAt.get(r.level);
    const pn = prev ? markerNumber(prev.marker) : undefined;
    if (prev && pn !== undefined && n !== pn + 1 && n !== 1) {
      out.push({
        rule: 'summary.enumeration',
        severity: 'warning',
        message: `${tableName(t)}${BLOCK_NAME[b.key] ?? ''}部分的序号不连续：“${prev.name}”之后是“${r.name}”${n === pn ? '（序号重复）' : `（缺少第 ${pn + 1} 项）`}。`,
        cells: [r.nameCell!, prev.nameCell!],
        table: t.title,
      });
    }
    lastAt.set(r.level, r);
  }
  return out;
}

/** A line of a summary block with no amount while the block's other lines have amounts (should read 0). */
function blanks(t: Table, b: Block): Finding[] {
  const lines = b.rows.filter((r) => r.marker && !r.isOfWhich);
  const blank = lines.filter((r) => r.amounts.amount?.blank);
  // Templates that leave zero lines empty (河北) are fine; where the lines carry explicit zeros,
  // the few that are empty were missed.
  if (blank.length === 0 || blank.length * 5 > lines.length) return [];
  return b.rows
    .filter((r) => r.amounts.amount?.blank && r.marker && !r.isOfWhich)
    .map((r) => ({
      rule: 'summary.blank',
      severity: 'warning' as const,
      message: `${tableName(t)}${BLOCK_NAME[b.key] ?? ''}部分“${r.name}”没有填金额；无数据时应填 0。`,
      cells: [r.amounts.amount!.cell, r.nameCell!],
      table: t.title,
    }));
}

/** Summary tables, read as blocks (收入, 支出 …): the only tables this family checks. */
const hasBlocks = (t: Table) => !!t.blocks;

export const summaryRules: RuleFamily = {
  id: 'summary',
  perTable: true,
  checksTable: hasBlocks,
  title: '收支总表平衡',
  rules: [
    { id: 'summary.block', title: '总表各部分：上级项目等于其所含各项之和，本年合计、总计相符', severity: 'error|warning' },
    { id: 'summary.balance', title: '本年收入合计等于本年支出合计，收入总计等于支出总计', severity: 'error|warning' },
    { id: 'summary.of_which', title: '“其中”各项不超过其所属项目', severity: 'error' },
    { id: 'summary.enumeration', title: '总表各部分的序号连续、不重复', severity: 'warning' },
    { id: 'summary.blank', title: '总表各行金额不留空（无数据填 0）', severity: 'warning' },
  ],
  run({ disclosure }) {
    const out: Finding[] = [];
    for (const t of disclosure.tables.filter(hasBlocks)) {
      for (const b of t.blocks!) out.push(...blockChecks(t, b));
      out.push(...balance(t));
    }
    return out;
  },
  // For the diagnosis: a changed figure of one block re-runs that block's own checks, and the
  // balance between the blocks (which reads their totals).
  checks: [
    { name: 'blocks', scope: 'block', run: ({ disclosure }) => disclosure.tables.filter(hasBlocks).flatMap((t) => t.blocks!.flatMap((b) => blockChecks(t, b))) },
    { name: 'balance', run: ({ disclosure }) => disclosure.tables.filter(hasBlocks).flatMap(balance) },
  ],
};

/** What one block must satisfy on its own: its sums, its enumeration, no blank lines. */
function blockChecks(t: Table, b: Block): Finding[] {
  return [...checkBlock(t, b), ...enumeration(t, b), ...blanks(t, b)];
}

/**
 * Summary tables (收支总表, 财政拨款收支总表, 政府性基金收支表), block by block:
 * - summary.block: each enumerated line equals the sum of its sub-lines ("一、部门预算" = 1、… ;
 *   "1、人员经费和公用经费支出" = (1)…(4)), and 本年收入/支出合计 = the top lines;
 *   收入/支出总计 = 本年合计 + the lines between it and the 总计;
 * - summary.balance: 本年收入合计 = 本年支出合计 in every expenditure block; 收入总计 = 支出总计.
 */
import { Block, Row, Table } from '../disclosure';
import { Finding } from '../finding';
import { RuleFamily } from './types';
import { checkEqual, checkSum, tableName } from './compare';
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

const THIS_YEAR = /^本年(收入|支出)?合计$/;
const GRAND = /总计$/;

function checkBlock(t: Table, b: Block): Finding[] {
  const out: Finding[] = [];
  const name = `${tableName(t)}${BLOCK_NAME[b.key] ?? ''}部分`;
  const yearIdx = b.rows.findIndex((r) => r.isTotal && THIS_YEAR.test(r.label ?? ''));
  const before = yearIdx >= 0 ? b.rows.slice(0, yearIdx + 1) : b.rows.filter((r) => !GRAND.test(r.label ?? ''));
  out.push(...checkTree(t, before, ['amount'], 'summary.block', (r) => `${name}“${r.label}”`).map((f) => ({ ...f, message: f.message.replace(tableName(t), name) })));
  // Lines with several amount columns: 合计 = 一般公共预算 + 政府性基金 + 国有资本经营.
  if (b.extra?.length) {
    for (const r of b.rows) {
      const total = r.amounts.amount;
      const parts = b.extra.map((e) => r.amounts[e.key]).filter((a): a is NonNullable<typeof a> => !!a);
      if (!total || parts.length === 0 || (total.blank && parts.every((p) => p.blank))) continue;
      const f = checkSum({ rule: 'summary.block', table: t, total, parts, what: `${name}“${r.label}”的合计应等于各资金来源之和` });
      if (f) out.push(f);
    }
  }
  const grandIdx = b.rows.findIndex((r) => r.isTotal && GRAND.test(r.label ?? ''));
  if (yearIdx >= 0 && grandIdx > yearIdx) {
    const yearRow = b.rows[yearIdx];
    const between = b.rows.slice(yearIdx + 1, grandIdx).filter((r) => !r.isOfWhich && !r.isTotal);
    const top = between.length ? Math.min(...between.map((r) => r.level)) : 0;
    const parts = [yearRow, ...between.filter((r) => r.level === top)].map((r) => r.amounts.amount).filter((a) => !!a);
    const grand = b.rows[grandIdx].amounts.amount;
    if (grand && parts.length) {
      const f = checkSum({ rule: 'summary.block', table: t, total: grand, parts: parts as NonNullable<(typeof parts)[number]>[], what: `${name}“${b.rows[grandIdx].label}”应等于本年合计加结转、结余各项` });
      if (f) out.push(f);
    }
  }
  return out;
}

function balance(t: Table): Finding[] {
  const out: Finding[] = [];
  const blocks = t.blocks ?? [];
  const income = blocks.find((b) => b.key === 'income');
  if (!income) return out;
  const inYear = blockTotal(income, THIS_YEAR);
  const inGrand = blockTotal(income, GRAND);
  for (const b of blocks) {
    if (b === income) continue;
    const outYear = blockTotal(b, THIS_YEAR);
    const outGrand = blockTotal(b, GRAND);
    const label = BLOCK_NAME[b.key] ?? '支出';
    if (inYear?.amounts.amount && outYear?.amounts.amount) {
      const f = checkEqual({
        rule: 'summary.balance',
        expected: inYear.amounts.amount,
        expectedUnit: t.unit,
        actual: outYear.amounts.amount,
        actualUnit: t.unit,
        what: `${tableName(t)}${label}部分“本年支出合计”应等于“本年收入合计”`,
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
        what: `${tableName(t)}${label}部分“支出总计”应等于“收入总计”`,
        table: t.title,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

export const summaryRules: RuleFamily = {
  id: 'summary',
  title: '收支总表平衡',
  rules: [
    { id: 'summary.block', title: '总表各部分：上级项目等于其所含各项之和，本年合计、总计相符', severity: 'error|warning' },
    { id: 'summary.balance', title: '本年收入合计等于本年支出合计，收入总计等于支出总计', severity: 'error|warning' },
  ],
  run({ disclosure }) {
    const out: Finding[] = [];
    for (const t of disclosure.tables) {
      if (!t.blocks) continue;
      for (const b of t.blocks) out.push(...checkBlock(t, b));
      out.push(...balance(t));
    }
    return out;
  },
};

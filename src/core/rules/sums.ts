/**
 * Sums within a table:
 * - sum.hierarchy: every parent row equals the sum of its direct children (类 = Σ 款, 款 = Σ 项,
 *   单位 = Σ 下级单位, project group = Σ projects), and the 合计 row equals the sum of the top rows;
 * - sum.columns: on every row, the total column equals the sum of its part columns
 *   (合计 = 人员经费 + 公用经费 + 专项业务经费, 合计 = Σ 收入来源 …, from the profile).
 */
import { Amount, Row, Table } from '../disclosure';
import { Finding } from '../finding';
import { RuleFamily } from './types';
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

/** The sums down a table: the “三公” item identities for item tables, the hierarchy otherwise. */
function tree(t: Table): Finding[] {
  return t.itemRows ? items(t) : hierarchy(t);
}

const plainTables = (tables: Table[]) => tables.filter((t) => !t.blocks);

export const sumRules: RuleFamily = {
  id: 'sum',
  perTable: true,
  title: '表内合计',
  rules: [
    { id: 'sum.hierarchy', title: '上级科目（单位、项目）金额等于下级之和，合计等于各类之和', severity: 'error|warning' },
    { id: 'sum.columns', title: '每行合计列等于各组成列之和（分项全未填写时仅提示）', severity: 'error|warning|info' },
    { id: 'sum.items', title: '“三公”经费各项（按行列示）：小计等于各项之和，公务用车等于购置费加运行费', severity: 'error|warning' },
  ],
  run({ disclosure }) {
    const out: Finding[] = [];
    for (const t of plainTables(disclosure.tables)) out.push(...tree(t), ...columns(t));
    return out;
  },
  // Sums down a column read that column only; sums across a row read that row only.
  checks: [
    { name: 'tree', scope: 'column', run: ({ disclosure }) => plainTables(disclosure.tables).flatMap(tree) },
    { name: 'columns', scope: 'row', run: ({ disclosure }) => plainTables(disclosure.tables).flatMap(columns) },
  ],
};

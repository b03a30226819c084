/**
 * Views of a table for checks with a `scope` (RuleCheck.scope): the table with only some amount
 * columns, only some rows, or only some blocks. A scoped check run on such a view gives exactly its
 * findings for those columns, rows or blocks (test/rules/checks.test.ts holds every scoped check to that).
 */
import { Table } from '../disclosure';

/**
 * The table with only the amounts of the columns `keys` ('column'), only the rows `rows` ('row'),
 * or only the blocks of those indices ('block').
 */
export function restrictTable(t: Table, scope: 'column' | 'row' | 'block', part: Set<string> | Set<number>): Table {
  if (scope === 'row') return { ...t, rows: t.rows.filter((_, ri) => (part as Set<number>).has(ri)) };
  if (scope === 'block') return { ...t, blocks: t.blocks?.filter((_, bi) => (part as Set<number>).has(bi)) };
  const keys = part as Set<string>;
  return {
    ...t,
    rows: t.rows.map((r) => {
      const amounts: typeof r.amounts = {};
      for (const k in r.amounts) if (keys.has(k)) amounts[k] = r.amounts[k];
      return { ...r, amounts };
    }),
  };
}

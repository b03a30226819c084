/**
 * One wrong figure typed into several tables (上海 普陀 2025: 21201 城乡社区管理事务 94,995,790 for
 * 94,995,789 in the 收入总表, the 支出总表 and the 一般公共预算支出表, in each one's 合计 and, where all
 * the money is 财政拨款, its source column). Changed alone, each copy disagrees with the others, so no
 * single cell explains the findings of its own table. The diagnosis gives one cause that changes every
 * copy, verified by the rules, instead of one table's cell and the other tables' findings unexplained.
 *
 * Real figures: the 江苏 corpus workbooks (all checks hold, see test/corpus/jiangsu/KEY.md), with the
 * same 款 line raised by 0.01 万元 in every 功能科目 table where it has that figure.
 */
import * as path from 'path';
import Decimal from 'decimal.js';
import { checkGrid } from '../../src/core/engine';
import { Grid, parseRef } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/file/read';

const DIR = path.join(__dirname, '..', 'corpus', 'jiangsu');

/** The first 款 (5-digit 功能 code) whose 合计 appears, with the same figure, in at least two tables: every cell of its rows holding that figure. */
function copiesOfALine(g: Grid): { code: string; value: Decimal; cells: string[] } | undefined {
  const d = checkGrid(g).disclosure!;
  const byCode = new Map<string, { value: Decimal; cells: string[]; tables: Set<number> }>();
  d.tables.forEach((t, ti) => {
    if (t.scheme !== 'func') return;
    for (const r of t.rows) {
      const total = r.amounts.total;
      if (!r.code || r.code.length !== 5 || !total || total.blank || total.value.isZero()) continue;
      const e = byCode.get(r.code) ?? { value: total.value, cells: [], tables: new Set<number>() };
      if (!e.value.eq(total.value)) continue;
      for (const a of Object.values(r.amounts)) if (a && !a.blank && a.value.eq(e.value)) e.cells.push(a.cell);
      e.tables.add(ti);
      byCode.set(r.code, e);
    }
  });
  for (const [code, e] of byCode) if (e.tables.size >= 2) return { code, value: e.value, cells: e.cells };
  return undefined;
}

function bump(g: Grid, cells: string[]): Grid {
  const out = structuredClone(g);
  for (const cell of cells) {
    const p = parseRef(cell)!;
    const c = out.sheets.find((s) => s.name === p.sheet)!.rows[p.row - 1][p.col - 1]!;
    c.v = new Decimal(c.v as number).plus('0.01').toNumber();
  }
  return out;
}

test.each(['jiangsu-renda-2019.xlsx', 'jiangsu-zhengxie-2018.xlsx', 'jiangsu-shengweiban-2017.xlsx'])('%s: the same 款 figure wrong in every table is one cause changing every copy back', async (file) => {
  const g = (await readWorkbookFile(path.join(DIR, file))).grid;
  const line = copiesOfALine(g)!;
  expect(line.cells.length).toBeGreaterThanOrEqual(2);
  const r = checkGrid(bump(g, line.cells));
  const serious = r.findings.filter((f) => f.severity !== 'info');
  expect(serious.length).toBeGreaterThan(0);
  // Every serious finding is explained, by one cause that puts each copy back to the figure it had.
  expect(serious.filter((f) => !f.cause).map((f) => f.message)).toEqual([]);
  expect(r.causes).toHaveLength(1);
  const c = r.causes![0];
  expect(c.changes.map((ch) => ch.cell).sort()).toEqual([...line.cells].sort());
  expect(new Set(c.changes.map((ch) => ch.suggested))).toEqual(new Set([line.value.dividedBy(10000).toFixed(2)]));
  expect(c.message).toContain(`${line.cells[0]}、`);
});

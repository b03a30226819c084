/**
 * A suggestion is never a guess: each cause's changes, typed into the workbook's cells as a user
 * would (amounts as numbers in the table's unit, text as shown), and the workbook read and checked
 * again from scratch (recognition included), make the cause's findings disappear and raise no new
 * error or warning. Done for every cause of the sample workbooks and of changed repaired ones.
 */
import ExcelJS from 'exceljs';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { Change, findingKey } from '../../src/core/causes';
import { Grid, parseRef } from '../../src/core/grid';
import { gridFromWorkbook } from '../../src/file/read';
import { buildShaanxi000, buildShaanxi000OneSheet, buildShaanxi003 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';

function typed(grid: Grid, changes: Change[]): Grid {
  const copy: Grid = { ...grid, sheets: grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? r.slice() : r)) })) };
  for (const ch of changes) {
    const p = parseRef(ch.cell)!;
    const s = copy.sheets.find((x) => x.name === p.sheet)!;
    while (s.rows.length < p.row) s.rows.push([]);
    const row = (s.rows[p.row - 1] ??= []);
    const old = row[p.col - 1];
    row[p.col - 1] = { ...(old ?? {}), v: ch.unit === 'text' ? ch.suggested! : Number(ch.suggested), f: undefined };
  }
  return copy;
}

const serious = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info');

const CASES: [string, () => ExcelJS.Workbook][] = [
  ['000', () => buildShaanxi000('published')],
  ['000-onesheet', () => buildShaanxi000OneSheet('published')],
  ['003', () => buildShaanxi003('published')],
  ['004', () => buildHebei004('published')],
];

test.each(CASES)('every cause of %s, typed in, removes its findings and adds none', (_name, build) => {
  const grid = gridFromWorkbook(build(), 'x.xlsx').grid;
  const r = checkGrid(grid);
  expect(r.causes!.length).toBeGreaterThan(0);
  const before = new Set(serious(r).map(findingKey));
  for (const c of r.causes!) {
    for (const changes of c.options ?? [c.changes]) {
      if (changes.some((ch) => ch.suggested === undefined)) continue;
      const after = checkGrid(typed(grid, changes), { diagnose: false });
      const keys = new Set(serious(after).map(findingKey));
      const explained = c.findings.map((id) => r.findings.find((f) => f.id === id)!).filter((f) => f.severity !== 'info' && !f.rule.startsWith('read.'));
      for (const f of explained) expect([c.id, findingKey(f), keys.has(findingKey(f))]).toEqual([c.id, findingKey(f), false]);
      const fresh = serious(after).filter((f) => !before.has(findingKey(f)));
      expect([c.id, fresh.map((f) => `${f.rule} ${f.cells.join(' ')}`)]).toEqual([c.id, []]);
    }
  }
});

test('on changed repaired workbooks, each top cause typed in leaves no error or warning', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const seedrandom = require('seedrandom') as (s: string) => () => number;
  const rng = seedrandom('causes apply v1');
  let tried = 0;
  for (const build of [() => buildShaanxi000('repaired'), () => buildShaanxi003('repaired'), () => buildHebei004('repaired')]) {
    const grid = gridFromWorkbook(build(), 'x.xlsx').grid;
    const d = checkGrid(grid, { diagnose: false }).disclosure!;
    const cells = d.tables.flatMap((t) => [...t.rows, ...(t.blocks ?? []).flatMap((b) => b.rows)].flatMap((r) => Object.values(r.amounts).filter((a) => !!a && !a.blank).map((a) => a!.cell)));
    for (let i = 0; i < 15; i++) {
      const ref = cells[Math.floor(rng() * cells.length)];
      const p = parseRef(ref)!;
      const s = grid.sheets.find((x) => x.name === p.sheet)!;
      const old = s.rows[p.row - 1][p.col - 1]!;
      if (typeof old.v !== 'number') continue;
      const changed = typed(grid, [{ cell: ref, current: '', suggested: String(old.v + 1 + Math.floor(rng() * 9999)), unit: '元' }]);
      const r = checkGrid(changed);
      const top = r.causes?.[0];
      if (!top || top.certainty === 'ambiguous' || top.changes.some((c) => c.suggested === undefined)) continue;
      tried++;
      const after = checkGrid(typed(changed, top.changes), { diagnose: false });
      expect([ref, top.message, serious(after).map((f) => `${f.rule} ${f.cells.join(' ')}`)]).toEqual([ref, top.message, []]);
    }
  }
  expect(tried).toBeGreaterThan(30);
});

/**
 * Real workbooks of provinces without a profile of their own, held to their arithmetic keys.
 *
 * Each folder under test/corpus/ with a key.json (江苏 省级 部门预算, and real/ for other provinces)
 * lists per workbook the tables printed in it and every proven inconsistency with its cells; the keys
 * were computed from the cells with Python's Decimal (their build/verify.py), never by this engine.
 *
 * Asserted per workbook: every printed table is recognised (by the national layer: no province
 * profile knows these templates), or, for a table with no amounts (counts of 人次, 辆), reported as seen
 * and not checked; every listed inconsistency is reported on one of its cells; no
 * other error is raised. Then, as the proof that the rules really run on these layouts, a seeded
 * mutation of single amount cells: the share of changes reported on the changed cell is printed and
 * held to a floor.
 */
import * as fs from 'fs';
import * as path from 'path';
import seedrandom from 'seedrandom';
import { checkGrid } from '../../src/core/engine';
import { Grid, parseRef } from '../../src/core/grid';
import { Amount } from '../../src/core/disclosure';
import { readWorkbookFile } from '../../src/file/read';
import { checkNarrative, generateNarrative, narrativeParagraphs } from '../../src/core/narrative';

interface KeyFile {
  tables: number;
  tableTitles?: string[];
  inconsistencies?: { cells: string[]; what?: string }[];
}

const ROOT = __dirname;
const folders = fs
  .readdirSync(ROOT)
  .filter((d) => fs.existsSync(path.join(ROOT, d, 'key.json')))
  .map((d) => path.join(ROOT, d));

const cases: { folder: string; file: string; key: KeyFile }[] = [];
for (const folder of folders) {
  const key = JSON.parse(fs.readFileSync(path.join(folder, 'key.json'), 'utf8')).files as Record<string, KeyFile>;
  for (const [file, k] of Object.entries(key)) {
    if (fs.existsSync(path.join(folder, file))) cases.push({ folder, file, key: k });
  }
}

const grids = new Map<string, Grid>();
async function gridOf(folder: string, file: string): Promise<Grid> {
  const p = path.join(folder, file);
  if (!grids.has(p)) grids.set(p, (await readWorkbookFile(p)).grid);
  return grids.get(p)!;
}

/** "表1!B7", "'公开表一'!B7" → sheet and A1, for comparing cell lists. */
function norm(ref: string): string {
  const p = parseRef(ref.replace(/^'(.*)'!/, '$1!'));
  return p ? `${p.sheet}!${p.row},${p.col}` : ref;
}

describe('real workbooks of provinces without a profile, against their keys', () => {
  test('there are corpus workbooks to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  test.each(cases.map((c) => [path.basename(c.folder) + '/' + c.file, c] as const))('%s', async (_name, c) => {
    const grid = await gridOf(c.folder, c.file);
    const r = checkGrid(grid);
    // every printed table recognised, or — a table of counts with no amount to check — reported as
    // seen but not checked, with the reason (table.unread)
    const unread = r.findings.filter((f) => f.rule === 'table.unread');
    expect(r.tables.length + unread.length).toBe(c.key.tables);
    expect(r.tables.length).toBeGreaterThan(0);
    // every inconsistency of the key is an error or warning naming one of its cells
    const findings = r.findings.filter((f) => f.severity !== 'info');
    const explained = new Set<number>();
    for (const inc of c.key.inconsistencies ?? []) {
      const cells = new Set(inc.cells.map(norm));
      const hits = findings.map((f, i) => [f, i] as const).filter(([f]) => f.cells.some((x) => cells.has(norm(x))));
      expect({ inconsistency: inc.what ?? inc.cells.join(','), found: hits.length > 0 }).toEqual({ inconsistency: inc.what ?? inc.cells.join(','), found: true });
      for (const [, i] of hits) explained.add(i);
    }
    // no other error
    const stray = r.findings.filter((f, i) => f.severity === 'error' && !explained.has(i));
    expect(stray.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  test('徐圩乡: a 合计 left blank is a blank, not a 元/万元 mix-up; the first cause fills both blanks', async () => {
    const r = checkGrid(await gridOf(path.join(ROOT, 'real'), 'anhui-huaiyuan-xuweixiang-2020.xlsx'));
    // 合计 blank against 公务接待费 11.52 万元: 11.52 ÷ 10⁴ prints as 0.00 万元, which proves no mix-up.
    expect(r.findings.filter((f) => f.rule === 'unit.mixup').map((f) => f.message)).toEqual([]);
    // The key's note: 2020年 公务用车 should be 10 + 25 = 35 and 合计 11.52 + 10 + 25 = 46.52 (both printed blank).
    const first = r.causes![0];
    expect(first.changes.map((ch) => [ch.cell, ch.current, ch.suggested]).sort()).toEqual([
      ['三公经费预算表!B5', '', '46.52'],
      ['三公经费预算表!B8', '', '35.00'],
    ]);
    // 增幅(%) is a growth rate beside 2020年预算数 and 上年预算数: checked (公务接待费 0 = (11.52 − 11.52) ÷
    // 11.52; the other rows have no 上年), so neither named as unchecked nor as an unrecognised money column.
    expect(r.disclosure!.tables[0].rates).toEqual([{ col: 4, header: '增幅(%)', cell: '三公经费预算表!D4', growth: { now: 'budget', base: 'prior', by: 'ratio' } }]);
    expect(r.findings.filter((f) => f.rule === 'table.rates' || f.rule === 'table.columns' || f.rule === 'sum.rate')).toEqual([]);
    // The 上年 合计 (blank against 11.52): filling it or zeroing 11.52 both fit; both are offered.
    const prior = r.causes!.find((c) => c.changes.some((ch) => ch.cell === '三公经费预算表!C5'))!;
    expect(prior.certainty).toBe('ambiguous');
  });

  test('the national 说明 written from each workbook with several tables checks clean against it', async () => {
    let n = 0;
    for (const c of cases) {
      const r = checkGrid(await gridOf(c.folder, c.file));
      if (r.tables.length < 5) continue;
      const text = generateNarrative(r.disclosure!);
      expect(text.sections.length).toBeGreaterThan(3);
      const errors = checkNarrative(narrativeParagraphs(text), r.disclosure).filter((f) => f.severity === 'error');
      expect([c.file, errors.map((f) => f.message)]).toEqual([c.file, []]);
      n++;
    }
    expect(n).toBeGreaterThanOrEqual(4);
  });

  test('single-cell changes are reported on the changed cell (printed per table kind)', async () => {
    const rng = seedrandom('national layer mutation v1');
    const byKind = new Map<string, { n: number; hit: number }>();
    const misses: string[] = [];
    for (const c of cases) {
      const grid = await gridOf(c.folder, c.file);
      const base = checkGrid(grid);
      const d = base.disclosure!;
      const amounts: { a: Amount; kind: string; unit: string }[] = [];
      for (const t of d.tables) {
        const add = (a: Amount | undefined) => a && !a.blank && amounts.push({ a, kind: t.kind, unit: t.unit });
        for (const row of t.rows) for (const a of Object.values(row.amounts)) add(a);
        for (const b of t.blocks ?? []) for (const row of b.rows) for (const a of Object.values(row.amounts)) add(a);
      }
      const seen = new Set<string>();
      const picks = amounts.filter((x) => !seen.has(x.a.cell) && seen.add(x.a.cell)).sort(() => rng() - 0.5).slice(0, 30);
      for (const { a, kind } of picks) {
        const p = parseRef(a.cell)!;
        const sheet = grid.sheets.find((s) => s.name === p.sheet)!;
        const cell = sheet.rows[p.row - 1][p.col - 1]!;
        const before = cell.v;
        // one unit of the last printed digit, at least 1.00 in the table's unit
        cell.v = (typeof before === 'number' ? before : Number(before)) + 1;
        const after = checkGrid(grid);
        cell.v = before;
        const hit = after.findings.some((f) => f.severity !== 'info' && f.cells.includes(a.cell));
        const k = byKind.get(kind) ?? { n: 0, hit: 0 };
        k.n++;
        if (hit) k.hit++;
        else misses.push(`${c.file} ${a.cell} (${kind})`);
        byKind.set(kind, k);
      }
    }
    const total = [...byKind.values()].reduce((s, k) => ({ n: s.n + k.n, hit: s.hit + k.hit }), { n: 0, hit: 0 });
    const lines = [...byKind].map(([k, v]) => `  ${k.padEnd(16)} ${v.hit}/${v.n}`);
    // eslint-disable-next-line no-console
    console.log(`真实工作簿单格变更：指出变更单元格 ${total.hit}/${total.n}（${((100 * total.hit) / total.n).toFixed(1)}%）\n${lines.join('\n')}\n  未指出：${misses.slice(0, 20).join('；')}`);
    expect(total.hit / total.n).toBeGreaterThanOrEqual(0.9);
  });
});

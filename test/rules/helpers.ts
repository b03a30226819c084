/** Helpers for rule tests: the repaired seed workbooks as Grids, and single-cell edits on them. */
import { Grid, Sheet, CellValue, a1, cellRef } from '../../src/core/grid';
import { readBack } from '../fixtures/common';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';
import { checkGrid } from '../../src/core/engine';
import { Finding } from '../../src/core/finding';

let cache000: Grid | undefined;
let cache004: Grid | undefined;

export async function repaired000(): Promise<Grid> {
  cache000 ??= await readBack(buildShaanxi000('repaired'), '000-repaired.xlsx');
  return structuredClone(cache000);
}

export async function repaired004(): Promise<Grid> {
  cache004 ??= await readBack(buildHebei004('repaired'), '004-repaired.xlsx');
  return structuredClone(cache004);
}

export function sheet(grid: Grid, name: string): Sheet {
  const s = grid.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** The cell whose text, without spaces and enumeration markers, ends with `text`. */
export function find(grid: Grid, sheetName: string, text: string, nth = 0): { row: number; col: number; ref: string } {
  const s = sheet(grid, sheetName);
  let seen = 0;
  for (let r = 1; r <= s.rows.length; r++) {
    const row = s.rows[r - 1] ?? [];
    for (let c = 1; c <= row.length; c++) {
      const v = row[c - 1]?.v;
      if (typeof v !== 'string') continue;
      if (v.replace(/[\s\u3000]/g, '').endsWith(text) && seen++ === nth) return { row: r, col: c, ref: cellRef(sheetName, r, c) };
    }
  }
  throw new Error(`no “${text}” on ${sheetName}`);
}

export function set(grid: Grid, sheetName: string, row: number, col: number, v: CellValue): string {
  const s = sheet(grid, sheetName);
  while (s.rows.length < row) s.rows.push([]);
  s.rows[row - 1][col - 1] = { v };
  return `${sheetName}!${a1(row, col)}`;
}

export function value(grid: Grid, sheetName: string, row: number, col: number): CellValue {
  return sheet(grid, sheetName).rows[row - 1]?.[col - 1]?.v ?? null;
}

export function findings(grid: Grid): Finding[] {
  return checkGrid(grid).findings;
}

/** The finding of `rule` that names `cell`, or undefined. */
export function findingAt(fs: Finding[], rule: string, cell: string): Finding | undefined {
  return fs.find((f) => f.rule === rule && f.cells.includes(cell));
}

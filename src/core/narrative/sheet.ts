/**
 * Reads a 说明 written in the workbook: a sheet whose name matches (default: contains 说明),
 * one paragraph per row (the first non-empty cell of each row, or several cells joined).
 */
import { Grid, cellRef, cellText, Sheet } from '../grid';

export interface SheetNarrative {
  sheet: string;
  paragraphs: string[];
  /** The cell each paragraph was read from ("<sheet>!A3"). */
  cells: string[];
}

/** The sheet our own generator writes (公开说明) has a side column of source cells: not text. */
const SOURCE_HEADER = /^来源单元格|^数字来源/;

export function narrativeFromSheet(sheet: Sheet): SheetNarrative {
  const paragraphs: string[] = [];
  const cells: string[] = [];
  let sourceCol = 0;
  sheet.rows.forEach((row, ri) => {
    if (!row) return;
    row.forEach((c, ci) => {
      if (c && typeof c.v === 'string' && SOURCE_HEADER.test(c.v.trim())) sourceCol = ci + 1;
    });
  });
  sheet.rows.forEach((row, ri) => {
    if (!row) return;
    for (let ci = 0; ci < row.length; ci++) {
      if (ci + 1 === sourceCol) continue;
      const t = cellText(row[ci]?.v);
      if (!t || SOURCE_HEADER.test(t)) continue;
      // Long cells may hold several paragraphs separated by line breaks.
      const parts = t.split(/\r?\n+/).map((s) => s.trim()).filter(Boolean);
      for (const p of parts) {
        paragraphs.push(p);
        cells.push(cellRef(sheet.name, ri + 1, ci + 1));
      }
    }
  });
  return { sheet: sheet.name, paragraphs, cells };
}

/** The first sheet whose name matches (default: contains 说明); null when there is none. */
export function narrativeFromGrid(grid: Grid, sheetNameMatch: RegExp | string = /说明/): SheetNarrative | null {
  const re = typeof sheetNameMatch === 'string' ? new RegExp(sheetNameMatch) : sheetNameMatch;
  const sheet = grid.sheets.find((s) => re.test(s.name) && !s.hidden);
  if (!sheet) return null;
  const n = narrativeFromSheet(sheet);
  return n.paragraphs.length ? n : null;
}

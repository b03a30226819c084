/**
 * Reads the open workbook into the engine's Grid through office.js.
 *
 * The number of `context.sync` calls is fixed and does not grow with the number of sheets:
 *   1. the sheet list (names, visibility) and the workbook name;
 *   2. every sheet's used range (position and size), queued together;
 *   3. every used range's values, formulas, number formats, value types, indents and merged areas.
 * Step 3 is cut into row chunks, and the chunks into several syncs only when the workbook is
 * larger than one request may carry (Excel on the web limits a request/response to 5 MB):
 * a normal 16-table budget workbook reads in 3 syncs.
 *
 * The result mirrors src/file/read.ts (ExcelJS) cell for cell, so the engine sees the same Grid
 * whether it checks a file from disk or the workbook open in Excel.
 */
import { CellData, CellValue, Grid, MergedArea, Sheet, a1, lettersToCol } from '../core/grid';
import { Capabilities, ExcelHost, RESULTS_SHEET, capabilities, countingSync, runOptions } from './host';

/** Same limits as src/file/read.ts (not imported: that module pulls in ExcelJS and fs). */
export const MAX_ROWS_PER_SHEET = 5000;
export const MAX_COLS_PER_SHEET = 200;

/**
 * Cells loaded per sync. Each cell travels five times (value, formula, number format, value
 * type, indent); budget tables average well under 100 bytes per cell, so 25 000 cells stay far below
 * the 5 MB payload limit even with long formulas.
 */
export const CELLS_PER_SYNC = 25000;

export interface ReadOptions {
  cellsPerSync?: number;
  onProgress?: (done: number, total: number) => void;
  /** Extra sheet names to skip (the add-in's own sheets are always skipped). */
  skipSheets?: string[];
}

export interface ReadStats {
  syncs: number;
  sheets: number;
  cells: number;
  chunks: number;
  /** Things the user should know about the read, in Chinese (a sheet cut off, merges not read …). */
  warnings: string[];
  capabilities: Capabilities;
}

export interface ReadOutcome {
  grid: Grid;
  stats: ReadStats;
}

interface SheetPlan {
  name: string;
  hidden: boolean;
  ws: Excel.Worksheet;
  used?: Excel.Range;
  /** 0-based position and size of the part of the used range we read. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  merged?: Excel.RangeAreas;
}

interface Chunk {
  plan: SheetPlan;
  row0: number;
  rows: number;
  range?: Excel.Range;
  /** Alignment indent of every cell (增加缩进 carries the project tree in 专项业务经费表). */
  indents?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

export async function readOpenWorkbook(host: ExcelHost, opts: ReadOptions = {}): Promise<ReadOutcome> {
  const caps = capabilities(host);
  const budget = Math.max(1, opts.cellsPerSync ?? CELLS_PER_SYNC);
  const skip = new Set([RESULTS_SHEET, ...(opts.skipSheets ?? [])]);
  return host.run(runOptions(host), async (context) => {
    const counter = countingSync(context);
    const sync = counter.sync;
    const warnings: string[] = [];

    // 1. Sheet list.
    const wb = context.workbook;
    if (caps.hyperlinks) wb.load('name'); // Workbook.name is ExcelApi 1.7
    const worksheets = wb.worksheets;
    worksheets.load('items/name,items/visibility');
    await sync();

    // 2. Used ranges of every sheet, in one sync.
    const plans: SheetPlan[] = [];
    for (const ws of worksheets.items) {
      if (skip.has(ws.name)) continue;
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      plans.push({ name: ws.name, hidden: ws.visibility !== 'Visible', ws, used, row0: 0, col0: 0, rows: 0, cols: 0 });
    }
    await sync();

    // 3. Cell contents in row chunks, grouped into as few syncs as the payload budget allows.
    const chunks: Chunk[][] = [[]];
    let inBatch = 0;
    for (const p of plans) {
      const used = p.used!;
      if (used.isNullObject) continue;
      p.row0 = used.rowIndex;
      p.col0 = used.columnIndex;
      const lastRow = used.rowIndex + used.rowCount; // 1-based last row
      const lastCol = used.columnIndex + used.columnCount;
      const rowLimit = Math.min(lastRow, MAX_ROWS_PER_SHEET);
      const colLimit = Math.min(lastCol, MAX_COLS_PER_SHEET);
      if (lastRow > MAX_ROWS_PER_SHEET) {
        warnings.push(`工作表“${p.name}”有 ${lastRow} 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行。`);
      }
      if (lastCol > MAX_COLS_PER_SHEET) {
        warnings.push(`工作表“${p.name}”有 ${lastCol} 列，超过 ${MAX_COLS_PER_SHEET} 列，只读取了前 ${MAX_COLS_PER_SHEET} 列。`);
      }
      p.rows = Math.max(0, rowLimit - p.row0);
      p.cols = Math.max(0, colLimit - p.col0);
      if (p.rows === 0 || p.cols === 0) continue;
      if (caps.mergedAreas) {
        // Merges are looked up in the formatted used range: a merged title often reaches past
        // the last cell holding a value (its value sits in the top-left cell only).
        p.merged = p.ws.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject();
        p.merged.load('address');
      }
      const rowsPerChunk = Math.max(1, Math.floor(budget / p.cols));
      for (let r = 0; r < p.rows; r += rowsPerChunk) {
        const n = Math.min(rowsPerChunk, p.rows - r);
        if (inBatch > 0 && inBatch + n * p.cols > budget) {
          chunks.push([]);
          inBatch = 0;
        }
        chunks[chunks.length - 1].push({ plan: p, row0: p.row0 + r, rows: n });
        inBatch += n * p.cols;
      }
    }
    if (!caps.cellProperties) {
      warnings.push('此版本的 Excel 不支持读取单元格缩进（需要 ExcelApi 1.9），层级只按科目编码和文字识别。');
    }
    if (!caps.mergedAreas) {
      warnings.push('此版本的 Excel 不支持读取合并单元格（需要 ExcelApi 1.13），表头识别只使用各合并区域左上角的单元格。');
    }

    const rowsBySheet = new Map<string, (CellData | undefined)[][]>();
    let cells = 0;
    let done = 0;
    const total = chunks.reduce((n, b) => n + b.length, 0);
    for (const batch of chunks) {
      if (batch.length === 0) continue;
      // Queue this batch's loads only now, so each sync carries one batch.
      for (const c of batch) {
        // getRange(address) is ExcelApi 1.1 (getRangeByIndexes would need 1.7)
        c.range = c.plan.ws.getRange(`${a1(c.row0 + 1, c.plan.col0 + 1)}:${a1(c.row0 + c.rows, c.plan.col0 + c.plan.cols)}`);
        c.range.load('values,formulas,numberFormat,valueTypes');
        if (caps.cellProperties) c.indents = c.range.getCellProperties({ format: { indentLevel: true } });
      }
      await sync();
      for (const c of batch) {
        let rows = rowsBySheet.get(c.plan.name);
        if (!rows) rowsBySheet.set(c.plan.name, (rows = []));
        cells += fillRows(rows, c);
        done++;
      }
      opts.onProgress?.(done, total);
    }

    const sheets: Sheet[] = plans.map((p) => {
      const rows = rowsBySheet.get(p.name) ?? [];
      for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
      const merges =
        p.merged && !p.merged.isNullObject ? parseAreas(p.merged.address).filter((m) => m.top <= MAX_ROWS_PER_SHEET) : [];
      const sheet: Sheet = { name: p.name, rows, merges };
      sheet.hidden = p.hidden;
      return sheet;
    });
    return {
      grid: { source: (caps.hyperlinks && wb.name) || '当前工作簿', sheets },
      stats: { syncs: counter.count, sheets: sheets.length, cells, chunks: total, warnings, capabilities: caps },
    };
  });
}

function fillRows(rows: (CellData | undefined)[][], c: Chunk): number {
  const { values, formulas, numberFormat, valueTypes } = c.range!;
  const indents = c.indents ? c.indents.value : [];
  let n = 0;
  for (let i = 0; i < c.rows; i++) {
    const r = c.row0 + i; // 0-based sheet row
    let cellsOfRow: (CellData | undefined)[] | undefined;
    for (let j = 0; j < c.plan.cols; j++) {
      const cell = toCell(values[i][j], formulas[i][j], numberFormat[i][j], valueTypes[i][j]);
      if (!cell) continue;
      const indent = indents[i]?.[j]?.format?.indentLevel;
      if (indent) cell.indent = indent;
      if (!cellsOfRow) cellsOfRow = rows[r] ?? (rows[r] = []);
      cellsOfRow[c.plan.col0 + j] = cell;
      n++;
    }
  }
  return n;
}

/** One office.js cell (value, formula, number format, value type) as a Grid cell; undefined when empty. */
export function toCell(value: unknown, formula: unknown, format: unknown, type: unknown): CellData | undefined {
  const f = typeof formula === 'string' && formula.length > 1 && formula.startsWith('=') ? formula.slice(1) : undefined;
  let v: CellValue;
  switch (type) {
    case 'Empty':
      v = null;
      break;
    case 'Error':
      v = { error: String(value) };
      break;
    case 'Boolean':
      v = Boolean(value);
      break;
    case 'Double':
      v = typeof value === 'number' ? value : Number(value);
      break;
    default:
      v = value === '' || value === null || value === undefined ? null : (value as string | number | boolean);
  }
  if (f && v === '') v = null;
  if (v === null && !f) return undefined;
  const fmt = typeof format === 'string' && format !== 'General' ? format : undefined;
  // ExcelJS (src/file/read.ts) turns numbers in date formats into dates; do the same.
  if (typeof v === 'number' && fmt && isDateFormat(fmt)) v = serialToIsoDate(v);
  const out: CellData = { v };
  if (f) out.f = f;
  if (fmt) out.fmt = fmt;
  return out;
}

/** ExcelJS's own test for date formats (utils.isDateFmt), so both readers agree. */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** Excel serial date (1900 system) → "YYYY-MM-DD", computed as ExcelJS does. */
export function serialToIsoDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 24 * 3600 * 1000)).toISOString().slice(0, 10);
}

const AREA = /(?:'(?:[^']|'')*'|[^,!']+)!\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?/g;

/** Parses a RangeAreas address ("表1!A1:C1, '表 2'!B2:B3") into 1-based merged areas. */
export function parseAreas(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of address.matchAll(AREA)) {
    const top = Number(m[2]);
    const left = lettersToCol(m[1]);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? lettersToCol(m[3]) : left;
    if (bottom > top || right > left) out.push({ top, left, bottom, right });
  }
  return out;
}

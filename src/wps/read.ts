/**
 * Reads the workbook open in WPS 表格 into the engine's Grid, in bulk: per sheet one Value2 and
 * one Formula of the used range (2-D arrays). Number formats, indents and merged areas come back
 * from WPS as one value for a whole block when its cells agree and null when they differ, so they
 * are read per block and only blocks that disagree are split (halved along their longer side)
 * — a budget table's few format regions cost tens of calls, not one per cell. Blocks holding no
 * value are never asked about their format.
 *
 * The result mirrors src/file/read.ts cell for cell (test/wps/read.test.ts), through the same
 * cell conversion as the Excel reader (toCell in src/excel/read.ts).
 */
import { CellData, Grid, MergedArea, Sheet } from '../core/grid';
import { RESULTS_SHEET_NAME } from '../core/marks';
import { MAX_COLS_PER_SHEET, MAX_ROWS_PER_SHEET, toCell } from '../excel/read';
import { WpsApplication, WpsRange, WpsWorksheet, XL_SHEET_VISIBLE } from './model';
import { RECORD_SHEET } from './store';
import { boxAddress } from './address';

/** What WPS may call the General format (the Chinese UI's name: docs/real-wps-checklist.md, item 3). */
export const GENERAL_FORMATS = new Set(['General', 'G/通用格式']);

export interface WpsReadStats {
  sheets: number;
  cells: number;
  /** Object-model reads of blocks (Value2/Formula per sheet, plus format and merge blocks). */
  blockReads: number;
  warnings: string[];
}

/** Value2 of an error cell. VBA's CVErr numbers; a string form is also accepted (docs/real-wps-checklist.md, item 1). */
const CVERR: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
};
const ERROR_TEXT = new Set(Object.values(CVERR).concat(['#SPILL!', '#CALC!', '#GETTING_DATA']));

/** One Value2 cell (with its Formula) as an office.js-like (value, type) pair for toCell. */
function typed(value: unknown, fmt?: string): { value: unknown; type: string } {
  if (value === undefined || value === null || value === '') return { value: '', type: 'Empty' };
  if (typeof value === 'number' && CVERR[value] !== undefined) return { value: CVERR[value], type: 'Error' };
  // Where WPS gives errors as text: "#REF!" typed into a cell is an error value too, unless the cell is formatted as text.
  if (typeof value === 'string' && ERROR_TEXT.has(value) && fmt !== '@') return { value, type: 'Error' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  if (typeof value === 'number') return { value, type: 'Double' };
  return { value: String(value), type: 'String' };
}

/** Value2/Formula as a 2-D array whatever WPS returns for one cell. */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  // a one-cell range gives the bare value
  if (rows === 1 && cols === 1) return [[v]];
  return Array.from({ length: rows }, () => Array<unknown>(cols).fill(undefined));
}

interface Block {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** The single cells of a block that matter, up to 5 (enough to decide "few"). */
function filledCells(b: Block, wanted: (b: Block) => boolean): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (let r = b.r0; r < b.r0 + b.rows && out.length <= 4; r++)
    for (let c = b.c0; c < b.c0 + b.cols && out.length <= 4; c++) if (wanted({ r0: r, c0: c, rows: 1, cols: 1 })) out.push({ r, c });
  return out;
}

/**
 * Calls `get` on the block; where it returns null/undefined (the cells differ), splits the block
 * in two along its longer side. `wanted` says whether a block matters at all (holds a value).
 */
function eachUniform<T>(ws: WpsWorksheet, b: Block, wanted: (b: Block) => boolean, get: (r: WpsRange) => T | null | undefined, use: (b: Block, v: T) => void, count: { n: number }): void {
  if (b.rows <= 0 || b.cols <= 0 || !wanted(b)) return;
  count.n++;
  const v = get(ws.Range(boxAddress(b.r0, b.c0, b.rows, b.cols)));
  if (v !== null && v !== undefined) {
    use(b, v);
    return;
  }
  if (b.rows === 1 && b.cols === 1) return;
  // Few cells that matter: ask each of them rather than split further.
  const cells = filledCells(b, wanted);
  if (cells.length <= 4) {
    for (const c of cells) eachUniform(ws, { r0: c.r, c0: c.c, rows: 1, cols: 1 }, () => true, get, use, count);
    return;
  }
  // Column by column (formats and indents usually run down a column), then halves of a column.
  if (b.cols > 1) {
    for (let c = b.c0; c < b.c0 + b.cols; c++) eachUniform(ws, { ...b, c0: c, cols: 1 }, wanted, get, use, count);
    return;
  }
  const h = Math.floor(b.rows / 2);
  eachUniform(ws, { ...b, rows: h }, wanted, get, use, count);
  eachUniform(ws, { ...b, r0: b.r0 + h, rows: b.rows - h }, wanted, get, use, count);
}

export interface WpsReadOptions {
  skipSheets?: string[];
  onProgress?: (done: number, total: number) => void;
}

export function readWpsWorkbook(app: WpsApplication, opts: WpsReadOptions = {}): { grid: Grid; stats: WpsReadStats } {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿。');
  const skip = new Set([RESULTS_SHEET_NAME, RECORD_SHEET, ...(opts.skipSheets ?? [])]);
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  const count = { n: 0 };
  let cells = 0;
  const total = wb.Worksheets.Count;
  for (let i = 1; i <= total; i++) {
    const ws = wb.Worksheets.Item(i);
    const name = ws.Name;
    if (skip.has(name)) continue;
    const visible = ws.Visible;
    const sheet: Sheet = { name, rows: [], merges: [], hidden: !(visible === XL_SHEET_VISIBLE || visible === true) };
    sheets.push(sheet);
    const used = ws.UsedRange;
    const r0 = used.Row;
    const c0 = used.Column;
    const lastRow = r0 + used.Rows.Count - 1;
    const lastCol = c0 + used.Columns.Count - 1;
    if (lastRow > MAX_ROWS_PER_SHEET) warnings.push(`工作表“${name}”有 ${lastRow} 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行。`);
    if (lastCol > MAX_COLS_PER_SHEET) warnings.push(`工作表“${name}”有 ${lastCol} 列，超过 ${MAX_COLS_PER_SHEET} 列，只读取了前 ${MAX_COLS_PER_SHEET} 列。`);
    const rows = Math.max(0, Math.min(lastRow, MAX_ROWS_PER_SHEET) - r0 + 1);
    const cols = Math.max(0, Math.min(lastCol, MAX_COLS_PER_SHEET) - c0 + 1);
    if (rows === 0 || cols === 0) continue;

    const block = ws.Range(boxAddress(r0, c0, rows, cols));
    count.n += 2;
    const values = matrix(block.Value2, rows, cols);
    const formulas = matrix(block.Formula, rows, cols);
    // Which cells hold something (a prefix sum per row answers "does this block hold a value?").
    const filled: Uint8Array[] = values.map((row, i) => Uint8Array.from(row, (v, j) => (typed(v).type !== 'Empty' || isFormula(formulas[i]?.[j]) ? 1 : 0)));
    const wanted = (b: Block) => {
      for (let i = b.r0 - r0; i < b.r0 - r0 + b.rows; i++) {
        const row = filled[i];
        for (let j = b.c0 - c0; j < b.c0 - c0 + b.cols; j++) if (row?.[j]) return true;
      }
      return false;
    };
    const whole: Block = { r0, c0, rows, cols };
    const fmt: (string | undefined)[][] = values.map((r) => Array<string | undefined>(r.length));
    eachUniform(ws, whole, wanted, (r) => r.NumberFormat, (b, v) => fillBlock(fmt, b, r0, c0, v), count);
    const indent: (number | undefined)[][] = values.map((r) => Array<number | undefined>(r.length));
    eachUniform(ws, whole, wanted, (r) => r.IndentLevel, (b, v) => fillBlock(indent, b, r0, c0, v), count);

    for (let i = 0; i < rows; i++) {
      let out: (CellData | undefined)[] | undefined;
      for (let j = 0; j < cols; j++) {
        if (!filled[i][j]) continue;
        const t = typed(values[i]?.[j], fmt[i][j]);
        const f = fmt[i][j];
        const cell = toCell(t.value, formulas[i]?.[j], f && GENERAL_FORMATS.has(f) ? undefined : f, t.type);
        if (!cell) continue;
        const level = indent[i][j];
        if (level) cell.indent = level;
        out ??= sheet.rows[r0 - 1 + i] = [];
        out[c0 - 1 + j] = cell;
        cells++;
      }
    }
    for (let k = 0; k < sheet.rows.length; k++) if (!sheet.rows[k]) sheet.rows[k] = [];
    sheet.merges = readMerges(ws, { r0, c0, rows: Math.max(0, Math.min(lastRow, MAX_ROWS_PER_SHEET) - r0 + 1), cols: used.Columns.Count }, count);
    opts.onProgress?.(i, total);
  }
  return { grid: { source: wb.Name || '当前工作簿', sheets }, stats: { sheets: sheets.length, cells, blockReads: count.n, warnings } };
}

function isFormula(f: unknown): boolean {
  return typeof f === 'string' && f.length > 1 && f.startsWith('=');
}

function fillBlock<T>(target: (T | undefined)[][], b: Block, r0: number, c0: number, v: T): void {
  for (let i = b.r0 - r0; i < b.r0 - r0 + b.rows; i++) for (let j = b.c0 - c0; j < b.c0 - c0 + b.cols; j++) target[i][j] = v;
}

/** Merged areas: blocks answering MergeCells = true are walked cell by cell through MergeArea (merges are few: titles and headers). */
function readMerges(ws: WpsWorksheet, b: Block, count: { n: number }): MergedArea[] {
  const found = new Map<string, MergedArea>();
  const covered = new Set<string>();
  eachUniform(
    ws,
    b,
    () => true,
    (r) => r.MergeCells,
    (blk, v) => {
      if (!v) return;
      for (let r = blk.r0; r < blk.r0 + blk.rows; r++)
        for (let c = blk.c0; c < blk.c0 + blk.cols; c++) {
          if (covered.has(`${r},${c}`)) continue;
          count.n++;
          const area = ws.Range(boxAddress(r, c, 1, 1)).MergeArea;
          const m = { top: area.Row, left: area.Column, bottom: area.Row + area.Rows.Count - 1, right: area.Column + area.Columns.Count - 1 };
          for (let rr = m.top; rr <= m.bottom; rr++) for (let cc = m.left; cc <= m.right; cc++) covered.add(`${rr},${cc}`);
          if (m.bottom > m.top || m.right > m.left) found.set(`${m.top},${m.left}`, m);
        }
    },
    count,
  );
  return [...found.values()].filter((m) => m.top <= MAX_ROWS_PER_SHEET);
}

/**
 * Grid: the workbook's cells exactly as read, nothing domain-specific.
 *
 * Both readers (src/file/read.ts from .xlsx via ExcelJS, src/excel/read.ts from the open
 * workbook via office-js) produce this shape, so the engine never knows where cells came from.
 * Rows and columns are 1-based, as in Excel's A1 notation.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | CellError | null;

export interface CellData {
  /** The value shown to the user: a constant, or the cached result of a formula. */
  v: CellValue;
  /** Formula text without the leading '=', when the cell holds one. */
  f?: string;
  /** Number format code, when not 'General'. */
  fmt?: string;
  /** Indent level from the cell's alignment (Excel's 增加缩进), when set. */
  indent?: number;
}

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** rows[r-1][c-1]; missing rows or cells are empty. */
  rows: (CellData | undefined)[][];
  merges: MergedArea[];
  /** True when the sheet is hidden in the workbook. */
  hidden?: boolean;
}

export interface Grid {
  /** A label for messages: the file name, or the workbook's name in Excel. */
  source: string;
  sheets: Sheet[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function cellAt(sheet: Sheet, row: number, col: number): CellData | undefined {
  const r = sheet.rows[row - 1];
  return r ? r[col - 1] : undefined;
}

export function valueAt(sheet: Sheet, row: number, col: number): CellValue {
  return cellAt(sheet, row, col)?.v ?? null;
}

/** The cell's value as text, untrimmed (leading full-width spaces carry indentation). */
export function rawTextAt(sheet: Sheet, row: number, col: number): string {
  const v = valueAt(sheet, row, col);
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v);
}

/** The cell's value as display text (trimmed); '' for empty cells. */
export function textAt(sheet: Sheet, row: number, col: number): string {
  return cellText(valueAt(sheet, row, col));
}

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

const colCounts = new WeakMap<Sheet, number>();

/** Widest row of the sheet (cached: a Grid is not modified after it is read). */
export function colCount(sheet: Sheet): number {
  let n = colCounts.get(sheet);
  if (n === undefined) {
    n = 0;
    for (const r of sheet.rows) if (r && r.length > n) n = r.length;
    colCounts.set(sheet, n);
  }
  return n;
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** A cell reference as used in findings: "<sheet name>!A1" (sheet name unquoted). */
export function cellRef(sheetName: string, row: number, col: number): string {
  return `${sheetName}!${a1(row, col)}`;
}

export interface ParsedRef {
  sheet: string;
  row: number;
  col: number;
  /** For ranges "Sheet!A1:C3". */
  endRow?: number;
  endCol?: number;
}

/** Parses "<sheet>!A1" or "<sheet>!A1:B2"; the sheet name is everything before the last '!'. */
export function parseRef(ref: string): ParsedRef | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = ref.slice(0, bang).replace(/^'(.*)'$/, '$1');
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.slice(bang + 1));
  if (!m) return null;
  const out: ParsedRef = { sheet, col: lettersToCol(m[1]), row: Number(m[2]) };
  if (m[3]) {
    out.endCol = lettersToCol(m[3]);
    out.endRow = Number(m[4]);
  }
  return out;
}

const mergeIndex = new WeakMap<Sheet, Map<number, MergedArea[]>>();

/** The merged area that contains (row, col), if any (merges indexed by row, built once per sheet). */
export function mergeAt(sheet: Sheet, row: number, col: number): MergedArea | undefined {
  let index = mergeIndex.get(sheet);
  if (!index) {
    index = new Map();
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = index.get(r);
        if (list) list.push(m);
        else index.set(r, [m]);
      }
    }
    mergeIndex.set(sheet, index);
  }
  const list = index.get(row);
  if (!list) return undefined;
  for (const m of list) if (col >= m.left && col <= m.right) return m;
  return undefined;
}

/**
 * Text of a cell, looking through merged areas: a cell inside a merge reads as the merge's
 * top-left cell. Header recognition uses this so that a header merged across two rows or
 * several columns is seen from every cell it covers.
 */
export function mergedTextAt(sheet: Sheet, row: number, col: number): string {
  const direct = textAt(sheet, row, col);
  if (direct) return direct;
  const m = mergeAt(sheet, row, col);
  return m ? textAt(sheet, m.top, m.left) : '';
}

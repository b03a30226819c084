/**
 * The browser-safe half of the .xlsx reader: ExcelJS workbook → Grid, the magic-byte checks and
 * their Chinese messages. No Node built-ins and no runtime import of ExcelJS: the caller passes
 * the Workbook class, so the CLI uses Node's ExcelJS (src/file/read.ts, which re-exports all of
 * this) and the task pane its browser build, loaded on demand (taskpane/priorWorkbook.ts).
 */
import type * as ExcelJS from 'exceljs';
import { CellData, CellValue, Grid, MergedArea, Sheet } from '../core/grid';

/** Rows read per sheet at most. Budget tables have hundreds of rows; more is not a disclosure. */
export const MAX_ROWS_PER_SHEET = 5000;
export const MAX_COLS_PER_SHEET = 200;

/** A file that cannot be read as a workbook; the message is Chinese and names the file. */
export class ReadError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

export interface ReadResult {
  grid: Grid;
  /** Things the user should know about the read (a sheet cut off, a chart sheet skipped …). */
  warnings: string[];
}

/** The ExcelJS Workbook class: Node's (`exceljs`) or the browser build's (`exceljs/dist/exceljs.min.js`). */
export type WorkbookClass = new () => ExcelJS.Workbook;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** Converts one ExcelJS cell value to a Grid value (the shown value: formula results, rich text joined). */
export function convertValue(v: ExcelJS.CellValue): { v: CellValue; f?: string } {
  if (v === null || v === undefined) return { v: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: v.toISOString().slice(0, 10) };
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { v: { error: String(o.error) } };
  if ('richText' in o && Array.isArray(o.richText)) {
    return { v: (o.richText as { text: string }[]).map((r) => r.text).join('') };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = convertValue((o.result ?? null) as ExcelJS.CellValue);
    return { v: inner.v, f: String(o.formula ?? o.sharedFormula) };
  }
  if ('text' in o) return { v: String(o.text) }; // hyperlink
  return { v: String(v) };
}

export function gridFromWorkbook(wb: ExcelJS.Workbook, source: string): ReadResult {
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: (CellData | undefined)[][] = [];
    const lastRow = ws.actualRowCount > 0 ? ws.rowCount : 0;
    if (lastRow > MAX_ROWS_PER_SHEET) {
      warnings.push(`工作表“${ws.name}”有 ${lastRow} 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行。`);
    }
    const rowLimit = Math.min(lastRow, MAX_ROWS_PER_SHEET);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > rowLimit) return;
      const cells: (CellData | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > MAX_COLS_PER_SHEET) return;
        // ExcelJS gives every cell of a merged area the master's value; only the master holds it.
        if (cell.isMerged && cell.master !== cell) return;
        const { v, f } = convertValue(cell.value);
        if (v === null && !f) return;
        const data: CellData = { v };
        if (f) data.f = f;
        const fmt = cell.numFmt;
        if (fmt && fmt !== 'General') data.fmt = fmt;
        const indent = cell.alignment?.indent;
        if (indent) data.indent = indent;
        cells[c - 1] = data;
      });
      rows[r - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    const merges: MergedArea[] = [];
    const raw = (ws as unknown as { _merges?: Record<string, { model: MergedArea }> })._merges ?? {};
    for (const key of Object.keys(raw)) {
      const m = raw[key].model;
      if (m.top <= rowLimit) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
    sheets.push({ name: ws.name, rows, merges, hidden: ws.state !== 'visible' && ws.state !== undefined });
  });
  return { grid: { source, sheets }, warnings };
}

/**
 * Reads a workbook from bytes with the given ExcelJS Workbook class. `file` is what the error
 * carries (a path in the CLI), `name` what messages and the Grid call it (the file's base name).
 */
export async function gridFromXlsxBytes(bytes: Uint8Array, file: string, name: string, Workbook: WorkbookClass): Promise<ReadResult> {
  if (bytes.length === 0) throw new ReadError(file, `文件“${name}”是空文件（0 字节），不是 Excel 工作簿。`);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (/\.xls$/i.test(file)) {
      throw new ReadError(file, `文件“${name}”是旧版 Excel 97-2003（.xls）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查。`);
    }
    throw new ReadError(file, `文件“${name}”已加密（设置了打开密码），无法读取。请在 Excel 中取消密码后另存为 .xlsx 再检查。`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new ReadError(file, `文件“${name}”不是 .xlsx 工作簿（文件内容不是 Excel 格式）。`);
  }
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // ExcelJS/JSZip explain in English; say in Chinese what the user can do about it.
    const why = (e as Error).message ?? '';
    const truncated = /central directory|corrupted zip|end of data|invalid signature|unexpected end/i.test(why);
    throw new ReadError(
      file,
      truncated
        ? `文件“${name}”无法作为 .xlsx 读取，可能已损坏：文件不完整（可能下载或复制时中断），请重新获取该文件。`
        : `文件“${name}”无法作为 .xlsx 读取，可能已损坏或不是 Excel 工作簿。`,
    );
  }
  const result = gridFromWorkbook(wb, name);
  if (result.grid.sheets.length === 0) throw new ReadError(file, `文件“${name}”中没有工作表。`);
  if (result.grid.sheets.every((s) => s.rows.length === 0)) {
    throw new ReadError(file, `文件“${name}”的所有工作表都是空的。`);
  }
  return result;
}

/**
 * Reads an .xlsx file into a Grid with ExcelJS. The only place (with write.ts) that knows
 * about files; the engine receives a Grid and never touches the file system.
 * The conversion itself (ExcelJS → Grid, magic bytes, messages) is browser-safe and lives in
 * grid-from-exceljs.ts, which the task pane also uses for last year's workbook.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ReadError, ReadResult, gridFromXlsxBytes } from './grid-from-exceljs';

export { MAX_COLS_PER_SHEET, MAX_ROWS_PER_SHEET, ReadError, convertValue, gridFromWorkbook } from './grid-from-exceljs';
export type { ReadResult } from './grid-from-exceljs';

/** Reads a workbook from bytes; `file` names it in messages. */
export async function readWorkbookBuffer(buf: Buffer, file: string): Promise<ReadResult> {
  return gridFromXlsxBytes(buf, file, path.basename(file), ExcelJS.Workbook);
}

export async function readWorkbookFile(file: string): Promise<ReadResult> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : (e as Error).message;
    throw new ReadError(file, `无法打开文件“${file}”：${why}。`);
  }
  return readWorkbookBuffer(buf, file);
}

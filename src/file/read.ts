/**
 * Reads a workbook file into a Grid for checking. The format is decided by the file's bytes, not
 * its name: a zip is read as .xlsx/.xlsm by the fast reader (xlsx-fast.ts: fflate + saxes, the
 * same Grid as ExcelJS gives); an OLE compound file is an .xls (read with SheetJS, xls.ts), an
 * encrypted .xlsx, or something else (a Word .doc, a WPS .et), each with its own Chinese message.
 * The engine receives a Grid and never touches the file system.
 *
 * The ExcelJS conversion (gridFromWorkbook, gridFromXlsxBytes) stays in grid-from-exceljs.ts: the
 * task pane uses it for last year's workbook, and the tests hold the fast reader to it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { ReadError, ReadResult } from './grid-from-exceljs';
import { gridFromXlsxFast } from './xlsx-fast';
import { unzipWithZlib } from './unzip-node';
import { systemReason } from './errors';

export { MAX_COLS_PER_SHEET, MAX_ROWS_PER_SHEET, ReadError, convertValue, gridFromWorkbook } from './grid-from-exceljs';
export type { ReadResult } from './grid-from-exceljs';

/** The format found in the bytes. */
export type WorkbookFormat = 'xlsx' | 'xls';

export interface FileReadResult extends ReadResult {
  format: WorkbookFormat;
}

/** Files larger than this are refused before reading: a 预算公开 workbook is well under 10 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

/** What a non-workbook file most likely is, from its first bytes, for the message. */
function sniffText(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 512)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'PDF 文件';
  if (/^<\?xml[^>]*>\s*(<\?mso-application progid="excel\.sheet"|<workbook)/.test(head)) return 'Excel 2003 XML 表格（.xml）';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<table')) return '网页（HTML）格式的表格（只是扩展名像 Excel）';
  return null;
}

/** Reads a workbook from bytes; `file` names it in messages. */
export async function readWorkbookBuffer(buf: Uint8Array, file: string): Promise<FileReadResult> {
  const name = path.basename(file);
  if (buf.length === 0) throw new ReadError(file, `文件“${name}”是空文件（0 字节），不是 Excel 工作簿。`);
  if (startsWith(buf, ZIP_MAGIC)) return { ...gridFromXlsxFast(buf, file, name, { unzip: unzipWithZlib }), format: 'xlsx' };
  if (startsWith(buf, OLE_MAGIC)) {
    // Loaded only for OLE files: SheetJS is large and most folders hold .xlsx only.
    const { gridFromXls, oleKind } = await import('./xls');
    switch (oleKind(buf)) {
      case 'xls':
        return { ...gridFromXls(buf, file, name), format: 'xls' };
      case 'encrypted':
        throw new ReadError(file, `文件“${name}”已加密（设置了打开密码），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。`);
      case 'word':
        throw new ReadError(file, `文件“${name}”是 Word 文档（.doc），不是 Excel 工作簿。`);
      case 'powerpoint':
        throw new ReadError(file, `文件“${name}”是 PowerPoint 演示文稿，不是 Excel 工作簿。`);
      case 'wps':
        throw new ReadError(file, `文件“${name}”是 WPS 表格的专有格式（.et），无法读取。请在 WPS 中“另存为” .xlsx 后再检查。`);
      case 'broken':
        throw new ReadError(
          file,
          /\.xls$/i.test(name)
            ? `文件“${name}”是旧版 Excel 97-2003（.xls）格式，但文件已损坏或不完整，无法读取。请重新获取该文件，或在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查。`
            : `文件“${name}”已加密或已损坏：它是 OLE 复合文档（旧版 .xls 和设置了打开密码的 .xlsx 都用这种格式），但无法解析。请重新获取该文件；如设置了密码，请取消密码后另存为 .xlsx 再检查。`,
        );
      default:
        throw new ReadError(
          file,
          /\.et$/i.test(name)
            ? `文件“${name}”是 WPS 表格的专有格式（.et），无法读取。请在 WPS 中“另存为” .xlsx 后再检查。`
            : `文件“${name}”是 OLE 复合文档，但里面没有 Excel 工作簿，无法读取。`,
        );
    }
  }
  const what = sniffText(buf);
  if (what) throw new ReadError(file, `文件“${name}”是${what}，不是 .xlsx 或 .xls 工作簿。请在 Excel 或 WPS 中打开并“另存为” .xlsx 后再检查。`);
  throw new ReadError(file, `文件“${name}”不是 .xlsx 工作簿（文件内容不是 Excel 格式：.xlsx、.xlsm 或 .xls）。如果它是表格，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查。`);
}

/** The bytes of a workbook file, after the checks that need no parsing (a folder, an oversized file). */
export async function loadWorkbookBytes(file: string): Promise<Buffer> {
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    if (st.size > MAX_FILE_BYTES) {
      throw new ReadError(file, `文件“${path.basename(file)}”有 ${(st.size / 1024 / 1024).toFixed(0)} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，不像预算公开报表，未读取。`);
    }
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    const why = systemReason(e, 'read');
    throw new ReadError(file, `无法打开文件“${file}”：${why}。`);
  }
}

/**
 * Reads a workbook file. `bytes`: the file's bytes when the caller started loading them already
 * (a folder check loads the next file while it checks this one).
 */
export async function readWorkbookFile(file: string, bytes?: Promise<Buffer>): Promise<FileReadResult> {
  return readWorkbookBuffer(await (bytes ?? loadWorkbookBytes(file)), file);
}

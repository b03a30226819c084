/**
 * Loads a user's 科目表 (.xlsx or .csv) for `--codes <file>`.
 *
 * .csv: columns code,name[,scheme] (or 编码/代码, 名称, 类别); a header row is optional; UTF-8
 * (with or without BOM) or GBK, as Excel saves it on Chinese Windows.
 * .xlsx/.xlsm/.xls (read by src/file/read.ts): the first sheet that has a header cell with 编码/代码 and one with 名称 (else the first
 * sheet, columns A and B). Scheme is inferred from the code when there is no 类别 column.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CodeCatalogue } from '../core/codes/catalogue';
import { parseCsv } from '../core/codes/csv';
import { CodeFileError, LoadMode, UserCodeRow, catalogueFromRows } from '../core/codes/user';
import { ReadError, readWorkbookBuffer } from './read';
import type { CellValue } from '../core/grid';
import { systemReason } from './errors';
import { codeRowsFromTable, findCodeHeader } from '../core/codes/table';

export { CodeFileError };

// The header detection and row reading are shared with the add-in (src/core/codes/table.ts).
const toCodeRows = codeRowsFromTable;
const findHeader = findCodeHeader;

function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gbk').decode(buf);
  }
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return String(v.error);
  return String(v);
}

/** A workbook 科目表 (.xlsx, .xlsm or .xls, told apart by the bytes) through the checking reader. */
async function readWorkbookCodes(buf: Buffer, file: string, label: string): Promise<{ rows: UserCodeRow[]; sheet: string }> {
  let grid;
  try {
    ({ grid } = await readWorkbookBuffer(buf, file));
  } catch (e) {
    const why = e instanceof ReadError ? e.message : '文件内容无法识别';
    throw new CodeFileError(label, `科目表文件“${label}”无法读取：${why}`);
  }
  const sheets = grid.sheets.map((ws) => {
    const rows: string[][] = [];
    const lines: number[] = [];
    ws.rows.forEach((row, i) => {
      if (!row || !row.some((c) => c)) return;
      rows.push(Array.from(row.slice(0, 50), (c) => cellText(c?.v)));
      lines.push(i + 1);
    });
    return { name: ws.name, rows, lines };
  });
  const chosen = sheets.find((s) => findHeader(s.rows)) ?? sheets[0];
  return { rows: toCodeRows(chosen.rows, (i) => chosen.lines[i]), sheet: chosen.name };
}

/** How many rows a loaded 科目表 file gave (and from which sheet), for the CLI's 已载入 line. */
const loadedRows = new WeakMap<CodeCatalogue, { rows: number; sheet?: string }>();
export function loadedCodeFileInfo(c: CodeCatalogue): { rows: number; sheet?: string } | undefined {
  return loadedRows.get(c);
}

/**
 * Reads a user's 科目表 and returns a catalogue that is complete for the schemes it covers.
 * Throws CodeFileError (Chinese message naming the file, sheet and rows) on bad input.
 */
export async function loadCodeFile(file: string, opts: { mode: LoadMode } = { mode: 'replace' }): Promise<CodeCatalogue> {
  const label = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CodeFileError(
      label,
      code === 'ENOENT'
        ? `找不到科目表文件“${file}”。`
        : `无法读取科目表文件“${file}”：${systemReason(e, 'read')}。`,
    );
  }
  if (ext === '.csv' || ext === '.txt') {
    const rows = toCodeRows(parseCsv(decodeText(buf)), (i) => i + 1);
    const cat = catalogueFromRows(label, rows, { mode: opts.mode, where: `文件“${label}”` });
    loadedRows.set(cat, { rows: rows.length });
    return cat;
  }
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' || buf[0] === 0x50 || buf[0] === 0xd0) {
    const { rows, sheet } = await readWorkbookCodes(buf, file, label);
    const cat = catalogueFromRows(label, rows, { mode: opts.mode, where: `文件“${label}”工作表“${sheet}”` });
    loadedRows.set(cat, { rows: rows.length, sheet });
    return cat;
  }
  throw new CodeFileError(label, `科目表文件“${label}”的格式不支持：请使用 .xlsx 或 .csv（列：编码、名称，可选“类别”）。`);
}

/**
 * Loads a user's 科目表 (.xlsx or .csv) for `--codes <file>`.
 *
 * .csv: columns code,name[,scheme] (or 编码/代码, 名称, 类别); a header row is optional; UTF-8
 * (with or without BOM) or GBK, as Excel saves it on Chinese Windows.
 * .xlsx: the first sheet that has a header cell with 编码/代码 and one with 名称 (else the first
 * sheet, columns A and B). Scheme is inferred from the code when there is no 类别 column.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CodeCatalogue } from '../core/codes/catalogue';
import { parseCsv } from '../core/codes/csv';
import { CodeFileError, LoadMode, UserCodeRow, catalogueFromRows } from '../core/codes/user';
import { codeRowsFromTable, findCodeHeader } from '../core/codes/table';
import { convertValue } from './read';

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

function cellText(v: ExcelJS.CellValue): string {
  const { v: value } = convertValue(v);
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return String(value.error);
  return String(value);
}

async function readXlsx(file: string, label: string): Promise<{ rows: UserCodeRow[]; sheet: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new CodeFileError(label, `科目表文件“${label}”无法作为 .xlsx 工作簿读取：${(e as Error).message}`);
  }
  const sheets: { name: string; rows: string[][]; lines: number[] }[] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    const lines: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c <= 50) cells[c - 1] = cellText(cell.value);
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
      lines.push(r);
    });
    sheets.push({ name: ws.name, rows, lines });
  });
  if (sheets.length === 0) throw new CodeFileError(label, `科目表文件“${label}”中没有工作表。`);
  const chosen = sheets.find((s) => findHeader(s.rows)) ?? sheets[0];
  return { rows: toCodeRows(chosen.rows, (i) => chosen.lines[i]), sheet: chosen.name };
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
      code === 'ENOENT' ? `找不到科目表文件“${file}”。` : `无法读取科目表文件“${file}”（${code ?? (e as Error).message}）。`,
    );
  }
  if (ext === '.csv' || ext === '.txt') {
    const rows = parseCsv(decodeText(buf));
    return catalogueFromRows(label, toCodeRows(rows, (i) => i + 1), { mode: opts.mode, where: `文件“${label}”` });
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const { rows, sheet } = await readXlsx(file, label);
    return catalogueFromRows(label, rows, { mode: opts.mode, where: `文件“${label}”工作表“${sheet}”` });
  }
  if (ext === '.xls') {
    throw new CodeFileError(label, `科目表文件“${label}”是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 .csv 后再载入。`);
  }
  throw new CodeFileError(label, `科目表文件“${label}”的格式不支持：请使用 .xlsx 或 .csv（列：编码、名称，可选“类别”）。`);
}

/**
 * Reads a 科目表 the user picked, entirely in the page: a .csv is decoded here (UTF-8 or GBK), an
 * .xlsx goes through ExcelJS's browser build (the chunk the 上年 picker uses, fetched on first use)
 * and the same ExcelJS → Grid code as the CLI. Nothing is uploaded.
 */
import { CodeFileError, UserCodes, codesFromCsv, codesFromGrid, decodeCodesText } from '../src/excel/codes';
import { gridFromXlsxBytes } from '../src/file/grid-from-exceljs';
import { loadExcelJS } from './priorWorkbook';

export const MAX_CODES_BYTES = 10 * 1024 * 1024;

export async function readCodesFile(file: File): Promise<UserCodes> {
  const name = file.name;
  const ext = name.toLowerCase().replace(/^.*(\.[^.]+)$/, '$1');
  if (file.size > MAX_CODES_BYTES) throw new CodeFileError(name, `科目表文件“${name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，不像科目表。`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (ext === '.csv' || ext === '.txt') return codesFromCsv(name, decodeCodesText(bytes));
  if (ext === '.xlsx' || ext === '.xlsm') {
    const Workbook = await loadExcelJS();
    let grid;
    try {
      grid = (await gridFromXlsxBytes(bytes, name, name, Workbook)).grid;
    } catch (e) {
      if ((e as Error).name === 'ReadError') throw new CodeFileError(name, (e as Error).message);
      throw new CodeFileError(name, `科目表文件“${name}”无法作为 .xlsx 工作簿读取：${(e as Error).message}`);
    }
    return codesFromGrid(name, grid);
  }
  if (ext === '.xls') throw new CodeFileError(name, `科目表文件“${name}”是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 .csv 后再导入。`);
  throw new CodeFileError(name, `科目表文件“${name}”的格式不支持：请使用 .xlsx 或 .csv（列：编码、名称，可选“类别”）。`);
}

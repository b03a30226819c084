/**
 * Excel 97-2003 (.xls, BIFF8; also BIFF5) → Grid with SheetJS (@e965/xlsx, the registry mirror of
 * SheetJS CE), and telling the OLE compound files apart: an .xls holds a "Workbook" (or "Book")
 * stream, an encrypted .xlsx holds "EncryptionInfo" + "EncryptedPackage", a Word .doc holds
 * "WordDocument". The Grid follows gridFromWorkbook's conventions (dates as yyyy-mm-dd, the
 * master cell of a merged area only, formula text without '='). What .xls loses here: the cell
 * indentation (SheetJS CE does not read BIFF alignment), so 增加缩进 levels are absent and
 * recognition falls back on the full-width spaces and 科目编码 that carry the hierarchy anyway.
 */
import * as XLSX from '@e965/xlsx';
import { CellData, CellValue, MergedArea, Sheet } from '../core/grid';
import { MAX_COLS_PER_SHEET, MAX_ROWS_PER_SHEET, ReadError, ReadResult } from './grid-from-exceljs';
import { isDateFormat, serialToIsoDate } from './xlsx-fast';

let codepagesLoaded = false;
/** BIFF5 (Excel 95) strings are in the file's code page (GBK for Chinese): load the tables on first use. */
function loadCodepages(): void {
  if (codepagesLoaded) return;
  codepagesLoaded = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  XLSX.set_cptable(require('@e965/xlsx/dist/cpexcel.js'));
}

export type OleKind = 'xls' | 'encrypted' | 'word' | 'powerpoint' | 'wps' | 'other' | 'broken';

/** What an OLE compound file holds, by its stream names. */
export function oleKind(bytes: Uint8Array): OleKind {
  let names: string[];
  try {
    const cfb = XLSX.CFB.read(bytes as unknown as Buffer, { type: 'buffer' });
    names = cfb.FileIndex.map((e: { name: string }) => e.name);
  } catch {
    return 'broken';
  }
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  if (has('WordDocument')) return 'word';
  if (has('PowerPoint Document')) return 'powerpoint';
  if (names.some((x) => /^(ET|WPS|Kingsoft)/i.test(x))) return 'wps';
  return 'other';
}

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

export function gridFromXls(bytes: Uint8Array, file: string, name: string): ReadResult {
  loadCodepages();
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false, dense: true });
  } catch (e) {
    const why = (e as Error).message ?? '';
    if (/password|encrypt/i.test(why)) {
      throw new ReadError(file, `文件“${name}”已加密（设置了打开密码），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再检查。`);
    }
    throw new ReadError(file, `文件“${name}”是旧版 Excel 97-2003（.xls）格式，但无法读取，可能已损坏。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查。`);
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  wb.SheetNames.forEach((sheetName, i) => {
    const ws = wb.Sheets[sheetName] as XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };
    if (!ws || ws['!type'] === 'chart') return;
    const data = ws['!data'] ?? [];
    const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
    const allMerges: MergedArea[] = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
    let lastRow = range ? range.e.r + 1 : 0;
    for (const m of allMerges) lastRow = Math.max(lastRow, m.bottom);
    if (lastRow > MAX_ROWS_PER_SHEET) {
      warnings.push(`工作表“${sheetName}”有 ${lastRow} 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行。`);
    }
    const rowLimit = Math.min(lastRow, MAX_ROWS_PER_SHEET);
    const merges = allMerges.filter((m) => m.top <= rowLimit);
    const slave = new Set<number>();
    const valueRows = new Set<number>();
    for (const m of merges) {
      for (let r = m.top; r <= Math.min(m.bottom, rowLimit); r++) {
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slave.add(r * 16384 + c);
        if (r > m.top || m.right > m.left) valueRows.add(r);
      }
    }
    const cellsByRow = new Map<number, (CellData | undefined)[]>();
    for (let r0 = 0; r0 < Math.min(data.length, rowLimit); r0++) {
      const row = data[r0];
      if (!row) continue;
      const r = r0 + 1;
      const cells: (CellData | undefined)[] = [];
      let any = false;
      for (let c0 = 0; c0 < row.length; c0++) {
        const cell = row[c0];
        if (!cell || (cell.t === 'z' && !cell.f)) continue;
        any = true;
        const c = c0 + 1;
        if (c > MAX_COLS_PER_SHEET || slave.has(r * 16384 + c)) continue;
        const fmt = typeof cell.z === 'string' ? cell.z : undefined;
        let v: CellValue = null;
        switch (cell.t) {
          case 'n':
            v = isDateFormat(fmt) ? serialToIsoDate(cell.v as number, date1904) : (cell.v as number);
            break;
          case 's':
            v = String(cell.v ?? '');
            break;
          case 'b':
            v = !!cell.v;
            break;
          case 'e':
            v = { error: ERRORS[cell.v as number] ?? cell.w ?? '#N/A' };
            break;
          case 'd':
            v = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
            break;
          default:
            v = null;
        }
        if (v === null && !cell.f) continue;
        const d: CellData = { v };
        if (cell.f) d.f = cell.f;
        if (fmt && fmt !== 'General') d.fmt = fmt;
        cells[c0] = d;
      }
      if (any) {
        valueRows.add(r);
        cellsByRow.set(r, cells);
      }
    }
    let maxRow = 0;
    for (const r of valueRows) if (r <= rowLimit && r > maxRow) maxRow = r;
    const rows: (CellData | undefined)[][] = [];
    for (let r = 1; r <= maxRow; r++) rows.push(cellsByRow.get(r) ?? []);
    const hidden = !!wb.Workbook?.Sheets?.[i]?.Hidden;
    sheets.push({ name: sheetName, rows, merges, hidden });
  });
  if (sheets.length === 0) throw new ReadError(file, `文件“${name}”中没有工作表。`);
  if (sheets.every((s) => s.rows.length === 0)) throw new ReadError(file, `文件“${name}”的所有工作表都是空的。`);
  return { grid: { source: name, sheets }, warnings };
}

/** .xls bytes → .xlsx bytes (values, formulas, merges, number formats; not fonts or fills), for the annotated copy. */
export function xlsToXlsxBytes(bytes: Uint8Array): Uint8Array {
  loadCodepages();
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as Uint8Array;
}

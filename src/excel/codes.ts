/**
 * 导入本地科目表 in the add-in: the user's own list, read in the browser (never uploaded), kept
 * inside the workbook as a custom XML part (ExcelApi 1.5, our namespace), so the next check —
 * from the pane or from the ribbon, in this session or after reopening the file — uses it,
 * as the command line's `--codes <file>` does (mode 'extend', the CLI's default).
 */
import type { CodeCatalogue } from '../core/codes/catalogue';
import { parseCsv } from '../core/codes/csv';
import { codeRowsFromTable, findCodeHeader } from '../core/codes/table';
import { CodeFileError, UserCodeRow, catalogueFromRows } from '../core/codes/user';
import type { Grid } from '../core/grid';
import { ExcelHost, runOptions } from './host';

export const CODES_NAMESPACE = 'urn:budget-disclosure-checker:codes';

export interface UserCodes {
  /** The file name the user picked. */
  label: string;
  /** Where the rows were read: 文件“x.csv” / 文件“x.xlsx”工作表“科目”. */
  where: string;
  rows: UserCodeRow[];
  catalogue: CodeCatalogue;
}

export { CodeFileError };

/** Validates the rows (CodeFileError with the rows named, in Chinese) and builds the catalogue. */
export function userCodes(label: string, where: string, rows: UserCodeRow[]): UserCodes {
  return { label, where, rows, catalogue: catalogueFromRows(label, rows, { mode: 'extend', where }) };
}

/** A .csv's text (UTF-8; GBK decoding is the caller's, see decodeCodesText). */
export function codesFromCsv(label: string, text: string): UserCodes {
  return userCodes(label, `文件“${label}”`, codeRowsFromTable(parseCsv(text)));
}

/** Bytes of a .csv: UTF-8 (with or without BOM), else GBK, as Excel saves it on Chinese Windows. */
export function decodeCodesText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** A workbook read into a Grid (src/file/grid-from-exceljs.ts): the first sheet with a 编码/名称 header, else the first. */
export function codesFromGrid(label: string, grid: Grid): UserCodes {
  const sheets = grid.sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) => Array.from(r ?? [], (c) => (c && c.v !== null && c.v !== undefined ? (typeof c.v === 'object' ? String((c.v as { error?: string }).error ?? '') : String(c.v)) : ''))),
  }));
  if (sheets.length === 0) throw new CodeFileError(label, `科目表文件“${label}”中没有工作表。`);
  const chosen = sheets.find((s) => findCodeHeader(s.rows)) ?? sheets[0];
  return userCodes(label, `文件“${label}”工作表“${chosen.name}”`, codeRowsFromTable(chosen.rows));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function codesToXml(c: UserCodes): string {
  return `<?xml version="1.0" encoding="UTF-8"?><budgetCheckCodes xmlns="${CODES_NAMESPACE}">${esc(JSON.stringify({ v: 1, label: c.label, where: c.where, rows: c.rows }))}</budgetCheckCodes>`;
}

export function codesFromXml(xml: string): UserCodes | undefined {
  const m = /<budgetCheckCodes[^>]*>([\s\S]*)<\/budgetCheckCodes>/.exec(xml);
  if (!m) return undefined;
  try {
    const o = JSON.parse(unesc(m[1])) as { v: number; label: string; where: string; rows: UserCodeRow[] };
    return o.v === 1 ? userCodes(o.label, o.where, o.rows) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the list kept in this workbook (undefined when there is none). */
export async function loadSavedCodes(host: ExcelHost): Promise<UserCodes | undefined> {
  return host.run(runOptions(host), async (context) => {
    const part = context.workbook.customXmlParts.getByNamespace(CODES_NAMESPACE).getOnlyItemOrNullObject();
    part.load('id');
    await context.sync();
    if (part.isNullObject) return undefined;
    const xml = part.getXml();
    await context.sync();
    return codesFromXml(xml.value);
  });
}

/** Keeps the list in this workbook (replacing an earlier one), or removes it (`codes` undefined). */
export async function saveCodes(host: ExcelHost, codes: UserCodes | undefined): Promise<void> {
  await host.run(runOptions(host), async (context) => {
    const parts = context.workbook.customXmlParts;
    const part = parts.getByNamespace(CODES_NAMESPACE).getOnlyItemOrNullObject();
    part.load('id');
    await context.sync();
    if (codes && !part.isNullObject) part.setXml(codesToXml(codes));
    else if (codes) parts.add(codesToXml(codes));
    else if (!part.isNullObject) part.delete();
    await context.sync();
  });
}

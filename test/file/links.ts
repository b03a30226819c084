import ExcelJS from 'exceljs';

/** Where a HYPERLINK("#'Sheet'!A1",…) formula jumps to, as Excel reads it; null if not an internal link. */
export function followLink(wb: ExcelJS.Workbook, formula: string): { sheet: string; address: string } | null {
  const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+[0-9]+)",/.exec(formula);
  if (!m) return null;
  const sheet = m[1].replace(/''/g, "'");
  return wb.getWorksheet(sheet) ? { sheet, address: m[2] } : null;
}

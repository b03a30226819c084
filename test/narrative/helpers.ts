import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { gridFromWorkbook } from '../../src/file/read';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { splitParagraphs } from '../../src/core/narrative';
import { Finding } from '../../src/core/finding';

export function fixtureText(name: string): string[] {
  return splitParagraphs(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
}

/** Builds a fixture workbook, writes and re-reads it as a user's file would be, and checks it. */
export async function resultOf(build: () => ExcelJS.Workbook | Promise<ExcelJS.Workbook>, source: string): Promise<CheckResult> {
  const wb = await build();
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load((await wb.xlsx.writeBuffer()) as unknown as ExcelJS.Buffer);
  return checkGrid(gridFromWorkbook(wb2, source).grid);
}

export function serious(fs: Finding[]): Finding[] {
  return fs.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

export function describe_(fs: Finding[]): string {
  return fs.map((f) => `${f.severity} ${f.rule} ${f.message}`).join('\n');
}

/** Shared by the src/wps tests: a WPS fake and the file reader's Grid over the same workbook. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { Grid } from '../../src/core/grid';
import { gridFromWorkbook } from '../../src/file/read';
import { modelFromExcelJS } from '../excel/fakeFromExcelJS';
import { roundTrip } from '../excel/helpers';
import { FakeWpsApp, WpsFakeOptions, fakeWps } from './fakeWps';

export async function wpsAndFileGrid(wb: ExcelJS.Workbook, name: string, options: WpsFakeOptions = {}): Promise<{ app: FakeWpsApp; fileGrid: Grid }> {
  const loaded = await roundTrip(wb);
  return { app: fakeWps(modelFromExcelJS(loaded, name), options), fileGrid: gridFromWorkbook(loaded, name).grid };
}

export async function wpsAndFileGridFromFile(file: string, name: string, options: WpsFakeOptions = {}): Promise<{ app: FakeWpsApp; fileGrid: Grid }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return { app: fakeWps(modelFromExcelJS(wb, name), options), fileGrid: gridFromWorkbook(wb, name).grid };
}

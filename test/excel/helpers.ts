/** Helpers shared by the src/excel tests: a small hand-made workbook and Grid normalisation. */
import ExcelJS from 'exceljs';
import { Grid } from '../../src/core/grid';
import { gridFromWorkbook } from '../../src/file/read';
import { FakeExcel } from './fakeExcel';
import { modelFromExcelJS } from './fakeFromExcelJS';

/** Writes and re-reads the workbook, so both readers see what a saved .xlsx holds. */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const out = new ExcelJS.Workbook();
  await out.xlsx.load(buf as ExcelJS.Buffer);
  return out;
}

export async function fakeAndFileGrid(wb: ExcelJS.Workbook, name: string, apiVersion = 18): Promise<{ fake: FakeExcel; fileGrid: Grid }> {
  const loaded = await roundTrip(wb);
  const fake = new FakeExcel(modelFromExcelJS(loaded, name), { apiVersion });
  const fileGrid = gridFromWorkbook(loaded, name).grid;
  return { fake, fileGrid };
}

/** A comparable form of a Grid: every non-empty cell by reference, merges sorted. */
export function normalise(grid: Grid): unknown {
  return {
    source: grid.source,
    sheets: grid.sheets.map((s) => {
      const cells: Record<string, unknown> = {};
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (c) cells[`R${r + 1}C${col + 1}`] = { ...c };
        }),
      );
      let last = s.rows.length;
      while (last > 0 && !(s.rows[last - 1] ?? []).some((c) => c)) last--;
      return {
        name: s.name,
        hidden: !!s.hidden,
        lastRow: last,
        cells,
        merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      };
    }),
  };
}

/** A small 部门预算-like workbook with everything the reader must carry over. */
export function smallWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const t1 = wb.addWorksheet('表1 收支总表');
  t1.mergeCells('A1:D1');
  t1.getCell('A1').value = '收支总表';
  t1.getCell('A2').value = '单位：元';
  t1.mergeCells('A3:B3');
  t1.getCell('A3').value = '收入';
  t1.mergeCells('C3:D3');
  t1.getCell('C3').value = '支出';
  t1.getCell('A4').value = '一、一般公共预算拨款收入';
  t1.getCell('B4').value = 1509422;
  t1.getCell('B4').numFmt = '#,##0.00';
  t1.getCell('A5').value = '二、政府性基金预算拨款收入';
  t1.getCell('B5').value = '2,812,840.00';
  t1.getCell('A6').value = '本年收入合计';
  t1.getCell('B6').value = { formula: 'SUM(B4:B5)', result: 4322262 } as ExcelJS.CellFormulaValue;
  t1.getCell('B6').numFmt = '#,##0.00';
  t1.getCell('C4').value = '　　社会保障和就业支出';
  t1.getCell('C4').alignment = { indent: 2 };
  t1.getCell('D4').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  t1.getCell('D5').value = true;
  t1.getCell('D6').value = new Date(Date.UTC(2024, 0, 15));
  t1.getCell('D6').numFmt = 'yyyy-mm-dd';
  t1.getCell('B4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  t1.getCell('B5').fill = { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FF00B050' }, bgColor: { argb: 'FFDDEBF7' } };
  const t2 = wb.addWorksheet('表2 收入总表');
  t2.getCell('C3').value = '科目编码';
  t2.getCell('C4').value = '208';
  t2.getCell('D4').value = 0.1 + 0.2;
  const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
  hidden.getCell('A1').value = 'x';
  wb.addWorksheet('空表');
  return wb;
}

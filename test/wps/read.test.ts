import ExcelJS from 'exceljs';
import { readdirSync } from 'fs';
import * as path from 'path';
import { readWpsWorkbook } from '../../src/wps/read';
import { normalise, smallWorkbook } from '../excel/helpers';
import { wpsAndFileGrid, wpsAndFileGridFromFile } from './helpers';

const ROOT = path.resolve(__dirname, '../..');
const files = [
  ...readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join('examples', f)),
  ...readdirSync(path.join(ROOT, 'test/corpus/jiangsu')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join('test/corpus/jiangsu', f)),
];

describe('readWpsWorkbook (WPS object model → Grid)', () => {
  test('the small workbook: same Grid as src/file/read.ts, cell for cell', async () => {
    const { app, fileGrid } = await wpsAndFileGrid(smallWorkbook(), '小样.xlsx');
    const { grid } = readWpsWorkbook(app);
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    const t1 = grid.sheets[0];
    expect(t1.rows[5][1]).toEqual({ v: 4322262, f: 'SUM(B4:B5)', fmt: '#,##0.00' });
    expect(t1.rows[3][3]).toEqual({ v: { error: '#REF!' } });
    expect(t1.rows[3][2]).toEqual({ v: '　　社会保障和就业支出', indent: 2 });
    expect(t1.rows[5][3]).toEqual({ v: '2024-01-15', fmt: 'yyyy-mm-dd' });
    expect(grid.sheets.find((s) => s.name === '隐藏表')?.hidden).toBe(true);
  });

  test('error cells given as text, and General under its Chinese name, read the same', async () => {
    const { app, fileGrid } = await wpsAndFileGrid(smallWorkbook(), '小样.xlsx', { errorsAsText: true, generalName: 'G/通用格式' });
    const { grid } = readWpsWorkbook(app);
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    expect(grid.sheets[0].rows[3][3]).toEqual({ v: { error: '#REF!' } });
  });

  test.each(files)('%s: same Grid as the file reader', async (rel) => {
    const { app, fileGrid } = await wpsAndFileGridFromFile(path.join(ROOT, rel), path.basename(rel));
    const { grid, stats } = readWpsWorkbook(app);
    expect(grid.sheets.length).toBe(fileGrid.sheets.length);
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    // bulk: one Value2 per sheet, never one per cell
    expect(app.calls.value2Reads).toBe(grid.sheets.filter((s) => s.rows.length > 0).length);
    expect(stats.cells).toBeGreaterThan(100);
    expect(stats.blockReads).toBeLessThan(3 * stats.cells);
    console.log(`${path.basename(rel)}: ${stats.cells} cells, ${stats.blockReads} block reads`);
  });

  test('a 15-table workbook: Value2 once per sheet; format and merge reads grow with format regions, not cells', async () => {
    const wb = new ExcelJS.Workbook();
    for (let s = 1; s <= 15; s++) {
      const ws = wb.addWorksheet(`表${s}`);
      ws.mergeCells('A1:F1');
      ws.getCell('A1').value = `表${s} 标题`;
      ws.getCell('A2').value = '单位：万元';
      for (let r = 4; r < 80; r++) {
        ws.getCell(r, 1).value = `${200 + r}`;
        ws.getCell(r, 2).value = `　科目${r}`;
        ws.getCell(r, 2).alignment = { indent: r % 3 === 0 ? 1 : 0 };
        for (let c = 3; c <= 6; c++) {
          ws.getCell(r, c).value = r * 10 + c;
          ws.getCell(r, c).numFmt = '#,##0.00';
        }
      }
    }
    const { app, fileGrid } = await wpsAndFileGrid(wb, '15表.xlsx');
    const { grid, stats } = readWpsWorkbook(app);
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    expect(app.calls.value2Reads).toBe(15);
    const cells = 15 * (2 + 76 * 6);
    expect(stats.cells).toBe(cells);
    // printed for the record: object-model block reads against cells
    console.log(`WPS read of 15 tables: ${stats.cells} cells, ${stats.blockReads} block reads (${(stats.blockReads / 15).toFixed(0)} per sheet)`);
    expect(stats.blockReads).toBeLessThan(cells * 0.6);
  });
});

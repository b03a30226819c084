import ExcelJS from 'exceljs';
import { readOpenWorkbook, parseAreas } from '../../src/excel/read';
import { buildHebei004 } from '../fixtures/hebei';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { fakeAndFileGrid, normalise, smallWorkbook } from './helpers';

describe('readOpenWorkbook (office.js → Grid)', () => {
  test('the Grid read through office.js equals the one src/file/read.ts makes from the same file', async () => {
    const { fake, fileGrid } = await fakeAndFileGrid(smallWorkbook(), '小样.xlsx');
    const { grid, stats } = await readOpenWorkbook(fake.host());
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    // spot checks on what both readers must carry
    const t1 = grid.sheets[0];
    expect(t1.rows[5][1]).toEqual({ v: 4322262, f: 'SUM(B4:B5)', fmt: '#,##0.00' });
    expect(t1.rows[4][1]).toEqual({ v: '2,812,840.00' });
    expect(t1.rows[3][3]).toEqual({ v: { error: '#REF!' } });
    expect(t1.rows[3][2]).toEqual({ v: '　　社会保障和就业支出', indent: 2 });
    expect(t1.rows[5][3]).toEqual({ v: '2024-01-15', fmt: 'yyyy-mm-dd' });
    expect(t1.merges).toEqual(expect.arrayContaining([{ top: 1, left: 1, bottom: 1, right: 4 }]));
    expect(grid.sheets.find((s) => s.name === '隐藏表')?.hidden).toBe(true);
    expect(stats.syncs).toBe(3);
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  test.each([
    ['河北 seed-004', () => buildHebei004('published')],
    ['陕西 seed-000', () => buildShaanxi000('published')],
  ])('%s fixture: same Grid as the file reader, in 3 syncs', async (_name, build) => {
    const { fake, fileGrid } = await fakeAndFileGrid(build(), 'fixture.xlsx');
    const { grid, stats } = await readOpenWorkbook(fake.host());
    expect(grid.sheets.length).toBeGreaterThan(8);
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    expect(stats.syncs).toBe(3);
  });

  test('a 16-sheet workbook is read in at most 3 syncs (the count does not grow with sheets)', async () => {
    const syncsFor = async (n: number) => {
      const wb = new ExcelJS.Workbook();
      for (let s = 1; s <= n; s++) {
        const ws = wb.addWorksheet(`表${s}`);
        ws.mergeCells('A1:F1');
        ws.getCell('A1').value = `表${s} 标题`;
        for (let r = 3; r < 60; r++) for (let c = 1; c <= 6; c++) ws.getCell(r, c).value = r * 100 + c + s / 10;
      }
      const { fake, fileGrid } = await fakeAndFileGrid(wb, `${n}.xlsx`);
      const { grid, stats } = await readOpenWorkbook(fake.host());
      expect(normalise(grid)).toEqual(normalise(fileGrid));
      expect(stats.sheets).toBe(n);
      return { stats, syncs: fake.syncs };
    };
    const one = await syncsFor(1);
    const sixteen = await syncsFor(16);
    expect(sixteen.syncs).toBeLessThanOrEqual(3);
    expect(sixteen.syncs).toBe(one.syncs);
    expect(sixteen.stats.cells).toBe(16 * (1 + 57 * 6));
  });

  test('large sheets are chunked: no sync carries more cells than the budget, result unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    for (let r = 1; r <= 400; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).value = r + c / 100;
    const { fake, fileGrid } = await fakeAndFileGrid(wb, 'big.xlsx');
    const { grid, stats } = await readOpenWorkbook(fake.host(), { cellsPerSync: 1000 });
    expect(normalise(grid)).toEqual(normalise(fileGrid));
    expect(stats.chunks).toBe(4);
    expect(fake.maxCellsPerSync).toBeLessThanOrEqual(1000);
    expect(stats.syncs).toBe(2 + 4);
  });

  test('without ExcelApi 1.13 merged areas are skipped with a Chinese warning, not an error', async () => {
    const { fake } = await fakeAndFileGrid(smallWorkbook(), '小样.xlsx', 12);
    const { grid, stats } = await readOpenWorkbook(fake.host());
    expect(grid.sheets[0].merges).toEqual([]);
    expect(grid.sheets[0].rows[3][1]).toEqual({ v: 1509422, fmt: '#,##0.00' });
    expect(stats.warnings.join('')).toContain('合并单元格');
  });

  test('parseAreas reads quoted and unquoted sheet names', () => {
    expect(parseAreas("表1!A1:D1,'My ''x'' sheet'!$B$2:$C$3, 表1!E5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });
});

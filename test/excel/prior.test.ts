/**
 * Last year's workbook for the 说明 tab: the browser-safe reader (ExcelJS's browser build, as the
 * task pane loads it) gives the same Grid as the CLI's reader; the prior Disclosure's cells are
 * labelled with its file name; the 说明 then states 较上年 changes computed from both workbooks;
 * wrong files are refused with Chinese messages naming them.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { checkGrid } from '../../src/core/engine';
import { Grid, cellAt, parseRef } from '../../src/core/grid';
import { formatWan } from '../../src/core/money';
import { generateNarrative } from '../../src/core/narrative';
import { assessPrior, isPriorRef, priorFromBytes, priorLabel, relabelDisclosure, splitPriorRef, yearOfGrid } from '../../src/excel/prior';
import { gridFromXlsxBytes } from '../../src/file/grid-from-exceljs';
import { readWorkbookBuffer } from '../../src/file/read';
import { loadExcelJS } from '../../taskpane/priorWorkbook';
import { buildHebei004 } from '../fixtures/hebei';
import { buildShaanxi000, buildShaanxi003 } from '../fixtures/shaanxi';
import { normalise } from './helpers';
import { buildPrior000, xlsxBytes } from './priorFixture';

/** The amount a Grid holds at "<sheet>!A1", in 元. */
function amountAt(grid: Grid, ref: string): Decimal {
  const p = parseRef(ref)!;
  const v = cellAt(grid.sheets.find((s) => s.name === p.sheet)!, p.row, p.col)?.v;
  return new Decimal(String(v).replace(/,/g, ''));
}

let priorBytes: Buffer;
let currentBytes: Buffer;

beforeAll(async () => {
  priorBytes = await xlsxBytes(buildPrior000());
  currentBytes = await xlsxBytes(buildShaanxi000('published'));
}, 60000);

describe('browser-safe reader', () => {
  test('ExcelJS browser build (the lazily loaded chunk) reads the prior workbook to the same Grid as src/file/read.ts', async () => {
    const Workbook = await loadExcelJS();
    expect(Workbook).not.toBe(ExcelJS.Workbook); // really the browser build, not Node's
    const browser = await gridFromXlsxBytes(new Uint8Array(priorBytes), '2023.xlsx', '2023.xlsx', Workbook);
    const node = await readWorkbookBuffer(priorBytes, '/some/dir/2023.xlsx');
    expect(normalise(browser.grid)).toEqual(normalise(node.grid));
    expect(browser.warnings).toEqual(node.warnings);
    // the grid holds the scaled figures: 表1!B36 收入总计 1,509,422 × 0.95
    expect(amountAt(browser.grid, '表1!B36').toString()).toBe('1433950.9');
    expect(browser.grid.sheets.length).toBeGreaterThan(10);
  });

  test('bad bytes get the same Chinese messages as the CLI, naming the file', async () => {
    const Workbook = await loadExcelJS();
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /文件“上年\.xlsx”是空文件/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), /文件“上年\.xlsx”已加密/],
      [new TextEncoder().encode('这不是工作簿'), /文件“上年\.xlsx”不是 \.xlsx 工作簿/],
      [new Uint8Array(priorBytes.subarray(0, 2000)), /文件“上年\.xlsx”无法作为 \.xlsx 读取/],
    ];
    for (const [bytes, re] of cases) {
      await expect(gridFromXlsxBytes(bytes, '上年.xlsx', '上年.xlsx', Workbook)).rejects.toThrow(re);
      await expect(readWorkbookBuffer(Buffer.from(bytes), '上年.xlsx')).rejects.toThrow(re);
    }
  });
});

describe('prior workbook', () => {
  test('recognised template, unit and year; every cell of its Disclosure labelled with the file name', async () => {
    const prior = await priorFromBytes(new Uint8Array(priorBytes), '2023.xlsx', await loadExcelJS());
    expect(prior.result.profile?.id).toBe('shaanxi');
    expect(prior.year).toBe('2023');
    expect(prior.size).toBe(priorBytes.length);
    const d = prior.disclosure!;
    expect(d.unitName).toBe('子洲县工伤保险经办中心');
    const t1 = d.tables.find((t) => t.kind === 'summary')!;
    expect(t1.sheet).toBe('上年：2023.xlsx 表1');
    expect(t1.titleCell.startsWith('上年：2023.xlsx 表1!')).toBe(true);
    const amounts = d.tables.flatMap((t) => [...t.rows, ...(t.blocks ?? []).flatMap((b) => b.rows)].flatMap((r) => Object.values(r.amounts)));
    expect(amounts.length).toBeGreaterThan(100);
    expect(amounts.every((a) => a!.cell.startsWith('上年：2023.xlsx '))).toBe(true);
    // labels only: the values are the checked ones, and the engine's own Disclosure is untouched
    const raw = prior.result.disclosure!;
    expect(raw.tables.find((t) => t.kind === 'summary')!.sheet).toBe('表1');
    const rawAmounts = raw.tables.flatMap((t) => [...t.rows, ...(t.blocks ?? []).flatMap((b) => b.rows)].flatMap((r) => Object.values(r.amounts)));
    expect(amounts.map((a) => a!.value.toString())).toEqual(rawAmounts.map((a) => a!.value.toString()));
    expect(amounts.map((a) => a!.cell)).toEqual(rawAmounts.map((a) => `上年：2023.xlsx ${a!.cell}`));
  });

  test('the 说明 states 较上年 changes from the two workbooks, with both years’ cells', async () => {
    const curGrid = (await readWorkbookBuffer(currentBytes, '2024.xlsx')).grid;
    const cur = checkGrid(curGrid).disclosure!;
    const prior = await priorFromBytes(new Uint8Array(priorBytes), '2023.xlsx', await loadExcelJS());
    expect(assessPrior(prior, cur)).toEqual({ warnings: [] });
    const without = generateNarrative(cur);
    const n = generateNarrative(cur, prior.disclosure);
    expect(n.hasPrior).toBe(true);
    // without last year every change is 【请填写较上年增减情况】; with it, none is
    const askPrior = (x: typeof n) => x.sections.flatMap((s) => s.paragraphs).filter((p) => p.text.includes('【请填写较上年增减情况】')).length;
    expect(askPrior(without)).toBeGreaterThan(5);
    expect(askPrior(n)).toBe(0);

    // （一）收支预算总体情况: 本年收入合计, this year's cell and last year's
    const priorGrid = (await readWorkbookBuffer(priorBytes, '2023.xlsx')).grid;
    const p41 = n.sections.find((s) => s.id === 'shaanxi.4.1')!.paragraphs[0];
    const change = p41.numbers.find((x) => x.note === '本年 − 上年')!;
    const [here, there] = change.cells;
    expect(change.cells).toHaveLength(2);
    expect(isPriorRef(here)).toBe(false);
    expect(there).toBe(`上年：2023.xlsx ${here}`);
    const diff = amountAt(curGrid, here).minus(amountAt(priorGrid, here));
    expect(amountAt(curGrid, here).toString()).toBe('1509422');
    expect(change.text).toBe(formatWan(diff));
    expect(change.text).toBe('7.55'); // 1,509,422 − 1,433,950.90 = 75,471.10 元
    expect(p41.text).toContain('当年预算收入 150.94 万元，其中一般公共预算拨款收入 150.94 万元、政府性基金拨款收入 0.00 万元，较上年增加 7.55 万元，主要原因是【请填写原因】');
    expect(p41.text).not.toContain('【请填写较上年增减情况】');

    // every change number carries a prior cell, every other number only this year's
    const nums = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.numbers));
    const changes = nums.filter((x) => x.note?.includes('上年'));
    expect(changes.length).toBeGreaterThan(5);
    for (const x of changes) expect(x.cells.some(isPriorRef)).toBe(true);
    for (const x of nums.filter((y) => !y.note?.includes('上年'))) expect(x.cells.some(isPriorRef)).toBe(false);
    // a sum of rows (505 = 11 rows of 表6) lists all 11 cells of each year
    const n505 = changes.find((x) => x.cells.length === 22)!;
    expect(n505.cells.slice(11)).toEqual(n505.cells.slice(0, 11).map((r) => `上年：2023.xlsx ${r}`));
  });

  test('relabelling keeps Decimals and does not touch the original', () => {
    const d = checkGrid({ source: 'x', sheets: [] }).disclosure;
    expect(d).toBeNull();
    const src = {
      source: 'a.xlsx',
      profile: { id: 'shaanxi', name: '陕西' },
      tables: [{ sheet: '表1', titleCell: '表1!A1', rows: [{ code: '201', codeCell: '表1!A5', amounts: { total: { value: new Decimal('12.5'), cell: '表1!C5' } } }] }],
      missing: [],
      parseIssues: [],
      unitNames: [{ name: '某单位', cell: '封面!A3' }],
    } as unknown as Parameters<typeof relabelDisclosure>[0];
    const out = relabelDisclosure(src, priorLabel('2023 预算.xlsx')) as unknown as typeof src & { tables: { sheet: string; titleCell: string; rows: { code: string; codeCell: string; amounts: { total: { value: Decimal; cell: string } } }[] }[] };
    expect(out.tables[0].sheet).toBe('上年：2023 预算.xlsx 表1');
    expect(out.tables[0].rows[0].codeCell).toBe('上年：2023 预算.xlsx 表1!A5');
    expect(out.tables[0].rows[0].code).toBe('201');
    expect(Decimal.isDecimal(out.tables[0].rows[0].amounts.total.value)).toBe(true);
    expect(out.unitNames![0]).toEqual({ name: '某单位', cell: '上年：2023 预算.xlsx 封面!A3' });
    expect(out.source).toBe('a.xlsx');
    expect((src.tables[0] as { sheet: string }).sheet).toBe('表1');
    expect(splitPriorRef('上年：2023 预算.xlsx 表 1!B36')).toEqual({ file: '2023 预算.xlsx', ref: '表 1!B36' });
    expect(splitPriorRef('表1!B36')).toBeNull();
  });

  test('year from the cover title; none when the workbook states none', () => {
    const g = (rows: string[][]): Grid => ({ source: 'g', sheets: [{ name: 's', merges: [], rows: rows.map((r) => r.map((v) => ({ v }))) }] });
    expect(yearOfGrid(g([['编制日期 2022年3月'], ['2023年单位综合预算公开报表']]))).toBe('2023');
    expect(yearOfGrid(g([['编制日期 2022年3月']]))).toBe('2022');
    expect(yearOfGrid(g([['单位综合预算公开报表']]))).toBeUndefined();
  });
});

describe('wrong files are refused or flagged, naming the file', () => {
  let cur: ReturnType<typeof checkGrid>['disclosure'];
  beforeAll(async () => {
    cur = checkGrid((await readWorkbookBuffer(currentBytes, '2024.xlsx')).grid).disclosure;
  });

  test('a different template (河北 against 陕西) is an error and not used', async () => {
    const prior = await priorFromBytes(new Uint8Array(await xlsxBytes(buildHebei004('published'))), '河北2023.xlsx', ExcelJS.Workbook);
    expect(prior.result.profile?.id).toBe('hebei');
    const a = assessPrior(prior, cur);
    expect(a.error).toMatch(/^上年工作簿“河北2023\.xlsx”是“.*”模板，与本年的“.*”模板不同/);
  });

  test('a workbook with no budget tables is an error', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '通讯录';
    const prior = await priorFromBytes(new Uint8Array(await xlsxBytes(wb)), '通讯录.xlsx', ExcelJS.Workbook);
    expect(assessPrior(prior, cur).error).toBe('上年工作簿“通讯录.xlsx”中未识别出预算公开模板：没有找到“收支总表”等表格的标题，不能用作上年数据。');
  });

  test('this year’s own file picked as last year’s, and another unit’s, are warned about', async () => {
    const same = await priorFromBytes(new Uint8Array(currentBytes), '2024.xlsx', ExcelJS.Workbook);
    const a = assessPrior(same, cur);
    expect(a.error).toBeUndefined();
    expect(a.warnings).toEqual(['上年工作簿“2024.xlsx”的收入合计、支出合计与本年完全相同，请确认没有选成本年的文件。']);
    const other = await priorFromBytes(new Uint8Array(await xlsxBytes(buildShaanxi003('published'))), '003.xlsx', ExcelJS.Workbook);
    const b = assessPrior(other, cur);
    expect(b.error).toBeUndefined();
    expect(b.warnings.join('')).toMatch(/^上年工作簿的单位“子洲县医疗保险经办.+”与本年的“子洲县工伤保险经办中心”不同/);
  });
});

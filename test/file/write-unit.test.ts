/**
 * The annotated copy on a hand-made workbook with explicit findings: styles kept, notes merged,
 * ranges and merged cells marked, an old 校验结果 sheet replaced, the input never touched.
 * (test/file/write.test.ts does the same through the engine on a real fixture.)
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Finding } from '../../src/core/finding';
import { followLink } from './links';
import { annotatedPath, annotatedPaths, RESULT_SHEET, SEVERITY_FILL, writeAnnotatedCopy, WriteError } from '../../src/file/write';

let dir: string;
let input: string;

function sha(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-write-unit-'));
  input = path.join(dir, "收支 总表's.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1 收支's 总表");
  ws.getCell('A1').value = '收支总表';
  ws.mergeCells('A1:C1');
  ws.getCell('A3').value = '本年收入合计';
  ws.getCell('B3').value = 1509422;
  ws.getCell('B3').font = { bold: true, name: '宋体', size: 11 };
  ws.getCell('B3').border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  ws.getCell('B3').numFmt = '#,##0.00';
  ws.getCell('B4').value = { formula: 'B3*2', result: 3018844 } as ExcelJS.CellFormulaValue;
  ws.getCell('B4').font = { bold: true, name: '宋体', size: 11 };
  ws.getCell('B5').value = 7;
  ws.getCell('B5').note = '填表人的批注';
  ws.getCell('C3').value = 12;
  ws.getCell('C3').font = { italic: true };
  ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
  const old = wb.addWorksheet(RESULT_SHEET);
  old.getCell('A1').value = '上一次的结果';
  await wb.xlsx.writeFile(input);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const SHEET = "表1 收支's 总表";
const findings: Finding[] = [
  {
    rule: 'summary.balance',
    severity: 'error',
    message: '本年收入合计与本年支出合计不相等',
    cells: [`${SHEET}!B3`, `${SHEET}!B4`],
    expected: '3018844.00',
    actual: '1509422.00',
    difference: '-1509422.00',
    table: '收支总表',
  },
  { rule: 'sum.columns', severity: 'warning', message: '舍入差', cells: [`${SHEET}!B3`, `${SHEET}!B5`], table: '收支总表' },
  { rule: 'code.unknown', severity: 'info', message: '标题区', cells: [`${SHEET}!B1`, `${SHEET}!A7:B8`] },
  { rule: 'table.missing', severity: 'info', message: '引用了不存在的表', cells: ['没有这个表!A1'] },
  { rule: 'table.number', severity: 'error', message: '表号重复', cells: [`${SHEET}!A3`], expected: '表6', actual: '表8', unit: 'text' },
];

test('marks flagged cells, keeps values and styles, lists findings with working links', async () => {
  const before = sha(await fs.readFile(input));
  const out = annotatedPath(input, path.join(dir, 'out', 'nested'));
  expect(path.basename(out)).toBe("收支 总表's.checked.xlsx");
  const res = await writeAnnotatedCopy(input, out, findings);
  expect(sha(await fs.readFile(input))).toBe(before);
  // B3, B4, B5, A1 (master of merged B1), A7, B7, A8, B8, A3
  expect(res.marked).toBe(9);
  expect(res.unresolved).toEqual(['没有这个表!A1']);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(SHEET)!;
  const b3 = ws.getCell('B3');
  expect(b3.value).toBe(1509422);
  // error beats warning on the same cell
  expect((b3.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL.error);
  expect(b3.font?.bold).toBe(true);
  expect(b3.font?.name).toBe('宋体');
  expect(b3.border?.bottom?.style).toBe('double');
  expect(b3.numFmt).toBe('#,##0.00');
  const note3 = JSON.stringify(b3.note);
  expect(note3).toContain('本年收入合计与本年支出合计不相等');
  expect(note3).toContain('舍入差');
  // formula and cached result kept
  expect((ws.getCell('B4').value as ExcelJS.CellFormulaValue).formula).toBe('B3*2');
  // warning only; the user's own note is kept in front of ours
  const b5 = ws.getCell('B5');
  expect((b5.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL.warning);
  const note5 = JSON.stringify(b5.note);
  expect(note5.indexOf('填表人的批注')).toBeGreaterThanOrEqual(0);
  expect(note5.indexOf('填表人的批注')).toBeLessThan(note5.indexOf('舍入差'));
  // merged title: the master cell carries the mark
  expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL.info);
  expect((ws.getCell('B8').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(SEVERITY_FILL.info);
  // unflagged cell: its own fill and font unchanged, no note
  const c3 = ws.getCell('C3');
  expect((c3.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00FF00');
  expect(c3.font?.italic).toBe(true);
  expect(c3.note).toBeUndefined();

  // the old 校验结果 sheet was replaced, not duplicated
  const sheets = wb.worksheets.map((w) => w.name);
  expect(sheets.filter((n) => n === RESULT_SHEET)).toHaveLength(1);
  const rs = wb.getWorksheet(RESULT_SHEET)!;
  expect(rs.getCell('A1').value).toBe('序号');
  expect(rs.actualRowCount).toBe(1 + findings.length);
  expect(rs.getCell('B2').value).toBe('错误');
  expect(rs.getCell('F2').value).toBe(3018844);
  expect(rs.getCell('H2').value).toBe(-1509422);
  const link = rs.getCell('J2').value as ExcelJS.CellFormulaValue;
  expect(link.result).toBe(`${SHEET}!B3`);
  expect(link.formula).toBe(`HYPERLINK("#'表1 收支''s 总表'!B3","${SHEET}!B3")`);
  const target = followLink(wb, link.formula);
  expect(target).toEqual({ sheet: SHEET, address: 'B3' });
  expect(wb.getWorksheet(target!.sheet)!.getCell(target!.address).value).toBe(1509422);
  // a reference to a sheet that does not exist is listed without a link
  expect(rs.getCell('J5').value).toBe('没有这个表!A1');
  // text figures (unit 'text') are shown as text, with no difference and no 元
  expect([rs.getCell('F6').value, rs.getCell('G6').value, rs.getCell('H6').value, rs.getCell('I6').value]).toEqual(['表6', '表8', null, '']);
  expect(JSON.stringify(ws.getCell('A3').note)).toContain('应为 “表6”');
});

test('refuses to write over the input', async () => {
  const before = sha(await fs.readFile(input));
  await expect(writeAnnotatedCopy(input, input, findings)).rejects.toThrow(WriteError);
  await expect(writeAnnotatedCopy(input, path.join(dir, '.', path.basename(input)), findings)).rejects.toThrow(/拒绝写入.*收支 总表's\.xlsx/);
  const link = path.join(dir, 'link.xlsx');
  await fs.symlink(input, link);
  await expect(writeAnnotatedCopy(input, link, findings)).rejects.toThrow(/拒绝写入/);
  expect(sha(await fs.readFile(input))).toBe(before);
});

test('copies of same-named files from different folders get distinct names', () => {
  const out = annotatedPaths(['县A/预算.xlsx', '县B/预算.xlsx', '县C/预算.XLSX', '县A/决算.xlsx'], '标注');
  expect(out).toEqual([
    path.join('标注', '预算.checked.xlsx'),
    path.join('标注', '预算 (2).checked.xlsx'),
    path.join('标注', '预算 (3).checked.xlsx'),
    path.join('标注', '决算.checked.xlsx'),
  ]);
});

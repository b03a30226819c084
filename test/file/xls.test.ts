/**
 * .xls (BIFF8) through SheetJS, and the OLE compound files told apart by their streams. The .xls
 * files are written by SheetJS from the fixtures; its BIFF8 writer stores values, number formats
 * and merged areas but no formulas (and no indentation), so those two are what differ from the .xlsx.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/file/read';
import { writeAnnotatedCopy, RESULT_SHEET } from '../../src/file/write';
import { checkGrid } from '../../src/core/engine';
import { Grid } from '../../src/core/grid';
import { buildHebei004 } from '../fixtures/hebei';
import { buildHubei002 } from '../fixtures/hubei';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { runMain } from '../cli/helpers';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-xls-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function toXls(xlsx: Uint8Array): Buffer {
  const wb = XLSX.read(xlsx, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true });
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/** The Grid without what SheetJS's BIFF8 writer drops (formula text, indentation). */
function valuesOnly(g: Grid): unknown {
  return g.sheets.map((s) => ({
    name: s.name,
    hidden: !!s.hidden,
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    rows: s.rows.map((r) => Array.from(r ?? [], (c) => (c ? { v: c.v, fmt: c.fmt } : null))),
  }));
}

const tablesOf = (r: ReturnType<typeof checkGrid>) => r.tables.map((t) => ({ title: t.title, sheet: t.sheet, number: t.number, unit: t.unit, part: t.part }));
const findingsOf = (r: ReturnType<typeof checkGrid>) =>
  r.findings.map((f) => ({ rule: f.rule, severity: f.severity, cells: f.cells, expected: f.expected, actual: f.actual, difference: f.difference }));

describe.each([
  ['陕西 000 公开', () => buildShaanxi000('published')],
  ['河北 004 公开', () => buildHebei004('published')],
  ['湖北 002', () => buildHubei002()],
])('%s as .xls', (name, build) => {
  let xlsx: Uint8Array;
  let xls: Buffer;
  beforeAll(async () => {
    xlsx = new Uint8Array(await build().xlsx.writeBuffer());
    xls = toXls(xlsx);
  });

  test('same values, formats, merges; same tables and findings as the .xlsx', async () => {
    const a = await readWorkbookBuffer(xlsx, `${name}.xlsx`);
    const b = await readWorkbookBuffer(xls, `${name}.xls`);
    expect(a.format).toBe('xlsx');
    expect(b.format).toBe('xls');
    expect(valuesOnly(b.grid)).toEqual(valuesOnly(a.grid));
    const [ra, rb] = [checkGrid(a.grid), checkGrid(b.grid)];
    expect(ra.tables.length).toBeGreaterThan(5);
    expect(tablesOf(rb)).toEqual(tablesOf(ra));
    expect(findingsOf(rb)).toEqual(findingsOf(ra));
  });

  test('renamed .xlsx, the bytes decide: read as .xls, not called encrypted', async () => {
    const file = path.join(dir, `${name}-改名.xlsx`);
    await fs.writeFile(file, xls);
    const r = await readWorkbookFile(file);
    expect(r.format).toBe('xls');
    expect(findingsOf(checkGrid(r.grid))).toEqual(findingsOf(checkGrid((await readWorkbookBuffer(xlsx, 'x.xlsx')).grid)));
  });
});

/** An OLE compound file holding the given streams. */
function ole(streams: Record<string, Uint8Array>): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [n, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${n}`, data);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

test('OLE files are told apart by their streams: encrypted .xlsx, Word .doc, WPS .et, neither', async () => {
  const junk = new Uint8Array(4096).fill(7);
  const cases: [string, Buffer, RegExp][] = [
    ['加密.xlsx', ole({ EncryptionInfo: junk, EncryptedPackage: junk }), /文件“加密\.xlsx”已加密（设置了打开密码）/],
    ['加密改名.xls', ole({ EncryptionInfo: junk, EncryptedPackage: junk }), /文件“加密改名\.xls”已加密/],
    ['文档.xlsx', ole({ WordDocument: junk }), /文件“文档\.xlsx”是 Word 文档/],
    ['报表.et', ole({ Other: junk }), /文件“报表\.et”是 WPS 表格的专有格式（\.et）.*另存为” \.xlsx/],
    ['别的.xlsx', ole({ Other: junk }), /文件“别的\.xlsx”是 OLE 复合文档，但里面没有 Excel 工作簿/],
  ];
  for (const [file, bytes, re] of cases) await expect(readWorkbookBuffer(bytes, file)).rejects.toThrow(re);
});

test('the annotated copy of an .xls is an .xlsx, says so, and marks the cells', async () => {
  const xls = toXls(new Uint8Array(await buildShaanxi000('published').xlsx.writeBuffer()));
  const input = path.join(dir, '陕西.xls');
  await fs.writeFile(input, xls);
  const r = await runMain(['check', '--json', '--out', path.join(dir, 'out'), input]);
  const doc = JSON.parse(r.stdout);
  const f = doc.files[0];
  expect(f.status).toBe('checked');
  expect(f.format).toBe('xls');
  expect(f.annotated).toBe(path.join(dir, 'out', '陕西.checked.xlsx'));
  expect(f.annotatedNote).toMatch(/原文件是 \.xls，标注副本另存为 \.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f.annotated);
  const causeRows = (f.causes ?? []).reduce((n: number, c: { changes: unknown[] }) => n + c.changes.length, 0);
  // header + a row per finding, then (when there are causes) a blank row, a title, a header and a row per change
  expect(wb.getWorksheet(RESULT_SHEET)!.rowCount).toBe(f.findings.length + 1 + (causeRows ? 3 + causeRows : 0));
  const first = f.findings.find((x: { cells: string[] }) => x.cells.length > 0);
  const [sheet, addr] = first.cells[0].split('!');
  expect(String(wb.getWorksheet(sheet)!.getCell(addr).note ?? '')).toContain('预算公开校验');
  const human = await runMain(['check', '--out', path.join(dir, 'out2'), input]);
  expect(human.stdout).toMatch(/标注副本：.*陕西\.checked\.xlsx\n\s+（原文件是 \.xls，标注副本另存为 \.xlsx/);
  // writeAnnotatedCopy itself reports the conversion
  const w = await writeAnnotatedCopy(input, path.join(dir, 'direct.xlsx'), []);
  expect(w.convertedFrom).toBe('xls');
});

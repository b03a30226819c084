/**
 * Bad input never stops the command line and never shows a stack trace: every unreadable file
 * gets a Chinese message naming it, the others are still checked, and the exit code says 2.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { buildHebei004 } from '../fixtures/hebei';
import { gridFromWorkbook, MAX_ROWS_PER_SHEET } from '../../src/file/read';
import { checkGrid } from '../../src/core/engine';
import { parseRef } from '../../src/core/grid';
import { CHINESE, runBin, runMain, STACK } from './helpers';

let dir: string;
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const p = (name: string) => path.join(dir, name);

/** The amount cell replaced by #REF! in ref.xlsx, and the formula cell whose cached result is #REF!. */
let refCell = '';
let refFormulaCell = '';

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-bad-'));
  await fs.writeFile(p('文本.xlsx'), '这不是 Excel 文件，只是改了扩展名的文本。\n', 'utf8');
  await fs.writeFile(p('旧版.xls'), Buffer.concat([OLE, Buffer.alloc(504)]));
  await fs.writeFile(p('加密.xlsx'), Buffer.concat([OLE, Buffer.alloc(504)]));
  await fs.writeFile(p('空.xlsx'), Buffer.alloc(0));

  // a Word document renamed .xlsx (a zip, but no workbook inside) and a download cut short
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('预算公开说明')] }] }));
  await fs.writeFile(p('说明.xlsx'), docx);
  const good = buildHebei004('repaired');
  await fs.mkdir(p('文件夹/下级'), { recursive: true });
  await good.xlsx.writeFile(p('文件夹/好.xlsx'));
  await fs.writeFile(p('截断.xlsx'), (await fs.readFile(p('文件夹/好.xlsx'))).subarray(0, 4000));
  await fs.writeFile(p('文件夹/坏.xlsx'), 'not a workbook');
  await fs.writeFile(p('文件夹/~$好.xlsx'), 'lock file');
  await fs.writeFile(p('文件夹/下级/旧.xls'), Buffer.concat([OLE, Buffer.alloc(504)]));

  // 200 000 rows, written with the streaming writer.
  const big = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p('大表.xlsx'), useSharedStrings: false });
  const ws = big.addWorksheet('明细');
  ws.addRow(['一般公共预算支出明细表']).commit();
  for (let i = 2; i <= 200_000; i++) ws.addRow([`行${i}`, i, i * 2]).commit();
  ws.commit();
  await big.commit();
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function assertClean(out: string): void {
  expect(out).not.toMatch(STACK);
  expect(out).not.toMatch(/\bError:/);
}

describe.each([
  ['文本.xlsx', /文件“文本\.xlsx”不是 \.xlsx 工作簿/],
  ['旧版.xls', /文件“旧版\.xls”是旧版 Excel 97-2003（\.xls）格式/],
  ['加密.xlsx', /文件“加密\.xlsx”已加密/],
  ['空.xlsx', /文件“空\.xlsx”是空文件（0 字节）/],
  ['不存在.xlsx', /无法打开文件“.*不存在\.xlsx”：文件不存在/],
  ['说明.xlsx', /文件“说明\.xlsx”中没有工作表/],
  ['截断.xlsx', /文件“截断\.xlsx”无法作为 \.xlsx 读取，可能已损坏/],
])('%s', (name, message) => {
  test('is reported in Chinese, naming the file, with exit code 2', async () => {
    const r = await runMain(['check', p(name)]);
    const out = r.stdout + r.stderr;
    expect(r.code).toBe(2);
    expect(out).toMatch(message);
    expect(out).toMatch(CHINESE);
    expect(out).toContain('1 个无法读取');
    assertClean(out);
  });
});

test('--json: one JSON document, each unreadable file with its Chinese error', async () => {
  const names = ['文本.xlsx', '旧版.xls', '加密.xlsx', '空.xlsx', '不存在.xlsx'];
  const r = await runMain(['check', '--json', ...names.map(p)]);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  expect(doc.files).toHaveLength(5);
  for (const [i, f] of doc.files.entries()) {
    expect(f.file).toBe(p(names[i]));
    expect(f.error).toContain(names[i]);
    expect(f.error).toMatch(CHINESE);
    expect(f.findings).toEqual([]);
  }
  expect(doc.summary).toMatchObject({ files: 5, unreadable: 5 });
});

test('a folder with good and bad files: exit 2, the good one still checked (real entry point)', () => {
  const r = runBin(['check', '--json', p('文件夹')]);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  const byName = new Map<string, { error?: string; profile: unknown; tables: unknown[]; findings: unknown[] }>(
    doc.files.map((f: { file: string }) => [path.basename(f.file), f]),
  );
  // the ~$ lock file is skipped; the .xls in the sub-folder is found and reported as unreadable
  expect([...byName.keys()].sort()).toEqual(['坏.xlsx', '好.xlsx', '旧.xls'].sort());
  const good = byName.get('好.xlsx')!;
  expect(good.error).toBeUndefined();
  expect(good.profile).not.toBeNull();
  expect(good.tables.length).toBeGreaterThanOrEqual(9);
  expect(byName.get('坏.xlsx')!.error).toMatch(/文件“坏\.xlsx”不是 \.xlsx 工作簿/);
  expect(byName.get('旧.xls')!.error).toMatch(/旧版 Excel 97-2003/);
});

test('a folder in human form: both files named, summary line counts them', async () => {
  const r = await runMain(['check', p('文件夹')]);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain('好.xlsx');
  expect(r.stdout).toContain('模板：');
  expect(r.stdout).toMatch(/坏\.xlsx[\s\S]*无法检查：文件“坏\.xlsx”不是 \.xlsx 工作簿/);
  expect(r.stdout).toMatch(/共检查 3 个文件：\d+ 个有错误，2 个无法读取/);
  assertClean(r.stdout + r.stderr);
});

test('a sheet of 200 000 rows: finishes and warns that rows were cut', async () => {
  const t0 = Date.now();
  const r = await runMain(['check', '--json', p('大表.xlsx')]);
  const doc = JSON.parse(r.stdout);
  const f = doc.files[0];
  expect(f.error).toBeUndefined();
  expect(f.warnings.join('\n')).toContain(`工作表“明细”有 200000 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行`);
  const human = await runMain(['check', p('大表.xlsx')]);
  expect(human.stdout).toMatch(/大表\.xlsx[\s\S]*读取提示：工作表“明细”有 200000 行/);
  expect(Date.now() - t0).toBeLessThan(90_000);
}, 120_000);

describe('#REF! cells', () => {
  // Two amount cells the engine reads become #REF!: one constant error, one formula whose cached result is #REF!.
  beforeAll(async () => {
    const wb = buildHebei004('repaired');
    const grid = gridFromWorkbook(wb, 'ref.xlsx').grid;
    const d = checkGrid(grid).disclosure!;
    const amounts = d.tables
      .flatMap((t) => t.rows.filter((r) => !r.isTotal && r.level >= 1))
      .flatMap((r) => Object.values(r.amounts))
      .filter((a) => a && !a.blank && !a.value.isZero())
      .map((a) => a!.cell);
    refCell = amounts[0];
    refFormulaCell = amounts[Math.floor(amounts.length / 2)];
    for (const [ref, value] of [
      [refCell, { error: '#REF!' }],
      [refFormulaCell, { formula: '#REF!+1', result: { error: '#REF!' } }],
    ] as const) {
      const pr = parseRef(ref)!;
      wb.getWorksheet(pr.sheet)!.getCell(pr.row, pr.col).value = value as unknown as ExcelJS.CellValue;
    }
    await wb.xlsx.writeFile(p('ref.xlsx'));
  });

  test('#REF! in amount cells is reported at those cells, not a crash', async () => {
    const r = await runMain(['check', '--json', p('ref.xlsx')]);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.error).toBeUndefined();
    for (const cell of [refCell, refFormulaCell]) {
      const hits = f.findings.filter((x: { cells: string[] }) => x.cells.includes(cell));
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.some((x: { rule: string; message: string }) => x.rule === 'read.not_number' && x.message.includes('#REF!'))).toBe(true);
    }
    const human = await runMain(['check', p('ref.xlsx')]);
    expect(human.stdout).toContain(refCell);
    assertClean(human.stdout + human.stderr);
  });
});

test('command-line mistakes are explained in Chinese', async () => {
  const unknown = await runMain(['check', '--frobnicate', p('文本.xlsx')]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('未知的选项 --frobnicate');
  const none = await runMain(['check']);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('缺少参数');
  const mode = await runMain(['check', '--codes-mode', 'merge', p('文本.xlsx')]);
  expect(mode.code).toBe(2);
  expect(mode.stderr).toMatch(CHINESE);
  const help = await runMain(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('用法：');
  expect(help.stdout).toContain('check');
});

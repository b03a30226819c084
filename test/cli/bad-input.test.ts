/**
 * Bad input never stops the command line and never shows a stack trace: every unreadable file
 * gets a Chinese message naming it, the others are still checked, and the exit code says 2.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
  // A sheet whose XML was damaged (a tag cut in two), the rest of the file intact.
  const zipped = unzipSync(new Uint8Array(await fs.readFile(p('文件夹/好.xlsx'))));
  zipped['xl/worksheets/sheet2.xml'] = strToU8(strFromU8(zipped['xl/worksheets/sheet2.xml']).replace('<row ', '<row <'));
  await fs.writeFile(p('损坏.xlsx'), zipSync(zipped));
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
  // (a long message: wrapped, so matched with the line breaks taken out)
  ['损坏.xlsx', /文件“损坏\.xlsx”的工作表“[^”]+”已损坏：xl\/worksheets\/sheet2\.xml ?第 ?\d+ ?行第 ?\d+ ?列附近不是完好的 ?XML，无法读取。/],
])('%s', (name, message) => {
  test('is reported in Chinese, naming the file, with exit code 2', async () => {
    const r = await runMain(['check', p(name)]);
    const out = r.stdout + r.stderr;
    expect(r.code).toBe(2);
    expect(out.replace(/\n +/g, '')).toMatch(message);
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

test('a folder with good and bad files: exit 2, the good one still checked, every entry listed (real entry point)', () => {
  const r = runBin(['check', '--json', p('文件夹')]);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code).toBe(2);
  const doc = JSON.parse(r.stdout);
  const byName = new Map<string, { status: string; reason?: string; error?: string; profile: unknown; tables: unknown[]; findings: unknown[] }>(
    doc.files.map((f: { file: string }) => [path.basename(f.file), f]),
  );
  // the ~$ lock file is listed as skipped; the .xls in the sub-folder is found and reported as unreadable
  expect([...byName.keys()].sort()).toEqual(['坏.xlsx', '好.xlsx', '旧.xls', '~$好.xlsx'].sort());
  const good = byName.get('好.xlsx')!;
  expect(good.status).toBe('checked');
  expect(good.error).toBeUndefined();
  expect(good.profile).not.toBeNull();
  expect(good.tables.length).toBeGreaterThanOrEqual(9);
  expect(byName.get('坏.xlsx')!).toMatchObject({ status: 'unreadable', error: expect.stringMatching(/文件“坏\.xlsx”不是 \.xlsx 工作簿/) });
  expect(byName.get('旧.xls')!.error).toMatch(/旧版 Excel 97-2003/);
  expect(byName.get('~$好.xlsx')!).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/临时锁定文件/) });
  expect(doc.summary).toMatchObject({ files: 4, checked: 1, skipped: 1, unreadable: 2 });
});

test('a folder in human form: every entry named, the totals count checked, skipped and unreadable', async () => {
  const r = await runMain(['check', p('文件夹')]);
  expect(r.code).toBe(2);
  expect(r.stdout).toContain(`━━ 通过  ${p('文件夹/好.xlsx')}`);
  expect(r.stdout).toMatch(/━━ 无法读取 {2}.*坏\.xlsx\n {3}文件“坏\.xlsx”不是 \.xlsx 工作簿/);
  expect(r.stdout).toMatch(/── 跳过 {2}.*~\$好\.xlsx\n {3}Excel\/WPS 打开工作簿时生成的临时锁定文件/);
  expect(r.stdout).toMatch(/共 4 个文件：检查 1 个（\d+ 个有错误），跳过 1 个，2 个无法读取/);
  const s = await runMain(['check', '--summary', p('文件夹')]);
  expect(s.stdout.trim().split('\n')).toHaveLength(5);
  expect(s.stdout).toMatch(/^跳过 +.*~\$好\.xlsx +Excel\/WPS/m);
  assertClean(r.stdout + r.stderr);
});

describe('a reviewer’s folder: .xlsm, .csv, a broken link, a lock file, a renamed .xls', () => {
  let inbox: string;
  beforeAll(async () => {
    inbox = p('收件箱');
    await fs.mkdir(path.join(inbox, '县B'), { recursive: true });
    const good = await buildHebei004('repaired').xlsx.writeBuffer();
    await fs.writeFile(path.join(inbox, '县A.xlsx'), Buffer.from(good));
    // an .xlsm is the same zip with another name (and content type): it is read like an .xlsx
    await fs.writeFile(path.join(inbox, '县B', '带宏.xlsm'), Buffer.from(good));
    await fs.writeFile(path.join(inbox, '汇总.csv'), '单位,金额\n县A,1\n', 'utf8');
    await fs.writeFile(path.join(inbox, '~$县A.xlsx'), 'lock');
    await fs.symlink(path.join(inbox, '已删除.xlsx'), path.join(inbox, '失效链接.xlsx'));
    await fs.writeFile(path.join(inbox, '说明.docx'), 'x');
    const XLSX = await import('@e965/xlsx');
    const sheet = XLSX.read(Buffer.from(good), { type: 'buffer', cellNF: true });
    await fs.writeFile(path.join(inbox, '改名的xls.xlsx'), XLSX.write(sheet, { type: 'buffer', bookType: 'biff8' }) as Buffer);
  });

  test('each entry has a line, a status and (when skipped) its reason; the totals add up', async () => {
    const r = await runMain(['check', '--json', inbox]);
    const doc = JSON.parse(r.stdout);
    const got = Object.fromEntries(doc.files.map((f: { file: string; status: string; reason?: string; format?: string }) => [path.relative(inbox, f.file), [f.status, f.format ?? f.reason]]));
    expect(got).toEqual({
      '~$县A.xlsx': ['skipped', expect.stringContaining('临时锁定文件')],
      '县A.xlsx': ['checked', 'xlsx'],
      [path.join('县B', '带宏.xlsm')]: ['checked', 'xlsx'],
      '失效链接.xlsx': ['skipped', expect.stringContaining('链接（快捷方式）指向的文件不存在')],
      '改名的xls.xlsx': ['checked', 'xls'],
      '汇总.csv': ['skipped', expect.stringContaining('CSV 文本文件')],
      '说明.docx': ['skipped', expect.stringContaining('Word/WPS 文字文档')],
    });
    expect(doc.summary).toMatchObject({ files: 7, checked: 3, skipped: 4, unreadable: 0 });
    expect(r.code).toBe(0);
    const human = await runMain(['check', inbox]);
    for (const f of Object.keys(got)) expect(human.stdout).toContain(path.join(inbox, f));
    expect(human.stdout).toMatch(/共 7 个文件：检查 3 个（0 个有错误），跳过 4 个，0 个无法读取/);
    const summary = await runMain(['check', '--summary', inbox]);
    expect(summary.stdout.trim().split('\n')).toHaveLength(8);
  });

  test('the same .xlsm named directly is checked the same way', async () => {
    const r = await runMain(['check', '--json', path.join(inbox, '县B', '带宏.xlsm')]);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: 'checked', format: 'xlsx' });
  });
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
  const help = await runMain(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('用法：');
  expect(help.stdout).toContain('check');
  const checkHelp = await runMain(['check', '--help']);
  expect(checkHelp.stdout).toContain('（可选：extend、replace；默认：extend）');
  expect(checkHelp.stdout).not.toMatch(/choices|default:|\[options\]/);
  for (const argv of [['--help'], ['narrative', '--help'], ['help', 'check']]) {
    const h = await runMain(argv);
    expect([argv, h.stdout]).toEqual([argv, expect.not.stringMatching(/\[options\]|Usage|Options|Commands|display help/)]);
  }
});

describe('each option’s bad value: a Chinese message naming it, exit code 2, nothing on stdout', () => {
  const good = () => p('文件夹/好.xlsx');
  test.each([
    ['--jobs abc', () => ['check', '--jobs', 'abc', good()], /--jobs 应为 1 到 64 的整数，而不是“abc”/],
    ['--jobs 0', () => ['check', '-j', '0', good()], /--jobs 应为 1 到 64 的整数/],
    ['--jobs without a value', () => ['check', good(), '--jobs'], /选项 -j, --jobs <n> 需要一个值|选项 .*--jobs.* 需要一个值/],
    ['--codes-mode merge', () => ['check', '--codes-mode', 'merge', good()], /选项 --codes-mode 的值“merge”无效：可选 extend、replace/],
    ['--codes missing file', () => ['check', '--codes', p('没有的科目表.csv'), good()], /找不到科目表文件“.*没有的科目表\.csv”/],
    ['--codes broken workbook', () => ['check', '--codes', p('截断.xlsx'), good()], /科目表文件“截断\.xlsx”无法读取：文件“截断\.xlsx”无法作为 \.xlsx 读取/],
    ['--codes without a value', () => ['check', good(), '--codes'], /选项 --codes <file> 需要一个值/],
    ['--out is a file', () => ['check', '--out', p('文本.xlsx'), good()], /--out 应为文件夹，而“.*文本\.xlsx”是一个文件/],
    ['--out under a file', () => ['check', '--out', p('文本.xlsx/副本'), good()], /无法创建标注副本文件夹“.*副本”：路径中有一段是文件而不是文件夹/],
    ['--narrative missing', () => ['check', '--narrative', p('没有的说明.docx')], /没有的说明\.docx/],
    ['--narrative with two workbooks', () => ['check', '--narrative', p('没有的说明.docx'), good(), good() + 'x'], /--narrative 只能与一个工作簿一起使用/],
    ['unknown option', () => ['check', '--verbos', good()], /未知的选项 --verbos/],
    ['narrative without a file', () => ['narrative'], /缺少参数/],
    ['narrative --out .pdf', () => ['narrative', good(), '--out', p('说明.pdf')], /不支持的输出格式“\.pdf”/],
    ['narrative --out in a missing folder', () => ['narrative', good(), '--out', p('没有的文件夹/说明.txt')], /无法写入“.*说明\.txt”：所在文件夹不存在/],
    ['narrative --prior unreadable', () => ['narrative', good(), '--prior', p('文本.xlsx')], /文件“文本\.xlsx”不是 \.xlsx 工作簿/],
    ['a folder with no workbook', () => ['check', p('文件夹/下级/空')], /没有找到工作簿/],
  ])('%s', async (_name, argv, message) => {
    await fs.mkdir(p('文件夹/下级/空'), { recursive: true });
    const r = await runMain(argv());
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    expect(r.stderr).toMatch(CHINESE);
    expect(r.stdout).toBe('');
    assertClean(r.stderr);
  });
});

test('the English-sentence scan (run on every output of these tests) catches what used to leak', async () => {
  const { englishLines } = await import('./helpers');
  expect(englishLines("End of data reached (data length = 4000, asked index = 4096). Corrupted zip ?")).toHaveLength(1);
  expect(englishLines("error: option '-j, --jobs <n>' argument 'abc' is invalid.")).toHaveLength(1);
  expect(englishLines('ENOTDIR: not a directory, mkdir')).toHaveLength(1);
  expect(englishLines('see https://stuk.github.io/jszip/documentation')).toHaveLength(1);
  expect(englishLines(JSON.stringify({ files: [{ status: 'checked', error: 'Cannot read properties of undefined' }] }))).toHaveLength(1);
  // paths, rule ids, option names and JSON keys are not sentences
  expect(englishLines('━━ 通过  /tmp/My Budget Files/county report.xlsx\n   [错误] 〔sum.hierarchy〕 --codes-mode replace')).toEqual([]);
  expect(englishLines(JSON.stringify({ files: [{ status: 'checked', severity: 'error', rule: 'cross.table_equal' }] }))).toEqual([]);
});

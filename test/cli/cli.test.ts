/**
 * The command line on the fixture workbooks: human report, one-line summaries, the JSON
 * document, exit codes, --codes, the progress bar.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import { buildHebei004 } from '../fixtures/hebei';
import { buildShaanxi000, buildShaanxi003 } from '../fixtures/shaanxi';
import { formatYuan } from '../../src/core/money';
import { SINGLE_THREADED_GC_FROM, main, relaunchWithSingleThreadedGc } from '../../src/cli/main';
import { DEFAULT_WORKERS_FROM, checkFiles, cores, defaultJobs } from '../../src/cli/pool';
import { V8_COMPILER_FLAGS } from '../../src/cli/v8-tuning';
import { execFileSync } from 'child_process';
import { CHINESE, runMain, STACK } from './helpers';

let dir: string;
const f = (name: string) => path.join(dir, name);
const FILES = ['陕西000-公开.xlsx', '陕西003-修正.xlsx', '河北004-公开.xlsx', '河北004-修正.xlsx'];

interface JFinding {
  rule: string;
  severity: string;
  message: string;
  cells: string[];
  expected?: string;
  actual?: string;
  difference?: string;
  table?: string;
}
interface JFile {
  file: string;
  profile: { id: string; name: string } | null;
  tables: { title: string; sheet: string; number?: string }[];
  missing: unknown[];
  findings: JFinding[];
  error?: string;
}

let doc: { files: JFile[]; summary: Record<string, number> };
let jsonCode: number;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-cli-'));
  await buildShaanxi000('published').xlsx.writeFile(f(FILES[0]));
  await buildShaanxi003('repaired').xlsx.writeFile(f(FILES[1]));
  await buildHebei004('published').xlsx.writeFile(f(FILES[2]));
  await buildHebei004('repaired').xlsx.writeFile(f(FILES[3]));
  const r = await runMain(['check', '--json', dir]);
  jsonCode = r.code;
  doc = JSON.parse(r.stdout);
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const errorsOf = (x: JFile) => x.findings.filter((y) => y.severity === 'error').length;

test('--json: one document, a plain entry per file, no Decimal objects and no disclosure', () => {
  expect(doc.files.map((x) => path.basename(x.file)).sort()).toEqual([...FILES].sort());
  const walk = (v: unknown, at: string): void => {
    if (v === null || typeof v !== 'object') return;
    // decimal.js instances serialise as strings, but a {s,e,d} object would mean one leaked in raw
    expect([at, 'd' in (v as object) && 'e' in (v as object) && 's' in (v as object)]).toEqual([at, false]);
    for (const [k, x] of Object.entries(v as object)) walk(x, `${at}.${k}`);
  };
  walk(doc, '$');
  for (const x of doc.files) {
    expect(Object.keys(x)).not.toContain('disclosure');
    expect(x.profile).not.toBeNull();
    for (const y of x.findings) {
      expect(['error', 'warning', 'info']).toContain(y.severity);
      expect(y.message).toMatch(CHINESE);
      // Numeric comparisons carry decimal strings. (Some rules put text such as "表6" in
      // expected/actual without a difference; the CLI shows those as they are.)
      if (y.difference !== undefined) {
        for (const v of [y.expected, y.actual, y.difference]) expect(v).toMatch(/^-?\d+(\.\d+)?$/);
        expect(new Decimal(y.actual!).minus(y.expected!).equals(y.difference)).toBe(true);
      }
    }
  }
  const errors = doc.files.reduce((n, x) => n + errorsOf(x), 0);
  expect(doc.summary).toMatchObject({ files: 4, unreadable: 0, error: errors, withErrors: doc.files.filter((x) => errorsOf(x) > 0).length });
});

test('exit code: 1 when errors were found, 0 when none', async () => {
  // the published seeds hold real mistakes
  for (const name of [FILES[0], FILES[2]]) {
    const x = doc.files.find((y) => path.basename(y.file) === name)!;
    expect([name, errorsOf(x) > 0]).toEqual([name, true]);
  }
  expect(jsonCode).toBe(1);
  for (const name of FILES) {
    const x = doc.files.find((y) => path.basename(y.file) === name)!;
    const r = await runMain(['check', '--summary', f(name)]);
    expect([name, r.code]).toEqual([name, errorsOf(x) > 0 ? 1 : 0]);
  }
});

test('human report: one status line, the counts, findings by table with cells and figures; tables only with --verbose', async () => {
  const r = await runMain(['check', f(FILES[0])]);
  const x = doc.files.find((y) => path.basename(y.file) === FILES[0])!;
  const out = r.stdout;
  const lines = out.split('\n');
  expect(lines[0]).toBe(`━━ 有错误  ${f(FILES[0])}`);
  const c = (s: string) => x.findings.filter((y) => y.severity === s).length;
  expect(lines[1]).toBe(`   错误 ${c('error')} 项，警告 ${c('warning')} 项，提示 ${c('info')} 项；${x.profile!.name}，${x.tables.length} 张表`);
  // the causes (or, without any, the findings) come right after the status: no list of recognised tables first
  expect(lines[2]).toMatch(/^ {3}(原因（\d+ 项）：|【)/);
  expect(lines[3]).toMatch(/^ {3}(1\. \[(确定|很可能|有多种可能)\] |\[(错误|警告|提示)\] )/);
  expect(out).not.toContain('识别到');
  // no rule ids without --verbose
  for (const y of x.findings) expect(out).not.toContain(`〔${y.rule}〕`);
  const withFigures = x.findings.find((y) => y.expected !== undefined && y.cells.length > 0 && (y as { unit?: string }).unit === '元')!;
  expect(withFigures).toBeDefined();
  // wrapped lines joined again, spaces ignored (a line may break where a space was); the findings a
  // cause explains are listed under it with --verbose
  const v = await runMain(['check', '--verbose', f(FILES[0])]);
  const flat = v.stdout.replace(/\n {10,15}/g, '').replace(/ /g, '');
  const has = (s: string) => expect(flat).toContain(s.replace(/ /g, ''));
  has(`单元格：${withFigures.cells.slice(0, 12).join('，')}`);
  // the figures, in 元 with separators: in the message, or on their own line when the message has none
  has(`应为 ${formatYuan(new Decimal(withFigures.expected!))} 元`);
  const bare = x.findings.find((y) => y.expected !== undefined && y.difference !== undefined && !y.message.includes('应为') && (y as { unit?: string }).unit === '元');
  if (bare) has(`应为 ${formatYuan(new Decimal(bare.expected!))} 元，实为 ${formatYuan(new Decimal(bare.actual!))} 元`);
  expect(out).toMatch(/共 1 个文件：检查 1 个（1 个有错误），0 个无法读取/);
  expect(out + r.stderr).not.toMatch(STACK);
  // each cause says which cell to change and to what
  for (const cause of (x as { causes?: { changes: { cell: string }[] }[] }).causes ?? []) for (const ch of cause.changes) expect(out).toContain(`改：${ch.cell}：`);

  expect(v.stdout).toContain(`识别到 ${x.tables.length} 张表：`);
  for (const t of x.tables) expect(v.stdout.replace(/\n {7}/g, '')).toContain(t.sheet);
  for (const y of x.findings) expect(v.stdout.replace(/\n {10}/g, '')).toContain(`〔${y.rule}〕`);
});

test('human report: every line within 100 columns; a table is named in full once, then by its 表号', async () => {
  const r = await runMain(['check', '--verbose', dir]);
  const { displayWidth } = await import('../../src/cli/format');
  for (const line of r.stdout.split('\n')) {
    // a path is never wrapped (so it can be copied); every other line fits
    if (line.includes(dir)) continue;
    expect([line, displayWidth(line) <= 100]).toEqual([line, true]);
  }
  // 表4“部门综合预算财政拨款收支总表” is spelled out in its heading; later messages say 表4“财政拨款收支总表”
  const sx = r.stdout.slice(r.stdout.indexOf(FILES[0]), r.stdout.indexOf('━━', r.stdout.indexOf(FILES[0]) + 1));
  const full = sx.match(/表4“部门综合预算财政拨款收支总表”/g) ?? [];
  expect(full.length).toBeLessThanOrEqual(1);
  expect(full.length + (sx.includes('【表4 部门综合预算财政拨款收支总表】') ? 1 : 0)).toBe(1);
  expect(sx).toContain('表4“财政拨款收支总表”');
});

test('figures in the table’s own unit: a 万元 table gives 万元 in the sentence, the figures and the JSON', () => {
  const hb = doc.files.find((y) => path.basename(y.file) === FILES[2])!;
  const wan = hb.findings.filter((y) => (y as { unit?: string }).unit === '万元');
  expect(wan.length).toBeGreaterThan(0);
  for (const y of wan) {
    // the sentence's 万元 figures are the JSON's figures
    const said = [...y.message.matchAll(/(-?[\d,]+\.\d+) 万元/g)].map((m) => new Decimal(m[1].replace(/,/g, '')));
    for (const d of said) expect([y.expected, y.actual, y.difference].some((v) => v !== undefined && new Decimal(v).abs().equals(d.abs()))).toBe(true);
  }
  for (const y of hb.findings) if (y.expected !== undefined && /^-?\d/.test(y.expected)) expect((y as { unit?: string }).unit).toBeDefined();
});

test('--summary: one line per file, then the totals line', async () => {
  const r = await runMain(['check', '--summary', dir]);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(FILES.length + 1);
  for (const x of doc.files) {
    const line = lines.find((l) => l.includes(x.file))!;
    expect(line).toBeDefined();
    expect(line).toContain(`错误 ${errorsOf(x)} `);
    expect(line.startsWith(errorsOf(x) > 0 ? '有错误' : '')).toBe(true);
  }
  expect(lines[lines.length - 1]).toBe(
    `共 4 个文件：检查 4 个（${doc.summary.withErrors} 个有错误），0 个无法读取；合计错误 ${doc.summary.error} 项，警告 ${doc.summary.warning} 项，提示 ${doc.summary.info} 项。`,
  );
  const q = await runMain(['check', '-q', dir]);
  expect(q.stdout).toBe(r.stdout);
});

test('--codes: a user catalogue is loaded and said to be; a missing one stops with a Chinese message naming it', async () => {
  const codesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-codes-'));
  const csv = path.join(codesDir, '科目表.csv');
  await fs.writeFile(csv, '编码,名称\n2080505,机关事业单位基本养老保险缴费支出\n', 'utf8');
  const ok = await runMain(['check', '--json', '--codes', csv, f(FILES[3])]);
  expect(ok.code).not.toBe(2);
  expect(JSON.parse(ok.stdout).files[0].error).toBeUndefined();
  // the human form says which list, how many codes, and the mode (default extend)
  const said = await runMain(['check', '--summary', '--codes', csv, f(FILES[3])]);
  expect(said.stderr).toMatch(/^已载入科目表“科目表\.csv”：文件中 1 行编码；用法：补充内置科目表（extend/);
  expect(said.stderr.replace(/\n {2}/g, '')).toMatch(/现用编码共 \d+ 个（支出功能分类科目 \d+ 个/);
  const replaced = await runMain(['check', '--summary', '--codes', csv, '--codes-mode', 'replace', f(FILES[3])]);
  expect(replaced.stderr).toContain('用法：替换内置科目表（replace');
  expect(replaced.stderr.replace(/\n {2}/g, '')).toContain('支出功能分类科目 1 个');
  await fs.rm(codesDir, { recursive: true, force: true });
  const bad = await runMain(['check', '--codes', f('没有.csv'), f(FILES[3])]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('没有.csv');
  expect(bad.stderr).toMatch(CHINESE);
  expect(bad.stdout).toBe('');
});

test('progress bar on a terminal stderr with several files; stdout stays one JSON document', async () => {
  let out = '';
  let err = '';
  const code = await main(['check', '--json', dir], {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: Object.assign({ write: (s: string) => ((err += s), true), isTTY: true, columns: 100, on: () => undefined, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }),
  });
  expect(code).toBe(jsonCode);
  expect(err).toContain('检查中');
  expect(err).toContain(`${FILES.length}/${FILES.length}`);
  expect(JSON.parse(out).files).toHaveLength(FILES.length);
  // stdout on the same terminal: the bar never restores the cursor (that would overwrite the reports)
  out = '';
  err = '';
  await main(['check', '--summary', dir], {
    stdout: { write: (s: string) => (out += s), isTTY: true },
    stderr: { write: (s: string) => ((err += s), true), isTTY: true },
  });
  expect(err).toContain('检查中');
  expect(err).not.toContain('\x1B8');
  expect(out.trim().split('\n')).toHaveLength(FILES.length + 1);
  // no bar for a single file, nor with --no-progress
  err = '';
  await main(['check', '--json', '--no-progress', dir], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => ((err += s), true), isTTY: true },
  });
  expect(err).toBe('');
});

describe('--narrative', () => {
  const text = path.join(__dirname, '..', 'narrative', 'fixtures', '000_published.txt');

  test('the 说明 is checked against its workbook; its findings join the workbook report', async () => {
    const r = await runMain(['check', '--json', '--narrative', text, f(FILES[0])]);
    const x: JFile = JSON.parse(r.stdout).files[0];
    const narr = x.findings.filter((y) => y.rule.startsWith('narrative.'));
    expect(narr.length).toBeGreaterThan(0);
    for (const y of narr) expect(y.message).toContain('000_published.txt');
    // a figure of the text compared with a table cell names that cell
    expect(narr.some((y) => y.rule === 'narrative.mismatch' && y.cells.length > 0)).toBe(true);
    const human = await runMain(['check', '--narrative', text, f(FILES[0])]);
    expect(human.stdout).toContain('【说明文字】');
    expect(human.stdout).toMatch(/说明第 \d+ 段：“/);
  });

  test('alone (no workbook) it checks the text itself; with several workbooks it refuses', async () => {
    const alone = await runMain(['check', '--narrative', text]);
    expect(alone.stdout).toContain('000_published.txt');
    expect(alone.code).toBe(/错误 0 个/.test(alone.stdout) ? 0 : 1);
    const many = await runMain(['check', '--narrative', text, f(FILES[0]), f(FILES[1])]);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain('--narrative 只能与一个工作簿一起使用');
    const missing = await runMain(['check', '--json', '--narrative', f('没有的说明.docx'), f(FILES[0])]);
    const y: JFile = JSON.parse(missing.stdout).files[0];
    expect(y.findings.some((z) => z.rule === 'narrative.read' && z.message.includes('没有的说明.docx'))).toBe(true);
  });
});

test('the worker pool gives the same reports as checking one by one, in any finishing order', async () => {
  const files = [...FILES, ...FILES].map(f);
  const one: unknown[] = [];
  await checkFiles(files, { jobs: 1 }, (i, o) => (one[i] = o.report));
  const pooled: unknown[] = [];
  const order: number[] = [];
  await checkFiles(files, { jobs: 2, minFiles: 1 }, (i, o) => {
    pooled[i] = o.report;
    order.push(i);
  });
  expect(order.slice().sort((a, b) => a - b)).toEqual(files.map((_, i) => i));
  expect(pooled).toEqual(one);
}, 120_000);

test('a worker that dies: only the file that kills a worker twice is reported, every other file is checked', async () => {
  // A worker script that dies on receiving any file whose name contains “坏”, and is the CLI's own otherwise.
  const entry = f('dying-worker.js');
  const real = path.join(__dirname, '..', '..', 'src', 'cli', 'worker.ts');
  await fs.writeFile(
    entry,
    `require(${JSON.stringify(require.resolve('tsx/cjs'))});
const { parentPort } = require('worker_threads');
parentPort.on('message', (t) => { if (t.file.includes('坏')) process.exit(3); });
require(${JSON.stringify(real)});
`,
  );
  const bad = f('坏-陕西000-公开.xlsx');
  await fs.copyFile(f(FILES[0]), bad);
  const good = [...FILES.map(f), ...FILES.map(f)];
  const one: unknown[] = [];
  await checkFiles(good, { jobs: 1 }, (i, o) => (one[i] = o.report));
  // Two workers, two files in flight each. The bad file first (the one being checked when its worker
  // dies), then second (queued behind a good file, which must not be blamed).
  for (const at of [0, 1]) {
    const files = [...good.slice(0, at), bad, ...good.slice(at)];
    const pooled: { status: string; error?: string }[] = [];
    await checkFiles(files, { jobs: 2, minFiles: 1, workerEntry: entry }, (i, o) => (pooled[i] = o.report));
    expect(pooled).toHaveLength(files.length);
    expect(pooled[at].status).toBe('unreadable');
    expect(pooled[at].error).toMatch(/坏-陕西000-公开\.xlsx.*程序出错.*工作线程异常退出（代码 3）/);
    expect(pooled.filter((_, i) => i !== at)).toEqual(one);
  }
}, 120_000);

test('default: one file at a time, two workers from DEFAULT_WORKERS_FROM files on, never more than the cores', () => {
  expect(defaultJobs(1)).toBe(1);
  expect(defaultJobs(DEFAULT_WORKERS_FROM - 1)).toBe(1);
  expect(defaultJobs(DEFAULT_WORKERS_FROM)).toBe(Math.min(2, cores()));
  expect(defaultJobs(100_000)).toBeLessThanOrEqual(cores());
});

test('the compiler settings are flags this node knows (v8.setFlagsFromString would ignore a misspelt one)', () => {
  expect(V8_COMPILER_FLAGS.length).toBeGreaterThan(0);
  // On the command line node refuses a flag it does not know ("bad option").
  for (const flag of V8_COMPILER_FLAGS) {
    expect(execFileSync(process.execPath, [flag, '-p', '"ok"'], { encoding: 'utf8' }).trim()).toBe('ok');
    expect(() => execFileSync(process.execPath, [flag.replace('--', '--no-such-'), '-p', '1'], { stdio: 'pipe' })).toThrow();
  }
});

describe('a large folder is checked in a node started with --single-threaded-gc', () => {
  const folderOf = async (n: number) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-relaunch-'));
    await Promise.all(Array.from({ length: n }, (_, i) => fs.writeFile(path.join(dir, `w${i}.xlsx`), '')));
    return dir;
  };

  test(`from SINGLE_THREADED_GC_FROM files on, before anything is printed; a smaller folder is checked here`, async () => {
    const big = await folderOf(SINGLE_THREADED_GC_FROM);
    const small = await folderOf(SINGLE_THREADED_GC_FROM - 1);
    try {
      const calls: number[] = [];
      let out = '';
      const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, relaunch: async () => (calls.push(1), 7) };
      expect(await main(['check', '-s', big], io)).toBe(7);
      expect(out).toBe('');
      expect(await main(['check', '-s', small], io)).toBe(2); // empty files: unreadable
      expect(calls).toHaveLength(1);
      expect(out).toContain(`共 ${SINGLE_THREADED_GC_FROM - 1} 个文件`);
      // Node could not be started (or the flag is already on): checked here after all.
      out = '';
      expect(await main(['check', '-s', big], { ...io, relaunch: async () => undefined })).toBe(2);
      expect(out).toContain(`共 ${SINGLE_THREADED_GC_FROM} 个文件`);
    } finally {
      await fs.rm(big, { recursive: true, force: true });
      await fs.rm(small, { recursive: true, force: true });
    }
  });

  test('the new node gets the flag, the same arguments, and its exit code is ours', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-relaunch-'));
    try {
      const script = path.join(dir, 'probe.js');
      const seen = path.join(dir, 'seen.json');
      await fs.writeFile(script, `require('fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify({ execArgv: process.execArgv, argv: process.argv.slice(2) })); process.exit(3);`);
      expect(await relaunchWithSingleThreadedGc(script, ['check', '-s', '文件夹'])).toBe(3);
      const got = JSON.parse(await fs.readFile(seen, 'utf8'));
      expect(got.execArgv).toContain('--single-threaded-gc');
      expect(got.argv).toEqual(['check', '-s', '文件夹']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Benchmark: `npm run bench` (builds the CLI, then tsx test/bench/bench.ts). Prints, in one run:
 *
 *  1. Start-up: `budget-check --version` from the compiled CLI (dist-cli), and through tsx as before.
 *  2. One workbook checked end to end (a new process per run) for each example.
 *  3. The readers side by side on the 15-table 陕西 example: ExcelJS (full and streaming), SheetJS,
 *     fflate + fast-xml-parser, ours with saxes only, ours (fflate + the plain-XML scanner, the task pane's)
 *     and the command line's (Node zlib + the scanner), ms per workbook; then the same workbook with CR LF
 *     after each part's declaration, as Excel writes it, read by the scanner and by saxes alone.
 *  4. A folder of COPIES copies of each example checked by the CLI (one process, --summary):
 *     workbooks/s end to end, beside ExcelJS alone reading the same folder and our reader alone.
 * 4b. Hundreds of files: the 15-table 工伤 examples (published and repaired) 100 and 400 times; the
 *     rate of the last 300 (400-file time minus 100-file time), i.e. without start-up and warm-up.
 * 4c. A reviewer's large folder: 1,200 copies of the published 工伤 example, --jobs 1 against the
 *     default (two worker threads from DEFAULT_WORKERS_FROM files on).
 *  5. A folder of 500 (the examples in turn) with --jobs 1 and --jobs 2, and a folder of 100:
 *     time and peak memory (memory must not grow with the folder).
 *  6. A 200,000-row sheet: time and peak memory.
 *  7. The fixtures read and checked REPEAT times: median/p95 of each step (engine target ≤ 10 ms).
 *  8. Optional (BENCH_BATCH=n): n generated workbooks checked in one process, all expected clean.
 *  9. Diagnosis (src/core/causes, see diagnosisBench below): the time spent finding the causes of
 *     each published fixture's findings (re-running rules on amended Disclosures), apart from the
 *     rest of the engine. Target: ≤ 50 ms for a 15-table workbook.
 * Recognition alone on the real corpus workbooks: test/bench/recognition.ts (npm run bench runs both).
 *
 * The machine is shared: figures move by a factor of 2–5 with the load of other jobs; the load
 * average is printed at the start and the end. Targets: --version ≤ 0.3 s, one workbook ≤ 0.5 s,
 * ≥ 100 workbooks/s for a folder of 15-table workbooks, the 200,000-row sheet ≤ 3 s and ≤ 400 MB.
 *
 * Options (environment): BENCH_COPIES (default 100), BENCH_REPEAT (default 20), BENCH_BATCH
 * (default 0), BENCH_KEEP=1 keeps the temp dir.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import seedrandom from 'seedrandom';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/file/read';
import { checkGrid } from '../../src/core/engine';
import { checkFile } from '../../src/cli/check-file';
import { spawnSync } from 'child_process';
import { withExcelLineEnds } from '../helpers/workbooks';
import { DEFAULT_WORKERS_FROM } from '../../src/cli/pool';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { gridFromWorkbook } from '../../src/file/grid-from-exceljs';
import { gridFromXlsxFast } from '../../src/file/xlsx-fast';
import { unzipWithZlib } from '../../src/file/unzip-node';
import { buildHebei004, buildHebeiFromData, defaultHebeiSheetName, hebei004Data, HebeiData } from '../fixtures/hebei';
import {
  buildShaanxi000,
  buildShaanxi003,
  buildShaanxiFromData,
  LAYOUT_000,
  LAYOUT_000_ONESHEET,
  LAYOUT_003,
  SEED_000_REPAIRED,
  SEED_003_REPAIRED,
  ShaanxiLayout,
} from '../fixtures/shaanxi';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const BATCH = Number(process.env.BENCH_BATCH ?? 0);
const COPIES = Number(process.env.BENCH_COPIES ?? 100);
const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'budget-check.js');
const PRELOAD = path.join(__dirname, 'rss-preload.js');

interface Fixture {
  name: string;
  build: () => ExcelJS.Workbook;
}

const fixtures = (): Fixture[] => [
  { name: 'shaanxi000-published', build: () => buildShaanxi000('published') },
  { name: 'shaanxi000-repaired', build: () => buildShaanxi000('repaired') },
  { name: 'shaanxi003-published', build: () => buildShaanxi003('published') },
  { name: 'shaanxi003-repaired', build: () => buildShaanxi003('repaired') },
  { name: 'hebei004-published', build: () => buildHebei004('published') },
  { name: 'hebei004-repaired', build: () => buildHebei004('repaired') },
];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}

const ms = (x: number) => x.toFixed(1).padStart(7);

/** Scales every amount of a 河北 data model by `f` (2 decimals, half-up). Codes are left alone. */
function scaleHebei(d: HebeiData, f: Decimal): void {
  const sc = (a: string | null): string | null => {
    if (a === null || !/^-?\d+(\.\d+)?$/.test(a.trim())) return a;
    return new Decimal(a).times(f).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  };
  for (const p of d.parts) {
    for (const r of [...p.summary, ...p.fiscalSummary]) {
      r.inValue = sc(r.inValue);
      r.outValues = r.outValues.map(sc);
    }
    for (const t of [p.income, p.expenditure, p.gpExpenditure, p.gpBasic, p.fund, p.stateCapital, p.threePublic]) {
      for (const r of t) r.values = r.values.map(sc);
    }
    for (const pr of p.projects) {
      pr.budget = sc(pr.budget);
      pr.fiscal = sc(pr.fiscal);
      pr.other = sc(pr.other);
      pr.plan = pr.plan.map(sc) as typeof pr.plan;
    }
  }
}

/** A deep copy of a data model with a name replaced everywhere it is printed. */
function renamed<T>(data: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(data).split(from).join(to)) as T;
}

const UNIT_NAMES = ['人力资源和社会保障局', '医疗保障局', '教育局', '财政局', '民政局', '卫生健康委员会', '农业农村局', '住房和城乡建设局'];

function renamedLayout(l: ShaanxiLayout, i: number): ShaanxiLayout {
  const style = i % 3;
  return {
    ...l,
    sheets: l.sheets.map((sh, k) => ({ ...sh, name: style === 0 ? sh.name : style === 1 ? `${k + 1}-${sh.name}`.slice(0, 31) : `Sheet${k + 1}` })),
  };
}

/**
 * One generated workbook of the batch, from the fixtures' data models: the unit renamed, sheet
 * names changed, and (河北) amounts scaled by a whole number. Families and layouts rotate: 河北 004, 陕西 000, 陕西 003, 陕西 000 on one sheet.
 */
function generated(i: number, rng: seedrandom.PRNG): ExcelJS.Workbook {
  // Whole-number factors keep every sum exact, so a generated workbook is as consistent as the
  // repaired seed it comes from and the batch doubles as a check that renaming changes nothing.
  const f = new Decimal([1, 2, 3, 5, 7, 11][Math.floor(rng() * 6)]);
  const unit = UNIT_NAMES[i % UNIT_NAMES.length];
  if (i % 4 === 0) {
    const seed = hebei004Data('repaired');
    // Rename everywhere the 部门 name is printed (the 本级 unit's name starts with it).
    const d = renamed(seed, seed.parts[0].unitName, `某县${unit}${i}`);
    scaleHebei(d, f);
    const style = (i >> 2) % 3;
    return buildHebeiFromData(d, {
      sheetName: (part, pi, table, pj) => {
        const base = defaultHebeiSheetName(part, pi, table, pj);
        return style === 0 ? base : style === 1 ? `表${pi + 1}-${base}`.slice(0, 31) : `Sheet${pi}${table}${pj ?? ''}`.slice(0, 31);
      },
    });
  }
  const [seed, layout] = i % 4 === 1 ? [SEED_000_REPAIRED, LAYOUT_000] : i % 4 === 2 ? [SEED_003_REPAIRED, LAYOUT_003] : [SEED_000_REPAIRED, LAYOUT_000_ONESHEET];
  const d = renamed(seed, seed.unitName, `某县${unit}${i}`);
  // 陕西 workbooks print 表14 in 万元 (rounded) beside 元 tables: scaling the 元 figures would
  // break that rounding, so they keep their amounts and vary by name and layout only.
  return buildShaanxiFromData(d, renamedLayout(layout, i >> 2));
}

/** Runs the CLI as a user does; returns seconds and peak memory (MB) of that process. */
function runCli(args: string[], opts: { tsx?: boolean } = {}): { seconds: number; mb: number; code: number } {
  const rss = path.join(os.tmpdir(), `bc-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const argv = opts.tsx ? ['--require', PRELOAD, '--require', 'tsx/cjs', path.join(ROOT, 'src', 'cli', 'main.ts'), ...args] : ['--require', PRELOAD, BIN, ...args];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, env: { ...process.env, BENCH_RSS_FILE: rss }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  let mb = NaN;
  try {
    mb = Number(require('fs').readFileSync(rss, 'utf8')) / 1024;
    require('fs').rmSync(rss);
  } catch {
    // no figure
  }
  return { seconds, mb, code: r.status ?? -1 };
}

const median = (xs: number[]) => quantile(xs, 0.5);
const s2 = (x: number) => `${x.toFixed(2)} s`;
const ok = (cond: boolean) => (cond ? '达到' : '未达到');

/** ms per call of `fn` (median of `n` runs after 3 warm-up runs). */
async function perCall(fn: () => unknown, n: number): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-bench-'));
  const load0 = os.loadavg()[0];
  console.log(`预算公开校验助手 基准测试  node ${process.version}  ${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}`);
  console.log(`开始时系统负载（1 分钟平均）${load0.toFixed(2)}；本机与其他任务共用，负载高时各项时间会大 2–5 倍。临时目录 ${dir}\n`);
  const examples = (await fs.readdir(path.join(ROOT, 'examples'))).filter((f) => /\.xlsx$/.test(f)).sort();

  // 1. start-up
  const version = Array.from({ length: 10 }, () => runCli(['--version']).seconds);
  const versionTsx = Array.from({ length: 3 }, () => runCli(['--version'], { tsx: true }).seconds);
  console.log(`1. 启动（budget-check --version）：编译后 中位 ${s2(median(version))}，最快 ${s2(Math.min(...version))}（目标 ≤ 0.3 s：${ok(median(version) <= 0.3)}）；`);
  console.log(`   改前（tsx 每次转译 TypeScript）中位 ${s2(median(versionTsx))}`);

  // 2. one workbook end to end
  console.log('\n2. 检查一个工作簿（新进程，端到端，5 次中位）');
  for (const ex of examples) {
    const runs = Array.from({ length: 5 }, () => runCli(['check', '--summary', path.join(ROOT, 'examples', ex)]));
    const t = median(runs.map((r) => r.seconds));
    console.log(`   ${s2(t)}  ${Math.max(...runs.map((r) => r.mb)).toFixed(0).padStart(4)} MB  ${ok(t <= 0.5)}  ${ex}`);
  }

  // 3. readers side by side
  const sx = examples.find((e) => e.includes('工伤') && !e.includes('单表页') && e.includes('原样')) ?? examples[0];
  const buf = await fs.readFile(path.join(ROOT, 'examples', sx));
  const N = 30;
  const xml = new XMLParser({ ignoreAttributes: false, preserveOrder: true });
  // The examples were written by ExcelJS (LF only); Excel writes CR LF after every part's declaration.
  const excelStyle = withExcelLineEnds(new Uint8Array(buf));
  const readers: [string, () => unknown][] = [
    ['ExcelJS 完整读取 + 转 Grid（改前的读取）', async () => gridFromWorkbook(await new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer), sx)],
    ['ExcelJS 流式 WorkbookReader（只遍历行）', async () => {
      const r = new ExcelJS.stream.xlsx.WorkbookReader(require('stream').Readable.from([buf]), {});
      for await (const ws of r) for await (const _row of ws) void _row;
    }],
    ['SheetJS（@e965/xlsx，含数字格式和公式）', () => XLSX.read(buf, { type: 'buffer', cellNF: true, cellFormula: true, cellStyles: true })],
    ['fflate 解压 + fast-xml-parser（只解析）', () => {
      const z = unzipSync(buf);
      for (const k in z) if (k.endsWith('.xml')) xml.parse(strFromU8(z[k]));
    }],
    ['fflate + saxes → Grid（改前的现用读取）', () => gridFromXlsxFast(buf, sx, sx, { xml: 'saxes' })],
    ['fflate + 纯 XML 扫描器（其余交给 saxes）→ Grid（任务窗格现用，src/file/xlsx-fast.ts）', () => gridFromXlsxFast(buf, sx, sx)],
    ['Node zlib + 纯 XML 扫描器 → Grid（命令行现用，src/file/unzip-node.ts）', () => gridFromXlsxFast(buf, sx, sx, { unzip: unzipWithZlib })],
    ['同上，工作簿按 Excel 的写法（每个部件的 XML 声明后有 CR LF）：行尾先规范化，再交给扫描器', () => gridFromXlsxFast(excelStyle, sx, sx, { unzip: unzipWithZlib })],
    ['同上，Excel 的写法全部交给 saxes（行尾规范化之前就是这样）', () => gridFromXlsxFast(excelStyle, sx, sx, { unzip: unzipWithZlib, xml: 'saxes' })],
  ];
  console.log(`\n3. 读取方式对比（${sx}，${(buf.length / 1024).toFixed(0)} KB，同一进程，${N} 次中位，ms/工作簿）`);
  for (const [name, fn] of readers) {
    const t = await perCall(fn, N);
    console.log(`   ${t.toFixed(1).padStart(6)} ms  ${(1000 / t).toFixed(0).padStart(5)} 个/秒  ${name}`);
  }
  const parsers = new Map<string, number>();
  gridFromXlsxFast(excelStyle, sx, sx, { onParser: (_part, parser) => parsers.set(parser, (parsers.get(parser) ?? 0) + 1) });
  console.log(`   （Excel 写法的各部件：扫描器读 ${parsers.get('scanner') ?? 0} 个，saxes 读 ${parsers.get('saxes') ?? 0} 个）`);
  const { grid } = gridFromXlsxFast(buf, sx, sx);
  const engineMs = await perCall(() => checkGrid(grid), N);
  console.log(`   ${engineMs.toFixed(1).padStart(6)} ms  ${(1000 / engineMs).toFixed(0).padStart(5)} 个/秒  （对照）引擎检查同一工作簿 checkGrid`);

  // 4. a folder of copies of each example
  console.log(`\n4. 文件夹：每个样例复制 ${COPIES} 份，命令行一次检查整个文件夹（端到端，含启动），旁边是同一文件夹只读取不检查`);
  console.log('   命令行 个/秒   ExcelJS 只读 个/秒   现用读取 只读 个/秒   峰值内存   样例');
  for (const ex of examples) {
    const folder = path.join(dir, `copies-${examples.indexOf(ex)}`);
    await fs.mkdir(folder);
    const src = path.join(ROOT, 'examples', ex);
    const files: string[] = [];
    for (let i = 0; i < COPIES; i++) {
      const f = path.join(folder, `wb${String(i).padStart(4, '0')}.xlsx`);
      await fs.copyFile(src, f);
      files.push(f);
    }
    const cli = runCli(['check', '--summary', folder]);
    const e0 = performance.now();
    for (const f of files) gridFromWorkbook(await new ExcelJS.Workbook().xlsx.load((await fs.readFile(f)) as unknown as ExcelJS.Buffer), f);
    const excelRate = COPIES / ((performance.now() - e0) / 1000);
    const f0 = performance.now();
    for (const f of files) gridFromXlsxFast(await fs.readFile(f), f, f, { unzip: unzipWithZlib });
    const fastRate = COPIES / ((performance.now() - f0) / 1000);
    const rate = COPIES / cli.seconds;
    console.log(`   ${rate.toFixed(0).padStart(9)}   ${excelRate.toFixed(0).padStart(16)}   ${fastRate.toFixed(0).padStart(18)}   ${cli.mb.toFixed(0).padStart(5)} MB   ${ex}`);
  }

  // 4b. hundreds of files: a 15-table example 100 and 400 times; the last 300 without start-up and warm-up
  const MANY = 400;
  console.log(`\n4b. 几百个文件：15 张表的陕西样例 ${COPIES} 份、${MANY} 份各检查一次（端到端）；后 ${MANY - COPIES} 份的速度 = ${MANY - COPIES} /（${MANY} 份用时 − ${COPIES} 份用时），即去掉启动和即时编译预热之后`);
  console.log(`   ${COPIES} 份 个/秒   ${MANY} 份 个/秒   后 ${MANY - COPIES} 份 个/秒   样例`);
  for (const ex of examples.filter((e) => e.includes('工伤') && !e.includes('单表页'))) {
    const many = path.join(dir, `many-${examples.indexOf(ex)}`);
    await fs.mkdir(many);
    for (let i = 0; i < MANY; i++) await fs.copyFile(path.join(ROOT, 'examples', ex), path.join(many, `wb${String(i).padStart(4, '0')}.xlsx`));
    const few = runCli(['check', '--summary', path.join(dir, `copies-${examples.indexOf(ex)}`)]);
    const all = runCli(['check', '--summary', many]);
    const rest = (MANY - COPIES) / Math.max(all.seconds - few.seconds, 1e-3);
    console.log(`   ${(COPIES / few.seconds).toFixed(0).padStart(9)}   ${(MANY / all.seconds).toFixed(0).padStart(9)}   ${rest.toFixed(0).padStart(12)}   ${ok(rest >= 100)}  ${ex}`);
  }

  // 4c. a reviewer's large folder: 1,200 published copies (6 findings each), one thread against two
  // (the default from DEFAULT_WORKERS_FROM files on)
  const LARGE = 1200;
  const published = examples.find((e) => e.includes('工伤') && e.includes('原样') && !e.includes('单表页'));
  if (published) {
    const large = path.join(dir, 'large');
    await fs.mkdir(large);
    for (let i = 0; i < LARGE; i++) await fs.copyFile(path.join(ROOT, 'examples', published), path.join(large, `wb${String(i).padStart(4, '0')}.xlsx`));
    const one = runCli(['check', '--summary', '--jobs', '1', large]);
    const dflt = runCli(['check', '--summary', large]);
    console.log(`\n4c. 大文件夹：${published} ${LARGE} 份（每份 6 项错误，要找根因）`);
    console.log(`   --jobs 1：${s2(one.seconds)}，${(LARGE / one.seconds).toFixed(0)} 个/秒，峰值 ${one.mb.toFixed(0)} MB`);
    console.log(`   默认（${DEFAULT_WORKERS_FROM} 个以上用 2 个线程）：${s2(dflt.seconds)}，${(LARGE / dflt.seconds).toFixed(0)} 个/秒，峰值 ${dflt.mb.toFixed(0)} MB（${ok(LARGE / dflt.seconds >= 100)} ≥ 100 个/秒）`);
  }

  // 5. a folder of 500, one process, --jobs 1 and 2; and a folder of 100, for memory growth
  const big = path.join(dir, 'folder-500');
  await fs.mkdir(big);
  for (let i = 0; i < 500; i++) await fs.copyFile(path.join(ROOT, 'examples', examples[i % examples.length]), path.join(big, `wb${String(i).padStart(4, '0')}.xlsx`));
  const small = path.join(dir, 'folder-100');
  await fs.mkdir(small);
  for (let i = 0; i < 100; i++) await fs.copyFile(path.join(ROOT, 'examples', examples[i % examples.length]), path.join(small, `wb${String(i).padStart(4, '0')}.xlsx`));
  console.log('\n5. 500 个工作簿（样例轮流），一个进程');
  const j1 = runCli(['check', '--summary', '--jobs', '1', big]);
  const j2 = runCli(['check', '--summary', '--jobs', '2', big]);
  const h1 = runCli(['check', '--summary', small]);
  console.log(`   --jobs 1：${s2(j1.seconds)}，${(500 / j1.seconds).toFixed(0)} 个/秒，峰值内存 ${j1.mb.toFixed(0)} MB（100 个时 ${h1.mb.toFixed(0)} MB：内存不随文件数增长）`);
  console.log(`   --jobs 2：${s2(j2.seconds)}，${(500 / j2.seconds).toFixed(0)} 个/秒，峰值内存 ${j2.mb.toFixed(0)} MB（${j2.seconds < j1.seconds ? '比逐个快' : '不比逐个快：本机负载下工作线程无益'}）`);

  // 6. 200,000 rows
  const rowsFile = path.join(dir, '20万行.xlsx');
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: rowsFile, useSharedStrings: true });
  const ws = w.addWorksheet('明细');
  ws.addRow(['一般公共预算支出明细表']).commit();
  for (let i = 2; i <= 200_000; i++) ws.addRow([`行${i}`, i, i * 2, `项目${i % 1000}`, i / 3, '备注文字']).commit();
  ws.commit();
  await w.commit();
  const st = await fs.stat(rowsFile);
  const rows = runCli(['check', '--summary', rowsFile]);
  console.log(`\n6. 20 万行的工作表（${(st.size / 1024 / 1024).toFixed(1)} MB，6 列，共享字符串）：${s2(rows.seconds)}，峰值内存 ${rows.mb.toFixed(0)} MB（目标 ≤ 3 s、≤ 400 MB：${ok(rows.seconds <= 3 && rows.mb <= 400)}）`);

  // 7. fixtures, REPEAT times each
  console.log(`\n7. 样例数据（fixtures），每个 ${REPEAT} 次`);
  console.log('   样例                       读取(.xlsx→Grid) ms 中位/p95    引擎(Grid→结果) ms 中位/p95   表  问题');
  const allCheck: number[] = [];
  for (const fx of fixtures()) {
    const file = path.join(dir, `${fx.name}.xlsx`);
    await fx.build().xlsx.writeFile(file);
    const reads: number[] = [];
    const checks: number[] = [];
    let tables = 0;
    let findings = 0;
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      const { grid: g } = await readWorkbookFile(file);
      const t1 = performance.now();
      const r = checkGrid(g);
      const t2 = performance.now();
      reads.push(t1 - t0);
      checks.push(t2 - t1);
      tables = r.tables.length;
      findings = r.findings.length;
    }
    allCheck.push(...checks);
    console.log(
      `   ${fx.name.padEnd(26)} ${ms(quantile(reads, 0.5))} /${ms(quantile(reads, 0.95))}            ${ms(quantile(checks, 0.5))} /${ms(quantile(checks, 0.95))}     ${String(tables).padStart(3)} ${String(findings).padStart(5)}`,
    );
  }
  console.log(`   引擎目标 ≤ 10 ms/工作簿：${ok(quantile(allCheck, 0.5) <= 10)}（中位 ${quantile(allCheck, 0.5).toFixed(1)} ms）`);

  await diagnosisBench(dir);

  // 8. optional generated batch
  if (BATCH > 0) {
    const rng = seedrandom('budget-check bench v1');
    const batchDir = path.join(dir, 'batch');
    await fs.mkdir(batchDir);
    const files: string[] = [];
    for (let i = 0; i < BATCH; i++) {
      const f = path.join(batchDir, `wb${String(i).padStart(4, '0')}.xlsx`);
      await generated(i, rng).xlsx.writeFile(f);
      files.push(f);
    }
    let unreadable = 0;
    let withFindings = 0;
    const b0 = performance.now();
    for (const f of files) {
      const o = await checkFile(f);
      if (o.report.error) unreadable++;
      if (o.report.findings.some((x) => x.severity !== 'info')) withFindings++;
    }
    const seconds = (performance.now() - b0) / 1000;
    console.log(`\n8. 生成的 ${BATCH} 个工作簿（同一进程逐个检查）：${seconds.toFixed(1)} s，${(BATCH / seconds).toFixed(0)} 个/秒；无法读取 ${unreadable} 个，有错误或警告 ${withFindings} 个（应为 0）`);
  }

  console.log(`\n结束时系统负载（1 分钟平均）${os.loadavg()[0].toFixed(2)}（开始时 ${load0.toFixed(2)}，${os.cpus().length} 核）。`);
  if (process.env.BENCH_KEEP !== '1') await fs.rm(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// 3. Diagnosis (causes). Kept apart from the reading/engine figures above: the published fixtures'
// findings are diagnosed REPEAT times and only diagnose() is timed.
// ---------------------------------------------------------------------------------------------
async function diagnosisBench(dir: string): Promise<void> {
  const { diagnose, assignFindingIds } = await import('../../src/core/causes');
  const { RULE_FAMILIES } = await import('../../src/core/rules');
  const { builtinCatalogue } = await import('../../src/core/codes/catalogue');
  const codes = builtinCatalogue();
  console.log('根因诊断（src/core/causes，重新运行规则核实每个候选修改）');
  console.log('样例                       诊断 ms 中位/p95    规则重跑次数  根因  问题  表');
  let ok = true;
  for (const fx of fixtures().filter((f) => f.name.endsWith('published'))) {
    const file = path.join(dir, `${fx.name}.xlsx`);
    const { grid } = await readWorkbookFile(file);
    const r = checkGrid(grid, { diagnose: false });
    assignFindingIds(r.findings);
    const times: number[] = [];
    let runs = 0;
    let causes = 0;
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      const dx = diagnose({ disclosure: r.disclosure!, findings: r.findings, families: RULE_FAMILIES, codes, grid });
      times.push(performance.now() - t0);
      runs = dx.runs;
      causes = dx.causes.length;
    }
    const distinct = new Set(r.tables.map((t) => t.id)).size;
    if (distinct <= 15 && quantile(times, 0.5) > 50) ok = false;
    console.log(`${fx.name.padEnd(26)} ${ms(quantile(times, 0.5))} /${ms(quantile(times, 0.95))}    ${String(runs).padStart(8)}    ${String(causes).padStart(4)} ${String(r.findings.filter((f) => f.severity !== 'info').length).padStart(5)} ${String(r.tables.length).padStart(4)}`);
  }
  console.log(`诊断目标 ≤ 50 ms（15 张表的工作簿，中位）：${ok ? '达到' : '未达到'}；系统负载 ${os.loadavg()[0].toFixed(2)}\n`);
}

main().catch((e) => {
  console.error(`基准测试出错：${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
});

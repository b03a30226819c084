/**
 * Benchmark: `npm run bench` (tsx test/bench/bench.ts).
 *
 *  1. Every fixture workbook, written to .xlsx once, then read (.xlsx → Grid) and checked
 *     (Grid → findings) REPEAT times: median and p95 ms for each step separately.
 *  2. A batch of BATCH generated workbooks (the fixtures' data models with the unit renamed, the
 *     sheet names changed and 河北 amounts scaled), written to a temp dir, then read and checked one
 *     after the other exactly as the CLI does (src/cli/check-file): workbooks per second end to end.
 *     They should all be clean; the rules that fire are listed.
 *  3. Diagnosis (src/core/causes, see diagnosisBench below): the time spent finding the causes of
 *     each published fixture's findings (re-running rules on amended Disclosures), apart from the
 *     rest of the engine. Target: ≤ 50 ms for a 15-table workbook.
 *  Peak RSS is printed at the end. Targets: engine ≤ 10 ms per workbook; batch ≥ 20 workbooks/s.
 *
 * Options (environment): BENCH_REPEAT (default 50), BENCH_BATCH (default 500), BENCH_KEEP=1 keeps the temp dir.
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
import { checkFiles, cores } from '../../src/cli/pool';
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

const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);

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

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-bench-'));
  console.log(`预算公开校验助手 基准测试  node ${process.version}  ${os.cpus().length} 核 ${os.cpus()[0]?.model ?? ''}`);
  console.log(`每个样例重复 ${REPEAT} 次；批量 ${BATCH} 个生成的工作簿；临时目录 ${dir}\n`);

  // 1. fixtures, REPEAT times each
  console.log('样例                       读取(.xlsx→Grid) ms 中位/p95    引擎(Grid→结果) ms 中位/p95   表  问题');
  const allRead: number[] = [];
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
      const { grid } = await readWorkbookFile(file);
      const t1 = performance.now();
      const r = checkGrid(grid);
      const t2 = performance.now();
      reads.push(t1 - t0);
      checks.push(t2 - t1);
      tables = r.tables.length;
      findings = r.findings.length;
    }
    allRead.push(...reads);
    allCheck.push(...checks);
    console.log(
      `${fx.name.padEnd(26)} ${ms(quantile(reads, 0.5))} /${ms(quantile(reads, 0.95))}            ${ms(quantile(checks, 0.5))} /${ms(quantile(checks, 0.95))}     ${String(tables).padStart(3)} ${String(findings).padStart(5)}`,
    );
  }
  console.log(
    `${'全部样例'.padEnd(22)} ${ms(quantile(allRead, 0.5))} /${ms(quantile(allRead, 0.95))}            ${ms(quantile(allCheck, 0.5))} /${ms(quantile(allCheck, 0.95))}`,
  );
  const engineOk = quantile(allCheck, 0.5) <= 10;
  console.log(`引擎目标 ≤ 10 ms/工作簿：${engineOk ? '达到' : '未达到'}（中位 ${quantile(allCheck, 0.5).toFixed(1)} ms）\n`);

  await diagnosisBench(dir);

  // 2. the batch
  const rng = seedrandom('budget-check bench v1');
  const batchDir = path.join(dir, 'batch');
  await fs.mkdir(batchDir);
  const g0 = performance.now();
  const files: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const f = path.join(batchDir, `wb${String(i).padStart(4, '0')}.xlsx`);
    await generated(i, rng).xlsx.writeFile(f);
    files.push(f);
  }
  const sizes = await Promise.all(files.map((f) => fs.stat(f).then((s) => s.size)));
  console.log(`生成 ${BATCH} 个工作簿用时 ${((performance.now() - g0) / 1000).toFixed(1)} s（平均 ${(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(0)} KB，不计入下面的时间）`);

  const reads: number[] = [];
  const checks: number[] = [];
  let unreadable = 0;
  let withFindings = 0;
  const rules = new Map<string, number>();
  const b0 = performance.now();
  for (const f of files) {
    const o = await checkFile(f);
    reads.push(o.readMs);
    checks.push(o.checkMs);
    if (o.report.error) unreadable++;
    if (o.report.findings.some((x) => x.severity !== 'info')) withFindings++;
    for (const x of o.report.findings) if (x.severity !== 'info') rules.set(x.rule, (rules.get(x.rule) ?? 0) + 1);
  }
  const seconds = (performance.now() - b0) / 1000;
  const rate = BATCH / seconds;
  console.log(`批量（读取+检查，逐个，同命令行）：${BATCH} 个用时 ${seconds.toFixed(1)} s，${rate.toFixed(1)} 个/秒（目标 ≥ 20：${rate >= 20 ? '达到' : '未达到'}）`);
  console.log(`  读取 ms 中位/p95 ${ms(quantile(reads, 0.5))} /${ms(quantile(reads, 0.95))}；引擎 ms 中位/p95 ${ms(quantile(checks, 0.5))} /${ms(quantile(checks, 0.95))}`);
  const ruleList = [...rules].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ×${n}`).join('，');
  console.log(`  无法读取 ${unreadable} 个；有错误或警告 ${withFindings} 个（生成的工作簿都应无误）${ruleList ? '：' + ruleList : ''}`);

  // The same batch through the CLI's worker pool (`budget-check check <folder> --jobs <cores>`).
  const jobs = Math.max(2, cores());
  const p0 = performance.now();
  let pooled = 0;
  await checkFiles(files, { jobs, minFiles: 1 }, () => void pooled++);
  const pSeconds = (performance.now() - p0) / 1000;
  const pRate = BATCH / pSeconds;
  console.log(`批量，${jobs} 个工作线程（--jobs ${jobs}）：${pooled} 个用时 ${pSeconds.toFixed(1)} s，${pRate.toFixed(1)} 个/秒（目标 ≥ 20：${pRate >= 20 ? '达到' : '未达到'}）`);
  console.log(`当前系统负载（1 分钟平均）：${os.loadavg()[0].toFixed(2)}（${os.cpus().length} 核；负载高于核数时以上时间偏大）`);

  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\n峰值内存（RSS，主线程与工作线程合计的进程峰值）：${peak.toFixed(0)} MB`);
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

/**
 * Growth rates (增幅(%), 增、减幅度, a line "2016年比2015年增减%") against the amounts they are computed
 * from, on two real 决算 tables: 施甸县 (云南, rates as a column beside 上年 | 本年 | 增、减金额) and 衢江区
 * (浙江, years as rows, a caption that does not say “三公”). Keys: test/corpus/real-b/KEY.md, computed
 * with Python's Decimal. Rates only rounding of the printed figures explains are not reported.
 */
import * as path from 'path';
import { readWorkbookFile } from '../../src/file/read';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { Grid, parseRef } from '../../src/core/grid';
import { Decimal, ZERO, compareRate, parseRate } from '../../src/core/money';
import { checkNarrative, generateNarrative } from '../../src/core/narrative';
import ExcelJS from 'exceljs';
import { gridFromWorkbook } from '../../src/file/read';

const ROOT = path.join(__dirname, '..', '..');
const grids = new Map<string, Grid>();
async function gridOf(file: string): Promise<Grid> {
  if (!grids.has(file)) grids.set(file, (await readWorkbookFile(path.join(ROOT, file))).grid);
  return grids.get(file)!;
}
/** Checks the workbook with some cells set to other numbers (restored afterwards). */
async function checkWith(file: string, changes: Record<string, number> = {}): Promise<CheckResult> {
  const grid = await gridOf(file);
  const saved: [{ v: unknown }, unknown][] = [];
  for (const [ref, v] of Object.entries(changes)) {
    const p = parseRef(ref)!;
    const cell = grid.sheets.find((s) => s.name === p.sheet)!.rows[p.row - 1][p.col - 1]!;
    saved.push([cell, cell.v]);
    cell.v = v;
  }
  try {
    return checkGrid(grid);
  } finally {
    for (const [cell, v] of saved) cell.v = v as never;
  }
}
const serious = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.cells[0], f.expected, f.actual]);
const wan = (v: string) => ({ value: new Decimal(v).times(10000), half: new Decimal(5000) });

const SHIDIAN = 'test/corpus/real-b/yunnan-shidian-quanxian-2016.xlsx';
const QUJIANG = 'test/corpus/real-b/zhejiang-qujiang-quanqu-2016.xlsx';
const S = '三公经费决算统计表';
const Q = '三公经费决算对比';

describe('rates as printed', () => {
  test('percent formats give percent points with the decimals shown; text and plain numbers too', () => {
    expect(parseRate(-0.0703, '0.00%')).toEqual({ value: new Decimal('-7.03'), decimals: 2, marked: true });
    expect(parseRate(-0.219, '0.0%')).toEqual({ value: new Decimal('-21.9'), decimals: 1, marked: true });
    expect(parseRate(-1, '0%')).toEqual({ value: new Decimal('-100'), decimals: 0, marked: true });
    // A bare number is as printed: points or a fraction, its column decides (below).
    expect(parseRate(-16.77, '0.00')).toEqual({ value: new Decimal('-16.77'), decimals: 2, marked: false });
    expect(parseRate(-0.0966)).toEqual({ value: new Decimal('-0.0966'), decimals: 4, marked: false });
    expect(parseRate('－7.03％')).toEqual({ value: new Decimal('-7.03'), decimals: 2, marked: true });
    expect(parseRate('-7.03%')).toEqual({ value: new Decimal('-7.03'), decimals: 2, marked: true });
    expect(parseRate('增长')).toBeUndefined();
    expect(parseRate(null)).toBeUndefined();
  });

  test('衢江: -47.95% for 73 → 37 万元 is no rounding of the printed figures; -86.62% for 90 → 12 is', () => {
    const buy = compareRate(new Decimal('-47.95'), 2, wan('37'), wan('73'), 'ratio')!;
    expect([buy.comparison, buy.exact.toFixed(2)]).toEqual(['different', '-49.32']);
    const run = compareRate(new Decimal('-24.98'), 2, wan('959'), wan('1277'), 'ratio')!;
    expect([run.comparison, run.exact.toFixed(2)]).toEqual(['different', '-24.90']);
    const abroad = compareRate(new Decimal('-86.62'), 2, wan('12'), wan('90'), 'ratio')!;
    expect([abroad.comparison, abroad.exact.toFixed(2)]).toEqual(['rounding', '-86.67']);
    // 合计 2840 → 2364 is -16.76% exactly; -16.77% is within the rounding of the whole 万元.
    expect(compareRate(new Decimal('-16.77'), 2, wan('2364'), wan('2840'), 'ratio')!.comparison).toBe('rounding');
    expect(compareRate(new Decimal('-16.76'), 2, wan('2364'), wan('2840'), 'ratio')!.comparison).toBe('equal');
    // In 元 the figures are exact: the same rate one point off is different.
    const exact = { value: new Decimal(120000), half: ZERO };
    expect(compareRate(new Decimal('-86.62'), 2, exact, { value: new Decimal(900000), half: ZERO }, 'ratio')!.comparison).toBe('different');
    // A change against its base: -204.61 of 2911.47 is -7.03%.
    expect(compareRate(new Decimal('-7.03'), 2, wan('-204.61'), wan('2911.47'), 'change')!.comparison).toBe('equal');
    // No base, no rate.
    expect(compareRate(new Decimal('0'), 0, wan('10'), wan('0'), 'ratio')).toBeUndefined();
  });
});

describe('施甸县 2016 “三公”经费决算 (上年决算数 | 本年决算数 | 增、减金额 | 增、减幅度)', () => {
  test('增、减金额 is the change and 增、减幅度 a growth rate: both checked, the printed table passes (key: 0 inconsistencies)', async () => {
    const r = await checkWith(SHIDIAN);
    const t = r.disclosure!.tables[0];
    expect(t.columns.map((c) => c.key)).toEqual(['name', 'prior', 'current', 'change']);
    expect(t.rates).toEqual([{ col: 5, header: '比上年增、减情况/增、减幅度', cell: `${S}!E4`, growth: { now: 'current', base: 'prior', by: 'ratio' } }]);
    expect(t.rows.map((row) => row.rates?.[5]?.value.toFixed())).toEqual(['-7.03', '-21.9', '-5.28', '-9.27', '-100', '-8.16']);
    expect(serious(r)).toEqual([]);
    expect(r.findings.filter((f) => f.rule.startsWith('table.') && f.rule !== 'table.missing')).toEqual([]);
  });

  test('a wrong rate is an error at its cell, in percent points', async () => {
    const r = await checkWith(SHIDIAN, { [`${S}!E7`]: -0.0628 });
    expect(serious(r)).toEqual([['sum.rate', `${S}!E7`, '-5.28', '-6.28']]);
    const f = r.findings.find((x) => x.rule === 'sum.rate')!;
    expect(f.cells).toEqual([`${S}!E7`, `${S}!C7`, `${S}!B7`]);
    expect(f.unit).toBe('%');
    expect(f.message).toContain('“2.公务接待费”的“增、减幅度”列应为 -5.28%');
  });

  test('a wrong 本年 figure fails its 合计, its 增减 and its rate: one cause, which says what it should be', async () => {
    const r = await checkWith(SHIDIAN, { [`${S}!C7`]: 1580.94 });
    expect(serious(r).map((x) => x[0]).sort()).toEqual(['sum.columns', 'sum.items', 'sum.rate']);
    expect(r.causes!.map((c) => [c.certainty, c.changes.map((ch) => [ch.cell, ch.suggested])])).toEqual([['sure', [[`${S}!C7`, '1590.94']]]]);
  });

  test('the 说明 generator does not write a 预算 paragraph from a 决算 table (before: 2911.47, the 上年决算数)', async () => {
    const r = await checkWith(SHIDIAN);
    const n = generateNarrative(r.disclosure!, null, { check: r });
    expect(n.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('')).not.toContain('2911.47');
    expect(n.notes).toContain('“施甸县2016年“三公”经费决算情况统计表”是决算表，未据此写“三公”经费预算情况。');
  });
});

describe('衢江区 2016 “三公”经费决算 (caption 2016年决算数与2015年决算数对比情况; rows 2015年 | 2016年 | 增减%)', () => {
  test('recognised by its header; the rows are years; the line of rates is not summed', async () => {
    const r = await checkWith(QUJIANG);
    expect(r.tables.map((t) => [t.kind, t.title, t.titleCell])).toEqual([['three_public', '2016年决算数与2015年决算数对比情况', `${Q}!A1`]]);
    const t = r.disclosure!.tables[0];
    expect(t.columns.map((c) => c.key)).toEqual(['name', 'sub', 'abroad', 'reception', 'car_sub', 'car_buy', 'car_run']);
    expect(t.rows.map((row) => row.name)).toEqual(['2015年', '2016年']);
    expect(t.rateRows!.map((l) => [l.label, l.growth])).toEqual([['2016年比2015年增减%', { now: 5, base: 4 }]]);
  });

  test('the key’s two contradictions, and nothing else: 车辆购置 -47.95% (is -49.32%) and 车辆运行 -24.98% (is -24.90%)', async () => {
    const r = await checkWith(QUJIANG);
    expect(serious(r)).toEqual([
      ['sum.rate', `${Q}!F6`, '-49.32', '-47.95'],
      ['sum.rate', `${Q}!G6`, '-24.90', '-24.98'],
    ]);
  });

  test('the 说明 is compared with the 2016年 row and its change with 2015年 (the page’s own 995 / 38 / 958 differ in the last digit)', async () => {
    const r = await checkWith(QUJIANG);
    const text = '2016年，全区“三公”经费决算2364万元，其中：因公出国（境）经费12万元，公务接待费1356万元，公车购置及运行费995万元（其中公务用车购置费38万元，公务用车运行费958万元）。与2015年相比，减少476万元。';
    const fs = checkNarrative([text], r.disclosure).filter((f) => f.severity !== 'info');
    expect(fs.map((f) => [f.severity, f.cells[0], f.actual])).toEqual([
      ['warning', `${Q}!E5`, '995.00'],
      ['warning', `${Q}!F5`, '38.00'],
      ['warning', `${Q}!G5`, '958.00'],
    ]);
    // 476 = 2840 − 2364: the change after the nested list is the 三公 total's, not 公车购置及运行费's.
    expect(checkNarrative([text.replace('减少476', '减少467')], r.disclosure).filter((f) => f.severity === 'error').map((f) => f.cells)).toEqual([[`${Q}!B5`, `${Q}!B4`]]);
  });

  test('a 表号 line under a title is not taken for a caption (江苏 公开表九 keeps its title at A1)', async () => {
    const r = await checkWith('test/corpus/jiangsu/jiangsu-renda-2019.xlsx');
    expect(r.tables.filter((t) => t.kind === 'three_public').map((t) => [t.title, t.titleCell])).toEqual([['“三公”经费、会议费、培训费支出预算表', '公开表九!A1']]);
  });
});

describe('a reviewer’s probes (test/rules/fixtures/rate-probes): correct layouts stay quiet, wrong rates are named', () => {
  type Probe = { file: string; sheets: { name: string; cells: [string, string | number, string | null][]; merges: string[] }[] };
  const probes: Probe[] = JSON.parse(require('fs').readFileSync(path.join(__dirname, 'fixtures/rate-probes/probes.json'), 'utf8'));
  const run = async (p: Probe): Promise<CheckResult> => {
    const wb = new ExcelJS.Workbook();
    for (const sh of p.sheets) {
      const ws = wb.addWorksheet(sh.name);
      for (const [addr, v, fmt] of sh.cells) {
        ws.getCell(addr).value = v;
        if (fmt) ws.getCell(addr).numFmt = fmt;
      }
      for (const m of sh.merges) ws.mergeCells(m);
    }
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf as ArrayBuffer);
    return checkGrid(gridFromWorkbook(back, p.file).grid);
  };
  const byName = (name: string) => probes.find((p) => p.file.startsWith(name))!;

  test('no error on any arithmetically correct probe (决算 with 预算数 | 决算数, two 上年 columns, bare fractions, 执行率 and 占比 lines …)', async () => {
    const correct = probes.filter((p) => p.file.startsWith('p'));
    expect(correct.length).toBe(25);
    for (const p of correct) {
      const r = await run(p);
      expect([p.file, r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cells[0]}`)]).toEqual([p.file, []]);
    }
  });

  test('which two amounts a rate compares must be certain: 本年预算数 and 本年决算数 side by side, or a second 上年 column, leave it unchecked', async () => {
    for (const name of ['p06', 'p07', 'p09']) {
      const t = (await run(byName(name))).disclosure!.tables[0];
      expect([name, t.rates!.map((u) => !!u.growth)]).toEqual([name, t.rates!.map(() => false)]);
    }
  });

  test('bare fractions under 增减率 (-0.0966) are read as fractions by the column’s own figures', async () => {
    const r = await run(byName('p04'));
    expect(r.disclosure!.tables[0].rates![0].growth).toBeDefined();
    expect(r.findings.filter((f) => f.rule === 'sum.rate')).toEqual([]);
  });

  test('rate lines only where rows are years or in a 三公 table: a project “地区生产总值增长率统计监测” is a project; 执行率 and 占比 lines are not summed', async () => {
    const p15 = (await run(byName('p15'))).disclosure!.tables[0];
    expect(p15.rows.map((row) => row.name)).toContain('地区生产总值增长率统计监测');
    expect(p15.rateRows).toBeUndefined();
    for (const name of ['p18', 'p22', 'p23', 'p12']) {
      const r = await run(byName(name));
      const lines = r.disclosure!.tables[0].rateRows!.filter((l) => /执行率|占比/.test(l.label));
      expect([name, lines.map((l) => [l.label, l.growth])]).toEqual([name, [[expect.stringMatching(/执行率|占比/), undefined]]]);
      expect(r.disclosure!.tables[0].rows.some((row) => /执行率|占比/.test(row.name ?? ''))).toBe(false);
      expect(r.findings.filter((f) => f.rule === 'table.rates').length).toBe(1);
    }
  });

  test('a 经济科目 header that holds 因公出国 and 公务接待 among 办公费 … is no “三公” table', async () => {
    expect((await run(byName('p17'))).tables).toEqual([]);
  });

  test('the wrong probes: each wrong rate, at its cell, with what it should be', async () => {
    const got = [];
    for (const p of probes.filter((x) => x.file.startsWith('w'))) {
      const r = await run(p);
      got.push([p.file.slice(0, 3), ...r.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.cells[0], f.expected, f.actual])]);
    }
    expect(got).toEqual([
      ['w01', ['sum.rate', '三公经费!E6', '-9.66', '-8.64']],
      ['w02', ['sum.rate', '三公经费!E5', '-20.00', '-21.00']],
      ['w03', ['sum.rate', '三公对比!D6', '-9.66', '-8.00']],
      ['w04', ['sum.rate', '三公对比!C7', '-40.00', '-45.00']],
    ]);
  });

  test('years as rows in a 预算 table: the generated 说明 writes the latest year, its change against the year before, and checks clean (p10)', async () => {
    const r = await run(byName('p10'));
    const n = generateNarrative(r.disclosure!, null, { check: r });
    const text = n.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('\n');
    expect(text).toContain('本部门当年“三公”经费预算 120.43 万元，较上年增加 16.73 万元，增长 16.13%');
    expect(text).toContain('因公出国（境）费 9.88 万元，较上年减少 2.47 万元');
    const own = checkNarrative(n.sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)]), r.disclosure).filter((f) => f.severity === 'error');
    expect(own).toEqual([]);
  });

  test('a rounding-only cause (warnings) is not called a wrong figure of the 说明 (p01)', async () => {
    const r = await run(byName('p01'));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(generateNarrative(r.disclosure!, null, { check: r }).suspects).toEqual([]);
  });
});

/** Cells of one sheet “表”: address, value, number format. */
type Cells = [string, string | number, string | null][];
/** Checks a one-sheet workbook written with ExcelJS and read back. */
async function loadCells(cells: Cells, file = 'probe.xlsx'): Promise<CheckResult> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (const [a, v, f] of cells) {
    ws.getCell(a).value = v;
    if (f) ws.getCell(a).numFmt = f;
  }
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return checkGrid(gridFromWorkbook(back, file).grid);
}

describe('a second reviewer’s probes: columns that are not what a growth rate would be stay quiet', () => {
  const load = (cells: Cells) => loadCells(cells);
  const items = (hdr: string[], rows: (string | number)[][], fmt: string | null = '0.00'): Cells => {
    const c: Cells = [['A1', '2024年“三公”经费预算财政拨款情况表', null], ['A2', '单位：万元', null]];
    hdr.forEach((h, i) => c.push([`${'ABCDE'[i]}3`, h, null]));
    rows.forEach((row, j) => row.forEach((v, i) => c.push([`${'ABCDE'[i]}${4 + j}`, v, typeof v === 'number' ? fmt : null])));
    return c;
  };
  const lines = (rates: number[]) => ['合计', '1.因公出国(境)费', '2.公务接待费', '3.公务用车购置及运行费', '  其中：公务用车购置费', '        公务用车运行费'].map((n, i) => [n, rates[i]]);
  const rows = (prior: number[], now: number[], last: number[]) => lines(last).map(([n], i) => [n, prior[i], now[i], now[i] - prior[i], last[i]]);
  const P = [100, 20, 30, 50, 10, 40];
  const rateErrors = (r: CheckResult) => r.findings.filter((f) => f.rule === 'sum.rate').map((f) => f.cells[0]);

  test('“比上年(%)” holding 本年 as a share of 上年 (110 for +10 %) is not six wrong growth rates', async () => {
    const r = await load(items(['项目', '上年预算数', '本年预算数', '增减额', '比上年(%)'], rows(P, [110, 18, 33, 59, 15, 44], [110, 90, 110, 118, 150, 110])));
    expect(rateErrors(r)).toEqual([]);
  });

  test('a 下降率(%) printed without its minus sign is not six wrong rates', async () => {
    const r = await load(items(['项目', '上年预算数', '本年预算数', '减少额', '下降率(%)'], rows(P, [90, 18, 27, 45, 9, 36], [10, 10, 10, 10, 10, 10])));
    expect(rateErrors(r)).toEqual([]);
  });

  test('a fraction printed with one decimal (0.1 for 12.35 %) is right to the nearest 10 points', async () => {
    const r = await load(items(['项目', '上年预算数', '本年预算数', '增减额', '增减率'], [
      ['合计', 100, 101, 1, 0.01], ['1.因公出国(境)费', 20, 20, 0, 0], ['2.公务接待费', 30, 30, 0, 0],
      ['3.公务用车购置及运行费', 50, 51, 1, 0.02], ['  其中：公务用车购置费', 8.1, 9.1, 1, 0.1], ['        公务用车运行费', 41.9, 41.9, 0, 0],
    ], null));
    expect(rateErrors(r)).toEqual([]);
  });

  test('“2015年与2016年相比” compares 2016 with 2015 whatever the word order', async () => {
    const cells: Cells = [
      ['A1', '2016年“三公”经费决算情况表', null], ['A2', '单位：万元', null],
      ['A3', '年度', null], ['B3', '合计', null], ['C3', '因公出国(境)费', null], ['D3', '公务接待费', null], ['E3', '公务用车购置及运行费', null],
      ['A4', '2015年', null], ['B4', 200, '0.00'], ['C4', 50, '0.00'], ['D4', 50, '0.00'], ['E4', 100, '0.00'],
      ['A5', '2016年', null], ['B5', 180, '0.00'], ['C5', 40, '0.00'], ['D5', 50, '0.00'], ['E5', 90, '0.00'],
      ['A6', '2015年与2016年相比增减%', null], ['B6', -10, '0.00'], ['C6', -20, '0.00'], ['D6', 0, '0.00'], ['E6', -10, '0.00'],
    ];
    const r = await load(cells);
    expect(r.disclosure!.tables[0].rateRows!.map((l) => l.growth)).toEqual([{ now: 5, base: 4 }]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a 预算 table showing last year’s 决算 (2023年决算数 | 2024年预算数) is no 决算 table for the 说明', async () => {
    const r = await load(items(['项目', '2023年决算数', '2024年预算数', '增减额', '增减率(%)'], rows(P, [110, 22, 33, 55, 11, 44], [10, 10, 10, 10, 10, 10])));
    const n = generateNarrative(r.disclosure!, null, { check: r });
    expect(n.notes.filter((x) => x.includes('是决算表'))).toEqual([]);
    expect(n.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join('')).toContain('本部门当年“三公”经费预算 110.00 万元，较上年增加 10.00 万元');
  });
});

describe('a 增减% column read by the year-comparison reading of any table (2023年预算数 | 2024年预算数 | 增减额 | 增减%)', () => {
  const load = (rates: number[]): Promise<CheckResult> => {
    const rows: (string | number)[][] = [
      ['功能分类科目编码', '功能分类科目名称', '2023年预算数', '2024年预算数', '增减额', '增减%'],
      ['', '合计', 1000, 1100, 100, rates[0]],
      ['205', '教育支出', 1000, 1100, 100, rates[1]],
      ['20501', '教育管理事务', 400, 380, -20, rates[2]],
      ['20502', '普通教育', 600, 720, 120, rates[3]],
    ];
    const cells: Cells = [['A1', '2024年一般公共预算支出表', null], ['A2', '单位：万元', null]];
    rows.forEach((row, j) => row.forEach((v, i) => cells.push([`${'ABCDEF'[i]}${3 + j}`, v, null])));
    return loadCells(cells, 'gp.xlsx');
  };

  test('checked against the row’s 2024 and 2023 figures: right rates pass, a wrong one is named', async () => {
    const ok = await load([10, 10, -5, 20]);
    expect(ok.disclosure!.tables[0].rates).toEqual([{ col: 6, header: '增减%', cell: '表!F3', growth: { now: 'total', base: 'prior', by: 'ratio' } }]);
    expect(ok.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const wrong = await load([10, 10, -5, 12]);
    expect(wrong.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.cells[0], f.expected, f.actual])).toEqual([['sum.rate', '表!F7', '20', '12']]);
  });
});

/**
 * The national layer on layouts of provinces that have no profile: titles in other wording, codes in
 * 类 | 款 | 项 columns, “三公” items as rows or as columns under 预算数/决算数, a 收入 list grouped in
 * two label columns. Figures are real where a source is named, otherwise consistent by construction
 * and then changed in one cell.
 */
import { checkGrid } from '../../src/core/engine';
import { CellData, Grid } from '../../src/core/grid';
import { canonicalTitle, standardWording, tableNumber } from '../../src/core/recognise/titles';
import { classifyTitle } from '../../src/core/profiles/national/tables';

const row = (...vals: (string | number | null)[]): (CellData | undefined)[] => vals.map((v) => (v === null ? undefined : { v }));

function grid(name: string, rows: (string | number | null)[][], merges: Grid['sheets'][number]['merges'] = []): Grid {
  return { source: `${name}.xlsx`, sheets: [{ name, rows: rows.map((r) => row(...r)), merges }] };
}

describe('titles by meaning', () => {
  test.each([
    ['公开01表', { number: '公开表01', rest: '' }],
    ['公开表十二', { number: '公开表十二', rest: '' }],
    ['表5-1 一般公共预算支出表', { number: '表5-1', rest: '一般公共预算支出表' }],
    ['表一：部门收支总表', { number: '表一', rest: '部门收支总表' }],
    ['一般公共预算支出表', { rest: '一般公共预算支出表' }],
  ])('表号 of %s', (text, expected) => {
    expect(tableNumber(text)).toEqual(expected);
  });

  test.each([
    ['上海市嘉定区司法局2024年部门财务收支预算总表', 'n_summary'],
    ['收支预算总表', 'n_summary'],
    ['一、收支预算总表', 'n_summary'],
    ['2024年部门收支总表（不含上年结转）', 'n_summary'],
    ['财政拨款收支预算总表', 'n_fiscal_summary'],
    ['部门财政拨款收支预算总表', 'n_fiscal_summary'],
    ['收入预算总表', 'n_income'],
    ['部门收入总表', 'n_income'],
    ['支出预算总表', 'n_expenditure'],
    ['2025年部门支出预算表', 'n_expenditure'],
    ['财政拨款支出预算表（功能科目）', 'n_fiscal_func'],
    ['财政拨款基本支出预算表（经济科目）', 'n_fiscal_basic'],
    ['一般公共预算支出功能分类预算表', 'n_gp_func'],
    ['一般公共预算支出预算表（按经济分类）', 'n_gp_econ'],
    ['一般公共预算基本支出经济分类预算表', 'n_basic_econ'],
    ['“三公”经费、会议费、培训费支出预算表', 'n_three_public'],
    ['2024年一般公共预算财政拨款“三公”经费预算统计表', 'n_three_public'],
    ['政府性基金预算支出表', 'n_fund'],
    ['政府性基金收支表', 'n_fund_summary'],
    ['一般公共预算机关运行经费支出预算表', 'n_office_cost'],
    ['2019年政府采购预算表', 'n_procurement'],
    ['项目支出预算表', 'n_special'],
    ['项目绩效目标表', 'n_perf_project'],
  ])('%s → %s', (title, id) => {
    expect(classifyTitle(canonicalTitle(title))).toBe(id);
  });

  test.each([
    '关于2024年部门收支总表的说明',
    '（一）收支预算总体情况',
    '2024年部门预算公开目录',
    '一般公共预算支出情况说明',
    '部门决算收支总表',
  ])('not a table: %s', (title) => {
    expect(classifyTitle(canonicalTitle(title))).toBeUndefined();
  });
});

describe('codes in 类 | 款 | 项 columns', () => {
  // A 上海-style 一般公共预算支出功能分类预算表: 科目编码 over three columns, 类 printed on each row.
  const rows = (x: number): (string | number | null)[][] => [
    ['2024年一般公共预算支出功能分类预算表'],
    ['预算单位：某区某局', null, null, null, null, null, '单位：万元'],
    ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
    ['类', '款', '项', null, null, null, null],
    [null, null, null, '合计', 1121.39, 1000, 121.39],
    ['208', null, null, '社会保障和就业支出', 1121.39, 1000, 121.39],
    ['208', '05', null, '行政事业单位养老支出', 1121.39, 1000, 121.39],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', x, 700, 121.39],
    ['208', '05', '06', '机关事业单位职业年金缴费支出', 300, 300, 0],
  ];
  const merges = [{ top: 3, left: 1, bottom: 3, right: 3 }, { top: 3, left: 4, bottom: 4, right: 4 }, { top: 3, left: 5, bottom: 4, right: 5 }, { top: 3, left: 6, bottom: 4, right: 6 }, { top: 3, left: 7, bottom: 4, right: 7 }];

  test('read as 2080505 …, and consistent figures raise nothing', () => {
    const r = checkGrid(grid('功能分类', rows(821.39), merges));
    expect(r.profile?.id).toBe('national');
    const t = r.disclosure!.tables[0];
    expect(t.kind).toBe('gp_func');
    expect(t.rows.map((x) => x.code ?? (x.isTotal ? '合计' : ''))).toEqual(['合计', '208', '20805', '2080505', '2080506']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a 项 that does not add up is reported on its cells', () => {
    const r = checkGrid(grid('功能分类', rows(831.39), merges));
    const f = r.findings.find((x) => x.rule === 'sum.columns' && x.cells.includes('功能分类!E8'));
    expect(f?.severity).toBe('error');
    expect(f?.difference).toBe('100000.00'); // 10.00 万元 too much, in 元
    expect(r.findings.some((x) => x.rule === 'sum.hierarchy' && x.cells.includes('功能分类!E8'))).toBe(true);
  });
});

describe('“三公” items as rows', () => {
  // 河北/广西-style: 项目 | 预算数, the 公务用车 parts under it.
  const rows = (car: number): (string | number | null)[][] => [
    ['2024年部门一般公共预算“三公”经费支出预算表'],
    [null, '单位：万元'],
    ['项目', '预算数'],
    ['合计', 24.75],
    ['1.因公出国（境）费', 0],
    ['2.公务接待费', 8.2],
    ['3.公务用车购置及运行维护费', car],
    ['其中：（1）公务用车购置费', 0],
    ['（2）公务用车运行维护费', 16.55],
  ];

  test('consistent: no finding; 其中 lines are the parts of 公务用车, not addends of 合计', () => {
    const r = checkGrid(grid('三公', rows(16.55)));
    const t = r.disclosure!.tables[0];
    expect(t.kind).toBe('three_public');
    expect(t.rows.map((x) => x.item ?? (x.isTotal ? 'total' : '?'))).toEqual(['total', 'abroad', 'reception', 'car_sub', 'car_buy', 'car_run']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a 公务用车 subtotal that does not equal its parts', () => {
    const r = checkGrid(grid('三公', rows(16.65)));
    const f = r.findings.filter((x) => x.rule === 'sum.items');
    expect(f.map((x) => x.cells[0]).sort()).toEqual(['三公!B4', '三公!B7']);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });
});

describe('“三公” items as columns under 预算数 / 决算数', () => {
  // 上海 嘉定 司法局 2017 (test/corpus/narrative/26): the 决算 table as published, flattened.
  const rows = (reception: number): (string | number | null)[][] => [
    ['2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表'],
    ['单位:万元'],
    ['一般公共预算财政拨款“三公”经费', null, null, null, null, null, null, null, null, null, null, null, '机关运行经费决算数'],
    ['合计', null, '因公出国(境)费', null, '公务用车购置及运行费', null, null, null, null, null, '公务接待费', null, null],
    [null, null, null, null, '小计', null, '公务用车购置费', null, '公务用车运行费', null, null, null, null],
    ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', null],
    [22, 8.77, 0, 0, 14, 8.47, 0, 0, 14, 8.47, 8, reception, 325.88],
  ];
  const merges = [
    { top: 3, left: 1, bottom: 3, right: 12 },
    { top: 3, left: 13, bottom: 6, right: 13 },
    { top: 4, left: 1, bottom: 5, right: 2 },
    { top: 4, left: 3, bottom: 5, right: 4 },
    { top: 4, left: 5, bottom: 4, right: 10 },
    { top: 4, left: 11, bottom: 5, right: 12 },
    { top: 5, left: 5, bottom: 5, right: 6 },
    { top: 5, left: 7, bottom: 5, right: 8 },
    { top: 5, left: 9, bottom: 5, right: 10 },
  ];

  test('read per qualifier; the published figures hold', () => {
    const r = checkGrid(grid('三公决算', rows(0.3), merges));
    const t = r.disclosure!.tables[0];
    expect(t.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(['budget_sub', 'final_sub', 'budget_abroad', 'final_car_sub', 'final_car_buy', 'final_car_run', 'final_reception', 'final_office']),
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a 决算 total that is not the sum of its items', () => {
    const r = checkGrid(grid('三公决算', rows(0.4), merges));
    const f = r.findings.find((x) => x.rule === 'sum.columns' && x.cells.includes('三公决算!B7'));
    expect(f?.severity).toBe('error');
    expect(f?.expected).toBe('88700.00'); // 8.47 + 0.40 万元
  });
});

describe('a 收入 list grouped in two label columns (江苏 收入预算总表)', () => {
  const rows = (x: number): (string | number | null)[][] => [
    ['收入预算总表'],
    ['部门：', '某厅', '单位：万元'],
    ['项目名称', null, '金额'],
    ['收入总计', null, 100.2],
    ['一般公共预算资金', '小计', 90.1],
    [null, '公共财政拨款(补助)资金', x],
    [null, '专项收入', 10.45],
    ['其他资金', '小计', 10.1],
    [null, '事业收入', 10.1],
    ['上年结转和结余资金', '小计', 0],
    [null, '其中：动用上年结转和结余资金', 0],
  ];
  const merges = [{ top: 3, left: 1, bottom: 3, right: 2 }, { top: 4, left: 1, bottom: 4, right: 2 }, { top: 5, left: 1, bottom: 7, right: 1 }, { top: 8, left: 1, bottom: 9, right: 1 }, { top: 10, left: 1, bottom: 11, right: 1 }];

  test('groups are parents of their lines', () => {
    const r = checkGrid(grid('收入', rows(79.65), merges));
    const t = r.disclosure!.tables[0];
    expect(t.rows.map((x) => `${x.name}:${x.level}`)).toEqual([
      '收入总计:-1', '一般公共预算资金:0', '公共财政拨款(补助)资金:1', '专项收入:1', '其他资金:0', '事业收入:1', '上年结转和结余资金:0', '其中：动用上年结转和结余资金:1',
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a line that does not add up to its group', () => {
    const r = checkGrid(grid('收入', rows(80.65), merges));
    expect(r.findings.some((f) => f.rule === 'sum.hierarchy' && f.severity === 'error' && f.cells.includes('收入!C6'))).toBe(true);
  });
});

describe('what could not be read is said, never an error', () => {
  test('a workbook with no recognisable table gets a 提示', () => {
    const r = checkGrid(grid('Sheet1', [['人员名单'], ['姓名', '岗位'], ['张三', '会计']]));
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['table.none', 'info']]);
  });
});

describe('repeated forms without their own titles', () => {
  // One title, then three 项目支出绩效目标表 blocks (陕西 sheets of 12 projects look like this).
  function forms(fiscal2: number): Grid {
    const rows: (string | number | null)[][] = [['项目支出绩效目标表'], ['单位：万元']];
    for (let i = 1; i <= 3; i++) rows.push(['项目名称', `项目${i}`], ['主管部门', '某局'], ['资金总额', 10.25 * i], ['其中：财政拨款', i === 2 ? fiscal2 : 10.25 * i], ['其他资金', 0], ['年度目标', '完成工作']);
    return grid('绩效', rows);
  }

  test('each block is a table of its own, with the sheet’s unit', () => {
    const r = checkGrid(forms(20.5));
    const perf = r.disclosure!.tables.filter((t) => t.kind === 'perf_project');
    expect(perf.map((t) => t.fields?.find((f) => f.key === 'project')?.text)).toEqual(['项目1', '项目2', '项目3']);
    expect(perf.every((t) => t.unit === '万元')).toBe(true);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a wrong figure in the second block is reported there', () => {
    const r = checkGrid(forms(19.5));
    const f = r.findings.find((x) => x.rule === 'perf.fund_total');
    expect(f?.severity).toBe('error');
    expect(f?.cells[0]).toBe('绩效!B11');
  });

  test('a workbook of such forms alone is not claimed by a province profile', () => {
    const r = checkGrid(forms(20.5));
    expect(r.profile?.id).toBe('national');
    expect(r.findings.filter((f) => f.rule === 'table.missing').every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('province titles with neutral qualifiers', () => {
  test('（不含上年结转） does not hide a 陕西 table', () => {
    const c = canonicalTitle('2024年部门综合预算收支总表（不含上年结转）');
    expect(c.stripped).toBe('2024年部门综合预算收支总表');
    expect(classifyTitle(c)).toBe('n_summary');
  });
});

describe('收支总表 with 收入 and 支出 one under the other', () => {
  const rows = (x: number): (string | number | null)[][] => [
    ['部门收支总表'],
    [null, '单位：万元'],
    ['项目', '预算数'],
    ['一、一般公共预算拨款收入', 120.5],
    ['二、政府性基金预算拨款收入', 0],
    ['本年收入合计', 120.5],
    ['一、一般公共服务支出', x],
    ['二、社会保障和就业支出', 20.25],
    ['本年支出合计', 120.5],
  ];

  test('read as a 收入 block and a 支出 block; consistent figures raise nothing', () => {
    const r = checkGrid(grid('收支', rows(100.25)));
    const t = r.disclosure!.tables[0];
    expect(t.blocks!.map((b) => [b.key, b.rows.length])).toEqual([['income', 3], ['expense', 3]]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a 支出 line that breaks the balance is reported', () => {
    const r = checkGrid(grid('收支', rows(101.25)));
    expect(r.findings.some((f) => f.severity === 'error' && f.cells.includes('收支!B7'))).toBe(true);
  });
});

describe('tables that compare with last year', () => {
  const rows = (cur208: number): (string | number | null)[][] => [
    ['2024年一般公共预算支出表'],
    [null, null, null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '2023年预算数', '2024年预算数', '增减额', '增减%'],
    [null, '合计', 100.5, 120.75, 20.25, 20.15],
    ['208', '社会保障和就业支出', 60.5, cur208, 20.25, 33.47],
    ['221', '住房保障支出', 40, 40, 0, 0],
  ];

  test('this year is the 合计; last year and the change are their own columns; rates are not amounts', () => {
    const r = checkGrid(grid('一般公共预算', rows(80.75)));
    const t = r.disclosure!.tables[0];
    expect(t.columns.map((c) => c.key)).toEqual(['code', 'name', 'prior', 'total', 'change', 'rate_6']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a current figure that is not last year plus the change', () => {
    const r = checkGrid(grid('一般公共预算', rows(81.75)));
    expect(r.findings.some((f) => f.rule === 'sum.columns' && f.severity === 'error' && f.cells.includes('一般公共预算!D5'))).toBe(true);
  });
});

describe('the 财政部 standard 财政拨款收支总表 (支出 side by source)', () => {
  const rows = (gp201: number): (string | number | null)[][] => [
    ['2024年部门财政拨款收支总表'],
    [null, null, null, null, null, '单位：万元'],
    ['收入', null, '支出', null, null, null],
    ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算'],
    ['一、一般公共预算拨款', 150.5, '一、一般公共服务支出', 130.25, gp201, 0],
    ['二、政府性基金预算拨款', 0, '二、社会保障和就业支出', 20.25, 20.25, 0],
    ['本年收入合计', 150.5, '本年支出合计', 150.5, 150.5, 0],
  ];
  const merges = [{ top: 3, left: 1, bottom: 3, right: 2 }, { top: 3, left: 3, bottom: 3, right: 6 }];

  test('the source columns are read and hold', () => {
    const r = checkGrid(grid('财政拨款', rows(130.25), merges));
    const b = r.disclosure!.tables[0].blocks!.find((x) => x.key === 'expense')!;
    expect((b.extra ?? []).map((c) => c.key)).toEqual(['gp', 'fund']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a 支出 line whose sources do not add up', () => {
    const r = checkGrid(grid('财政拨款', rows(131.25), merges));
    expect(r.findings.some((f) => f.rule === 'summary.block' && f.severity === 'error' && f.cells.includes('财政拨款!E5'))).toBe(true);
  });
});

describe('收入总表 with 财政拨款 printed as the subtotal of its sources', () => {
  const rows = (gp: number): (string | number | null)[][] => [
    ['2024年部门财务收入预算总表'],
    [null, null, null, null, null, null, null, '单位：万元'],
    ['功能分类科目编码', '功能分类科目名称', '合计', '财政拨款收入', null, null, '事业收入', '其他收入'],
    [null, null, null, '小计', '一般公共预算', '政府性基金', null, null],
    [null, '合计', 130.5, 120.5, gp, 20, 6, 4],
    ['201', '一般公共服务支出', 130.5, 120.5, gp, 20, 6, 4],
  ];
  const merges = [{ top: 3, left: 4, bottom: 3, right: 6 }, { top: 3, left: 1, bottom: 4, right: 1 }, { top: 3, left: 2, bottom: 4, right: 2 }, { top: 3, left: 3, bottom: 4, right: 3 }, { top: 3, left: 7, bottom: 4, right: 7 }, { top: 3, left: 8, bottom: 4, right: 8 }];

  test('财政拨款 is counted once: no finding on consistent figures', () => {
    const r = checkGrid(grid('收入', rows(100.5), merges));
    const t = r.disclosure!.tables[0];
    expect(t.columns.map((c) => c.key)).toEqual(['code', 'name', 'total', 'fiscal', 'gp', 'fund', 'business', 'other']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a 一般公共预算 figure that breaks the 财政拨款 subtotal', () => {
    const r = checkGrid(grid('收入', rows(101.5), merges));
    expect(r.findings.some((f) => f.rule === 'sum.columns' && f.severity === 'error' && f.cells.includes('收入!E5'))).toBe(true);
  });
});

describe('表号 of 预算/决算 exports', () => {
  test.each([
    ['预算01表', '公开表01'],
    ['预算01-1表 财政拨款收支总表', '公开表01-1'],
  ])('%s', (text, number) => expect(tableNumber(text).number).toBe(number));
  test('a 预算 title with a numeral word is not a 表号', () => {
    expect(tableNumber('部门预算三公经费支出表').number).toBeUndefined();
    expect(classifyTitle(canonicalTitle('部门预算三公经费支出表'))).toBe('n_three_public');
  });
});

describe('收支总表 with 上年结转 and 结转下年 (河南 layout)', () => {
  // 本年收入合计 800 + 上年结转 200 = 收入总计 1,000 = 支出总计 = 本年支出合计 + 结转下年.
  const summary = (yearOut: number, carryOut: number, grandOut: number): Grid =>
    grid('表1', [
      ['2025年部门收支总表'],
      [null, null, null, '单位：万元'],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', 800, '一、一般公共服务支出', 700],
      ['二、政府性基金预算拨款收入', 0, '二、社会保障和就业支出', yearOut - 700],
      ['三、事业收入', 0, null, null],
      ['本年收入合计', 800, '本年支出合计', yearOut],
      ['上年结转', 200, '结转下年', carryOut],
      ['收入总计', 1000, '支出总计', grandOut],
    ]);
  const errors = (g: Grid) => checkGrid(g).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cells.join(',')}`);

  test.each([
    ['everything spent this year', 1000, 0],
    ['50 carried to next year', 950, 50],
  ])('%s: the year totals differ by the 结转 lines, no error', (_n, yearOut, carryOut) => {
    const r = checkGrid(summary(yearOut, carryOut, 1000));
    expect(r.tables.map((t) => t.kind)).toEqual(['summary']);
    expect(errors(summary(yearOut, carryOut, 1000))).toEqual([]);
  });

  test('支出总计 not equal to 收入总计 is still an error on it', () => {
    expect(errors(summary(950, 40, 990))).toEqual(expect.arrayContaining([expect.stringMatching(/^summary\.balance .*表1!D10/)]));
  });

  test('with the same 结转 on both sides the year totals must agree', () => {
    // 上年结转 200 = 结转下年 200: 本年支出合计 must be 800; 810 is wrong (and so is 支出总计 then).
    expect(errors(summary(810, 200, 1010))).toEqual(expect.arrayContaining([expect.stringMatching(/^summary\.balance 表1!D8/)]));
  });
});

describe('基本支出表 with 人员经费 and 公用经费 side by side, each [经济科目编码 | 科目名称 | 金额]', () => {
  // 301 = 30101 + 30102 = 68.40; 303 = 30305 = 5.12; 人员经费合计 73.52. 302 = 12.34 + 8.06 = 20.40 = 公用经费合计.
  const body: (string | number | null)[][] = [
    ['301', '工资福利支出', 68.4, '302', '商品和服务支出', 20.4],
    ['30101', '基本工资', 41.25, '30201', '办公费', 12.34],
    ['30102', '津贴补贴', 27.15, '30211', '差旅费', 8.06],
    ['303', '对个人和家庭的补助', 5.12, null, null, null],
    ['30305', '生活补助', 5.12, null, null, null],
  ];
  const totals: (string | number | null)[] = ['人员经费合计', null, 73.52, '公用经费合计', null, 20.4];
  const table = (where: 'top' | 'bottom' | 'none'): Grid =>
    grid(
      '表6',
      [
        ['2025年一般公共预算基本支出表'],
        [null, null, null, null, null, '单位：万元'],
        ['人员经费', null, null, '公用经费', null, null],
        ['经济科目编码', '科目名称', '金额', '经济科目编码', '科目名称', '金额'],
        ...(where === 'top' ? [totals] : []),
        ...body,
        ...(where === 'bottom' ? [totals] : []),
      ],
      [
        { top: 3, bottom: 3, left: 1, right: 3 },
        { top: 3, bottom: 3, left: 4, right: 6 },
      ],
    );
  const notInfo = (g: Grid) => checkGrid(g).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells.join(',')}`);

  test.each(['top', 'bottom', 'none'] as const)('totals %s: every row of both panels read, the 公用 codes are codes, no finding', (where) => {
    const t = checkGrid(table(where)).disclosure!.tables[0];
    expect(t.kind).toBe('basic_econ');
    expect(t.rows.filter((r) => r.code).map((r) => `${r.code}:${r.amounts.personnel?.value ?? r.amounts.public?.value}`)).toEqual([
      '301:684000', '30101:412500', '30102:271500', '303:51200', '30305:51200', '302:204000', '30201:123400', '30211:80600',
    ]);
    const total = t.rows.filter((r) => r.isTotal);
    expect(total.map((r) => [r.amounts.personnel?.value.toString(), r.amounts.public?.value.toString()])).toEqual(where === 'none' ? [] : [['735200', '204000']]);
    expect(notInfo(table(where))).toEqual([]);
  });

  test('a wrong 公用 figure is found on its cell, in the 公用经费 column', () => {
    const g = table('bottom');
    g.sheets[0].rows[5][5] = { v: 13.34 }; // 30201 办公费 F6
    const r = checkGrid(g);
    const f = r.findings.find((x) => x.rule === 'sum.hierarchy' && x.severity === 'error');
    expect(f?.cells).toEqual(expect.arrayContaining(['表6!F5', '表6!F6']));
    expect(f?.message).toContain('“公用经费”列');
    expect(r.causes?.[0].options?.flat().map((c) => c.cell)).toContain('表6!F6');
  });

  test('a wrong 人员经费合计 is found on it', () => {
    const g = table('bottom');
    g.sheets[0].rows[9][2] = { v: 73.5 }; // C10
    const r = checkGrid(g);
    expect(r.causes?.[0].changes).toEqual([expect.objectContaining({ cell: '表6!C10', suggested: '73.52' })]);
  });
});

describe('the 财政部 standard wording, which names no province', () => {
  test.each([
    ['2025年部门收支总表', true],
    ['通城县人力资源和社会保障局2025年部门支出总表', true],
    ['表一 部门收入总表', true],
    ['一般公共预算“三公”经费支出表', true],
    ['政府性基金支出表', true],
    ['一般公共预算支出预算表（按功能分类项）', false], // 湖北 八
    ['一般公共预算基本支出表（按经济分类款）', false], // 湖北 九
    ['2025年部门一般公共预算“三公”经费支出预算表', true], // 四川 表3-3
    ['一般公共预算支出表（功能科目）', true],
    ['部门收支预算总表', true],
    ['2024年部门综合预算收支总表', false], // 陕西
    ['部门预算收支总表', false], // 河北
    ['上海市嘉定区司法局2024年部门财务收支预算总表', false],
  ])('%s: %s', (title, standard) => {
    expect(standardWording(title)).toBe(standard);
  });
});

describe('项目支出表: 项目名称 | 功能科目编码 | 科目名称 | 合计 | 一般公共预算 | 政府性基金 | 其他资金', () => {
  // 一般公共预算支出表: 项目支出 150.40 in 2080109; the projects: 100.15 + 50.25 一般公共预算, 9.60 其他资金.
  const workbook = (): Grid => ({
    source: 'projects.xlsx',
    sheets: [
      {
        name: '表5',
        merges: [],
        rows: [
          ['2025年一般公共预算支出表'],
          [null, null, null, null, null, '单位：万元'],
          ['科目编码', '科目名称', '合计', '基本支出', null, '项目支出'],
          [null, null, null, '人员经费', '公用经费', null],
          [null, '合计', 250.9, 80.3, 20.2, 150.4],
          ['208', '社会保障和就业支出', 250.9, 80.3, 20.2, 150.4],
          ['20801', '人力资源和社会保障管理事务', 250.9, 80.3, 20.2, 150.4],
          ['2080101', '行政运行', 100.5, 80.3, 20.2, 0],
          ['2080109', '社会保险经办机构', 150.4, 0, 0, 150.4],
        ].map((r) => row(...r)),
      },
      {
        name: '表9',
        merges: [],
        rows: [
          ['2025年项目支出表'],
          [null, null, null, null, null, null, '单位：万元'],
          ['项目名称', '功能科目编码', '功能科目名称', '合计', '一般公共预算', '政府性基金', '其他资金'],
          ['合计', null, null, 160, 150.4, 0, 9.6],
          ['社保经办业务经费', '2080109', '社会保险经办机构', 109.75, 100.15, 0, 9.6],
          ['信息系统运维经费', '2080109', '社会保险经办机构', 50.25, 50.25, 0, 0],
        ].map((r) => row(...r)),
      },
    ],
  });
  const notInfo = (g: Grid) => checkGrid(g).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.message}`);

  test('the rows are projects; the 科目名称 is the code name; the sources are read; no finding', () => {
    const r = checkGrid(workbook());
    const t = r.disclosure!.tables.find((x) => x.kind === 'special')!;
    expect(t.rows.filter((x) => !x.isTotal).map((x) => [x.name, x.code, x.codeName])).toEqual([
      ['社保经办业务经费', '2080109', '社会保险经办机构'],
      ['信息系统运维经费', '2080109', '社会保险经办机构'],
    ]);
    expect(t.columns.map((c) => c.key)).toEqual(expect.arrayContaining(['gp', 'fund', 'other', 'total']));
    expect(notInfo(workbook())).toEqual([]);
  });

  test('the 一般公共预算 total of the projects is compared with the 项目支出 column, in those words', () => {
    const g = workbook();
    g.sheets[1].rows[3][4] = { v: 151.4 }; // 表9!E4
    const f = checkGrid(g).findings.find((x) => x.rule === 'cross.special');
    expect(f?.cells).toEqual(expect.arrayContaining(['表9!E4', '表5!F5']));
    expect(f?.message).toContain('合计行的一般公共预算应等于');
    expect(f?.message).toContain('的项目支出');
    expect(f?.message).not.toContain('专项业务经费');
  });

  test('a project row with its name cell left empty keeps its 科目名称 as the code’s name', () => {
    const g = workbook();
    g.sheets[1].rows[5][0] = undefined; // 表9!A6 项目名称 empty
    expect(notInfo(g).filter((f) => f.startsWith('code.'))).toEqual([]);
  });
  test('a header “单位名称（科目）” is no unit name', () => {
    const g = workbook();
    g.sheets[1].rows[2][0] = { v: '单位名称（项目）' };
    expect(checkGrid(g).disclosure!.unitNames ?? []).toEqual([]);
  });
  test('a wrong 科目名称 is found on the 科目名称 cell, not on the project', () => {
    const g = workbook();
    g.sheets[1].rows[4][2] = { v: '就业管理事务' }; // 表9!C5
    const r = checkGrid(g);
    const f = r.findings.find((x) => x.rule === 'code.name_consistent');
    expect(f?.cells).toContain('表9!C5');
    expect(f?.cells).not.toContain('表9!A5');
    expect(r.causes?.[0].changes).toEqual([expect.objectContaining({ cell: '表9!C5', suggested: '社会保险经办机构' })]);
  });
});

describe('group lines: a 单位 over its 科目 rows, a 小计 over its items (figures consistent by construction)', () => {
  const errors = (g: Grid) => checkGrid(g).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells.join(',')}`);

  // 四川 部门支出总表: 类 | 款 | 项 | 单位代码 | 单位名称（科目）| 合计 | 基本支出, the 单位 row between 合计 and the 科目 rows.
  const sichuan = (x = 58.04): Grid =>
    grid('表1-2', [
      ['表1-2'],
      ['部门支出总表'],
      [null, null, null, null, null, null, '单位：万元'],
      ['科目编码', null, null, '单位代码', '单位名称（科目）', '合计', '基本支出'],
      ['类', '款', '项', null, null, null, null],
      ['合计', null, null, null, null, 58.04, 58.04],
      [null, null, null, '301001', '四川省某某县人力资源和社会保障局', 58.04, 58.04],
      ['210', null, null, null, '卫生健康支出', 58.04, 58.04],
      ['210', '11', null, null, '行政事业单位医疗', 58.04, 58.04],
      ['210', '11', '01', null, '行政单位医疗', x, x],
    ], [{ top: 4, bottom: 4, left: 1, right: 3 }, { top: 4, bottom: 5, left: 4, right: 4 }, { top: 4, bottom: 5, left: 5, right: 5 }, { top: 4, bottom: 5, left: 6, right: 6 }, { top: 4, bottom: 5, left: 7, right: 7 }]);
  test('四川: the 单位 row is the 科目 rows’ parent, not a 类 beside them', () => {
    expect(errors(sichuan())).toEqual([]);
    expect(errors(sichuan(58.4))).toEqual(expect.arrayContaining([expect.stringMatching(/^sum\.hierarchy .*表1-2!F10/)]));
  });

  const procurement = (totalFirst: boolean, item = 60000): Grid => {
    const body = [['货物类', '小计', 60000], ['图书馆', '台式计算机', item], ['服务类', '小计', 360000], ['文化惠民演出', '文艺演出服务', 360000]];
    const total = ['合计', null, 420000];
    return grid('政府采购', [['2024年政府采购预算表'], [null, null, '单位：元'], ['采购项目', '采购品目', '预算金额'], ...(totalFirst ? [total, ...body] : [...body, total])]);
  };
  test.each([false, true])('政府采购 by 品目大类 with a 小计 line per group (合计 first: %s)', (totalFirst) => {
    expect(errors(procurement(totalFirst))).toEqual([]);
    expect(errors(procurement(totalFirst, 61000)).some((f) => f.startsWith('sum.hierarchy'))).toBe(true);
  });

  const projects = (unitRow: string): Grid =>
    grid('表10', [
      ['项目支出表'],
      [null, null, null, null, '单位：万元'],
      ['单位名称', '项目名称', '合计', '一般公共预算', '单位资金'],
      ['合计', null, 425, 360, 65],
      ['某某市市场监督管理局', unitRow, 360, 360, 0],
      [null, '市场监管执法办案', 200, 200, 0],
      [null, '食品安全抽检', 160, 160, 0],
      ['某某市检验检测中心', unitRow, 65, 0, 65],
      [null, '检验检测能力建设', 65, 0, 65],
    ]);
  test('项目支出表 by 单位: the 单位 | 小计 lines are what the 合计 adds up', () => {
    expect(errors(projects('小计'))).toEqual([]);
  });
  test('四川 一般公共预算项目支出预算表: a 单位 named over its projects in the one label column', () => {
    const g = (last: number) =>
      grid('表3-2', [['一般公共预算项目支出预算表'], [null, '单位：万元'], ['单位名称（项目）', '金额'], ['合计', 199], ['四川省某某县人力资源和社会保障局', 199], ['人力资源市场建设', 60], ['劳动保障监察执法', 50], ['社会保险经办服务', 40], ['人事考试组织', last]]);
    expect(errors(g(49))).toEqual([]);
    expect(errors(g(50)).some((f) => f.startsWith('sum.hierarchy'))).toBe(true);
  });
});

describe('columns repeated under source groups, a label column for both 科目 and projects', () => {
  const errors = (g: Grid) => checkGrid(g).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cells.join(',')}`);
  test('财政拨款支出表 with 小计 | 基本支出 | 项目支出 under both 一般公共预算 and 政府性基金预算: 合计 is not checked against one group’s pair', () => {
    const g = grid('05', [
      ['2024年财政拨款支出表'],
      [null, null, null, null, null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '一般公共预算', null, null, '政府性基金预算', null, null],
      [null, null, null, '小计', '基本支出', '项目支出', '小计', '基本支出', '项目支出'],
      ['合计', null, 280, 0, 0, 0, 280, 0, 280],
      ['229', '其他支出', 280, 0, 0, 0, 280, 0, 280],
      ['22960', '彩票公益金安排的支出', 280, 0, 0, 0, 280, 0, 280],
      ['2296002', '用于社会福利的彩票公益金支出', 280, 0, 0, 0, 280, 0, 280],
    ], [{ top: 3, bottom: 3, left: 4, right: 6 }, { top: 3, bottom: 3, left: 7, right: 9 }, { top: 3, bottom: 4, left: 1, right: 1 }, { top: 3, bottom: 4, left: 2, right: 2 }, { top: 3, bottom: 4, left: 3, right: 3 }]);
    expect(errors(g)).toEqual([]);
  });
  test('浙江 收入总表 with 单位资金 小计 | 上年结转 | 事业收入 | 其他收入: the 小计 is not counted with its own parts', () => {
    const g = (other: number) =>
      grid('表2', [
        ['2024年部门收入预算总表'],
        [null, null, null, null, null, null, null, '单位：万元'],
        ['单位编码', '单位名称', '合计', '一般公共预算', '单位资金', null, null, null],
        [null, null, null, null, '小计', '上年结转', '事业收入', '其他收入'],
        ['001002', '某某市食品药品检验检测中心', 1120, 815, 305, 50, 240, other],
      ], [{ top: 3, bottom: 3, left: 5, right: 8 }, { top: 3, bottom: 4, left: 1, right: 1 }, { top: 3, bottom: 4, left: 2, right: 2 }, { top: 3, bottom: 4, left: 3, right: 3 }, { top: 3, bottom: 4, left: 4, right: 4 }]);
    expect(errors(g(15))).toEqual([]);
  });
  test('项目支出表 under 科目名称/项目名称: 科目 rows named in it, projects under them', () => {
    const g = grid('10', [
      ['2024年项目支出表'],
      [null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称/项目名称', '合计', '一般公共预算', '政府性基金预算'],
      ['合计', null, 60, 60, 0],
      ['2080202', '一般行政管理事务', 60, 60, 0],
      [null, '社会救助信息化', 60, 60, 0],
    ]);
    expect(errors(g)).toEqual([]);
  });
});

describe('a “三公” table by years with a row of changes (山东: 2023年预算数 | 2024年预算数 | 增减额)', () => {
  const g = (change: number) =>
    grid('三公', [
      ['2024年一般公共预算“三公”经费支出表'],
      [null, null, null, null, null, null, '单位：元'],
      ['项目', '合计', '因公出国(境)费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, null, '小计', '公务用车购置费', '公务用车运行费', null],
      ['2023年预算数', 438000, 0, 420000, 280000, 140000, 18000],
      ['2024年预算数', 165000, 0, 150000, 0, 150000, 15000],
      ['增减额', -273000, 0, -270000, -280000, 10000, change],
    ], [{ top: 3, bottom: 3, left: 4, right: 6 }, { top: 3, bottom: 4, left: 1, right: 1 }, { top: 3, bottom: 4, left: 2, right: 2 }, { top: 3, bottom: 4, left: 3, right: 3 }, { top: 3, bottom: 4, left: 7, right: 7 }]);
  const year = (x: Grid) => checkGrid(x).findings.filter((f) => f.rule === 'sum.year_change');
  test('2024 = 2023 + 增减额 in every column', () => {
    expect(year(g(-3000))).toEqual([]);
    const fs = year(g(-2000));
    expect(fs.map((f) => [f.severity, f.cells.includes('三公!G7')])).toEqual([['error', true]]);
  });
});

test('a “三公” table with items as rows under 2023年预算数 | 2024年预算数 | 增减 (浙江): 2024 = 2023 + 增减 on each row', () => {
  const g = (change: number) =>
    grid('表7', [
      ['2024年一般公共预算“三公”经费支出表'],
      [null, null, '单位：万元'],
      ['项目', '2023年预算数', '2024年预算数', '增减'],
      ['合计', 40, 53.5, 13.5],
      ['因公出国（境）费', 0, 0, 0],
      ['公务接待费', 4, 2.5, change],
      ['公务用车购置及运行费', 36, 51, 15],
    ]);
  const rows = (x: Grid) => checkGrid(x).findings.filter((f) => f.rule === 'sum.columns' && f.severity === 'error');
  expect(rows(g(-1.5))).toEqual([]);
  expect(rows(g(0.5)).map((f) => f.cells.includes('表7!D6'))).toEqual([true]);
});

test('growth rates printed as text (“-18.18%”) are checked like numbers', () => {
  const g = (rate: string) =>
    grid('三公', [
      ['2024年一般公共预算“三公”经费支出表'],
      [null, null, null, '单位：元'],
      ['项目', '2023年预算数', '2024年预算数', '增减率（%）'],
      ['合计', 132000, 114000, '-13.64%'],
      ['公务用车购置及运行费', 110000, 96000, '-12.73%'],
      ['公务接待费', 22000, 18000, rate],
    ]);
  const rates = (x: Grid) => checkGrid(x).findings.filter((f) => f.rule === 'sum.rate').map((f) => f.cells[0]);
  expect(rates(g('-18.18%'))).toEqual([]);
  expect(rates(g('-28.18%'))).toEqual(['三公!D6']);
});

/**
 * 上海 普陀 2025 (万里街道, published figures in 元): the two summary tables head their sides 本年收入 |
 * 本年支出 and 财政拨款收入 | 财政拨款支出 over 项目 | 预算数, and print no 本年合计 line. Their 支出 side
 * was not read, so neither balance nor the sides' sums were checked.
 */
describe('上海 summary tables: sides headed 本年收入 | 本年支出 and 财政拨款收入 | 财政拨款支出', () => {
  const summary = (outTotal: number) =>
    grid('T1', [
      ['2025年部门财务收支预算总表', null, null, null],
      ['编制部门：上海市普陀区人民政府万里街道办事处', null, null, '单位：元'],
      ['本年收入', '本年收入', '本年支出', '本年支出'],
      ['项目', '预算数', '项目', '预算数'],
      ['一、财政拨款收入', 300, '一、一般公共服务支出', 100],
      ['1. 一般公共预算资金', 300, '二、公共安全支出', 200],
      ['二、事业收入', 0, null, null],
      ['收入总计', 300, '支出总计', outTotal],
    ], [
      { top: 1, bottom: 1, left: 1, right: 4 },
      { top: 3, bottom: 3, left: 1, right: 2 },
      { top: 3, bottom: 3, left: 3, right: 4 },
    ]);
  const serious = (g: Grid) => checkGrid(g).findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.cells[0], f.expected, f.actual]);

  test('balanced: both sides read, no finding', () => {
    const r = checkGrid(summary(300));
    expect(r.disclosure!.tables[0].blocks!.map((b) => `${b.key} ${b.rows.length}`)).toEqual(['income 4', 'expense 3']);
    expect(serious(summary(300))).toEqual([]);
  });

  test('支出总计 500: not the sum of its lines (300), not the 收入总计 (300)', () => {
    expect(serious(summary(500))).toEqual([
      ['summary.block', 'T1!D8', '300.00', '500.00'],
      ['summary.balance', 'T1!D8', '300.00', '500.00'],
    ]);
  });

  test('财政拨款收支总表: 财政拨款支出 500 against 财政拨款收入 300', () => {
    const g = grid('T4', [
      ['2025年部门财政拨款收支预算总表', null, null, null],
      ['单位：元', null, null, null],
      ['财政拨款收入', '财政拨款收入', '财政拨款支出', '财政拨款支出'],
      ['项目', '预算数', '项目', '合计'],
      ['一、一般公共预算资金', 300, '一、一般公共服务支出', 100],
      ['二、政府性基金', 0, '二、公共安全支出', 200],
      ['收入总计', 300, '支出总计', 500],
    ]);
    expect(checkGrid(g).disclosure!.tables[0].blocks!.map((b) => b.key)).toEqual(['income', 'expense']);
    expect(serious(g).map((f) => f[0])).toEqual(['summary.block', 'summary.balance']);
  });
});

/**
 * 广西 桂林市司法局 2015 “三公” (items as rows, 万元; published figures): “其中:公共预算财政拨款” is the
 * 一般公共预算 column. It was skipped, so its 公务用车费 0 under 32.65 + 0 went unchecked.
 */
test('三公 items as rows: “其中:公共预算财政拨款” is a column of 一般公共预算 figures, checked like 本年预算数', () => {
  const g = (car: number) =>
    grid('三公经费', [
      ['2015年桂林市司法局部门“三公”经费情况统计表', null, null],
      [null, null, '单位:万元'],
      ['项 目', '本年预算数', '其中:公共预算财政拨款'],
      ['合 计', 34.35, 34.35],
      ['1.因公出国(境)费用', 0, 0],
      ['2.公务接待费', 1.7, 1.7],
      ['3.公务用车费', 32.65, car],
      ['其中:(1)公务用车运行维护费', 32.65, 32.65],
      ['(2)公务用车购置', 0, 0],
    ]);
  const r = checkGrid(g(32.65));
  expect(r.disclosure!.tables[0].columns.map((c) => c.key)).toContain('gp');
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(checkGrid(g(0)).causes!.map((c) => c.changes.map((ch) => `${ch.cell}=${ch.suggested}`).join())).toEqual(['三公经费!C7=32.65']);
});

/**
 * 上海 普陀 万里街道 2024 “三公”经费和机关运行经费预算表 (万元, published figures): one data row, no 合计
 * row, then a footnote merged across the table. The footnote was read as that row's figures.
 */
test('a footnote (注：…) under a one-row 三公 table is no row of figures', () => {
  const t = (note: string) =>
    grid('三公', [
      ['2024年部门“三公”经费和机关运行经费预算表', null, null, null, null, null, null],
      ['编制部门：测试部门', null, null, null, null, null, '单位:万元'],
      ['“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '公务用车购置及运行费', '公务用车购置及运行费', '机关运行经费预算数'],
      ['合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算数'],
      [47.91, 0, 1.35, 46.56, 25, 21.56, 443.18],
      [note, note, note, note, note, note, note],
    ], [{ top: 7, bottom: 7, left: 1, right: 7 }]);
  const r = checkGrid(t('注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'));
  expect(r.disclosure!.tables[0].rows).toHaveLength(1);
  // No figure is misread; what is left is the real inconsistency of 万里 2024: a note calling a table
  // with figures empty.
  expect(r.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.cells.join()])).toEqual([['table.empty_note_data', 'warning', '三公!A7,三公!A6']]);
  expect(checkGrid(t('注：本表金额保留两位小数。')).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  // The row's own figures are still checked: 47.91 is 0 + 1.35 + 46.56.
  const wrong = checkGrid(grid('三公', [
    ['2024年部门“三公”经费和机关运行经费预算表', null, null, null, null, null, null],
    [null, null, null, null, null, null, '单位:万元'],
    ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '公务用车购置及运行费', '公务用车购置及运行费', '机关运行经费预算数'],
    ['合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算数'],
    [48.91, 0, 1.35, 46.56, 25, 21.56, 443.18],
    ['注：本表金额保留两位小数。', null, null, null, null, null, null],
  ]));
  expect(wrong.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['sum.columns']);
});

/**
 * 上海 普陀 建设和管理委员会 2026 财政拨款收支预算总表: the 支出 side has 合计 | 一般公共预算 | 政府性基金预算 |
 * 国有资本经营预算. Each source's column adds up to its 支出总计 too; 10,000 元 moved from 基金 to 一般公共
 * on a line (the line's 合计 unchanged) went unreported.
 */
test('财政拨款收支总表: each source column of the 支出 side adds up to the 支出总计', () => {
  const g = (gp: number, fund: number) =>
    grid('财政拨款', [
      ['2026年部门财政拨款收支预算总表', null, null, null, null, null, null],
      [null, null, null, null, null, null, '单位：元'],
      ['财政拨款收入', '财政拨款收入', '财政拨款支出', '财政拨款支出', '财政拨款支出', '财政拨款支出', '财政拨款支出'],
      ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['一、一般公共预算', 100, '一、城乡社区支出', 100, gp, fund, null],
      ['二、政府性基金预算', 50, '二、住房保障支出', 50, 50, null, null],
      ['三、国有资本经营预算', null, null, null, null, null, null],
      ['收入总计', 150, '支出总计', 150, 100, 50, null],
    ]);
  const errors = (x: Grid) => checkGrid(x).findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.cells[0], f.expected, f.actual]);
  expect(errors(g(50, 50))).toEqual([]);
  expect(errors(g(60, 40))).toEqual([
    ['summary.block', '财政拨款!E8', '110.00', '100.00'],
    ['summary.block', '财政拨款!F8', '40.00', '50.00'],
  ]);
});

/**
 * 上海 普陀 城管执法局 2026 基本支出表 by 经济科目 (header 一般公共预算基本支出 / 合计 | 人员经费 | 公用经费):
 * 合计 = 人员经费 + 公用经费 on every row. 30217's 合计 changed from 4,600 to 4,700 drew only its 款's
 * sum.hierarchy, not the row's own sum.
 */
test('基本支出表 by 经济科目 under 一般公共预算基本支出 / 合计: each row’s 合计 is 人员经费 + 公用经费', () => {
  const g = (total: number) =>
    grid('基本', [
      ['2026年部门一般公共预算基本支出部门预算经济分类预算表', null, null, null, null, null],
      [null, null, null, null, null, '单位：元'],
      ['项目', '项目', '项目', '一般公共预算基本支出', '一般公共预算基本支出', '一般公共预算基本支出'],
      ['部门预算经济分类科目编码', '部门预算经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费'],
      ['类', '款', '经济分类科目名称', '合计', '人员经费', '公用经费'],
      ['302', null, '商品和服务支出', 4600, null, 4600],
      ['302', '17', '公务接待费', total, null, 4600],
      ['合计', null, null, 4600, null, 4600],
    ]);
  const errors = (x: Grid) => checkGrid(x).findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.cells[0]]);
  expect(errors(g(4600))).toEqual([]);
  expect(errors(g(4700))).toEqual([
    ['sum.hierarchy', '基本!D6'],
    ['sum.columns', '基本!D7'],
  ]);
});

test('a note calling the next table empty is that table’s, not the one above with figures', () => {
  const g = grid('公开', [
    ['“三公”经费支出预算表', null, null, null, null],
    [null, null, null, null, '单位:万元'],
    ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '公务用车购置及运行费'],
    ['合计', '因公出国(境)费', '公务接待费', '购置费', '运行费'],
    [10, 0, 4, 0, 6],
    [null, null, null, null, null],
    ['政府性基金预算支出表', null, null, null, null],
    ['注：本部门无政府性基金预算支出，本表为空表。', null, null, null, null],
  ]);
  expect(checkGrid(g).findings.filter((f) => f.rule === 'table.empty_note_data')).toEqual([]);
});

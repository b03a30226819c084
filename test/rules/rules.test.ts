/**
 * Each rule on real numbers: start from the repaired seed workbook (000 子洲县工伤保险经办中心, in 元;
 * 004 沧州经开区组织人事部, in 万元), which checks clean, change the one cell the rule guards, and
 * assert the rule reports that cell with the right expected, actual and difference.
 */
import { checkGrid } from '../../src/core/engine';
import { find, findingAt, findings, repaired000, repaired004, set, value } from './helpers';

describe('sum rules (表5 一般公共预算支出明细表（按功能科目）, seed 000)', () => {
  test('sum.hierarchy: 款 20801 must equal its 项 2080109 (1,183,995.00)', async () => {
    const g = await repaired000();
    const code = find(g, '表5', '20801');
    const cell = set(g, '表5', code.row, 3, 1183095); // 合计 column
    const f = findings(g).find((x) => x.rule === 'sum.hierarchy' && x.cells[0] === cell);
    expect(f).toBeDefined();
    expect(f!.cells[0]).toBe(cell);
    expect([f!.expected, f!.actual, f!.difference]).toEqual(['1183995.00', '1183095.00', '-900.00']);
    expect(f!.severity).toBe('error');
  });

  test('sum.columns: 合计 = 人员经费 + 公用经费 + 专项业务经费 on the 2080109 row', async () => {
    const g = await repaired000();
    const code = find(g, '表5', '2080109');
    const cell = set(g, '表5', code.row, 4, 999995); // 人员经费 999,595 → 999,995
    const f = findingAt(findings(g), 'sum.columns', cell);
    expect(f).toBeDefined();
    // 999,995 + 26,400 + 158,000 = 1,184,395 against the stated 1,183,995
    expect([f!.expected, f!.actual, f!.difference]).toEqual(['1184395.00', '1183995.00', '-400.00']);
  });

  test('unit.mixup: 2210201 住房公积金 typed in 万元 (10.555) in a 元 table', async () => {
    const g = await repaired000();
    const code = find(g, '表7', '2210201');
    expect(value(g, '表7', code.row, 3)).toBe(105550);
    const cell = set(g, '表7', code.row, 3, 10.555);
    const fs = findings(g);
    const f = findingAt(fs, 'unit.mixup', cell);
    expect(f).toBeDefined();
    expect(f!.cells[0]).toBe(cell);
    expect(f!.message).toMatch(/元与万元混用/);
  });

  test('read.not_number: #REF! where an amount belongs is reported, not counted as 0 silently', async () => {
    const g = await repaired000();
    const code = find(g, '表5', '2101102');
    const cell = set(g, '表5', code.row, 3, { error: '#REF!' });
    const f = findingAt(findings(g), 'read.not_number', cell);
    expect(f).toBeDefined();
    expect(f!.message).toContain('#REF!');
  });
});

describe('summary rules (表1 收支总表, 表4 财政拨款收支总表)', () => {
  test('summary.block: “1、人员经费和公用经费支出” 1,351,422.00 = (1)…(4)', async () => {
    const g = await repaired000();
    const label = find(g, '表1', '(1)工资福利支出');
    const cell = set(g, '表1', label.row, label.col + 1, 1325122);
    const fs = findings(g);
    const parent = find(g, '表1', '人员经费和公用经费支出');
    const f = fs.find((x) => x.rule === 'summary.block' && x.cells[0] === `表1!${String.fromCharCode(64 + parent.col + 1)}${parent.row}`);
    expect(f).toBeDefined();
    expect(f!.cells).toContain(cell);
    expect([f!.expected, f!.actual, f!.difference]).toEqual(['1351522.00', '1351422.00', '-100.00']);
  });

  test('summary.balance: 本年支出合计 of each 支出 block equals 本年收入合计 1,509,422.00', async () => {
    const g = await repaired000();
    const label = find(g, '表4', '本年支出合计', 1); // 部门经济 block
    const cell = set(g, '表4', label.row, label.col + 1, 1509420);
    const f = findingAt(findings(g), 'summary.balance', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual, f!.difference]).toEqual(['1509422.00', '1509420.00', '-2.00']);
  });
});

describe('cross-table rules (seed 000)', () => {
  test('cross.totals: 收入总表 合计 equals 收支总表 收入总计', async () => {
    const g = await repaired000();
    const t = find(g, '表2', '合计', 1); // first is the header 合计
    const cell = set(g, '表2', t.row, 3, 1509522);
    const f = findingAt(findings(g), 'cross.totals', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['1509422.00', '1509522.00']);
  });

  test('cross.summary_fiscal: 表1 and 表4 agree line by line (社会保障和就业支出 1,376,695.00)', async () => {
    const g = await repaired000();
    const l = find(g, '表4', '社会保障和就业支出');
    const cell = set(g, '表4', l.row, l.col + 1, 1367695); // digits swapped
    const f = findingAt(findings(g), 'cross.summary_fiscal', cell);
    expect(f).toBeDefined();
    expect(f!.difference).toBe('9000.00');
  });

  test('cross.fiscal_gp and cross.func_class: 表5 合计 and 类 rows against 表4', async () => {
    const g = await repaired000();
    const c = find(g, '表5', '221');
    const cell = set(g, '表5', c.row, 3, 105500);
    const fs = findings(g);
    expect(findingAt(fs, 'cross.func_class', cell)).toBeDefined();
    const tot = find(g, '表5', '合计', 1);
    const totCell = set(g, '表5', tot.row, 3, 1509372);
    expect(findingAt(findings(g), 'cross.fiscal_gp', totCell)).toBeDefined();
  });

  test('cross.econ_class: 表6 302 公用经费 against 表4 人员经费和公用经费 (2)商品和服务支出 26,400.00', async () => {
    const g = await repaired000();
    const l = find(g, '表4', '(2)商品和服务支出');
    const cell = set(g, '表4', l.row, l.col + 1, 24600);
    const f = findingAt(findings(g), 'cross.econ_class', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['26400.00', '24600.00']);
  });

  test('cross.basic: 基本支出 表7 row = 人员经费 + 公用经费 of 表5 row (2080109: 1,025,995.00)', async () => {
    const g = await repaired000();
    const c = find(g, '表7', '2080109');
    const cell = set(g, '表7', c.row, 4, 990595); // 人员经费
    const f = findingAt(findings(g), 'cross.basic', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['999595.00', '990595.00']);
  });

  test('cross.special: 专项业务经费表 合计 = 表5 专项 158,000.00 = Σ 绩效目标表 (0.48+0.32+5+10 万元)', async () => {
    const g = await repaired000();
    const t = find(g, '表10', '合计');
    const cell = set(g, '表10', t.row, 3, 185000);
    const fs = findings(g);
    const f = findingAt(fs, 'cross.special', cell);
    expect(f).toBeDefined();
    expect(f!.expected).toBe('158000.00');
  });

  test('cross.unit_code: 115004 in 表10 where 表2/表3 have 115002 (the published mistake)', async () => {
    const g = await repaired000();
    const c = find(g, '表10', '115002');
    const cell = set(g, '表10', c.row, c.col, '　　115004');
    const f = findingAt(findings(g), 'cross.unit_code', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['115002', '115004']);
  });
});

describe('tables, 目录 and 绩效目标表', () => {
  test('table.number: 表6 printed as 表8 (the published mistake) is a duplicate', async () => {
    const g = await repaired000();
    const cell = set(g, '表6', 1, 1, '表8');
    const f = findingAt(findings(g), 'table.number', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['表6', '表8']);
  });

  test('catalogue.empty: 目录 says 表9 is empty (是); filling 表9 with data contradicts it', async () => {
    const g = await repaired000();
    const cat = find(g, '目录', '表9');
    expect(value(g, '目录', cat.row, cat.col + 2)).toBe('是');
    const cell = set(g, '目录', cat.row, cat.col + 2, '否');
    const f = findingAt(findings(g), 'catalogue.empty', cell);
    expect(f).toBeDefined();
  });

  test('perf.fund_total: 资金总额 = 财政拨款 + 其他资金 (工会经费（留用部分） 0.48 万元)', async () => {
    const g = await repaired000();
    const l = find(g, '表13', '实施期资金总额：');
    const cell = set(g, '表13', l.row, l.col + 2, 0.58);
    const fs = findings(g);
    const f = findingAt(fs, 'perf.fund_total', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['4800.00', '5800.00']);
  });

  test('perf.plan_cumulative (河北 004): 12月底 must reach the 预算数', async () => {
    const g = await repaired004();
    const l = find(g, '项目绩效目标表2', '12月底');
    const cell = set(g, '项目绩效目标表2', l.row + 1, l.col, 3);
    const f = findingAt(findings(g), 'perf.plan_cumulative', cell);
    expect(f).toBeDefined();
    expect(f!.message).toMatch(/万元/);
  });

  test('cross.parts (河北 004): a 部门 figure must equal the Σ of its 单位 parts', async () => {
    const g = await repaired004();
    const c = find(g, '部门支出总表', '2080102');
    const cell = set(g, '部门支出总表', c.row, c.col + 2, 1003.1); // 合计 column, 1,002.10 万元
    const f = findingAt(findings(g), 'cross.parts', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['10021000.00', '10031000.00']);
  });
});

describe('a column the profile does not know (表5, seed 000)', () => {
  // 表5's 专项业务经费 column (F) given another header: 合计 = 人员经费 + 公用经费 + 专项业务经费 can no
  // longer be checked, and must not be checked as if that column were 0 (1,509,422 ≠ 1,351,422).
  test.each([
    ['按5%计提的支出', 'table.columns'],
    ['增幅(%)', 'table.rates'],
  ])('header “%s”: reported as %s, no column-sum error', async (header, rule) => {
    const g = await repaired000();
    set(g, '表5', 4, 6, header);
    const fs = findings(g);
    expect(fs.filter((f) => f.rule === 'sum.columns' && f.severity !== 'info')).toEqual([]);
    expect(fs.filter((f) => f.rule === 'table.columns' || f.rule === 'table.rates').map((f) => f.rule)).toEqual([rule]);
  });
});

describe('unit.mixup in a 万元 table (河北 004)', () => {
  test('基本支出 9.9 万元 typed as 99000 on the 2080102 row: said in the table’s unit', async () => {
    const g = await repaired004();
    const c = find(g, '部门支出总表', '2080102');
    // 合计 1,002.10 = 基本支出 9.9 + 项目支出 992.2 (万元)
    const cell = set(g, '部门支出总表', c.row, c.col + 3, 99000);
    const f = findingAt(findings(g), 'unit.mixup', cell);
    expect(f).toBeDefined();
    expect(f!.message).toContain(`${cell} 的 99,000.00 万元看来是元与万元混用`);
  });
});

describe('more cross-table rules (河北 004, 万元)', () => {
  test('cross.func_rows: 支出总表 and 收入总表 list the same 功能科目 (2082602 mistyped as 2082662)', async () => {
    const g = await repaired004();
    const c = find(g, '单位支出总表', '2082602');
    const cell = set(g, '单位支出总表', c.row, c.col, '2082662');
    const fs = findings(g);
    const f = fs.find((x) => x.rule === 'cross.func_rows' && x.cells[0] === cell);
    expect(f).toBeDefined();
    expect(f!.message).toContain('2082662');
  });

  test('summary.of_which: a 其中 line may not exceed its line (表1 上年结转 0.00, seed 000)', async () => {
    const g = await repaired000();
    const l = find(g, '表1', '非财政拨款资金结余');
    const cell = set(g, '表1', l.row, l.col + 1, 0.18);
    const f = findingAt(findings(g), 'summary.of_which', cell);
    expect(f).toBeDefined();
    expect([f!.expected, f!.actual]).toEqual(['0.00', '0.18']);
  });
});

describe('recognition', () => {
  test('a workbook with nothing recognisable gets one clear error listing what was looked for', () => {
    const r = checkGrid({ source: '随便.xlsx', sheets: [{ name: 'Sheet1', rows: [[{ v: '姓名' }, { v: '电话' }]], merges: [] }] });
    expect(r.profile).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].rule).toBe('table.none');
    expect(r.findings[0].message).toContain('随便.xlsx');
    expect(r.findings[0].message).toContain('收支总表');
  });

  test('a missing table is reported by name', async () => {
    const g = await repaired000();
    g.sheets = g.sheets.filter((s) => s.name !== '表9');
    const r = checkGrid(g);
    expect(r.missing.map((m) => m.id)).toEqual(['t9']);
    expect(r.findings.find((f) => f.rule === 'table.missing')!.message).toContain('政府性基金收支表');
  });
});

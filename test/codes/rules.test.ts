import { codeRules } from '../../src/core/rules/codes';
import { builtinCatalogue, makeCatalogue, CodeCatalogue, CodeEntry } from '../../src/core/codes/catalogue';
import { Finding } from '../../src/core/finding';
import { Disclosure } from '../../src/core/disclosure';
import { makeDisclosure, makeTable, RowSpec, SEED000_T5, SEED000_T8, SEED003_T5_210 } from './make';

const T5 = '部门综合预算一般公共预算支出明细表（按功能科目分）';
const T7 = '部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）';
const T6 = '部门综合预算一般公共预算支出明细表（按支出经济分类科目）';

function run(d: Disclosure, codes: CodeCatalogue = builtinCatalogue()): Finding[] {
  return codeRules.run({ disclosure: d, codes });
}
const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('code rules on seed 000 (子洲县工伤保险经办中心) as printed', () => {
  const d = makeDisclosure(
    [makeTable('gp_func', T5, '表5', SEED000_T5), makeTable('basic_func', T7, '表7', SEED000_T5), makeTable('gp_econ', T6, '表8', SEED000_T8)],
    '子洲县工伤保险经办中心',
  );
  it('finds nothing: 2080109 社会保险经办机构, 30101→50501 … 30228→50502 are all right', () => {
    expect(run(d)).toEqual([]);
  });
});

describe('code.name_catalogue', () => {
  it('2080507 printed truncated (seed S001) is an info naming the full name', () => {
    const d = makeDisclosure([
      makeTable('gp_func', T5, '表5', [
        ['208', '社会保障和就业支出'],
        ['20805', '行政事业单位养老支出'],
        ['2080505', '机关事业单位基本养老保险缴费支出'],
        ['2080507', '对机关事业单位基本养老保险基'],
      ]),
    ]);
    const fs = run(d);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.name_catalogue', severity: 'info', cells: ['表5!A9', '表5!B9'], table: T5 });
    expect(fs[0].message).toContain('对机关事业单位基本养老保险基金的补助');
  });

  it('a 款 name printed on a 项 code is an error that says it is the parent name', () => {
    const d = makeDisclosure([
      makeTable('gp_func', T5, '表5', [
        ['208', '社会保障和就业支出'],
        ['20805', '行政事业单位养老支出'],
        ['2080505', '行政事业单位养老支出'],
      ]),
    ]);
    const fs = of(run(d), 'code.name_catalogue');
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].cells).toEqual(['表5!A8', '表5!B8']);
    expect(fs[0].message).toContain('上级科目 20805');
    expect(fs[0].message).toContain('机关事业单位基本养老保险缴费支出');
  });

  it('the pre-2021 name 行政事业单位离退休 for 20805 is a warning with the current name', () => {
    const d = makeDisclosure([
      makeTable('gp_func', T5, '表5', [
        ['208', '社会保障和就业支出'],
        ['20805', '行政事业单位离退休'],
        ['2080505', '机关事业单位基本养老保险缴费支出'],
      ]),
    ]);
    const fs = run(d);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.name_catalogue', severity: 'warning', cells: ['表5!A7', '表5!B7'] });
    expect(fs[0].message).toContain('行政事业单位养老支出');
  });

  it('bracket and space differences are not findings; a differing name on an observed code is an error', () => {
    const d = makeDisclosure([
      makeTable('gp_econ', T6, '表8', [
        ['309', '资本性支出(基本建设)', undefined, undefined],
        ['30907', '信息网络及软件购置更新', '50602', '资本性支出（二）'],
        ['302', '商品和服务支出', undefined, undefined],
        ['30201', '办 公 费', '50502', '商品和服务支出'],
        ['30228', '工会会费', '50502', '商品和服务支出'],
      ]),
    ], '子洲县机关事业单位和居民养老保险经办中心');
    const fs = run(d);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.name_catalogue', severity: 'error', cells: ['表8!A10', '表8!B10'] });
    expect(fs[0].message).toContain('“工会会费”');
    expect(fs[0].message).toContain('应为“工会经费”');
  });

  it('a mismatch against an unverified built-in row is only a warning', () => {
    const d = makeDisclosure([
      makeTable('gp_func', T5, '表5', [
        ['201', '一般公共服务支出'],
        ['20101', '人大事务'],
        ['2010101', '行政运行费用'],
      ]),
    ]);
    const fs = run(d);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.name_catalogue', severity: 'warning' });
    expect(fs[0].message).toContain('未经核实');
  });
});

describe('code.econ_mapping', () => {
  const unit = '子洲县机关事业单位和居民养老保险经办中心';
  it('30907 → 50602 for a 事业单位 (seed S001) is accepted; its local name 资本性支出（基本建设） is an info', () => {
    const d = makeDisclosure([
      makeTable('gp_econ', T6, '表8', [
        ['309', '资本性支出（基本建设）', undefined, undefined],
        ['30907', '信息网络及软件购置更新', '50602', '资本性支出（基本建设）'],
      ]),
    ], unit);
    const fs = run(d);
    expect(of(fs, 'code.econ_mapping')).toEqual([]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.name_catalogue', severity: 'info', cells: ['表8!C7', '表8!D7'] });
  });

  it('30201 → 50201 in a 事业单位 is an error naming 50502 and the reason', () => {
    const d = makeDisclosure([
      makeTable('gp_econ', T6, '表8', [
        ['302', '商品和服务支出', undefined, undefined],
        ['30201', '办公费', '50201', '办公经费'],
        ['30228', '工会经费', '50502', '商品和服务支出'],
      ]),
    ], unit);
    const fs = of(run(d), 'code.econ_mapping');
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].cells).toEqual(['表8!A7', '表8!B7', '表8!C7', '表8!D7']);
    expect(fs[0].message).toContain('50502 商品和服务支出');
    expect(fs[0].message).toContain('事业单位');
    expect(fs[0].message).toContain(unit);
  });

  it('30201 → 50201 is right for a 机关, and accepted when the unit type cannot be told', () => {
    const rows: RowSpec[] = [
      ['302', '商品和服务支出', undefined, undefined],
      ['30201', '办公费', '50201', '办公经费'],
      ['30211', '差旅费', '50201', '办公经费'],
    ];
    expect(run(makeDisclosure([makeTable('gp_econ', T6, '表8', rows)], '通城县人力资源和社会保障局'))).toEqual([]);
    expect(run(makeDisclosure([makeTable('gp_econ', T6, '表8', rows)]))).toEqual([]);
  });

  it('infers 事业单位 from 505 codes: 30201 → 50501 is then an error (should be 50502)', () => {
    const d = makeDisclosure([
      makeTable('gp_econ', T6, '表8', [
        ['301', '工资福利支出', undefined, undefined],
        ['30101', '基本工资', '50501', '工资福利支出'],
        ['302', '商品和服务支出', undefined, undefined],
        ['30201', '办公费', '50501', '工资福利支出'],
      ]),
    ]);
    const fs = of(run(d), 'code.econ_mapping');
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].message).toContain('505/506');
    expect(fs[0].cells[0]).toBe('表8!A9');
  });

  it('a 款 without its 政府经济 code is a warning when other rows have one', () => {
    const d = makeDisclosure([
      makeTable('gp_econ', T6, '表8', [
        ['302', '商品和服务支出', undefined, undefined],
        ['30201', '办公费', '50502', '商品和服务支出'],
        ['30228', '工会经费', undefined, undefined],
      ]),
    ], unit);
    const fs = of(run(d), 'code.econ_mapping');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: 'warning', cells: ['表8!A8', '表8!B8'] });
  });
});

describe('code.unknown', () => {
  const rows: RowSpec[] = [
    ['208', '社会保障和就业支出'],
    ['20802', '民政管理事务'],
    ['2080208', '基层政权建设和社区治理'],
  ];
  it('a code missing from the partial built-in list is only an info', () => {
    const fs = run(makeDisclosure([makeTable('gp_func', T5, '表5', rows)]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.unknown', severity: 'info', cells: ['表5!A8', '表5!B8'] });
    expect(fs[0].message).toContain('不完整');
  });

  it('with a complete user list, seed 003 code 2101550 missing from it is an error', () => {
    const entry = (code: string, name: string): CodeEntry => ({
      scheme: 'func',
      code,
      name,
      level: code.length === 3 ? '类' : code.length === 5 ? '款' : '项',
      official: true,
    });
    const user = makeCatalogue(
      '科目表.csv',
      { func: [entry('210', '卫生健康支出'), entry('21011', '行政事业单位医疗'), entry('2101102', '事业单位医疗'), entry('21015', '医疗保障管理事务')] },
      [],
      { func: true, dept_econ: false, gov_econ: false },
    );
    const fs = run(makeDisclosure([makeTable('gp_func', T5, '表5', SEED003_T5_210)]), user);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.unknown', severity: 'error', cells: ['表5!A10', '表5!B10'] });
    expect(fs[0].message).toContain('2101550 事业运行');
    expect(fs[0].message).toContain('科目表.csv');
    // The built-in list knows 2101550 (printed in seed 003).
    expect(run(makeDisclosure([makeTable('gp_func', T5, '表5', SEED003_T5_210)]))).toEqual([]);
  });
});

describe('code.unknown in the complete built-in 部门经济 list', () => {
  it('30171 (a digit changed in 30101) is an error; 30100 is a format error (款 are numbered from 01)', () => {
    const d = makeDisclosure([
      makeTable('gp_econ', T6, '表6', [
        ['301', '工资福利支出', undefined, undefined],
        ['30171', '基本工资', '50501', '工资福利支出'],
        ['30100', '津贴补贴', '50501', '工资福利支出'],
      ]),
    ], '子洲县医疗保险经办中心');
    const fs = run(d);
    const unknown = of(fs, 'code.unknown');
    expect(unknown.map((f) => [f.severity, f.cells[0]])).toEqual([
      ['error', '表6!A7'],
      ['error', '表6!A8'],
    ]);
    expect(unknown[0].message).toContain('部门预算支出经济分类科目');
    const format = of(fs, 'code.format');
    expect(format.map((f) => [f.severity, f.cells[0]])).toEqual([['error', '表6!A8']]);
    expect(format[0].message).toContain('00');
  });
});

describe('code.hierarchy', () => {
  it('a 项 whose 款 row is missing is an error', () => {
    const rows = SEED000_T5.filter(([c]) => c !== '20805');
    const fs = of(run(makeDisclosure([makeTable('gp_func', T5, '表5', rows)])), 'code.hierarchy');
    expect(fs).toHaveLength(2); // 2080505 and 2080506
    expect(fs[0].severity).toBe('error');
    expect(fs[0].message).toContain('缺少上级款级科目 20805');
    expect(fs[0].cells.slice(0, 2)).toEqual(['表5!A9', '表5!B9']);
  });

  it('a 款 placed under the wrong 类 is an error naming both', () => {
    const rows: RowSpec[] = [
      ['208', '社会保障和就业支出'],
      ['20801', '人力资源和社会保障管理事务'],
      ['2080109', '社会保险经办机构'],
      ['210', '卫生健康支出'],
      ['20805', '行政事业单位养老支出'],
      ['2080505', '机关事业单位基本养老保险缴费支出'],
      ['21011', '行政事业单位医疗'],
      ['2101102', '事业单位医疗'],
    ];
    const fs = of(run(makeDisclosure([makeTable('gp_func', T5, '表5', rows)])), 'code.hierarchy');
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('20805 行政事业单位养老支出 没有排在其上级类级科目 208 社会保障和就业支出 之下');
    expect(fs[0].cells).toEqual(['表5!A10', '表5!B10', '表5!A9', '表5!B9', '表5!A6', '表5!B6']);
  });

  it('a flat list of 项 only is not a tree: one info, no errors', () => {
    const rows: RowSpec[] = [
      ['2080109', '社会保险经办机构'],
      ['2101102', '事业单位医疗'],
    ];
    const fs = run(makeDisclosure([makeTable('gp_func', T5, '表5', rows)]));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['code.hierarchy', 'info']]);
  });

  it('unit codes: 115002 under 115 is fine, 116002 under 115 is a warning', () => {
    const t = makeTable('income', '部门综合预算收入总表', '表2', [
      ['115', '子洲县人力资源和社会保障局'],
      ['115002', '子洲县工伤保险经办中心'],
      ['116002', '子洲县医疗保险经办中心'],
    ]);
    t.rows[1].level = 1;
    t.rows[2].level = 1;
    const fs = run(makeDisclosure([t]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'code.hierarchy', severity: 'warning', cells: ['表2!A8', '表2!B8', '表2!A6', '表2!B6'] });
  });
});

describe('code.format', () => {
  it('a 部门经济 code in a 功能 table and a 6-digit code are errors', () => {
    const rows: RowSpec[] = [
      ['208', '社会保障和就业支出'],
      ['20801', '人力资源和社会保障管理事务'],
      ['208010', '社会保险经办机构'],
      ['30201', '办公费'],
    ];
    const fs = of(run(makeDisclosure([makeTable('gp_func', T5, '表5', rows)])), 'code.format');
    expect(fs.map((f) => f.cells[0])).toEqual(['表5!A8', '表5!A9']);
    expect(fs[0].message).toContain('3/5/7 位');
    expect(fs[1].message).toContain('部门预算支出经济分类科目');
  });

  it('河北 收入总表 keyed by 功能科目 (seed 004) is checked as 功能 codes', () => {
    const t = makeTable('income', '部门预算收入总表', '收入总表', [
      ['201', '一般公共服务支出'],
      ['20129', '群众团体事务'],
      ['2012902', '一般行政管理事务'],
      ['20132', '组织事务'],
      ['2013202', '一般行政管理事务'],
      ['20133', '宣传事务'],
      ['2013304', '宣传管理'],
      ['2013204', '一般行政管理事务'],
    ]);
    const fs = run(makeDisclosure([t]));
    // 2013204 (组织事务's code) sits under 20133 宣传事务: one hierarchy error; its code is unknown to the built-in list (an info)
    expect(of(fs, 'code.hierarchy')).toHaveLength(1);
    expect(of(fs, 'code.hierarchy')[0].cells[0]).toBe('收入总表!A13');
    expect(of(fs, 'code.unknown').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('code.name_consistent', () => {
  it('the same code named differently in 表5 and 表7 is one error listing both cells', () => {
    const t7rows = SEED000_T5.map(([c, n]) => [c, c === '2080109' ? '社会保险经办机构支出' : n] as RowSpec);
    const d = makeDisclosure([makeTable('gp_func', T5, '表5', SEED000_T5), makeTable('basic_func', T7, '表7', t7rows)]);
    const fs = of(run(d), 'code.name_consistent');
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].cells).toEqual(['表7!A8', '表7!B8', '表5!B8']);
    expect(fs[0].message).toContain('“社会保险经办机构支出”');
    expect(fs[0].table).toBe(T7);
  });
});

describe('robustness', () => {
  it('never throws on odd rows (no cells, blanks, letters)', () => {
    const t = makeTable('gp_func', T5, '表5', [['2O8', '社会保障和就业支出'], ['', ''], ['20801', '']]);
    delete t.rows[1].codeCell;
    expect(() => run(makeDisclosure([t, makeTable('perf_project', '绩效', '绩效', [])]))).not.toThrow();
    const fs = run(makeDisclosure([t]));
    expect(of(fs, 'code.format')).toHaveLength(1);
  });
});

/**
 * Hand-made Disclosure objects for the code-rule tests (the recogniser is tested elsewhere).
 * Rows are written as in the seed tables: [code, name] or [code, name, 政府经济编码, 政府经济名称];
 * cells are placed in columns A–D from row 6 down, so "表5!A6" is the first row's code.
 */
import { Disclosure, Row, Table, TableKind } from '../../src/core/disclosure';

export type RowSpec = [string, string] | [string, string, string, string] | [string, string, string | undefined, string | undefined];

export function makeRows(sheet: string, specs: RowSpec[], firstRow = 6): Row[] {
  return specs.map(([code, name, code2, name2], i) => {
    const r = firstRow + i;
    const row: Row = {
      row: r,
      code,
      codeCell: `${sheet}!A${r}`,
      name,
      nameCell: `${sheet}!B${r}`,
      level: code.length === 3 ? 0 : code.length === 5 ? 1 : 2,
      isTotal: false,
      isOfWhich: false,
      amounts: {},
    };
    if (code2 !== undefined) {
      row.code2 = code2;
      row.code2Cell = `${sheet}!C${r}`;
    }
    if (name2 !== undefined) {
      row.name2 = name2;
      row.name2Cell = `${sheet}!D${r}`;
    }
    return row;
  });
}

export function makeTable(kind: TableKind, title: string, sheet: string, specs: RowSpec[], extra: Partial<Table> = {}): Table {
  return {
    id: sheet,
    kind,
    title,
    titleCell: `${sheet}!A1`,
    sheet,
    unit: '元',
    unitAssumed: false,
    headerTop: 4,
    headerBottom: 5,
    lastRow: 5 + specs.length,
    columns: [],
    rows: makeRows(sheet, specs),
    empty: false,
    ...extra,
  } as Table;
}

export function makeDisclosure(tables: Table[], unitName?: string): Disclosure {
  return {
    source: 'test.xlsx',
    profile: { id: 'test', name: '测试' },
    tables,
    missing: [],
    parseIssues: [],
    unitName,
  };
}

/** Seed 000 (子洲县工伤保险经办中心) 表5 一般公共预算支出明细表（按功能科目分）, codes and names as printed. */
export const SEED000_T5: RowSpec[] = [
  ['208', '社会保障和就业支出'],
  ['20801', '人力资源和社会保障管理事务'],
  ['2080109', '社会保险经办机构'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['20899', '其他社会保障和就业支出'],
  ['2089999', '其他社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101102', '事业单位医疗'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
  ['2210201', '住房公积金'],
];

/** Seed 000 表8 一般公共预算支出明细表（按支出经济分类科目）, as printed. */
export const SEED000_T8: RowSpec[] = [
  ['301', '工资福利支出', undefined, undefined],
  ['30101', '基本工资', '50501', '工资福利支出'],
  ['30102', '津贴补贴', '50501', '工资福利支出'],
  ['30103', '奖金', '50501', '工资福利支出'],
  ['30108', '机关事业单位基本养老保险缴费', '50501', '工资福利支出'],
  ['30109', '职业年金缴费', '50501', '工资福利支出'],
  ['30110', '职工基本医疗保险缴费', '50501', '工资福利支出'],
  ['30112', '其他社会保障缴费', '50501', '工资福利支出'],
  ['30113', '住房公积金', '50501', '工资福利支出'],
  ['30199', '其他工资福利支出', '50501', '工资福利支出'],
  ['302', '商品和服务支出', undefined, undefined],
  ['30201', '办公费', '50502', '商品和服务支出'],
  ['30228', '工会经费', '50502', '商品和服务支出'],
];

/** Seed 003 (子洲县医疗保险经办机构) 表5 rows under 210, as printed. */
export const SEED003_T5_210: RowSpec[] = [
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101102', '事业单位医疗'],
  ['21015', '医疗保障管理事务'],
  ['2101550', '事业运行'],
];

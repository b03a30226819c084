/**
 * 湖北 部门预算 (seed 002, 通城县人社局): the 10 tables listed in the 说明's 第四部分, in 万元, one
 * part (the 部门). Titles have no "部门预算…" prefix (河北) and no "综合预算" (陕西); every title is
 * anchored so that neither family's tables are taken here. See docs/hubei-template.md.
 */
import { HUBEI_NARRATIVE } from './narrative';
import { ColumnSpec, Profile } from '../../recognise/profile';
import { BASIC_PROJECT_COLUMNS, CODE_COLUMNS as CODES, FISCAL_SOURCE_COLUMNS, INCOME_EXPENSE_BLOCKS, PERSONNEL_PUBLIC_COLUMNS } from '../standard';
import { INCOME_COLUMNS, INCOME_SUMS } from '../national/tables';

/** An optional year before the title ("2024年部门收支总表"). */
const Y = '^(\\d{4}年(度)?)?';
const title = (s: string) => new RegExp(`${Y}${s}$`);

const BASIC_PROJECT: ColumnSpec[] = [
  ...CODES,
  { key: 'total', match: /合计/ },
  { key: 'basic', match: /基本支出(\/小计)?$/ },
  { key: 'personnel', match: /人员经费/ },
  { key: 'public', match: /公用经费/ },
  { key: 'project', match: /项目支出/ },
];

export const HUBEI: Profile = {
  narrative: HUBEI_NARRATIVE,
  id: 'hubei',
  name: '湖北 部门预算公开报表',
  defaultUnit: '万元',
  tables: [
    {
      id: 'b1',
      kind: 'summary',
      name: '部门收支总表',
      number: '表一',
      title: title('部门收支总表'),
      layout: 'summary',
      blocks: INCOME_EXPENSE_BLOCKS,
    },
    {
      id: 'b2',
      kind: 'income',
      name: '部门收入总表',
      title: title('部门收入总表'),
      layout: 'coded',
      scheme: 'func',
      // The 财政部 standard 收入总表: the national columns and sums, which also read it with a flat
      // header (合计 | 各项收入 | 上年结转, no 本年收入 小计).
      columns: INCOME_COLUMNS,
      sums: INCOME_SUMS,
    },
    {
      id: 'b3',
      kind: 'expenditure',
      name: '部门支出总表',
      title: title('部门支出总表'),
      layout: 'coded',
      scheme: 'func',
      columns: [
        ...BASIC_PROJECT,
        { key: 'operating', match: /经营支出/ },
        { key: 'remit', match: /上解上级/ },
        { key: 'affiliated', match: /附属单位/ },
      ],
      sums: [{ total: 'total', parts: ['basic', 'project', 'operating', 'remit', 'affiliated'] }],
    },
    {
      id: 'b4',
      kind: 'fiscal_summary',
      name: '财政拨款收支总表',
      title: title('(部门)?财政拨款收支总表'),
      layout: 'summary',
      blocks: INCOME_EXPENSE_BLOCKS,
      blockColumns: FISCAL_SOURCE_COLUMNS,
    },
    {
      id: 'b5',
      kind: 'gp_func',
      name: '一般公共预算支出表',
      title: title('一般公共预算(财政拨款)?支出表'),
      layout: 'coded',
      scheme: 'func',
      columns: BASIC_PROJECT,
      sums: [
        { total: 'total', parts: ['basic', 'project'] },
        { total: 'basic', parts: ['personnel', 'public'], all: true },
      ],
    },
    {
      id: 'b6',
      kind: 'basic_econ',
      name: '一般公共预算基本支出表',
      title: title('一般公共预算(财政拨款)?基本支出表'),
      layout: 'coded',
      scheme: 'econ',
      columns: PERSONNEL_PUBLIC_COLUMNS,
      sums: [{ total: 'total', parts: ['personnel', 'public'] }],
    },
    {
      id: 'b7',
      kind: 'fund',
      name: '政府性基金支出表',
      title: title('政府性基金(预算)?(财政拨款)?支出表'),
      layout: 'coded',
      scheme: 'func',
      columns: BASIC_PROJECT_COLUMNS,
      sums: [{ total: 'total', parts: ['basic', 'project'] }],
    },
    {
      id: 'b8',
      kind: 'gp_func',
      name: '一般公共预算支出预算表（按功能分类项）',
      title: title('一般公共预算支出预算表\\(按(支出)?功能分类(科目)?(到)?项\\)'),
      layout: 'coded',
      scheme: 'func',
      columns: BASIC_PROJECT,
      sums: [{ total: 'total', parts: ['basic', 'project'] }],
    },
    {
      id: 'b9',
      kind: 'basic_econ',
      name: '一般公共预算基本支出表（按经济分类款）',
      title: title('一般公共预算基本支出表\\(按(支出)?经济分类(科目)?(到)?款\\)'),
      layout: 'coded',
      scheme: 'econ',
      columns: PERSONNEL_PUBLIC_COLUMNS,
      sums: [{ total: 'total', parts: ['personnel', 'public'] }],
    },
    {
      id: 'b10',
      kind: 'three_public',
      name: '一般公共预算“三公”经费支出表',
      title: title('一般公共预算(财政拨款)?"?三公"?经费支出(预算)?表'),
      layout: 'coded',
      // One column per item (the narrative's figures read current_*; 'sub' is the “三公” total).
      columns: [
        { key: 'name', match: /(^|\/)项目$|名称/, type: 'name' },
        { key: 'current_car_sub', match: /公务用车.*小计/ },
        { key: 'current_car_buy', match: /购置费$/ },
        { key: 'current_car_run', match: /运行(维护)?费$/ },
        { key: 'current_abroad', match: /出国/ },
        { key: 'current_reception', match: /接待/ },
        { key: 'current_sub', match: /(^|\/)合计$/ },
      ],
      sums: [
        { total: 'current_sub', parts: ['current_abroad', 'current_reception', 'current_car_sub'], all: true },
        { total: 'current_car_sub', parts: ['current_car_buy', 'current_car_run'], all: true },
      ],
    },
  ],
};

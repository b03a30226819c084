/**
 * 陕西 单位/部门综合预算公开报表 (seeds 000, 003): 表1–表15 in 元, a 目录 with 是否空表.
 */
import { SHAANXI_NARRATIVE } from './narrative';
import { ColumnSpec, Profile } from '../../recognise/profile';
import { CODE_COLUMNS } from '../standard';

/** Funding-source columns shared by 收入总表 and 支出总表 (部门预算 by source). */
const SOURCE_COLUMNS: ColumnSpec[] = [
  { key: 'code', match: /编码|代码/, type: 'code' },
  { key: 'name', match: /名称/, type: 'name' },
  { key: 'total', match: /合计/ },
  { key: 'gp_special', match: /其中.*专项/ },
  { key: 'gp', match: /公共预算|财政拨款/, exclude: /其中/ },
  { key: 'fund', match: /政府性基金/ },
  { key: 'state_capital', match: /国有资本/ },
  { key: 'superior', match: /上级补助/ },
  { key: 'business', match: /事业收入/ },
  { key: 'operating', match: /经营收入/ },
  { key: 'affiliated', match: /附属单位/ },
  { key: 'non_fiscal_balance', match: /非财政拨款结余/ },
  { key: 'carryover', match: /上年结转/ },
  { key: 'account_balance', match: /实户资金/ },
  { key: 'other', match: /其他收入/ },
  // 支出总表 variants split by 基本/项目 instead of by source.
  { key: 'personnel', match: /人员经费/ },
  { key: 'public', match: /公用经费/ },
  { key: 'basic', match: /基本支出/ },
  { key: 'special', match: /专项业务经费|项目支出/ },
];

const SOURCE_PARTS = [
  'gp',
  'fund',
  'state_capital',
  'superior',
  'business',
  'operating',
  'affiliated',
  'non_fiscal_balance',
  'carryover',
  'account_balance',
  'other',
];

/** 人员经费 / 公用经费 / 专项业务经费 columns of the 一般公共预算 detail tables. */
const DETAIL_AMOUNTS: ColumnSpec[] = [
  { key: 'total', match: /合计|总计/ },
  { key: 'personnel', match: /人员经费/ },
  { key: 'public', match: /公用经费/ },
  { key: 'special', match: /专项业务经费|项目支出/ },
  { key: 'remark', match: /备注/, type: 'text' },
];

const FUNC_CODES: ColumnSpec[] = CODE_COLUMNS;

const ECON_CODES: ColumnSpec[] = [
  { key: 'code2', match: /政府.*经济.*(编码|代码)/, type: 'code2' },
  { key: 'name2', match: /政府.*经济.*名称/, type: 'name2' },
  { key: 'code', match: /编码|代码/, type: 'code' },
  { key: 'name', match: /名称/, type: 'name' },
];

const SUMMARY_BLOCKS = [
  { key: 'func', match: /功能/ },
  { key: 'gov_econ', match: /政府.*经济/ },
  // 部门预算支出经济科目 / 单位预算支出经济分类科目
  { key: 'dept_econ', match: /经济/ },
  // "收入/项目" and "支出/项目": the group header above tells them apart.
  { key: 'expense', match: /^支出/ },
  { key: 'income', match: /项目|收入/ },
];

/** One year of the “三公” table: 小计 = 出国 + 接待 + 公务用车; 公务用车 = 购置 + 运行维护; 合计 = 小计 + 会议 + 培训. */
function threePublicColumns(prefix: string, year: RegExp): ColumnSpec[] {
  return [
    { key: `${prefix}_car_sub`, match: new RegExp(`(?:${year.source}).*公务用车.*小计`) },
    { key: `${prefix}_car_buy`, match: new RegExp(`(?:${year.source}).*购置`) },
    { key: `${prefix}_car_run`, match: new RegExp(`(?:${year.source}).*运行维护`) },
    { key: `${prefix}_sub`, match: new RegExp(`(?:${year.source}).*小计`) },
    { key: `${prefix}_abroad`, match: new RegExp(`(?:${year.source}).*出国`) },
    { key: `${prefix}_reception`, match: new RegExp(`(?:${year.source}).*接待`) },
    { key: `${prefix}_meeting`, match: new RegExp(`(?:${year.source}).*会议`) },
    { key: `${prefix}_training`, match: new RegExp(`(?:${year.source}).*培训`) },
    { key: `${prefix}_total`, match: new RegExp(`(?:${year.source}).*合计`) },
  ];
}

function threePublicSums(prefix: string) {
  return [
    { total: `${prefix}_sub`, parts: [`${prefix}_abroad`, `${prefix}_reception`, `${prefix}_car_sub`], all: true },
    { total: `${prefix}_car_sub`, parts: [`${prefix}_car_buy`, `${prefix}_car_run`], all: true },
    { total: `${prefix}_total`, parts: [`${prefix}_sub`, `${prefix}_meeting`, `${prefix}_training`], all: true },
  ];
}

const THREE_KEYS = ['sub', 'abroad', 'reception', 'car_sub', 'car_buy', 'car_run', 'meeting', 'training', 'total'];

export const SHAANXI: Profile = {
  narrative: SHAANXI_NARRATIVE,
  id: 'shaanxi',
  name: '陕西 单位/部门综合预算公开报表',
  defaultUnit: '元',
  tables: [
    {
      id: 'catalogue',
      kind: 'catalogue',
      name: '目录',
      title: /^目录$/,
      layout: 'catalogue',
      optional: true,
    },
    {
      id: 't1',
      kind: 'summary',
      name: '综合预算收支总表',
      number: '表1',
      title: /^(\S{0,30}?(部门|单位))?综合预算收支总表$/,
      notTitle: /财政拨款/,
      layout: 'summary',
      blocks: SUMMARY_BLOCKS,
    },
    {
      id: 't2',
      kind: 'income',
      name: '综合预算收入总表',
      number: '表2',
      title: /^(\S{0,30}?(部门|单位))?综合预算收入总表$/,
      layout: 'coded',
      scheme: 'unit',
      columns: SOURCE_COLUMNS,
      sums: [{ total: 'total', parts: SOURCE_PARTS }],
    },
    {
      id: 't3',
      kind: 'expenditure',
      name: '综合预算支出总表',
      number: '表3',
      title: /^(\S{0,30}?(部门|单位))?综合预算支出总表$/,
      layout: 'coded',
      scheme: 'unit',
      columns: SOURCE_COLUMNS,
      sums: [
        { total: 'total', parts: SOURCE_PARTS },
        { total: 'total', parts: ['personnel', 'public', 'special'] },
        { total: 'total', parts: ['basic', 'special'] },
      ],
    },
    {
      id: 't4',
      kind: 'fiscal_summary',
      name: '综合预算财政拨款收支总表',
      number: '表4',
      title: /^(\S{0,30}?(部门|单位))?(综合预算)?财政拨款收支总表$/,
      layout: 'summary',
      blocks: SUMMARY_BLOCKS,
    },
    {
      id: 't5',
      kind: 'gp_func',
      name: '综合预算一般公共预算支出明细表（按支出功能分类科目）',
      number: '表5',
      title: /一般公共预算支出明细表\((按)?(支出)?功能[^)]*\)$/,
      notTitle: /基本支出/,
      layout: 'coded',
      scheme: 'func',
      columns: [...FUNC_CODES, ...DETAIL_AMOUNTS],
      sums: [{ total: 'total', parts: ['personnel', 'public', 'special'] }],
    },
    {
      id: 't6',
      kind: 'gp_econ',
      name: '综合预算一般公共预算支出明细表（按支出经济分类科目）',
      number: '表6',
      title: /一般公共预算支出明细表\((按)?(支出)?经济[^)]*\)$/,
      notTitle: /基本支出/,
      layout: 'coded',
      scheme: 'econ',
      columns: [...ECON_CODES, ...DETAIL_AMOUNTS],
      sums: [{ total: 'total', parts: ['personnel', 'public', 'special'] }],
    },
    {
      id: 't7',
      kind: 'basic_func',
      name: '综合预算一般公共预算基本支出明细表（按支出功能分类科目）',
      number: '表7',
      title: /基本支出明细表\((按)?(支出)?功能[^)]*\)$/,
      layout: 'coded',
      scheme: 'func',
      columns: [...FUNC_CODES, ...DETAIL_AMOUNTS],
      sums: [{ total: 'total', parts: ['personnel', 'public'] }],
    },
    {
      id: 't8',
      kind: 'basic_econ',
      name: '综合预算一般公共预算基本支出明细表（按支出经济分类科目）',
      number: '表8',
      title: /基本支出明细表\((按)?(支出)?经济[^)]*\)$/,
      layout: 'coded',
      scheme: 'econ',
      columns: [...ECON_CODES, ...DETAIL_AMOUNTS],
      sums: [{ total: 'total', parts: ['personnel', 'public'] }],
    },
    {
      id: 't9',
      kind: 'fund',
      name: '综合预算政府性基金收支表',
      number: '表9',
      title: /政府性基金(预算)?收支表$/,
      layout: 'summary',
      blocks: SUMMARY_BLOCKS,
    },
    {
      id: 't10',
      kind: 'special',
      name: '综合预算专项业务经费支出表',
      number: '表10',
      title: /专项业务经费(支出|预算)表$/,
      layout: 'tree',
      scheme: 'unit',
      columns: [
        { key: 'code', match: /编码|代码/, type: 'code' },
        { key: 'name', match: /名称/, type: 'name' },
        { key: 'total', match: /金额|合计|预算数/ },
        { key: 'intro', match: /简介|说明/, type: 'text' },
      ],
    },
    {
      id: 't11',
      kind: 'procurement',
      name: '综合预算政府采购（资产配置、购买服务）预算表',
      number: '表11',
      title: /政府采购.*预算表$/,
      layout: 'coded',
      columns: [
        { key: 'total', match: /预算金额|金额/ },
        { key: 'quantity', match: /数量/, type: 'text' },
      ],
    },
    {
      id: 't12',
      kind: 'three_public',
      name: '综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表',
      number: '表12',
      title: /"?三公"?经费.*(预算表|支出表)$/,
      layout: 'coded',
      scheme: 'unit',
      columns: [
        { key: 'code', match: /单位编码|编码/, type: 'code' },
        { key: 'name', match: /单位名称|名称/, type: 'name' },
        ...threePublicColumns('prior', /上年/),
        ...threePublicColumns('current', /当年|本年/),
        ...threePublicColumns('change', /增减/),
      ],
      sums: [
        ...threePublicSums('prior'),
        ...threePublicSums('current'),
        ...threePublicSums('change'),
        ...THREE_KEYS.map((k) => ({ total: `current_${k}`, parts: [`prior_${k}`, `change_${k}`], all: true })),
      ],
    },
    {
      id: 't13',
      kind: 'perf_project',
      name: '专项业务经费绩效目标表',
      number: '表13',
      title: /(专项业务经费|项目(支出)?)绩效目标表$/,
      layout: 'form',
      repeat: true,
      fields: [
        { key: 'project', match: /^项目名称/ },
        { key: 'department', match: /^主管部门/ },
        { key: 'total', match: /资金总额/, amount: true },
        { key: 'fiscal', match: /财政拨款/, amount: true },
        { key: 'other', match: /其他资金/, amount: true },
      ],
    },
    {
      id: 't14',
      kind: 'perf_overall',
      name: '整体支出绩效目标表',
      number: '表14',
      title: /整体支出绩效目标表$/,
      layout: 'coded',
      columns: [
        { key: 'name', match: /任务名称/, type: 'name' },
        { key: 'content', match: /主要内容/, type: 'text' },
        { key: 'total', match: /总额/ },
        { key: 'fiscal', match: /财政拨款/ },
        { key: 'other', match: /其他资金/ },
      ],
      sums: [{ total: 'total', parts: ['fiscal', 'other'] }],
    },
    {
      id: 't15',
      kind: 'perf_fund',
      name: '专项资金总体绩效目标表',
      number: '表15',
      title: /专项资金总体绩效目标表$/,
      layout: 'form',
      optional: true,
      fields: [
        { key: 'project', match: /^(专项)?(资金|项目)名称/ },
        { key: 'total', match: /资金总额|年度金额/, amount: true },
        { key: 'fiscal', match: /财政拨款/, amount: true },
        { key: 'other', match: /其他资金/, amount: true },
      ],
    },
  ],
};

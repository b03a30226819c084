/**
 * Column and block specs shared by the profiles: the 财政部 standard 部门预算 tables (河北, 湖北)
 * and the coded tables of every family use the same header words for these columns.
 */
import { BlockSpec, ColumnSpec } from '../recognise/profile';

/** 科目编码 / 科目名称 (or 单位编码 / 单位名称). */
export const CODE_COLUMNS: ColumnSpec[] = [
  { key: 'code', match: /编码|代码/, type: 'code' },
  { key: 'name', match: /名称/, type: 'name' },
];

/** Summary tables with a 收入 and a 支出 side, each headed “项目” under its group header. */
export const INCOME_EXPENSE_BLOCKS: BlockSpec[] = [
  { key: 'expense', match: /支出/ },
  { key: 'income', match: /收入|项目/ },
];

/** The 财政拨款 sources as columns (支出 side of 财政拨款收支总表, “三公” by 资金性质). */
export const FISCAL_SOURCE_COLUMNS: ColumnSpec[] = [
  { key: 'gp', match: /一般公共预算/ },
  { key: 'fund', match: /政府性基金/ },
  { key: 'state_capital', match: /国有资本/ },
];

/** 合计 | 基本支出 | 项目支出, by 功能科目. */
export const BASIC_PROJECT_COLUMNS: ColumnSpec[] = [
  ...CODE_COLUMNS,
  { key: 'total', match: /合计/ },
  { key: 'basic', match: /基本支出/ },
  { key: 'project', match: /项目支出/ },
];

/** 合计 | 人员经费 | 公用经费, by 经济科目 (基本支出表). */
export const PERSONNEL_PUBLIC_COLUMNS: ColumnSpec[] = [
  ...CODE_COLUMNS,
  { key: 'total', match: /合计/ },
  { key: 'personnel', match: /人员经费/ },
  { key: 'public', match: /公用经费/ },
];

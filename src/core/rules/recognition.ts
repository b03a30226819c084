/**
 * Rules reported by recognition itself and by the shared comparison helpers, listed like a family's
 * rules so that every id the engine can emit is in one of the tables (test/rules/rule-ids.test.ts).
 */
import { RuleInfo } from './types';

export const RECOGNITION_RULES: RuleInfo[] = [
  { id: 'table.none', title: '工作簿中没有识别出预算公开报表（未做检查）', severity: 'info' },
  { id: 'table.missing', title: '模板要求的报表未找到，或有标题但表头无法识别（全国通用层下仅为提示）', severity: 'warning|info' },
  { id: 'table.unread', title: '像标准公开表的标题，但其下没有能识别的金额列（说明原因，未核对）', severity: 'info' },
  { id: 'table.columns', title: '表中有未能识别的金额列，涉及这些列的列间合计未检查', severity: 'info' },
  { id: 'table.rows_unread', title: '表在合计行之后还有数字行，未读取（说明在哪里停下）', severity: 'info' },
  { id: 'table.rates', title: '表中的比率列（增幅、占比等）不是金额，未核对', severity: 'info' },
  { id: 'table.internal', title: '识别报表时出错（请反馈）', severity: 'error' },
  { id: 'read.not_number', title: '应为金额的单元格内容无法识别为数字', severity: 'error' },
];

export const SHARED_RULES: RuleInfo[] = [
  { id: 'cause.internal', title: '未能找出各项问题的根源（诊断出错，请反馈）', severity: 'info' },
  { id: 'unit.mixup', title: '元与万元混用（两数相差 10000 倍）', severity: 'error' },
];

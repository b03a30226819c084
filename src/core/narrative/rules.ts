/**
 * The narrative rule family: when the workbook has a sheet whose name contains 说明 (one
 * paragraph per row or cell), its text is checked against the tables and against itself;
 * findings point at that sheet's cells.
 */
import { RuleFamily, RuleInfo } from '../rules/types';
import { checkNarrative } from './check';
import type { Grid } from '../grid';
import { narrativeFromGrid } from './sheet';

export const NARRATIVE_RULES: RuleInfo[] = [
  { id: 'narrative.mismatch', title: '说明中的金额与报表单元格不一致（仅四舍五入差异为警告）', severity: 'error|warning' },
  { id: 'narrative.code', title: '说明中的科目编码在报表中不存在', severity: 'error|warning' },
  { id: 'narrative.code_name', title: '说明中科目编码与名称不符（如项级编码配款级名称）', severity: 'error' },
  { id: 'narrative.sum', title: '说明中“其中”各项之和与总数不符（四舍五入可解释、或清单可能未列全时为提示）', severity: 'error|info' },
  { id: 'narrative.change_sum', title: '说明中各项较上年增减额之和与总数增减额不符（四舍五入可解释时为提示）', severity: 'error|info' },
  { id: 'narrative.prior', title: '说明中本年 − 上年 ≠ 增减额', severity: 'error|warning' },
  { id: 'narrative.growth', title: '说明中增幅/减幅计算错误，或上年为 0 仍写增幅', severity: 'error|warning' },
  { id: 'narrative.share', title: '说明中占比计算错误（只差末位一位为警告）', severity: 'error|warning' },
  { id: 'narrative.conflict', title: '同一事项前后两个数字不一致（同一数字一处写元、一处写万元；增减额前后不一）', severity: 'error' },
  { id: 'narrative.claim', title: '文字说法与数字相反（原因写“增加”而所列为减少；“决算数小于预算数”与所列数字不符；“与预算相比无变化”而表中预算数不同）', severity: 'error' },
  { id: 'narrative.punctuation', title: '标点残留：重复的“。。”，括号、引号、书名号不成对', severity: 'warning' },
  { id: 'narrative.unit_name', title: '说明标题中的单位名称在报表中没有出现（沿用了其他单位的说明）', severity: 'warning' },
  { id: 'narrative.year', title: '说明标题中的预算年度与报表年度不符（沿用了其他年度的说明）', severity: 'warning' },
  { id: 'narrative.residue', title: '模板残留：待填写、XX、“增加（减少）”、“增加 0 万元”、零变化写原因', severity: 'warning' },
  { id: 'narrative.placeholder', title: '尚待填写的占位符（【请填写原因】等）', severity: 'info' },
  { id: 'narrative.duplicate', title: '说明中整段重复（复制后未修改）', severity: 'warning' },
  { id: 'narrative.section', title: '说明内容与所在标题不符', severity: 'warning' },
  { id: 'narrative.empty_claim', title: '说明称“无…/空表”，但报表有数据', severity: 'error' },
];

/**
 * The engine's RuleContext carries the Disclosure, not the Grid; the 说明 sheet is read from the
 * Grid. Until the context carries the Grid (see the report to the lead), the engine passes it
 * through `narrativeRulesFor(grid)`; `narrativeRules` itself reads `ctx.grid` when present.
 */
export const narrativeRules: RuleFamily = {
  id: 'narrative',
  title: '公开说明',
  rules: NARRATIVE_RULES,
  run(ctx) {
    const grid = (ctx as unknown as { grid?: Grid }).grid;
    if (!grid) return [];
    return runOnGrid(grid, ctx);
  },
};

function runOnGrid(grid: Grid, ctx: Parameters<RuleFamily['run']>[0]) {
  const n = narrativeFromGrid(grid);
  if (!n) return [];
  // Our own 公开说明 sheet is checked like any other 说明 sheet.
  return checkNarrative(n.paragraphs, ctx.disclosure, { paragraphCells: n.cells, codes: ctx.codes, source: n.sheet });
}

/** A RuleFamily bound to a Grid, for engines whose RuleContext has no grid. */
export function narrativeRulesFor(grid: Grid): RuleFamily {
  return { ...narrativeRules, run: (ctx) => runOnGrid(grid, ctx) };
}

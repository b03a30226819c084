/**
 * What a finding card says, on the engine's own findings for the 陕西 seed-000 workbook: the
 * sentence without the 应为/实为/相差 clause (the card lists them once, on their own lines), the
 * figures in the unit of the finding's table (表14 is printed in 万元), and the table count the
 * user can recount (表 vs 表内区块).
 */
import { checkGrid } from '../../src/core/engine';
import { gridFromWorkbook } from '../../src/file/read';
import { countTables, tablesText } from '../../src/excel/marks';
import { cardMessage, figureInUnit } from '../../taskpane/format';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { roundTrip } from './helpers';

describe('finding cards', () => {
  let result: ReturnType<typeof checkGrid>;
  beforeAll(async () => {
    const wb = await roundTrip(buildShaanxi000('published'));
    result = checkGrid(gridFromWorkbook(wb, '子洲县工伤保险经办中心-2024单位预算公开.xlsx').grid);
  });

  test('the sentence drops the figures the card lists below it, and keeps everything else', () => {
    const withFigures = result.findings.filter((f) => f.expected !== undefined && f.actual !== undefined && /应为 [\d,.-]+ (万元|元)，实为/.test(f.message));
    expect(withFigures.length).toBeGreaterThanOrEqual(2);
    for (const f of withFigures) {
      const m = cardMessage(f);
      expect(m).not.toMatch(/应为 [\d,.-]+ (万元|元)/);
      expect(m).not.toMatch(/相差 -?[\d,.]+/);
      expect(m.length).toBeGreaterThan(10);
      expect(m).toMatch(/[。）)]$/);
    }
    const f303 = result.findings.find((f) => f.rule === 'summary.block')!;
    expect(cardMessage(f303)).toBe('表4“部门综合预算财政拨款收支总表”部门预算支出经济分类部分“1、人员经费和公用经费支出”的金额应等于其下级之和。');
    // a note after the clause stays
    const perf = result.findings.find((f) => f.rule === 'perf.overall_total')!;
    expect(cardMessage(perf)).toMatch(/表14!D11 应等于 表5!C5。（目前只等于专项业务经费合计/);
    // a sentence without that clause is left alone
    const code = result.findings.find((f) => f.rule === 'cross.unit_code')!;
    expect(cardMessage(code)).toBe(code.message);
  });

  test('figures in the table’s unit: 表14 (万元) shows 万元 without rounding anything away; 元 tables show 元', () => {
    const perf = result.findings.find((f) => f.rule === 'perf.overall_total')!;
    const unit = result.tables.find((t) => t.title === perf.table)!.unit;
    expect(unit).toBe('万元');
    expect(figureInUnit(perf.expected, perf.unit, unit)).toBe('150.9422 万元'); // 1,509,422 元
    expect(figureInUnit(perf.actual, perf.unit, unit)).toBe('15.80 万元');
    expect(figureInUnit(perf.difference, perf.unit, unit)).toBe('-135.1422 万元');
    expect(figureInUnit('1400400.00', undefined, '元')).toBe('1,400,400.00 元');
    expect(figureInUnit('123456789.00', undefined, '万元')).toBe('12,345.6789 万元');
    expect(figureInUnit('115002', 'text', '万元')).toBe('115002');
  });

  test('the table count: 表13 in four blocks is one 表, the two tables both numbered 表8 are two', () => {
    expect(result.tables).toHaveLength(18);
    expect(countTables(result.tables)).toEqual({ tables: 15, blocks: 18 });
    expect(tablesText(result.tables)).toBe('识别表格 15 张（共 18 个表内区块）');
  });
});

import { buildHubei002 } from '../fixtures/hubei';
import { fixtureText, resultOf, serious, describe_ } from './helpers';
import { generateNarrative, checkNarrative, narrativeParagraphs } from '../../src/core/narrative';

describe('湖北 说明 from the seed-002 sample workbook', () => {
  test('sections 一…六 in the 湖北 order, figures with their cells; round trip clean; seed text differences reported', async () => {
    const r = await resultOf(buildHubei002, 'hubei.xlsx');
    const n = generateNarrative(r.disclosure!);
    expect(n.sections.map((s) => s.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const nums = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.numbers));
    const cellsOf = (t: string) => nums.filter((x) => x.text.replace(/,/g, '') === t).flatMap((x) => x.cells);
    expect(cellsOf('1620.14')).toEqual(expect.arrayContaining(['部门收支总表!B10', '部门收支总表!D10']));
    expect(cellsOf('1297.14')).toContain('部门收支总表!B5');
    expect(cellsOf('1098.14').length).toBeGreaterThan(0);
    expect(cellsOf('6.50')).toContain('三公经费支出表!B5');
    // Round trip: the generated text agrees with the tables.
    const back = checkNarrative(narrativeParagraphs(n), r.disclosure!);
    // 收入: 一般公共预算 + 政府性基金 + 其他收入; 支出: 基本 + 项目 from the 支出总表 (all the money).
    expect(cellsOf('323.00').length).toBeGreaterThan(0);
    expect(cellsOf('522.00').length).toBeGreaterThan(0);
    const left = serious(back).filter((f) => !f.rule.startsWith('narrative.placeholder'));
    expect(left.map((f) => `${f.rule} ${f.message}`)).toEqual([]);
    // The seed's own 说明: figures that disagree with these tables are reported.
    const seed = checkNarrative(fixtureText('002_published.txt'), r.disclosure!);
    const msgs = describe_(serious(seed));
    expect(msgs).toMatch(/180\.96/);
  });
});

/**
 * The generated 说明 copies the tables' figures: where the workbook's own check found a figure's cell
 * wrong, the notes say so first (which figure, which cell, what the check says it should be), so the
 * user does not paste a 说明 that repeats the table's mistake. Real workbooks, real mistakes.
 */
import * as path from 'path';
import { readWorkbookFile } from '../../src/file/read';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { checkNarrative, generateNarrative, narrativeParagraphs } from '../../src/core/narrative';
import { suspectFigures } from '../../src/core/narrative/suspects';
import { Finding } from '../../src/core/finding';

const ROOT = path.join(__dirname, '..', '..');
async function check(file: string): Promise<CheckResult> {
  return checkGrid((await readWorkbookFile(path.join(ROOT, file))).grid);
}
const brief = (r: CheckResult) => (generateNarrative(r.disclosure!, null, { check: r }).suspects ?? []).map((s) => [s.cell, s.number, s.reason]);

describe('figures of the generated 说明 taken from cells the check found wrong', () => {
  test('子洲 医疗 原样: the 302 line of the 经济科目 paragraph (its items add up to 323.40, not 325.42) is named with what its cell should be', async () => {
    const r = await check('examples/子洲县医疗保险经办中心-2024单位预算公开-原样.xlsx');
    const n = generateNarrative(r.disclosure!, null, { check: r });
    // The 说明 as written repeats the table's mistake: its own arithmetic fails by 2.02 万元 ...
    const own = checkNarrative(narrativeParagraphs(n), r.disclosure).filter((f) => f.rule === 'narrative.sum');
    expect(own.map((f) => f.difference)).toEqual(['-2.02']);
    // ... and the notes say which figure and cell, before anything else.
    expect(brief(r)).toEqual([['06经济明细!F15', '40.52', '检查认为该单元格应为 425,400.00 元（现为 405,200.00 元）']]);
    expect(n.notes[0]).toMatch(/^说明中有 1 个数字取自检查发现有问题的单元格/);
    expect(n.notes[1]).toBe('“（三）一般公共预算拨款支出明细情况”中的 40.52 万元取自 06经济明细!F15，检查认为该单元格应为 425,400.00 元（现为 405,200.00 元）。');
  });

  test('子洲 医疗 已修正: nothing suspect, no such note', async () => {
    const r = await check('examples/子洲县医疗保险经办中心-2024单位预算公开-已修正.xlsx');
    const n = generateNarrative(r.disclosure!, null, { check: r });
    expect(n.suspects).toEqual([]);
    expect(n.notes.filter((x) => x.includes('有问题的单元格'))).toEqual([]);
  });

  test('徐圩乡: the blank 合计 and 公务用车 are written 0.00 and named with the figures their lines add up to', async () => {
    const r = await check('test/corpus/real/anhui-huaiyuan-xuweixiang-2020.xlsx');
    expect(brief(r)).toEqual([
      ['三公经费预算表!B5', '0.00', '检查认为该单元格应为 46.52 万元（现为 空白）'],
      ['三公经费预算表!B8', '0.00', '检查认为该单元格应为 35.00 万元（现为 空白）'],
    ]);
  });

  test('工伤 原样: the figure an unexplained error is compared with (表5 合计, which 表14 should equal) is not suspect', async () => {
    const r = await check('examples/子洲县工伤保险经办中心-2024单位预算公开-原样.xlsx');
    const perf = r.findings.find((f) => f.rule === 'perf.overall_total')!;
    expect(perf.cause).toBeUndefined();
    expect(perf.cells).toEqual(['表14!D11', '表5!C5']);
    const n = generateNarrative(r.disclosure!, null, { check: r });
    expect(n.sections.some((s) => s.paragraphs.some((p) => p.numbers.some((x) => x.cells.includes('表5!C5'))))).toBe(true);
    expect(n.suspects).toEqual([]);
  });

  test('an error no cause explains names its first cell (the figure that disagrees), quoting the error, in each section that uses it', () => {
    const sections = [
      { id: 'a', title: '（一）收支预算总体情况', level: 2 as const, paragraphs: [{ text: '收入 150.94 万元', placeholders: 0, numbers: [{ start: 3, end: 9, text: '150.94', unit: '万元' as const, cells: ['表1!C7'] }] }] },
      { id: 'b', title: '（二）财政拨款收支情况', level: 2 as const, paragraphs: [{ text: '收入 150.94 万元，支出 15.80 万元', placeholders: 0, numbers: [{ start: 3, end: 9, text: '150.94', unit: '万元' as const, cells: ['表1!C7'] }, { start: 16, end: 21, text: '15.80', unit: '万元' as const, cells: ['表2!C7'] }] }] },
    ];
    const error: Finding = { id: 'F1', rule: 'cross.totals', severity: 'error', message: '表1!C7 应等于 表2!C7。', cells: ['表1!C7', '表2!C7'], expected: '158000.00', actual: '1509400.00' };
    const warning: Finding = { ...error, id: 'F2', severity: 'warning', cells: ['表2!C7'] };
    expect(suspectFigures(sections, { findings: [error, warning] })).toEqual([
      { cell: '表1!C7', number: '150.94', unit: '万元', sections: ['（一）收支预算总体情况', '（二）财政拨款收支情况'], reason: '检查发现：表1!C7 应等于 表2!C7。', source: 'F1' },
    ]);
    // Explained by a cause elsewhere: the cause names the wrong cell, the finding's cells are not suspect.
    expect(suspectFigures(sections, { findings: [{ ...error, cause: 'C1' }] })).toEqual([]);
  });
});

/** The 说明 checked against itself, with no tables (seed 002's tables were published separately). */
import { checkNarrative, extract } from '../../src/core/narrative';
import { fixtureText, serious, describe_ } from './helpers';

function find(fs: ReturnType<typeof checkNarrative>, rule: string, excerptPart: string) {
  return fs.find((f) => f.rule === rule && (f.text?.excerpt ?? '').includes(excerptPart));
}

describe('narrative text alone: published seeds', () => {
  test('002 湖北: 本级 354 + 上级 168 ≠ 资金总额 460, 增幅 100% with 上年 0, 增加 0 万元', () => {
    const p = fixtureText('002_published.txt');
    const fs = checkNarrative(p, null);
    const sum = find(fs, 'narrative.sum', '资金总额 460 万元');
    expect(sum).toBeDefined();
    expect(sum!.severity).toBe('error');
    expect(sum!.expected).toBe('522.00');
    expect(sum!.actual).toBe('460.00');
    // The excerpt is exactly the words in the paragraph at the reported offsets.
    const t = sum!.text!;
    expect(p[t.paragraph - 1].slice(t.start, t.end)).toBe(t.excerpt);
    expect(find(fs, 'narrative.growth', '323 万元，增幅 100%')?.severity).toBe('warning');
    expect(find(fs, 'narrative.growth', '18.9 万元，增幅 100%')?.severity).toBe('warning');
    expect(find(fs, 'narrative.residue', '比上年增加 0 万元')?.severity).toBe('warning');
    // Consistent figures raise nothing: 1620.14 = 1297.14 + 323; 172.82 = −150.18 + 323; 11.94%, 10.38%,
    // 11.17% (180.96 / 1620.14), 72.6%, 89.07%, 50% (read as the 公务用车 total's change).
    expect(fs.filter((f) => f.severity === 'error')).toHaveLength(1);
    expect(fs.filter((f) => f.rule === 'narrative.share' || f.rule === 'narrative.change_sum')).toHaveLength(0);
  });

  test('000 陕西: 功能科目 increases add to 4.02, not 7.40; copied 政府经济 paragraph; 增加 0 万元 with reasons', () => {
    const p = fixtureText('000_published.txt');
    const fs = checkNarrative(p, null);
    const cs = fs.find((f) => f.rule === 'narrative.change_sum');
    expect(cs?.severity).toBe('error');
    expect(cs!.expected).toBe('7.40');
    expect(cs!.actual).toBe('4.02');
    expect(cs!.text!.excerpt).toBe('本单位当年一般公共预算支出 150.94 万元');
    expect(fs.find((f) => f.rule === 'narrative.duplicate')?.text?.excerpt).toContain('（2）本单位当年一般公共预算支出 150.94 万元');
    expect(find(fs, 'narrative.residue', '较上年增加0.00 万元，主要原因是人员调出、调入')).toBeDefined();
    // 三公, 出国, 接待, 运行维护, 购置, 会议费, 培训费: each “增加 0 万元（0%），增加的主要原因是未变化”.
    expect(fs.filter((f) => f.rule === 'narrative.residue' && f.text!.excerpt.includes('未变化'))).toHaveLength(7);
  });

  test('003 陕西: 功能科目 changes add to −4.92, not −30.10; 国有资本 sentence under the 政府性基金 heading; 无变化万元', () => {
    const p = fixtureText('003_published.txt');
    const fs = checkNarrative(p, null);
    const cs = fs.find((f) => f.rule === 'narrative.change_sum');
    expect(cs?.severity).toBe('error');
    expect(cs!.expected).toBe('-30.10');
    expect(cs!.actual).toBe('-4.92');
    const sec = fs.find((f) => f.rule === 'narrative.section');
    expect(sec?.text?.excerpt).toContain('无当年国有资本经营');
    expect(p[sec!.text!.paragraph - 2]).toBe('（四）政府性基金预算支出情况');
    expect(find(fs, 'narrative.residue', '无变化万元')).toBeDefined();
    // The 部门经济 (−28.84 − 1.74 + 0.48) and 政府经济 (−30.58 + 0.48) lists do add up to −30.10.
    expect(fs.filter((f) => f.rule === 'narrative.change_sum')).toHaveLength(1);
  });
});

describe('placeholders: 【…】 that waits to be filled in, not every bracket', () => {
  const placeholders = (p: string) => checkNarrative([p], null).filter((f) => f.rule === 'narrative.placeholder').map((f) => f.text!.excerpt);
  test('empty brackets, requests and short field names are placeholders', () => {
    expect(placeholders('主要原因是【请填写原因】。')).toEqual(['【请填写原因】']);
    expect(placeholders('主要原因是【】。')).toEqual(['【】']);
    expect(placeholders('【单位名称】2024年部门预算公开说明')).toEqual(['【单位名称】']);
    expect(placeholders('比上年增加【XX】万元')).toEqual(['【XX】']);
    expect(placeholders('主要原因是【简要说明增减原因】；【项目名称及金额】。')).toEqual(['【简要说明增减原因】', '【项目名称及金额】']);
  });
  test('words in brackets that only look like requests are text', () => {
    expect(placeholders('【待遇保障】按规定发放。【填报说明】见附表。')).toEqual([]);
  });
  test('a byline or a heading in brackets is text (real: 增城 2015, 营口 2024)', () => {
    expect(placeholders('【羊城晚报讯】记者从增城市财政局获悉，2015年“三公”经费预算……')).toEqual([]);
    expect(placeholders('【一般公共预算收支分级完成情况】全市一般公共预算收入……')).toEqual([]);
  });
});

describe('narrative text alone: repaired seeds raise no error or warning', () => {
  for (const name of ['000_repaired.txt', '002_repaired.txt', '003_repaired.txt']) {
    test(name, () => {
      const fs = serious(checkNarrative(fixtureText(name), null));
      expect(describe_(fs)).toBe('');
    });
  }
});

describe('extraction', () => {
  test('a 较上年 clause after an inline 、 list speaks of the total; 其中 parts across paragraphs', () => {
    const x = extract(fixtureText('000_published.txt'));
    const inc = x.statements.find((s) => s.subject === '本单位当年预算收入')!;
    expect(inc.change?.raw).toBe('7.4 万元');
    const g = x.groups.find((gg) => gg.parts.some((s) => s.code === '2080109'))!;
    expect(g.parts.map((s) => s.code)).toEqual(['2080109', '2080505', '2080506', '2089999', '2101102', '2210201']);
  });

  test('ambiguous 减少 after a 其中 list is read the way the stated 减幅 agrees with', () => {
    const x = extract(['2、公务用车购置和运行费 5 万元，其中：公务用车运行维护费 5 万元，公务用车购置费 0 万元，与上年相比，减少 5 万元，减幅 50%。']);
    const total = x.statements[0];
    expect(total.change?.raw).toBe('5 万元');
    expect(total.growth?.raw).toBe('50%');
    expect(checkNarrative(['2、公务用车购置和运行费 5 万元，其中：公务用车运行维护费 5 万元，公务用车购置费 0 万元，与上年相比，减少 5 万元，减幅 50%。'], null)).toHaveLength(0);
  });

  test("〔 〕 are brackets: a breakdown inside them is not part of the outer 其中 list (a reviewer's probe, 云南 style)", () => {
    const text = '社会保障和就业支出41.64万元。其中：行政事业单位养老支出41.28万元〔机关事业单位基本养老保险缴费支出27.52万元，机关事业单位职业年金缴费支出13.76万元〕；其他社会保障和就业支出0.36万元。';
    expect(serious(checkNarrative([text], null))).toEqual([]);
    // The same list with a wrong item is still an error: the brackets did not hide the list.
    const wrong = text.replace('0.36万元', '0.46万元');
    expect(serious(checkNarrative([wrong], null)).map((f) => f.rule)).toContain('narrative.sum');
  });

  test('wrong 增幅 and 占比 are errors with the computed figure', () => {
    const fs = checkNarrative(['本部门收入预算总额为 1,620.14 万元，比上年增加 172.82 万元，增幅 12.94%。', '机关运行经费 180.96 万元，占预算总额的 12.17%。'], null);
    expect(fs.find((f) => f.rule === 'narrative.growth')?.expected).toBe('11.94');
    expect(fs.find((f) => f.rule === 'narrative.share')?.expected).toBe('11.17');
  });
});

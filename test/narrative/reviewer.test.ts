/**
 * Correct sentences in the ways real 说明 are written, against the 湖北 example (通城县人社局 2024:
 * 支出 1,620.14 = 基本支出 1,098.14 + 项目支出 522.00; 基本支出 = 人员经费 1,034.54 + 公用经费 63.60),
 * from a reviewer's probe of the checker. Each raised a false error; each must stay silent, and the
 * same sentence with one figure wrong must still be caught.
 */
import { buildHubei002 } from '../fixtures/hubei';
import { buildShaanxi000, buildShaanxi003 } from '../fixtures/shaanxi';
import { checkNarrative, generateNarrative, narrativeParagraphs } from '../../src/core/narrative';
import { buildHebei004 } from '../fixtures/hebei';
import { CheckResult } from '../../src/core/engine';
import { resultOf } from './helpers';

let hubei: CheckResult;
beforeAll(async () => {
  hubei = await resultOf(() => buildHubei002(), 'hubei.xlsx');
});
const serious = (text: string) =>
  checkNarrative([text], hubei.disclosure)
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.severity}: ${f.message}`);

describe('an item’s own details inside a 其中 list are not items of the list', () => {
  test.each([
    ['主要包括：', '本部门2024年支出预算总额为1620.14万元，其中：基本支出1098.14万元，主要包括：人员经费1034.54万元、公用经费63.60万元；项目支出522.00万元。'],
    ['主要是 …等', '本部门2024年支出预算总额为1620.14万元，其中：基本支出1098.14万元，主要用于人员经费和公用经费；项目支出522.00万元，主要是其他就业补助等项目支出323.00万元。'],
    ['具体包括', '本部门2024年支出预算总额为1620.14万元，其中：基本支出1098.14万元，具体包括人员经费1034.54万元、公用经费63.60万元；项目支出522.00万元。'],
  ])('%s', (_n, text) => {
    expect(serious(text)).toEqual([]);
  });

  test('the list itself is still added up: 项目支出 521.00 leaves it 1.00 short', () => {
    const fs = serious('本部门2024年支出预算总额为1620.14万元，其中：基本支出1098.14万元，主要包括：人员经费1034.54万元、公用经费63.60万元；项目支出521.00万元。');
    expect(fs.some((f) => /^narrative\.(sum|mismatch) error/.test(f))).toBe(true);
  });
});

describe('a part named with 预算 after it is the part, not the total', () => {
  test('“基本支出预算 1098.14 万元” is 基本支出, not 本年支出合计 1620.14', () => {
    expect(serious('本部门2024年基本支出预算1098.14万元，其中人员经费1034.54万元，公用经费63.60万元。')).toEqual([]);
  });
  test('and 1098.41 is reported against 基本支出', () => {
    const fs = checkNarrative(['本部门2024年基本支出预算1098.41万元。'], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch');
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '1098.14', '1098.41']]);
  });
});

describe('whose money: 基本支出 and 项目支出 of 一般公共预算 are the 一般公共预算 table’s (项目支出 199.00 of 522.00)', () => {
  test('in a list under 一般公共预算支出', () => {
    expect(serious('本部门2024年一般公共预算支出1297.14万元，其中：基本支出1098.14万元，项目支出199.00万元。')).toEqual([]);
    const fs = checkNarrative(['本部门2024年一般公共预算支出1297.14万元，其中：基本支出1098.14万元，项目支出198.00万元。'], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch');
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '199.00', '198.00']]);
  });
  test('under a heading that names 一般公共预算', () => {
    expect(checkNarrative(['三、一般公共预算支出情况说明', '基本支出1098.14万元，项目支出199.00万元。'], hubei.disclosure).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  test('“一般公共预算拨款安排的基本支出 …，项目支出 199 万元”: the qualifier goes on to the next figure of its segment', () => {
    expect(serious('一般公共预算拨款安排的基本支出1098.14万元，项目支出199万元。')).toEqual([]);
  });
  test('“其他收入安排的项目支出 323 万元” is none of the 一般公共预算 table’s, nor all the money’s: not compared', () => {
    expect(serious('其他收入安排的项目支出323万元，全部为其他就业补助支出。')).toEqual([]);
  });
  test('a 一般公共预算 figure earlier in the sentence does not make the 支出 list 一般公共预算', () => {
    const text = '本部门收入预算1620.14万元，其中一般公共预算拨款收入1297.14万元，其他收入323.00万元；支出预算1620.14万元，其中基本支出1098.14万元，项目支出522.00万元。';
    expect(serious(text)).toEqual([]);
    expect(serious(text.replace('项目支出522.00', '项目支出199.00')).some((f) => f.startsWith('narrative.'))).toBe(true);
  });
  test('“涉及一般公共预算当年拨款” after 项目支出 is its 一般公共预算 part', () => {
    expect(serious('本部门2024年项目支出522.00万元，涉及一般公共预算当年拨款199.00万元，主要用于社会保险经办等工作。')).toEqual([]);
    const fs = checkNarrative(['本部门2024年项目支出522.00万元，涉及一般公共预算当年拨款190.00万元。'], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch');
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '199.00', '190.00']]);
  });
  test('without a word of scope, 项目支出 is all the money’s (支出总表 522.00)', () => {
    expect(serious('本部门2024年项目支出522.00万元。')).toEqual([]);
    expect(serious('本部门2024年项目支出199.00万元。').some((f) => f.startsWith('narrative.mismatch error'))).toBe(true);
  });
});

test('a 科目 of other money (2080799 其他就业补助支出, 其他收入 in the 支出总表 only) is not “not in the tables”', () => {
  expect(serious('其他就业补助支出（2080799）323.00万元，主要用于三支一扶人员补助。')).toEqual([]);
  // a code neither the tables nor the built-in list know
  expect(serious('其他就业补助支出（2089988）323.00万元。').some((f) => f.startsWith('narrative.code error'))).toBe(true);
});

test('“公用经费 63.60 万元，为办公费 2.92 万元等…”: what the item is made of is not another item', () => {
  expect(serious('本部门2024年基本支出1098.14万元，其中：人员经费1034.54万元；公用经费63.60万元，为办公费2.92万元等日常公用支出。')).toEqual([]);
});

describe('a paragraph opening with 其中 lists the parts of the figure they are by definition parts of', () => {
  const before = '本部门2024年支出预算总额为1620.14万元，其中基本支出1098.14万元，项目支出522.00万元。';
  test('人员经费 and 公用经费 are 基本支出’s, not 项目支出’s', () => {
    expect(checkNarrative([before, '其中人员经费1034.54万元，公用经费63.60万元。'], hubei.disclosure).filter((f) => f.severity !== 'info')).toEqual([]);
  });
  test('and they are added up against 基本支出', () => {
    const fs = checkNarrative([before, '其中人员经费1030.54万元，公用经费63.60万元。'], hubei.disclosure).filter((f) => f.rule === 'narrative.sum' && f.severity === 'error');
    expect(fs.map((f) => f.text?.excerpt)).toEqual([expect.stringContaining('基本支出1098.14')]);
  });
});

describe('an 经济科目 code in a 基本支出 sentence is the 基本支出 table’s (陕西 000: 302 is 26,400 元 there, 184,400 元 with the projects in 表6)', () => {
  let shaanxi: CheckResult;
  beforeAll(async () => {
    shaanxi = await resultOf(() => buildShaanxi000('repaired'), 'shaanxi000.xlsx');
  });
  const mismatches = (paras: string[]) => checkNarrative(paras, shaanxi.disclosure).filter((f) => f.rule === 'narrative.mismatch').map((f) => [f.severity, f.expected, f.actual, f.cells[0]]);
  test.each([
    ['in a list under 基本支出', ['本单位2024年一般公共预算基本支出135.14万元，其中：工资福利支出（301）132.50万元，商品和服务支出（302）2.64万元。']],
    ['under a 基本支出 heading', ['三、一般公共预算基本支出情况说明', '工资福利支出（301）132.50万元，商品和服务支出（302）2.64万元。']],
  ])('%s', (_n, paras) => {
    expect(mismatches(paras)).toEqual([]);
  });
  test('elsewhere 302 is the whole 一般公共预算 figure, and 2.64 is wrong there', () => {
    expect(mismatches(['商品和服务支出（302）18.44万元。'])).toEqual([]);
    expect(mismatches(['商品和服务支出（302）2.64万元。'])).toEqual([['error', '18.44', '2.64', '表6!E16']]);
  });
});

describe('the base of a share', () => {
  test('“占基本支出 94.21%” (no 的) is of 基本支出, not of the 支出预算总额 stated before', () => {
    const paras = ['本部门2024年支出预算总额为1620.14万元。', '本部门2024年基本支出1098.14万元。人员经费1034.54万元，占基本支出94.21%；公用经费63.60万元，占基本支出5.79%。'];
    expect(checkNarrative(paras, hubei.disclosure).filter((f) => f.severity !== 'info')).toEqual([]);
    const wrong = checkNarrative([paras[0], paras[1].replace('94.21%', '93.21%')], hubei.disclosure).filter((f) => f.rule === 'narrative.share' && f.severity === 'error');
    expect(wrong.map((f) => f.message)).toEqual([expect.stringContaining('“2024年基本支出”')]);
  });
  test('a share with no base after a figure in its paragraph may be of that figure (一般公共预算支出 1297.14: 89.84%)', () => {
    const paras = ['本部门2024年支出预算总额为1620.14万元。', '一般公共预算支出1297.14万元。支出按功能分类：社会保障和就业支出1165.30万元，占89.84%。'];
    expect(checkNarrative(paras, hubei.disclosure).filter((f) => f.severity !== 'info')).toEqual([]);
    // fits neither 1297.14 (89.84%) nor 1620.14 (71.93%)
    const wrong = checkNarrative([paras[0], paras[1].replace('89.84%', '80.84%')], hubei.disclosure).filter((f) => f.rule === 'narrative.share' && f.severity === 'error');
    expect(wrong).toHaveLength(1);
  });
});

test('河北 004 (沧州): 公用经费 only in the 基本支出表 by 经济科目 — the generated 机关运行经费 is its 合计 9.90 万元, with its cell', async () => {
  const r = await resultOf(() => buildHebei004('repaired'), 'hebei004.xlsx');
  const nar = generateNarrative(r.disclosure!);
  const p = nar.sections.flatMap((s) => s.paragraphs).find((x) => x.text.includes('机关运行经费预算'))!;
  expect(p.text).toContain('机关运行经费预算 9.90 万元');
  expect(p.numbers[0].cells).toEqual([r.disclosure!.tables.find((t) => t.kind === 'basic_econ')!.rows[0].amounts.public!.cell]);
  expect(nar.notes.join('')).not.toContain('未找到公用经费合计');
  expect(checkNarrative(narrativeParagraphs(nar), r.disclosure).filter((f) => f.severity !== 'info')).toEqual([]);
});

describe('a coded item is the column its list or its words name, and a 科目 of all the money may be the 支出总表’s', () => {
  let yl: CheckResult;
  let cz: CheckResult;
  beforeAll(async () => {
    yl = await resultOf(() => buildShaanxi003('repaired'), 'shaanxi003.xlsx');
    cz = await resultOf(() => buildHebei004('repaired'), 'hebei004.xlsx');
  });
  const mism = (r: CheckResult, paras: string[]) => checkNarrative(paras, r.disclosure).filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity, f.expected, f.actual]);
  test('陕西 003: 公用经费 5.52 万元，其中：办公费（30201）5.52 万元 — the 公用经费 column (the row’s 合计 is 40.52 with the projects)', () => {
    expect(mism(yl, ['公用经费5.52万元，其中：办公费（30201）5.52万元。'])).toEqual([]);
    expect(mism(yl, ['公用经费5.62万元，其中：办公费（30201）5.62万元。'])).toEqual(expect.arrayContaining([['narrative.mismatch', 'error', '5.52', '5.62']]));
  });
  test('陕西 003: “事业运行（2101550）基本支出 216.67 万元” under a 基本支出 heading', () => {
    expect(mism(yl, ['一般公共预算基本支出情况', '事业运行（2101550）基本支出216.67万元。'])).toEqual([]);
  });
  test('湖北: 基本支出 1098.14 万元，其中：人力资源和社会保障管理事务（20801）742.34 万元 — the 基本支出 columns (its 合计 is 941.34)', () => {
    expect(mism(hubei, ['基本支出1098.14万元，其中：人力资源和社会保障管理事务（20801）742.34万元。'])).toEqual([]);
  });
  test('河北 004: 项目支出 2644.62 万元，其中：一般行政管理事务（2080102）992.2 万元 — the 项目支出 column (its 合计 is 1002.10)', () => {
    expect(mism(cz, ['项目支出2644.62万元，其中：一般行政管理事务（2080102）992.2万元。'])).toEqual([]);
  });
  test('湖北: 社会保障和就业支出（208）1488.30 万元 is the 支出总表’s; said of 一般公共预算 it is wrong (1165.30)', () => {
    expect(mism(hubei, ['社会保障和就业支出（208）1488.3万元。'])).toEqual([]);
    expect(mism(hubei, ['一般公共预算支出中，社会保障和就业支出（208）1488.3万元。'])).toEqual([['narrative.mismatch', 'error', '1165.30', '1488.30']]);
  });
});

describe('codes and figures the tables do not print', () => {
  let yl: CheckResult;
  beforeAll(async () => {
    yl = await resultOf(() => buildShaanxi003('repaired'), 'shaanxi003.xlsx');
  });
  test('“公务接待费（30217）0 万元”: a 科目 of 0 the tables leave out, known to the built-in list, is no error', () => {
    expect(checkNarrative(['公务接待费（30217）0万元。'], yl.disclosure).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(checkNarrative(['公务接待费（30288）0万元。'], yl.disclosure).filter((f) => f.rule === 'narrative.code').map((f) => f.severity)).toEqual(['error']);
  });
  test('机关运行经费 with no 机关运行经费 table is held to the 公用经费 only as a warning that says so (a 事业单位 may have none)', () => {
    const fs = checkNarrative(['本单位为事业单位，2024年机关运行经费预算为0万元。'], yl.disclosure).filter((f) => f.severity !== 'info');
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['narrative.mismatch', 'warning']]);
    expect(fs[0].message).toContain('按公用经费核对');
  });
});

test('“A和B分别为 5 万元和 1.5 万元”: figures of several subjects at once are not given to the last subject', () => {
  expect(serious('公务用车运行维护费和公务接待费分别为5万元和1.5万元。')).toEqual([]);
});

describe('a 其中 list of 款/项 lines may be partial; a list of the 类 is whole', () => {
  test('社会保障和就业支出 1488.30 其中 two 项 lines (328.44) is not short in error', () => {
    const fs = checkNarrative(['社会保障和就业支出1488.30万元，其中：行政运行（2080101）742.34万元，其他就业补助支出（2080799）323.00万元。'], hubei.disclosure).filter((f) => f.rule === 'narrative.sum');
    expect(fs.map((f) => f.severity)).toEqual(['info']);
  });
  test('the 类 301 + 302 + 303 of 一般公共预算支出 falling short is an error', () => {
    const fs = checkNarrative(['一般公共预算支出1000.00万元，其中：工资福利支出（301）500.00万元，商品和服务支出（302）300.00万元，对个人和家庭的补助（303）100.00万元。'], null).filter((f) => f.rule === 'narrative.sum');
    expect(fs.map((f) => f.severity)).toEqual(['error']);
  });
});

describe('a line that cannot be a part of the list’s total ends that list', () => {
  test.each([
    ['the total’s sibling by definition', '对个人和家庭的补助86.2万元，其中：退休费86.2万元；商品和服务支出63.6万元。'],
    ['a code of the same classification not under the total’s', '对事业单位经常性补助（505）323.82万元，其中：工资福利支出（50501）281.28万元，商品和服务支出（50502）42.54万元；对个人和家庭的补助（509）1.60万元。'],
  ])('%s', (_n, text) => {
    expect(checkNarrative([text], null).filter((f) => f.rule === 'narrative.sum' && f.severity !== 'info')).toEqual([]);
  });
  test('back to the outer list: 基本支出 = 301 + 302 + 303 with 301’s own 其中, and the outer sum is still checked', () => {
    const text = (t303: string) => `基本支出1098.14万元，其中：工资福利支出（301）948.34万元，其中：基本工资（30101）260.00万元；商品和服务支出（302）63.60万元；对个人和家庭的补助（303）${t303}万元。`;
    expect(checkNarrative([text('86.20')], null).filter((f) => f.rule === 'narrative.sum' && f.severity !== 'info')).toEqual([]);
    expect(checkNarrative([text('96.20')], null).filter((f) => f.rule === 'narrative.sum' && f.severity === 'error').map((f) => [f.message.slice(0, 20), f.expected, f.actual])).toEqual([[expect.stringContaining('“基本支出”'), '1098.14', '1108.14']]);
  });
});

test('“公务接待费 1.6 万元” for an exact 1.50 is an error: neither rounding nor truncation of 1.50 gives 1.6', () => {
  const m = (t: string) => checkNarrative([t], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch').map((f) => f.severity);
  expect(m('公务接待费1.5万元。')).toEqual([]);
  expect(m('公务接待费1.6万元。')).toEqual(['error']);
  expect(m('公务接待费1.4万元。')).toEqual(['error']);
});

describe('a 类 named without its code is the 类 row of that name in one of the tables', () => {
  test('湖北: 卫生健康支出 58.04 and 工资福利支出 948.34 are right; 85.04 and 984.34 are not', () => {
    expect(serious('卫生健康支出58.04万元。工资福利支出948.34万元。')).toEqual([]);
    const fs = checkNarrative(['卫生健康支出85.04万元。工资福利支出984.34万元。'], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch');
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '58.04', '85.04'], ['error', '948.34', '984.34']]);
  });
  test('湖北: 社会保障和就业支出 1488.30 (支出总表) and 1165.30 (一般公共预算) are both right', () => {
    expect(serious('社会保障和就业支出1488.30万元。')).toEqual([]);
    expect(serious('社会保障和就业支出1165.30万元。')).toEqual([]);
  });
});

test('a 说明 title with the unit’s usual abbreviation (医保 for 医疗保险) names the same unit; another unit is still flagged', async () => {
  const yl = await resultOf(() => buildShaanxi003('repaired'), 'shaanxi003.xlsx');
  const names = (title: string) => checkNarrative([title, '本单位当年预算收入325.42万元。'], yl.disclosure).filter((f) => f.rule === 'narrative.unit_name').length;
  expect(names('子洲县医保经办中心2024年单位预算公开说明')).toBe(0);
  expect(names('子洲县财政局2024年单位预算公开说明')).toBe(1);
});

/**
 * A second reviewer's real passages (宁夏 机关事务局, 广东省级 2021, 汕头 医学院; texts alone, no workbook),
 * each verified with Decimal. Each raised a false error or went unchecked.
 */
describe('texts alone, from real 说明', () => {
  const found = (text: string) => checkNarrative([text], null).filter((f) => f.severity !== 'info');
  const shown = (text: string) => found(text).map((f) => [f.rule, f.severity, f.expected ?? '', f.actual ?? '']);

  test('“负增长 11.3%” is a fall: right after 减少 0.61 (0.61 ÷ 5.38 = 11.34%), wrong after 增加 or as 20%', () => {
    expect(shown('其中,“三公”经费4.77亿元,同比减少0.61亿元,负增长11.3%。')).toEqual([]);
    expect(shown('安排预算部门行政经费79.13亿元,较上年预算减少46.5亿元,负增长37%。')).toEqual([]);
    expect(shown('其中,“三公”经费4.77亿元,同比减少0.61亿元,负增长20%。')).toEqual([['narrative.growth', 'error', '11.34', '20']]);
    const opposite = found('其中,“三公”经费4.77亿元,同比增加0.61亿元,负增长11.3%。');
    expect(opposite.map((f) => [f.rule, f.severity])).toEqual([['narrative.growth', 'error']]);
    // The rate is quoted with its own word.
    expect(opposite[0].message).toContain('“负增长11.3%”');
  });

  test('“总预算 …，含 A …，B …；比上年增加 …”: 含 lists parts of the total, the change may be the total’s (755.18 ÷ 3716.04 = 20.32%)', () => {
    expect(shown('机管局2013年收支总预算4,471.22万元,含区泾河源山庄管理处经费250万元,政府机关幼儿园经费537.31万元;比2012年预算增加755.18万元,增长20.32%。')).toEqual([]);
    expect(shown('收支总预算4471.22万元,含幼儿园经费537.31万元,比上年增加755.18万元,增长20.32%。')).toEqual([]);
    // A rate that fits neither the total nor the part is still wrong, said of the part as for 其中.
    const wrong = found('收支总预算4471.22万元,含幼儿园经费537.31万元,比上年增加755.18万元,增长30%。');
    expect(wrong.map((f) => [f.rule, f.severity])).toEqual([['narrative.growth', 'error']]);
    expect(wrong[0].message).toContain('“幼儿园经费”');
  });

  test('“占总支出的” is a share of the 支出合计 stated before it (12270.36 ÷ 26994.72 = 45.45%)', () => {
    expect(shown('2016年我院支出合计26,994.72万元,其中基本支出12,270.36万元,占总支出的45.45%。')).toEqual([]);
    expect(shown('2016年我院支出合计26,994.72万元,其中基本支出12,270.36万元,占总支出的60.00%。')).toEqual([['narrative.share', 'error', '45.45', '60']]);
  });

  test('shares forced to total 100% (35.39 for 35.38, with 20.74 + 43.51 + 0.36): a warning that says so; alone, an error', () => {
    const list = [
      '2016年度总收入27,664.71万元,其中:财政拨款收入9,787.85万元,教育事业收入5,738.74万元,其他收入12,037.17万元,经营收入100.95万元。',
      '①财政拨款收入:本年度我院财政拨款收入共计9,787.85万元,占总收入的35.39%。',
      '②教育事业收入:本年度我院事业收入5,738.74万元,占总收入的20.74%。',
      '③其他收入:本年度我院其他收入为12,037.17万元,占总收入的43.51%。',
      '④经营收入:本年度我院经营收入为100.95万元,占总收入的0.36%。',
    ];
    const all = checkNarrative(list, null).filter((f) => f.severity !== 'info');
    expect(all.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['narrative.share', 'warning', '35.38', '35.39']]);
    expect(all[0].message).toContain('凑足 100%');
    // With only this share stated, nothing shows it was balanced: 35.39 is wrong.
    expect(checkNarrative(list.slice(0, 2), null).filter((f) => f.severity !== 'info').map((f) => [f.rule, f.severity])).toEqual([['narrative.share', 'error']]);
    // Shares that total 100 but are two units off are not a balancing: still an error.
    const off = [list[0], list[1].replace('35.39', '35.40'), list[2], list[3].replace('43.51', '43.50'), list[4]];
    expect(checkNarrative(off, null).filter((f) => f.severity === 'error').map((f) => f.actual)).toEqual(['35.4']);
  });
});

/** Cells of a sheet row (null: an empty cell). */
const row = (...vals: (string | number | null)[]) => vals.map((v) => (v === null ? undefined : { v }));
/** 上海 普陀 万里街道 2025 “三公”经费和机关运行经费预算表 (万元, published figures). */
const WANLI_THREE_PUBLIC = {
  name: '三公',
  rows: [
    row('2025年部门“三公”经费和机关运行经费预算表', null, null, null, null, null, null),
    row(null, null, null, null, null, null, '单位:万元'),
    row('“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '“三公”经费预算数', '机关运行经费预算数'),
    row('合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费', '公务用车购置及运行费', '公务用车购置及运行费', '机关运行经费预算数'),
    row('合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算数'),
    row(37.91, 0, 1.35, 36.56, 15, 21.56, 464.64),
  ],
  merges: [],
};

describe('上海 普陀 万里街道 2025 (published 说明 and tables)', () => {
  test('公务用车’s own 其中 in an item paragraph goes on past its ；: 37.91 = 0 + 36.56 + 1.35, 36.56 = 15 + 21.56', () => {
    const text = ['“三公”经费预算数为37.91万元。其中：', '（一）因公出国（境）费0万元。', '（二）公务用车购置及运行费36.56万元，其中：公务用车购置费15万元；公务用车运行费21.56万元。', '（三）公务接待费1.35万元。'];
    expect(checkNarrative(text, null).filter((f) => f.severity !== 'info')).toEqual([]);
    const wrong = [...text];
    wrong[2] = wrong[2].replace('21.56', '22.56');
    expect(checkNarrative(wrong, null).filter((f) => f.severity === 'error').map((f) => [f.rule, f.expected, f.actual])).toEqual([['narrative.sum', '36.56', '37.56']]);
  });

  test('机关运行经费 is the “三公”经费和机关运行经费预算表’s own column, not the 公用经费', async () => {
    const { checkGrid } = await import('../../src/core/engine');
    const grid = {
      source: 'wanli.xlsx',
      sheets: [
        WANLI_THREE_PUBLIC,
        {
          name: '基本',
          rows: [
            row('2025年部门一般公共预算基本支出部门预算经济分类预算表', null, null, null),
            row(null, null, null, '单位:万元'),
            row('经济分类科目编码', '经济分类科目名称', '基本支出', '基本支出'),
            row('经济分类科目编码', '经济分类科目名称', '人员经费', '公用经费'),
            row('302', '商品和服务支出', 0, 1082.77),
            row('合计', null, 0, 1082.77),
          ],
          merges: [],
        },
      ],
    };
    const d = checkGrid(grid).disclosure;
    const m = (t: string) => checkNarrative([t], d).filter((f) => f.rule === 'narrative.mismatch').map((f) => [f.severity, f.actual]);
    expect(m('2025年本部门机关运行经费预算为464.64万元。')).toEqual([]);
    expect(m('2025年本部门机关运行经费预算为446.64万元。')).toEqual([['error', '446.64']]);
  });
});

test('上海 wording “财政拨款支出预算 …”, “一般公共预算拨款支出预算 …”: the 财政拨款 and 一般公共预算 totals (湖北 1297.14)', () => {
  const m = (t: string) => checkNarrative([t], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch').map((f) => [f.severity, f.expected, f.actual]);
  expect(m('财政拨款支出预算1297.14万元。')).toEqual([]);
  expect(m('财政拨款支出预算中，一般公共预算拨款支出预算1297.14万元。')).toEqual([]);
  expect(m('财政拨款支出预算1279.14万元。')).toEqual([['error', '1297.14', '1279.14']]);
  expect(m('财政拨款支出预算中，一般公共预算拨款支出预算1279.14万元。')).toEqual([['error', '1297.14', '1279.14']]);
});

test('a 科目 named by its path, “A（类）B（款）C（项）”科目 (上海): the row of that path in the 功能科目 tables (湖北 20801: 941.34)', () => {
  const m = (t: string) => checkNarrative([t], hubei.disclosure).filter((f) => f.rule === 'narrative.mismatch').map((f) => [f.severity, f.expected, f.actual]);
  expect(m('1. “社会保障和就业支出（类）人力资源和社会保障管理事务（款）”科目941.34万元，主要用于机关运行。')).toEqual([]);
  expect(m('1. “社会保障和就业支出（类）人力资源和社会保障管理事务（款）”科目914.34万元，主要用于机关运行。')).toEqual([['error', '941.34', '914.34']]);
  // A path no table has is not guessed at.
  expect(m('1. “社会保障和就业支出（类）计划生育事务（款）”科目914.34万元。')).toEqual([]);
});

test('the 说明 written from 上海-style tables: 基本支出 from a table whose 合计 reads as 基本支出, 机关运行经费 from the “三公” table, sections numbered without gaps', async () => {
  const { checkGrid } = await import('../../src/core/engine');
  const grid = {
    source: 'wanli.xlsx',
    sheets: [
      {
        name: '基本',
        rows: [
          row('2025年部门一般公共预算基本支出部门预算经济分类预算表', null, null, null, null),
          row(null, null, null, null, '单位:万元'),
          row('经济分类科目编码', '经济分类科目名称', '一般公共预算基本支出', '一般公共预算基本支出', '一般公共预算基本支出'),
          row('经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费'),
          row('301', '工资福利支出', 9051.4, 9051.4, 0),
          row('302', '商品和服务支出', 1082.77, 0, 1082.77),
          row('合计', null, 10134.17, 9051.4, 1082.77),
        ],
        merges: [],
      },
      WANLI_THREE_PUBLIC,
    ],
  };
  const n = generateNarrative(checkGrid(grid).disclosure!);
  const titles = n.sections.filter((s) => s.level === 2).map((s) => s.title);
  expect(titles).toEqual(['（一）一般公共预算基本支出预算情况', '（二）“三公”经费预算情况', '（三）机关运行经费']);
  const text = narrativeParagraphs(n).join('\n');
  expect(text).toContain('一般公共预算基本支出 10134.17 万元');
  expect(text).toContain('人员经费 9051.40 万元，公用经费 1082.77 万元');
  expect(text).toContain('机关运行经费预算 464.64 万元');
});

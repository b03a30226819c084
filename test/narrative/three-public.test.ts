/**
 * “三公” figures of a 说明 against the “三公” table, in every layout real tables have: items as
 * columns with no 本年/上年 qualifier (江苏), items as rows with a 预算数 column (重庆, 安徽), with a
 * 上年预算数 column beside it, with two year columns (2023年预算数 | 2024年预算数), and 陕西's
 * 上年 | 当年 | 增减 blocks of columns. Before, only tables with 本年/当年 columns gave figures: a wrong
 * 会议费 in a 江苏 说明 went unnoticed.
 */
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/file/read';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { checkNarrative, generateNarrative, narrativeParagraphs } from '../../src/core/narrative';
import { Finding } from '../../src/core/finding';
import { resultOf } from './helpers';

const ROOT = path.join(__dirname, '..', '..');

async function check(file: string): Promise<CheckResult> {
  const r = await readWorkbookFile(path.join(ROOT, file));
  return checkGrid(r.grid);
}

const mismatches = (r: CheckResult, text: string): Finding[] => checkNarrative([text], r.disclosure).filter((f) => f.rule === 'narrative.mismatch');
const brief = (fs: Finding[]) => fs.map((f) => [f.severity, f.cells[0], f.expected, f.actual]);

describe('“三公” figures of the 说明 against the table', () => {
  test('江苏 (items as columns, no 本年 qualifier): the figures are compared, a wrong 会议费 is named at its cell', async () => {
    const r = await check('test/corpus/jiangsu/jiangsu-renda-2019.xlsx');
    const right = '本部门2019年“三公”经费预算767.60万元，其中：因公出国（境）费199.25万元，公务用车购置及运行维护费183.60万元，公务接待费384.75万元。本部门2019年会议费预算1469.73万元，培训费预算363.38万元。';
    expect(mismatches(r, right)).toEqual([]);
    const wrong = right.replace('1469.73', '1496.73').replace('384.75万元', '348.75万元');
    expect(brief(mismatches(r, wrong))).toEqual([
      ['error', '公开表九!G7', '384.75', '348.75'],
      ['error', '公开表九!H7', '1469.73', '1496.73'],
    ]);
  });

  test('重庆 (items as rows, 预算数): a wrong 公务接待费 is named at its row; figures in （其中…） are their own items', async () => {
    const r = await check('test/corpus/real/chongqing-jiangbei-qubenji-2021.xlsx');
    const right = '2021年区本级“三公”经费预算4432万元，其中：因公出国（境）费39万元，公务接待费323万元，公务用车购置及运行维护费4070万元（其中公务用车购置费1422万元，公务用车运行维护费2648万元）。';
    // Before, 1422 was read as a figure of “公务用车购置及运行维护费4070万元（其中公务用车购置费”
    // and held to the 公务用车购置及运行维护费 row (4070): a false error.
    expect(mismatches(r, right)).toEqual([]);
    expect(brief(mismatches(r, right.replace('公务接待费323', '公务接待费332')))).toEqual([['error', '三公经费预算支出表!B6', '323.00', '332.00']]);
    expect(brief(mismatches(r, right.replace('购置费1422', '购置费1442')))).toEqual([['error', '三公经费预算支出表!B9', '1422.00', '1442.00']]);
  });

  test('安徽 (items as rows, 2020年预算数 | 上年预算数): a 较上年 change is held to the two columns', async () => {
    const r = await check('test/corpus/real/anhui-huaiyuan-xuweixiang-2020.xlsx');
    // 公务接待费 11.52 both years; 公务用车运行维护费 10 this year, 0 last year.
    expect(mismatches(r, '公务接待费11.52万元，与上年持平；公务用车运行维护费10万元，较上年增加10万元。')).toEqual([]);
    const off = mismatches(r, '公务接待费11.52万元，较上年增加5.52万元。');
    expect(off.map((f) => [f.severity, f.cells, f.expected, f.actual])).toEqual([['error', ['三公经费预算表!B7', '三公经费预算表!C7'], '0.00', '5.52']]);
  });

  test('a 决算 table (预算数 | 决算数) gives no figure of the year: the 说明 may mean either', async () => {
    const r = await check('test/corpus/real/anhui-duji-jiguanshiwu-2021.xlsx');
    expect(mismatches(r, '2021年度“三公”经费支出167.37万元，其中：公务接待费78.16万元。')).toEqual([]);
    expect(mismatches(r, '2021年度“三公”经费支出999万元，其中：公务接待费1万元。')).toEqual([]);
  });

  test('two year columns (2023年预算数 | 2024年预算数): the earlier is last year’s, the 说明 is held to 2024', async () => {
    const r = await resultOf(() => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('三公');
      ws.addRow(['某单位2024年“三公”经费预算表']);
      ws.addRow(['', '', '单位：万元']);
      ws.addRow(['项目', '2023年预算数', '2024年预算数']);
      ws.addRow(['合计', 30, 24]);
      ws.addRow(['因公出国（境）费', 0, 0]);
      ws.addRow(['公务接待费', 10, 8]);
      ws.addRow(['公务用车购置及运行维护费', 20, 16]);
      ws.addRow(['其中：公务用车购置费', 0, 0]);
      ws.addRow(['公务用车运行维护费', 20, 16]);
      return wb;
    }, 'two-years.xlsx');
    const t = r.disclosure!.tables.find((x) => x.kind === 'three_public')!;
    expect(t.itemRows).toBe(true);
    expect(t.columns.filter((c) => c.header.includes('预算数')).map((c) => [c.key, c.header])).toEqual([
      ['prior', '2023年预算数'],
      ['budget', '2024年预算数'],
    ]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(mismatches(r, '2024年“三公”经费预算24万元，较上年减少6万元，其中：公务接待费8万元。')).toEqual([]);
    // Last year's figures stated as this year's: wrong against the 2024 column.
    expect(brief(mismatches(r, '2024年“三公”经费预算30万元，其中：公务接待费10万元。'))).toEqual([
      ['error', '三公!C4', '24.00', '30.00'],
      ['error', '三公!C6', '8.00', '10.00'],
    ]);
  });
});

describe('陕西 表12: the 上年 and 增减 columns are read item by item', () => {
  test('a wrong 上年小计 is found by the 上年 columns’ own sum and traced to its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, 'examples/子洲县医疗保险经办中心-2024单位预算公开-原样.xlsx'));
    const ws = wb.getWorksheet('12三公经费')!;
    // 上年 (D–L), 当年 (M–U) the same, 增减 (V–AC) 0: 小计 6000 = 出国 1000 + 接待 2000 + 公务用车 3000
    // (购置 0 + 运行 3000); 合计 = 小计 (no 会议费, 培训费). The unit's row says 6500 for last year's 小计.
    const year = [6000, 1000, 2000, 3000, 0, 3000, 0, 0, 6000];
    for (const row of [7, 8]) {
      year.forEach((v, i) => {
        ws.getRow(row).getCell(4 + i).value = v;
        ws.getRow(row).getCell(13 + i).value = v;
      });
      for (let c = 22; c <= 29; c++) ws.getRow(row).getCell(c).value = 0;
    }
    ws.getCell('D8').value = 6500;
    ws.getCell('L8').value = 6500;
    const r = await resultOf(() => wb, 'shaanxi-prior.xlsx');
    const t = r.disclosure!.tables.find((x) => x.kind === 'three_public')!;
    expect(t.columns.filter((c) => c.header.startsWith('上年')).map((c) => c.key)).toEqual([
      'prior_sub', 'prior_abroad', 'prior_reception', 'prior_car_sub', 'prior_car_buy', 'prior_car_run', 'prior_meeting', 'prior_training', 'prior_total',
    ]);
    // 上年小计 = Σ 上年各项 (before, these columns were only numbered and never summed).
    const own = r.findings.find((f) => f.rule === 'sum.columns' && f.cells[0] === '12三公经费!D8');
    expect(own && [own.severity, own.expected, own.actual]).toEqual(['error', '6000.00', '6500.00']);
    // One cause, D8 (its 合计 L8 follows it): 6000.
    const cause = r.causes!.find((c) => c.changes.some((ch) => ch.cell === '12三公经费!D8'));
    expect(cause?.changes.map((ch) => [ch.cell, ch.suggested])).toEqual([
      ['12三公经费!D8', '6000.00'],
      ['12三公经费!L8', '6000.00'],
    ]);
  });
});

describe('the generated “三公” paragraph', () => {
  const threeParagraph = (r: CheckResult) => {
    const n = generateNarrative(r.disclosure!);
    const s = n.sections.find((x) => x.title.includes('三公'))!;
    return { text: s.paragraphs.map((p) => p.text).join('\n'), notes: n.notes };
  };

  test('with the table’s 上年 column (安徽): each figure with its change; without (江苏): none, and the note says so', async () => {
    const xw = threeParagraph(await check('test/corpus/real/anhui-huaiyuan-xuweixiang-2020.xlsx'));
    expect(xw.text).toContain('公务接待费 11.52 万元，与上年持平');
    expect(xw.notes.join('\n')).toContain('“三公”经费的上年数取自“三公”经费表的上年栏');
    const js = threeParagraph(await check('test/corpus/jiangsu/jiangsu-renda-2019.xlsx'));
    expect(js.text).toBe('本部门当年“三公”经费预算 767.60 万元，其中：因公出国（境）费 199.25 万元，公务用车购置及运行维护费 183.60 万元，公务接待费 384.75 万元。\n本部门当年会议费预算 1469.73 万元。\n本部门当年培训费预算 363.38 万元。');
    expect(js.notes.join('\n')).not.toContain('上年栏');
  });

  test('what is generated agrees with its own tables (江苏, 重庆)', async () => {
    for (const file of ['test/corpus/jiangsu/jiangsu-renda-2019.xlsx', 'test/corpus/real/chongqing-jiangbei-qubenji-2021.xlsx']) {
      const r = await check(file);
      const paragraphs = narrativeParagraphs(generateNarrative(r.disclosure!));
      expect([file, checkNarrative(paragraphs, r.disclosure).filter((f) => f.rule === 'narrative.mismatch')]).toEqual([file, []]);
    }
  });
});

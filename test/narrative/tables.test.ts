/** The 说明 against the tables: published errors with their cells, round trip, coverage, docx, 说明 sheet. */
import Decimal from 'decimal.js';
import mammoth from 'mammoth';
import { buildShaanxi000, buildShaanxi003 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';
import { checkNarrative, extract, generateNarrative, narrativeFromGrid, narrativeParagraphs, narrativeToText } from '../../src/core/narrative';
import { physicalSpan } from '../../src/core/narrative/extract';
import { narrativeToDocx } from '../../src/file/docx';
import { CheckResult } from '../../src/core/engine';
import { Grid } from '../../src/core/grid';
import { describe_, fixtureText, resultOf, serious } from './helpers';

const cache = new Map<string, Promise<CheckResult>>();
function wb(name: '000' | '003' | '004', v: 'published' | 'repaired'): Promise<CheckResult> {
  const key = `${name}-${v}`;
  if (!cache.has(key)) {
    const build = name === '000' ? () => buildShaanxi000(v) : name === '003' ? () => buildShaanxi003(v) : () => buildHebei004(v);
    cache.set(key, resultOf(build, `${key}.xlsx`));
  }
  return cache.get(key)!;
}

describe('published 说明 against the published tables', () => {
  test('000: 2.71 (2101102) and 10.55 (2210201) are truncations of 27,177 and 105,550 元: rounding warnings on 表5', async () => {
    const r = await wb('000', 'published');
    const fs = checkNarrative(fixtureText('000_published.txt'), r.disclosure);
    const m1 = fs.find((f) => f.rule === 'narrative.mismatch' && f.text!.excerpt.includes('2101102'))!;
    expect(m1.severity).toBe('warning');
    expect(m1.cells).toEqual(['表5!C16']);
    // In the unit the 说明 writes the figure in (万元), exactly: 27,177 元 is 2.7177 万元.
    expect([m1.expected, m1.actual, m1.difference, m1.unit]).toEqual(['2.7177', '2.7100', '-0.0077', '万元']);
    const m2 = fs.find((f) => f.rule === 'narrative.mismatch' && f.text!.excerpt.includes('2210201'))!;
    expect(m2.severity).toBe('warning');
    expect(m2.expected).toBe('10.555');
    // Every other figure matches its cell.
    expect(fs.filter((f) => f.rule === 'narrative.mismatch')).toHaveLength(2);
  });

  test('a 说明 written in 元 is compared in 元 and answered in 元 (000: 2101102 is 27,177 元 in 表5)', async () => {
    const r = await wb('000', 'published');
    // Exactly the cell: no finding. 77 元 off: an error in 元 (in 万元 it would be the truncation above).
    expect(checkNarrative(['（5）事业单位医疗（2101102）27177 元。'], r.disclosure).filter((f) => f.rule === 'narrative.mismatch')).toEqual([]);
    const fs = checkNarrative(['（5）事业单位医疗（2101102）27100 元。'], r.disclosure).filter((f) => f.rule === 'narrative.mismatch');
    expect(fs.map((f) => [f.severity, f.expected, f.actual, f.cells[0]])).toEqual([['error', '27177.00', '27100.00', '表5!C16']]);
    expect(fs[0].message).toContain('为 27100 元，“部门综合预算一般公共预算支出明细表（按功能科目分）”中 2101102 事业单位医疗为 27177.00 元（表5!C16）');
    // A 较上年 change in 元 against last year's workbook (here the same tables: no change) is exact in
    // 元: 100 元 is an error, not a rounding of 0.01 万元.
    const ch = checkNarrative(['（5）事业单位医疗（2101102）27177 元，较上年增加 100 元。'], r.disclosure, { prior: r.disclosure! }).filter((f) => f.rule === 'narrative.mismatch');
    expect(ch.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '0.00', '100.00']]);
    expect(ch[0].message).toContain('本年报表 − 上年工作簿为 0.00 元');
  });

  test('a 说明 in 元 beside tables in 万元 is held only to the tables’ 0.01 万元 (004: 2080102 is 1,002.10 万元)', async () => {
    const r = await wb('004', 'repaired');
    const mismatches = (p: string) => checkNarrative([p], r.disclosure, { prior: r.disclosure! }).filter((f) => f.rule === 'narrative.mismatch');
    // 10,021,030 元 is inside 1,002.10 万元 (10,020,950–10,021,050); a change of 30 元 between two
    // such cells cannot be told from none.
    expect(mismatches('（1）一般行政管理事务（2080102）10021030 元，较上年增加 30 元。')).toEqual([]);
    // 10,031,000 元 is 1 万元 off: an error, the table's figure said in the table's unit.
    const off = mismatches('（1）一般行政管理事务（2080102）10031000 元。');
    expect(off.map((f) => f.severity)).toEqual(['error']);
    expect(off[0].message).toContain('为 1002.10 万元');
  });

  test('each side as exact as its printing: a cell printed 1002 万元 stands for 1001.5–1002.5 (004, 2080102)', async () => {
    const r = await wb('004', 'repaired');
    const d = r.disclosure!;
    // The same tables with 2080102's 合计 printed without decimals: 1002 万元.
    const coarse = {
      ...d,
      tables: d.tables.map((t) => ({
        ...t,
        rows: t.rows.map((row) => (row.code === '2080102' && row.amounts.total ? { ...row, amounts: { ...row.amounts, total: { ...row.amounts.total, value: new Decimal(10020000), decimals: 0 } } } : row)),
      })),
    };
    const mismatches = (p: string, dd = coarse) => checkNarrative([p], dd).filter((f) => f.rule === 'narrative.mismatch');
    expect(mismatches('（1）一般行政管理事务（2080102）1002.35 万元。')).toEqual([]);
    expect(mismatches('（1）一般行政管理事务（2080102）1003.60 万元。').map((f) => f.severity)).toEqual(['error']);
    // Printed alike (1,002.10 万元 in the table, two decimals in the text), they must be the same
    // figure: one unit of the last digit off is a rounding warning, not agreement.
    expect(mismatches('（1）一般行政管理事务（2080102）1002.11 万元。', d).map((f) => f.severity)).toEqual(['warning']);
  });

  test('a change written with one decimal is read to that decimal (000: 2101102 27,177 元, last year 22,777 元)', async () => {
    const r = await wb('000', 'published');
    const d = r.disclosure!;
    // Last year's workbook: the same tables with 2101102 at 22,777 元 (so the change is 0.44 万元).
    const prior = {
      ...d,
      tables: d.tables.map((t) => ({
        ...t,
        rows: t.rows.map((row) => (row.code === '2101102' && row.amounts.total ? { ...row, amounts: { ...row.amounts, total: { ...row.amounts.total, value: new Decimal(22777) } } } : row)),
      })),
    };
    const changes = (p: string) => checkNarrative([p], d, { prior }).filter((f) => f.rule === 'narrative.mismatch' && f.message.includes('较上年增减'));
    // 0.4 is 0.44 rounded to the one decimal written; 0.5 is not.
    expect(changes('（5）事业单位医疗（2101102）2.72 万元，较上年增加 0.4 万元。')).toEqual([]);
    expect(changes('（5）事业单位医疗（2101102）2.72 万元，较上年增加 0.6 万元。').map((f) => f.severity)).toEqual(['error']);
  });

  test('003: 医疗保障管理事务 is the 款 name of 21015, not of 2101550 事业运行; 302 stated 42.54 vs 40.52 in the table', async () => {
    const r = await wb('003', 'published');
    const fs = checkNarrative(fixtureText('003_published.txt'), r.disclosure);
    const cn = fs.find((f) => f.rule === 'narrative.code_name')!;
    expect(cn.severity).toBe('error');
    expect(cn.text!.excerpt).toBe('医疗保障管理事务（2101550）');
    expect(cn.message).toContain('21015');
    expect(cn.cells[0]).toMatch(/^05功能明细!/);
    const mm = fs.find((f) => f.rule === 'narrative.mismatch' && f.text!.excerpt.includes('（302）'))!;
    expect(mm.severity).toBe('error');
    expect([mm.expected, mm.actual, mm.unit]).toEqual(['40.52', '42.54', '万元']);
    expect(mm.cells[0]).toMatch(/^06经济明细!/);
  });

  test('a 空表 claim that contradicts a table with data is an error', async () => {
    const r = await wb('000', 'repaired');
    const fs = checkNarrative(['七、政府采购情况说明', '本单位当年无政府采购预算，并已公开空表。', '四、收支说明', '本单位当年无“三公”经费预算。'], r.disclosure);
    // 000 has no 政府采购 data: no finding; its 三公 table is empty too.
    expect(fs.filter((f) => f.rule === 'narrative.empty_claim')).toHaveLength(0);
    const fs2 = checkNarrative(['本单位无当年政府性基金预算收支，并已公开空表。', '本单位当年公用经费预算安排 2.64 万元。'], r.disclosure);
    expect(serious(fs2)).toHaveLength(0);
    const wrong = checkNarrative(['本单位当年公用经费预算安排 3.64 万元。'], r.disclosure);
    expect(wrong[0].rule).toBe('narrative.mismatch');
    expect(wrong[0].severity).toBe('error');
  });
});

describe('repaired 说明 against the repaired tables: no error, no warning', () => {
  for (const n of ['000', '003'] as const) {
    test(n, async () => {
      const r = await wb(n, 'repaired');
      expect(describe_(serious(checkNarrative(fixtureText(`${n}_repaired.txt`), r.disclosure)))).toBe('');
    });
  }
});

describe('generated 说明', () => {
  for (const [n, v] of [
    ['000', 'repaired'],
    ['003', 'repaired'],
    ['000', 'published'],
    ['004', 'repaired'],
    ['004', 'published'],
  ] as const) {
    test(`round trip ${n} ${v}: checks clean against its own workbook`, async () => {
      const r = await wb(n, v);
      expect(r.disclosure).not.toBeNull();
      const nar = generateNarrative(r.disclosure!);
      expect(nar.sections.length).toBeGreaterThan(2);
      const fs = serious(checkNarrative(narrativeParagraphs(nar), r.disclosure));
      expect(describe_(fs)).toBe('');
      // Every number carries at least one cell of the workbook.
      const sheets = new Set(r.disclosure!.tables.map((t) => t.sheet));
      for (const s of nar.sections)
        for (const p of s.paragraphs)
          for (const num of p.numbers) {
            expect(num.cells.length).toBeGreaterThan(0);
            for (const c of num.cells) expect(sheets.has(c.slice(0, c.lastIndexOf('!')))).toBe(true);
            expect(p.text.slice(num.start, num.end)).toBe(num.text);
          }
    });
  }

  test('003 published: the generated text states the table as it is, so the table’s own 302 error shows as a 其中 sum gap', async () => {
    const r = await wb('003', 'published');
    const fs = serious(checkNarrative(narrativeParagraphs(generateNarrative(r.disclosure!)), r.disclosure));
    expect(fs.map((f) => f.rule)).toEqual(['narrative.sum']);
    expect(fs[0].expected).toBe('325.42');
    expect(fs[0].actual).toBe('323.40');
  });

  for (const n of ['000', '003'] as const) {
    test(`${n}: every amount the published 说明 states correctly appears identically in ours`, async () => {
      const r = await wb(n, 'repaired');
      const ours = generateNarrative(r.disclosure!);
      const ourNumbers = new Set(ours.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.numbers.filter((x) => x.unit === '万元').map((x) => x.text))));
      const pub = fixtureText(`${n}_published.txt`);
      const wrong = checkNarrative(pub, (await wb(n, 'published')).disclosure).filter((f) => f.rule === 'narrative.mismatch' || f.rule === 'narrative.code_name');
      const wrongAt = new Set(wrong.map((f) => `${f.text!.paragraph}:${f.text!.end}`));
      const x = extract(pub);
      const missing: string[] = [];
      let compared = 0;
      for (const st of x.statements) {
        const at = physicalSpan(x, st.amount.paragraph, st.amount.start, st.amount.end);
        if (st.amount.unit !== '万元' || wrongAt.has(`${at.paragraph}:${at.end}`)) continue;
        // Only this year's amounts: 较上年 figures need last year's workbook.
        compared++;
        const s = new Decimal(st.amount.value).toFixed(2);
        if (!ourNumbers.has(s)) missing.push(`${st.subject} ${st.amount.raw}`);
      }
      expect(compared).toBeGreaterThan(20);
      expect(missing).toEqual([]);
    });
  }

  test('with last year’s workbook: 增加/减少/持平 by sign, no “增加 0 万元”, reasons as placeholders', async () => {
    const cur = await wb('003', 'repaired');
    const prior = await wb('000', 'repaired');
    const n = generateNarrative(cur.disclosure!, prior.disclosure);
    const text = narrativeParagraphs(n).join('\n');
    expect(text).toContain('本单位当年预算收入 325.42 万元，其中一般公共预算拨款收入 325.42 万元、政府性基金拨款收入 0.00 万元，较上年增加 174.48 万元，主要原因是【请填写原因】');
    expect(text).not.toMatch(/增加 0(\.00)? 万元/);
    expect(n.placeholders).toBe((text.match(/【请填写/g) ?? []).length);
    // The change carries both years' cells.
    const p = n.sections.find((s) => s.id === 'shaanxi.4.1')!.paragraphs[0];
    const ch = p.numbers.find((x) => x.text === '174.48')!;
    expect(ch.note).toBe('本年 − 上年');
    expect(ch.cells.length).toBe(2);
    // Known limitation: 000 (the “prior” here) has 2080109 and 003 has 2101550; items present in only one
    // year are not listed, so the 功能科目 parts' changes do not add up to the total's change.
    expect(serious(checkNarrative(narrativeParagraphs(n), cur.disclosure)).map((f) => f.rule)).toEqual(['narrative.change_sum']);
  });

  test('.docx written with docx and read back with mammoth keeps headings and numbers', async () => {
    const r = await wb('000', 'repaired');
    const n = generateNarrative(r.disclosure!);
    const buf = await narrativeToDocx(n);
    const html = (await mammoth.convertToHtml({ buffer: buf })).value;
    expect(html).toContain('<h1>四、收支说明</h1>');
    expect(html).toContain('<h2>（一）收支预算总体情况</h2>');
    expect(html).toContain('本单位当年预算收入 150.94 万元');
    expect(html).toContain('社会保险经办机构（2080109）118.40 万元');
    const text = (await mammoth.extractRawText({ buffer: buf })).value;
    expect(text).toContain('九、公用经费情况说明');
    expect(text).toContain('2.64 万元');
    // Only the 说明: the count of 【请填写…】 left is the tool's status, not part of the document.
    expect(n.placeholders).toBeGreaterThan(0);
    expect(text).not.toContain('尚有');
    expect(narrativeToText(n)).not.toContain('尚有');
    expect(narrativeToText(n, 'md')).not.toContain('尚有');
  });
});

describe('a 说明 sheet inside the workbook', () => {
  test('findings point at the sheet’s cells', async () => {
    const r = await wb('003', 'published');
    const grid: Grid = {
      source: 'x.xlsx',
      sheets: [
        {
          name: '公开说明',
          merges: [],
          rows: fixtureText('003_published.txt').map((p) => [{ v: p }]),
        },
      ],
    };
    const n = narrativeFromGrid(grid)!;
    expect(n.sheet).toBe('公开说明');
    const fs = checkNarrative(n.paragraphs, r.disclosure, { paragraphCells: n.cells });
    const cn = fs.find((f) => f.rule === 'narrative.code_name')!;
    expect(cn.cells[0]).toBe(`公开说明!A${cn.text!.paragraph}`);
    expect(cn.cells[1]).toMatch(/^05功能明细!/);
  });
});

describe('机关运行经费 against the 机关运行经费 table', () => {
  test('江苏 人大 2019: the figure is 公开表十一’s 合计 (1642.08 万元); 1462.08 is an error there (before: unmatched, no 公用经费 column)', async () => {
    const { readWorkbookFile } = await import('../../src/file/read');
    const { checkGrid } = await import('../../src/core/engine');
    const r = checkGrid((await readWorkbookFile(require('path').join(__dirname, '../corpus/jiangsu/jiangsu-renda-2019.xlsx'))).grid);
    const text = (v: string) => [`本部门2019年机关运行经费预算${v}万元，主要用于办公费、印刷费、水电费等。`];
    expect(serious(checkNarrative(text('1642.08'), r.disclosure))).toEqual([]);
    const wrong = checkNarrative(text('1462.08'), r.disclosure).filter((f) => f.severity === 'error');
    expect(wrong.map((f) => [f.rule, f.cells, f.expected, f.actual])).toEqual([['narrative.mismatch', ['公开表十一!C5'], '1642.08', '1462.08']]);
  });

  test('陕西 000 (no such table): 机关运行经费 is still read as the 公用经费 it is made of — a gap is a warning that says so', async () => {
    const r = await wb('000', 'repaired');
    const pub = r.disclosure!.tables.find((t) => t.kind === 'gp_func')!;
    const total = pub.rows.find((row) => row.isTotal)!.amounts.public!;
    const wan = total.value.dividedBy(10000).toFixed(2);
    expect(serious(checkNarrative([`本单位当年机关运行经费预算${wan}万元。`], r.disclosure))).toEqual([]);
    // (机关运行经费 is the 公用经费 of 行政 and 参公 units only: without its own table, not proof.)
    expect(checkNarrative([`本单位当年机关运行经费预算${new Decimal(wan).plus(1).toFixed(2)}万元。`], r.disclosure).filter((f) => f.severity !== 'info').map((f) => [f.severity, f.cells])).toEqual([['warning', [total.cell]]]);
  });
});

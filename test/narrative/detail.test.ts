/** 陕西 功能科目 items with their 人员经费 / 公用经费 / 专项业务费, generated and checked against that row. */
import Decimal from 'decimal.js';
import { buildShaanxi000, buildShaanxi003 } from '../fixtures/shaanxi';
import { checkNarrative, generateNarrative, narrativeParagraphs } from '../../src/core/narrative';
import { primary } from '../../src/core/narrative/figures';
import { formatWan } from '../../src/core/money';
import { CheckResult } from '../../src/core/engine';
import { resultOf, serious, describe_ } from './helpers';

const cache = new Map<string, Promise<CheckResult>>();
const wb = (n: '000' | '003') => {
  if (!cache.has(n)) cache.set(n, resultOf(() => (n === '000' ? buildShaanxi000('repaired') : buildShaanxi003('repaired')), `${n}.xlsx`));
  return cache.get(n)!;
};

describe('陕西 功能科目: the parts of each 项', () => {
  for (const n of ['000', '003'] as const) {
    test(`${n}: every 项 with more than one of 人员经费/公用经费/专项业务费 states each, from its own row`, async () => {
      const r = await wb(n);
      const d = r.disclosure!;
      const func = primary(d, 'gp_func')!;
      const text = narrativeParagraphs(generateNarrative(d)).join('\n');
      let split = 0;
      for (const row of func.rows.filter((x) => !x.isTotal && x.level === 2 && x.code && x.amounts.total && !x.amounts.total.value.isZero())) {
        const parts = (
          [
            ['personnel', '人员经费'],
            ['public', '公用经费'],
            ['special', '专项业务费'],
          ] as const
        ).filter(([k]) => row.amounts[k] && !new Decimal(formatWan(row.amounts[k]!.value)).isZero());
        const line = text.split('\n').find((l) => l.includes(`（${row.code}）`))!;
        expect(line).toBeDefined();
        if (parts.length < 2) {
          expect(line).not.toContain('其中：');
          continue;
        }
        split++;
        for (const [k, name] of parts) expect(line).toContain(`${name} ${formatWan(row.amounts[k]!.value)} 万元`);
      }
      expect(split).toBeGreaterThan(0);
    });
  }

  test('a wrong 人员经费 of one 项 is compared with that row’s cell, not the 合计 row', async () => {
    const r = await wb('000');
    const d = r.disclosure!;
    const row = primary(d, 'gp_func')!.rows.find((x) => x.code === '2080109')!;
    const paras = narrativeParagraphs(generateNarrative(d));
    const right = `人员经费 ${formatWan(row.amounts.personnel!.value)} 万元`;
    const i = paras.findIndex((p) => p.includes('（2080109）') && p.includes(right));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(describe_(serious(checkNarrative(paras, d)))).toBe('');
    const wrong = [...paras];
    wrong[i] = wrong[i].replace(right, '人员经费 1.00 万元');
    const fs = serious(checkNarrative(wrong, d));
    const m = fs.find((f) => f.rule === 'narrative.mismatch' && f.text!.excerpt.includes('人员经费'));
    expect(m?.severity).toBe('error');
    expect(m!.cells).toEqual([row.amounts.personnel!.cell]);
  });
});

describe('较上年 against last year’s workbook', () => {
  test('compared only when last year’s workbook is given', async () => {
    const cur = (await wb('003')).disclosure!;
    const prior = (await wb('000')).disclosure!;
    const paras = narrativeParagraphs(generateNarrative(cur, prior));
    const mism = (ps: string[], p: typeof prior | null) => checkNarrative(ps, cur, { prior: p }).filter((f) => f.rule === 'narrative.mismatch');
    expect(mism(paras, prior)).toEqual([]);
    // 2080505 is in both years: its 较上年 is this year's row − last year's row.
    const i = paras.findIndex((p) => p.includes('（2080505）') && /较上年(增加|减少) /.test(p));
    expect(i).toBeGreaterThanOrEqual(0);
    const wrong = [...paras];
    wrong[i] = wrong[i].replace(/较上年(增加|减少) [\d.]+ 万元/, '较上年$1 99.99 万元');
    const withPrior = mism(wrong, prior);
    expect(withPrior.map((f) => f.severity)).toEqual(['error']);
    expect(withPrior[0].message).toContain('上年工作簿');
    expect(withPrior[0].cells.length).toBe(2);
    // Without last year's workbook there is nothing to compare the change with.
    expect(mism(wrong, null)).toEqual([]);
  });
});

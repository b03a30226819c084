/** Money: parsing what accountants type, units, the one tolerance rule, and rounding for text. */
import Decimal from 'decimal.js';
import {
  compareAmounts,
  decimalFromNumber,
  decimalsOf,
  formatWan,
  formatYuan,
  numberToYuan,
  parseAmount,
  parseUnitText,
  toYuan,
} from '../../src/core/money';

const amount = (v: Parameters<typeof parseAmount>[0]) => {
  const p = parseAmount(v);
  if (p.kind !== 'amount') throw new Error(`not an amount: ${JSON.stringify(p)}`);
  return p.value.toString();
};

describe('parseAmount accepts numbers as accountants type them (seed 003 stores 表1 figures as text)', () => {
  test.each([
    [1509422, '1509422'],
    ['2,812,840.00', '2812840'],
    ['１５０９４２２．００', '1509422'],
    [' 1 509 422 ', '1509422'],
    ['(48,978.00)', '-48978'],
    ['¥158,000', '158000'],
    [0.1 + 0.2, '0.3'],
    [2654.52, '2654.52'],
  ])('%p → %s', (v, want) => expect(amount(v)).toBe(want));

  test.each([[null], [''], ['-'], ['—'], ['**'], ['  ']])('%p is empty (zero when summing)', (v) => {
    expect(parseAmount(v).kind).toBe('empty');
  });

  test.each([['指标值'], [{ error: '#REF!' }], [true]])('%p is not a number and says why', (v) => {
    const p = parseAmount(v);
    expect(p.kind).toBe('error');
    if (p.kind === 'error') expect(p.reason).toMatch(/不是数字|错误值|逻辑值/);
  });
});

describe('units', () => {
  test.each([
    ['单位：元', '元'],
    ['金额单位：万元', '万元'],
    ['单位: 千元', '千元'],
    ['（万元）', '万元'],
    ['单位名称：子洲县工伤保险经办中心', undefined],
  ])('%s → %s', (t, u) => expect(parseUnitText(t)).toBe(u));

  test('万元 and 千元 become 元 exactly', () => {
    expect(toYuan(new Decimal('2654.52'), '万元').toFixed(2)).toBe('26545200.00');
    expect(toYuan(new Decimal('1509.422'), '千元').toFixed(2)).toBe('1509422.00');
  });

  test('numberToYuan equals parse-then-convert for every unit, including doubles with noise', () => {
    for (const n of [2654.52, 0.48, 1002.1, 3.28, 0.1 + 0.2, 1509422, 12.345678901234, -55.2]) {
      for (const u of ['元', '千元', '万元'] as const) {
        expect(numberToYuan(n, u).eq(toYuan(decimalFromNumber(n), u))).toBe(true);
      }
    }
  });

  test('decimals printed in a cell (for the 万元 tolerance)', () => {
    expect(decimalsOf(2654.52)).toBe(2);
    expect(decimalsOf(1509422)).toBe(0);
    expect(decimalsOf(98, '0.00')).toBe(2);
    expect(decimalsOf('1,002.10')).toBe(2);
  });
});

describe('the tolerance rule (DESIGN.md: exact in 元; half a unit of the last digit per rounded figure in 万元)', () => {
  const yuan = (s: string) => new Decimal(s);
  test('元: any gap is a real difference', () => {
    expect(compareAmounts(yuan('1509422'), yuan('1509422'), { unit: '元' })).toBe('equal');
    expect(compareAmounts(yuan('1509422'), yuan('1509421'), { unit: '元' })).toBe('different');
  });
  test('万元 with 2 decimals: a total of 4 rounded addends may be off by 5 × 0.005 万元 = 250 元', () => {
    expect(compareAmounts(yuan('1509400'), yuan('1509600'), { unit: '万元', decimals: 2, roundedTerms: 5 })).toBe('rounding');
    expect(compareAmounts(yuan('1509400'), yuan('1509700'), { unit: '万元', decimals: 2, roundedTerms: 5 })).toBe('different');
  });
});

describe('formatting', () => {
  test('formatWan rounds half-up to 2 decimals (seed 000: 27,177 元 is 2.72 万元, the 说明 printed 2.71)', () => {
    expect(formatWan(new Decimal(27177))).toBe('2.72');
    expect(formatWan(new Decimal(1509422))).toBe('150.94');
    expect(formatWan(new Decimal(5))).toBe('0.00');
    expect(formatWan(new Decimal(50))).toBe('0.01');
  });
  test('formatYuan groups thousands', () => {
    expect(formatYuan(new Decimal('-48978'))).toBe('-48,978.00');
    expect(formatYuan(new Decimal('1400400.5'))).toBe('1,400,400.50');
  });
});

describe('formula leftovers and odd signs', () => {
  test('a leftover like 1.4551915228366852e-11 is zero, in 元 and in 万元 (it used to throw)', () => {
    expect(numberToYuan(1.4551915228366852e-11, '万元').isZero()).toBe(true);
    expect(numberToYuan(5.82e-12, '元').isZero()).toBe(true);
    expect(numberToYuan(1e16, '万元').toFixed()).toBe('100000000000000000000');
  });
  test('U+2212 minus and 人民币万元', () => {
    expect(amount('−1,200.00')).toBe('-1200');
    expect(parseUnitText('单位：人民币万元')).toBe('万元');
  });
});

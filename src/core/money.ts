/**
 * Money: amounts are Decimal in 元 inside the engine. This module is the one place that
 * parses cell values into amounts, converts units and states the comparison tolerance.
 */
import Decimal from 'decimal.js';
import { CellValue, isCellError } from './grid';

export { Decimal };

export type MoneyUnit = '元' | '千元' | '万元' | '亿元';

export const UNIT_FACTOR: Record<MoneyUnit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

export const ZERO = new Decimal(0);

export type ParsedAmount =
  | { kind: 'amount'; value: Decimal }
  | { kind: 'empty' }
  | { kind: 'error'; reason: string };

const FULLWIDTH_DIGITS = /[０-９．，－＋]/g;
/** Minus signs other than '-' that spreadsheets and PDFs produce (U+2212, full-width hyphen). */
const MINUS = /[\u2212\uFE63]/g;

function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Excel gives doubles: keep 15 significant digits so 0.1+0.2-style noise disappears. */
export function decimalFromNumber(n: number): Decimal {
  // Integers below 2^53 are exact doubles: no string round trip needed (most 元 amounts).
  if (Number.isSafeInteger(n)) return new Decimal(n);
  // 15 significant digits, then at most 6 decimals: formula leftovers such as 5.82e-12 (from
  // =D7-F7 on equal figures) are zero, and no budget figure carries more than 6 decimals in its unit.
  return new Decimal(n.toPrecision(15)).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

/**
 * Parses a cell value as an amount in the table's own unit.
 * Accepts numbers, "1,509,422.00", full-width digits, spaces, "(123)" negatives,
 * and "-", "—", "/", "" as empty (zero when summing).
 */
export function parseAmount(v: CellValue | undefined): ParsedAmount {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', reason: '非有限数值' };
    return { kind: 'amount', value: decimalFromNumber(v) };
  }
  if (typeof v === 'boolean') return { kind: 'error', reason: '逻辑值' };
  if (isCellError(v)) return { kind: 'error', reason: `错误值 ${v.error}` };
  let s = toHalfWidth(String(v)).replace(MINUS, '-').replace(/[\s\u00a0\u3000]/g, '');
  if (s === '' || /^[-—–/－*]+$/.test(s)) return { kind: 'empty' };
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = s.replace(/,/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return { kind: 'error', reason: `不是数字：“${String(v).trim()}”` };
  let d = new Decimal(s);
  if (negative) d = d.negated();
  return { kind: 'amount', value: d };
}

const UNIT_EXPONENT: Record<MoneyUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * A number read from a cell in `unit`, as a Decimal in 元: the same result as
 * toYuan(decimalFromNumber(n), unit), parsed once ("123.45e4") instead of parsed and multiplied.
 */
export function numberToYuan(n: number, unit: MoneyUnit): Decimal {
  if (unit === '元' || Number.isSafeInteger(n)) return toYuan(decimalFromNumber(n), unit);
  const d = decimalFromNumber(n);
  // Shift the decimal point by the unit's exponent without a multiplication.
  return new Decimal(`${d.toFixed()}e${UNIT_EXPONENT[unit]}`);
}

export function toYuan(amountInUnit: Decimal, unit: MoneyUnit): Decimal {
  return unit === '元' ? amountInUnit : amountInUnit.times(UNIT_FACTOR[unit]);
}

export function fromYuan(yuan: Decimal, unit: MoneyUnit): Decimal {
  return yuan.dividedBy(UNIT_FACTOR[unit]);
}

/** Reads "单位：万元", "金额单位：元", "单位:千元" etc. Returns undefined when no unit is named. */
export function parseUnitText(text: string): MoneyUnit | undefined {
  const t = text.replace(/\s/g, '');
  const m = /(?:金额)?单位[:：](?:人民币)?(亿元|千元|万元|元)/.exec(t);
  if (m) return m[1] as MoneyUnit;
  if (/^[（(](亿元|千元|万元|元)[)）]$/.test(t)) return t.slice(1, -1) as MoneyUnit;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tolerance — stated once, used by every comparison.
//
// * Tables in 元 (or 千元): sums must be exact.
// * Tables in 万元 printed with d decimals: each printed figure may be off by half a unit of its
//   last digit. A total compared with n addends may differ by up to (n + 1) × 0.5 × 10^-d 万元
//   through rounding alone. Such a gap is a warning (rounding); a larger one is an error.
// * Figures in 说明 text are 万元 with 2 decimals, rounded half-up from 元 (ROUNDING below).
// ---------------------------------------------------------------------------------------------

/** How 元 are rounded to 万元 for display and for text: half-up, 2 decimals. */
export const WAN_DECIMALS = 2;
export const ROUNDING = Decimal.ROUND_HALF_UP;

/** 元 → 万元 string with 2 decimals, rounded half-up. */
export function formatWan(yuan: Decimal): string {
  return yuan.dividedBy(10000).toDecimalPlaces(WAN_DECIMALS, ROUNDING).toFixed(WAN_DECIMALS);
}

const HALF_UNITS = new Map<string, Decimal>();
/**
 * Half a unit of the last printed digit, in 元, for a figure in `unit` printed with `decimals`.
 * Decimals are immutable, so each (unit, decimals) is computed once: every comparison of the
 * rules asks for one, and the diagnosis re-runs the rules many times.
 */
export function halfUnitYuan(unit: MoneyUnit, decimals: number): Decimal {
  const key = `${unit}${decimals}`;
  let h = HALF_UNITS.get(key);
  if (!h) HALF_UNITS.set(key, (h = new Decimal(5).times(new Decimal(10).pow(-decimals - 1)).times(UNIT_FACTOR[unit])));
  return h;
}

export type Comparison = 'equal' | 'rounding' | 'different';

/**
 * Compares two amounts in 元.
 * @param roundedTerms how many rounded figures take part on both sides (e.g. a total and its
 *   n addends: n + 1). 0 for exact comparison.
 * @param unit, decimals the printed unit and decimals of those figures.
 */
export function compareAmounts(
  expected: Decimal,
  actual: Decimal,
  opts: { unit: MoneyUnit; decimals?: number; roundedTerms?: number } = { unit: '元' },
): Comparison {
  const diff = actual.minus(expected).abs();
  if (diff.isZero()) return 'equal';
  if (opts.unit === '元') return 'different';
  const decimals = opts.decimals ?? WAN_DECIMALS;
  const terms = Math.max(opts.roundedTerms ?? 2, 1);
  const envelope = halfUnitYuan(opts.unit, decimals).times(terms);
  return diff.lte(envelope) ? 'rounding' : 'different';
}

/**
 * A printed rate: -0.0703 formatted 0.00% is -7.03 percent points (2 decimals), and so is "-7.03%";
 * both are `marked` (the cell says %). A bare number (-7.03, or -0.0703) is the number as printed:
 * whether it is in points or a fraction, only its column's header or figures can tell (sum.rate).
 * undefined for a blank or a text that is not a number.
 */
export function parseRate(v: CellValue | undefined, fmt?: string): { value: Decimal; decimals: number; marked: boolean } | undefined {
  if (typeof v === 'number') {
    if (fmt && /%/.test(fmt.replace(/"[^"]*"|\\./g, ''))) {
      const m = /0\.(0+)\s*%/.exec(fmt);
      return { value: decimalFromNumber(v).times(100), decimals: m ? m[1].length : 0, marked: true };
    }
    return { value: decimalFromNumber(v), decimals: decimalsOf(v, fmt), marked: false };
  }
  if (typeof v !== 'string') return undefined;
  const m = /^([+-]?\d+(?:\.(\d+))?)\s*([%％]?)$/.exec(toHalfWidth(v).replace(MINUS, '-').replace(/[\s\u00a0\u3000]/g, ''));
  return m ? { value: new Decimal(m[1]), decimals: m[2]?.length ?? 0, marked: m[3] !== '' } : undefined;
}

/**
 * A rate printed as a fraction (-0.0966) in percent points (-9.66), its decimals two fewer: a fraction
 * printed 0.1 is 10 points to the nearest 10 (decimals −1), which compareRate allows for.
 */
export function fractionToPoints(r: { value: Decimal; decimals: number }): { value: Decimal; decimals: number } {
  return { value: r.value.times(100), decimals: r.decimals - 2 };
}

/**
 * A printed growth rate against the amounts it is computed from (the same tolerance idea as for
 * sums): `now` and `base` (or the change and `base`) in 元, each possibly off by half a unit of its
 * last printed digit (`half`, 0 in a 元 table); the rate printed with `decimals`.
 *  - 'equal': the rate of the printed figures, rounded to the printed decimals;
 *  - 'rounding': some figures within those half units give the printed rate (rates are usually
 *    computed from the unrounded amounts: 出国 12 万元 against 90 万元 printed -86.62%, not -86.67%);
 *  - 'different': no such figures do. Undefined when the base is 0 or could be (no rate then).
 * `exact` is the rate of the printed figures, to the printed decimals.
 */
export function compareRate(
  printed: Decimal,
  decimals: number,
  top: { value: Decimal; half: Decimal },
  base: { value: Decimal; half: Decimal },
  by: 'ratio' | 'change',
): { comparison: Comparison; exact: Decimal } | undefined {
  if (base.value.abs().lte(base.half)) return undefined;
  const rate = (t: Decimal, b: Decimal) => (by === 'ratio' ? t.minus(b) : t).dividedBy(b).times(100);
  // The last printed digit's unit: 0.01 for 2 decimals, 10 for a fraction 0.1 read as points (decimals −1).
  const quantum = new Decimal(10).pow(-decimals);
  const exact = rate(top.value, base.value).dividedBy(quantum).toDecimalPlaces(0, ROUNDING).times(quantum);
  if (exact.eq(printed)) return { comparison: 'equal', exact };
  // The rate is monotonic in each figure on either side of a base that is not 0: its extremes are at the corners.
  const corners: Decimal[] = [];
  for (const t of [top.value.minus(top.half), top.value.plus(top.half)]) for (const b of [base.value.minus(base.half), base.value.plus(base.half)]) corners.push(rate(t, b));
  const printedHalf = quantum.dividedBy(2);
  const low = Decimal.min(...corners).minus(printedHalf);
  const high = Decimal.max(...corners).plus(printedHalf);
  return { comparison: printed.gte(low) && printed.lte(high) ? 'rounding' : 'different', exact };
}

/** Formats an amount in 元 for messages: thousands separators, 2 decimals. */
export function formatYuan(yuan: Decimal): string {
  const fixed = yuan.toFixed(2);
  const [int, frac] = fixed.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${groupThousands(digits)}.${frac}`;
}

/** "1400400" → "1,400,400": an unsigned string of digits grouped in thousands. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Number of decimals a cell's text or number shows (for tolerance on 万元 tables). */
export function decimalsOf(v: CellValue | undefined, fmt?: string): number {
  if (fmt) {
    const m = /0\.(0+)/.exec(fmt);
    if (m) return m[1].length;
    if (/^[#,]*0$/.test(fmt)) return 0;
  }
  if (typeof v === 'string') {
    const m = /\.(\d+)/.exec(toHalfWidth(v).replace(/,/g, ''));
    return m ? m[1].length : 0;
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return 0;
    const s = String(parseFloat(v.toPrecision(15)));
    if (s.includes('e')) return decimalFromNumber(v).decimalPlaces();
    const i = s.indexOf('.');
    return i < 0 ? 0 : s.length - i - 1;
  }
  return 0;
}

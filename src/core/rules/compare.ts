/**
 * Shared comparison helpers for the rules: one place that turns "these amounts must agree"
 * into a finding with cells, expected, actual and difference, applying the tolerance from
 * money.ts and recognising 元/万元 mix-ups (a figure off by a factor of 10⁴).
 */
import Decimal from 'decimal.js';
import { Amount, Row, Table } from '../disclosure';
import { Finding, figures } from '../finding';
import { MoneyUnit, ROUNDING, UNIT_FACTOR, ZERO, compareAmounts, formatYuan, fromYuan } from '../money';

const TEN_THOUSAND = new Decimal(10000);

/** Printed figures an amount stands for (a Σ of n figures carries n roundings). */
export function terms(a: Amount): number {
  return a.terms ?? 1;
}

export function sumAmounts(amounts: (Amount | undefined)[]): Decimal {
  let sum = ZERO;
  for (const a of amounts) {
    if (!a) continue;
    // Many cells of a disclosure are blank or 0: adding them would only allocate.
    const v = a.value;
    if (!v.isZero()) sum = sum.plus(v);
  }
  return sum;
}

function maxDecimals(amounts: (Amount | undefined)[]): number {
  return amounts.reduce((m, a) => (a && !a.blank ? Math.max(m, a.decimals) : m), 0);
}

/** The unit that governs tolerance: the coarsest unit among the tables involved. */
export function coarsest(...units: MoneyUnit[]): MoneyUnit {
  if (units.includes('亿元')) return '亿元';
  if (units.includes('万元')) return '万元';
  if (units.includes('千元')) return '千元';
  return '元';
}

/**
 * If multiplying or dividing one addend by 10⁴ would close the gap exactly (within the
 * tolerance), that addend is a 元/万元 mix-up. Returns the culprit and its factor.
 *
 * The figure so corrected must still print as a figure: 11.52 万元 ÷ 10⁴ is 0.00 万元 at the
 * table's two decimals, so against a 合计 left blank it says only "this addend would have to be 0"
 * — nothing points to 10⁴ — and the gap is an ordinary one.
 */
function findMixup(expected: Decimal, actual: Decimal, candidates: Amount[], unit: MoneyUnit, decimals: number): Amount | undefined {
  const gap = actual.minus(expected); // actual (stated) − expected (computed)
  for (const a of candidates) {
    if (a.value.isZero()) continue;
    // The candidate is an addend of `expected`: replacing it by a×10⁴ or a/10⁴ closes the gap?
    for (const fixed of [a.value.times(TEN_THOUSAND), a.value.dividedBy(TEN_THOUSAND)]) {
      if (fromYuan(fixed, unit).toDecimalPlaces(decimals, ROUNDING).isZero()) continue;
      const delta = fixed.minus(a.value);
      if (compareAmounts(gap, delta, { unit, decimals, roundedTerms: 4 }) !== 'different') return a;
    }
  }
  return undefined;
}

function isMixupPair(a: Decimal, b: Decimal, decimals: number): boolean {
  if (a.isZero() || b.isZero()) return false;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    if (compareAmounts(x.times(TEN_THOUSAND), y, { unit: '万元', decimals: Math.max(decimals, 2), roundedTerms: 2 }) !== 'different') return true;
  }
  return false;
}

/** An amount in 元 shown in the unit of the table it came from: "1,509,422.00 元" or "372.00 万元". */
export function shown(yuan: Decimal, unit: MoneyUnit): string {
  return `${formatYuan(fromYuan(yuan, unit))} ${unit}`;
}

export interface SumCheck {
  rule: string;
  table: Table;
  /** The stated total. */
  total: Amount;
  parts: Amount[];
  /** Chinese description of what must hold; a function so that it is only built when the check fails. */
  what: string | (() => string);
  unit?: MoneyUnit;
}

/** total = Σ parts. Returns a finding when it does not hold (warning if rounding only). */
export function checkSum(check: SumCheck): Finding | null {
  const expected = sumAmounts(check.parts);
  const actual = check.total.value;
  const unit = check.unit ?? check.table.unit;
  if (actual.eq(expected)) return null;
  const decimals = maxDecimals([check.total, ...check.parts]);
  const cmp = compareAmounts(expected, actual, { unit, decimals, roundedTerms: terms(check.total) + check.parts.reduce((n, p) => n + terms(p), 0) });
  const c = { ...check, what: typeof check.what === 'function' ? check.what() : check.what };
  const cells = [c.total.cell, ...c.parts.map((p) => p.cell)];
  const mix = cmp === 'different' ? findMixup(expected, actual, c.parts, unit, decimals) : undefined;
  if (mix) {
    return {
      rule: 'unit.mixup',
      severity: 'error',
      message: `${c.what}：不相符，且 ${mix.cell} 的 ${shown(mix.value, unit)}看来是元与万元混用（乘以或除以 10000 后即相符）。`,
      cells: [mix.cell, ...cells.filter((x) => x !== mix.cell)],
      ...figures(expected, actual),
      table: c.table.title,
    };
  }
  if (!c.total.blank && c.parts.length === 1 && isMixupPair(expected, actual, decimals)) {
    return {
      rule: 'unit.mixup',
      severity: 'error',
      message: `${c.what}：两数相差 10000 倍，看来是元与万元混用。`,
      cells,
      ...figures(expected, actual),
      table: c.table.title,
    };
  }
  return {
    rule: c.rule,
    severity: cmp === 'rounding' ? 'warning' : 'error',
    message:
      cmp === 'rounding'
        ? `${c.what}：相差 ${shown(actual.minus(expected), unit)}，在四舍五入的误差范围内，请核对尾数。`
        : `${c.what}：应为 ${shown(expected, unit)}，实为 ${shown(actual, unit)}，相差 ${shown(actual.minus(expected), unit)}。`,
    cells,
    ...figures(expected, actual),
    table: c.table.title,
  };
}

export interface EqualCheck {
  rule: string;
  /** The figure taken as reference (listed second in cells). */
  expected: Amount;
  expectedUnit: MoneyUnit;
  /** The figure checked (listed first in cells). */
  actual: Amount;
  actualUnit: MoneyUnit;
  what: string | (() => string);
  table?: string;
  /** 'eq' (default) or 'gte': actual must be ≥ expected. */
  relation?: 'eq' | 'gte';
}

/**
 * A 元 figure against the same figure printed in 万元 (or 千元): the finer one, rounded half-up to
 * the coarser one's printed decimals, must equal it; one unit of the last digit off is rounding.
 */
function compareAcrossUnits(c: EqualCheck): 'equal' | 'rounding' | 'different' {
  const fineIsExpected = UNIT_FACTOR[c.expectedUnit].lt(UNIT_FACTOR[c.actualUnit]);
  const fine = fineIsExpected ? c.expected : c.actual;
  const coarse = fineIsExpected ? c.actual : c.expected;
  const coarseUnit = fineIsExpected ? c.actualUnit : c.expectedUnit;
  const factor = UNIT_FACTOR[coarseUnit];
  const decimals = coarse.blank ? 2 : coarse.decimals;
  const rounded = fine.value.dividedBy(factor).toDecimalPlaces(decimals, ROUNDING);
  const printed = coarse.value.dividedBy(factor).toDecimalPlaces(decimals, ROUNDING);
  const gap = rounded.minus(printed).abs();
  if (gap.isZero()) return 'equal';
  // Each printed figure on either side may be half a unit off; a Σ of n figures n halves.
  const halves = terms(fine) + terms(coarse);
  return gap.lte(new Decimal(10).pow(-decimals).times(halves).dividedBy(2).plus(new Decimal(10).pow(-decimals).dividedBy(2))) ? 'rounding' : 'different';
}

/** True when two figures agree exactly (after rounding the finer one to the coarser one's unit). */
export function agrees(a: Amount, aUnit: MoneyUnit, b: Amount, bUnit: MoneyUnit): boolean {
  if (aUnit === bUnit) return a.value.eq(b.value);
  return compareAcrossUnits({ rule: '', expected: a, expectedUnit: aUnit, actual: b, actualUnit: bUnit, what: '' }) === 'equal';
}

/** Two figures that must agree, possibly from tables in different units. */
export function checkEqual(check: EqualCheck): Finding | null {
  const unit = coarsest(check.expectedUnit, check.actualUnit);
  const decimals = maxDecimals([check.expected, check.actual]);
  const e = check.expected.value;
  const a = check.actual.value;
  if (check.relation === 'gte' && a.gte(e)) return null;
  if (a.eq(e)) return null;
  const c = { ...check, what: typeof check.what === 'function' ? check.what() : check.what };
  const cmp = c.expectedUnit !== c.actualUnit ? compareAcrossUnits(c) : compareAmounts(e, a, { unit, decimals, roundedTerms: terms(c.expected) + terms(c.actual) });
  if (cmp === 'equal') return null;
  const cells = [c.actual.cell, c.expected.cell];
  if (cmp === 'different' && isMixupPair(e, a, decimals)) {
    return {
      rule: 'unit.mixup',
      severity: 'error',
      message: `${c.what}：两数相差 10000 倍（${formatYuan(a)} 元 与 ${formatYuan(e)} 元），看来是元与万元混用。`,
      cells,
      ...figures(e, a),
      table: c.table,
    };
  }
  const relation = c.relation === 'gte' ? '不应小于' : '应等于';
  return {
    rule: c.rule,
    severity: cmp === 'rounding' ? 'warning' : 'error',
    message:
      cmp === 'rounding'
        ? `${c.what}：相差 ${shown(a.minus(e), unit)}，在四舍五入的误差范围内，请核对尾数。`
        : `${c.what}：${c.actual.cell} ${relation} ${c.expected.cell}，应为 ${shown(e, unit)}，实为 ${shown(a, unit)}，相差 ${shown(a.minus(e), unit)}。`,
    cells,
    ...figures(e, a),
    table: c.table,
  };
}

/** "“208 社会保障和就业支出”" / "“本年收入合计”" / "第 12 行" — how a row is named in messages. */
export function rowName(r: Row): string {
  const label = [r.code, r.name ?? r.label].filter(Boolean).join(' ');
  return label ? `“${label}”` : `第 ${r.row} 行`;
}

export function tableName(t: Table): string {
  return `${t.number ?? ''}“${t.title}”`;
}

/** Header text of a column key, for messages. */
export function columnName(t: Table, key: string): string {
  const c = t.columns.find((x) => x.key === key);
  if (!c) return '金额';
  const parts = c.header.split('/');
  // "人员经费/金额": the group names the column, "金额" does not.
  const last = parts[parts.length - 1];
  return `“${/^(金额|数额|预算数|预算金额)$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last}”列`;
}

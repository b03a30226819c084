/**
 * Finding: what a rule reports. Every finding names its cells (the first is where to look)
 * and, when it compares figures, gives expected, actual and difference.
 */
import Decimal from 'decimal.js';
import { MoneyUnit, formatYuan, groupThousands } from './money';

const AMOUNT = /^-?\d+(\.\d+)?$/;

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Where in a narrative text a finding points (paragraph is 1-based, start/end are character offsets in it). */
export interface TextPosition {
  paragraph: number;
  start: number;
  end: number;
  excerpt: string;
}

export interface Finding {
  /** Stable rule id, e.g. "sum.hierarchy". */
  rule: string;
  severity: Severity;
  /** Chinese message for the user. */
  message: string;
  /** "<sheet name>!A1" references; the first is where to look. May be empty only for text-only findings. */
  cells: string[];
  /**
   * Figures as decimal strings in 元 unless `unit` says otherwise; with unit 'text' they are not
   * amounts but what was expected and found (a 单位编码, a 表号, a name).
   */
  expected?: string;
  actual?: string;
  difference?: string;
  unit?: '元' | '万元' | '%' | 'text';
  /** The table the finding belongs to (its title as printed), for grouping. */
  table?: string;
  /** For findings on narrative text. */
  text?: TextPosition;
  /** Stable id within a check result ("F1a2b3c"), set by the engine. */
  id?: string;
  /** Id of the cause (src/core/causes) that explains this finding, if any. */
  cause?: string;
}

/** Fills expected / actual / difference (actual − expected) from Decimals in 元. */
export function figures(expected: Decimal, actual: Decimal): Pick<Finding, 'expected' | 'actual' | 'difference'> {
  return {
    expected: expected.toFixed(2),
    actual: actual.toFixed(2),
    difference: actual.minus(expected).toFixed(2),
  };
}

/** "应为 1,509,422.00 元，实为 1,500,000.00 元，相差 -9,422.00 元" */
export function describeGap(expected: Decimal, actual: Decimal): string {
  return `应为 ${formatYuan(expected)} 元，实为 ${formatYuan(actual)} 元，相差 ${formatYuan(actual.minus(expected))} 元`;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/**
 * A finding's expected / actual / difference as shown to users: "1,400,400.00 元", "7,290,000.00 万元",
 * "12.50%", or the text itself for unit 'text' (a 单位编码, a 表号). '' when absent.
 */
export function figureText(s: string | undefined, unit: Finding['unit'] | MoneyUnit): string {
  if (s === undefined || s === '') return '';
  if (unit === 'text' || !AMOUNT.test(s) || (unit === undefined && !/\.\d{2}$/.test(s))) return s;
  if (unit === '%') return `${s}%`;
  const d = new Decimal(s);
  // Grouped in thousands in both units, as the sentences of findings and causes write them; at least
  // 2 decimals, more where the figure has them (0.001 万元 is not 0.00).
  const [int, frac] = d.abs().toFixed(Math.max(2, d.decimalPlaces())).split('.');
  const grouped = `${d.isNegative() && !d.isZero() ? '-' : ''}${groupThousands(int)}.${frac}`;
  // A cause's change may be in 千元 or 亿元 (the table's unit); a finding's figures are in 元 or 万元.
  return `${grouped} ${unit ?? '元'}`;
}

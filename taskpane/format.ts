/** Display helpers for figures in findings (Decimal strings in 元, or 万元 / %). */
import { Decimal, formatYuan } from '../src/core/money';
import type { Finding } from '../src/core/finding';

/** Amounts come from figures() as fixed 2-decimal strings; anything else (a code, a 表号) is shown as is. */
const AMOUNT = /^-?\d+(\.\d+)?$/;

export function isAmount(s: string | undefined, unit: Finding['unit']): boolean {
  return s !== undefined && AMOUNT.test(s) && (unit !== undefined || /\.\d{2}$/.test(s));
}

export function formatFigure(s: string | undefined, unit: Finding['unit']): string {
  if (s === undefined || s === '') return '—';
  if (!isAmount(s, unit)) return s;
  if (unit === '%') return `${s}%`;
  const d = new Decimal(s);
  return unit === '万元' ? `${d.toFixed(2)} 万元` : `${formatYuan(d)} 元`;
}

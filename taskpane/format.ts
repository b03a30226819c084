/** Display helpers for figures in findings (Decimal strings in 元, or 万元 / %). */
import { Decimal, formatYuan } from '../src/core/money';
import type { Finding } from '../src/core/finding';

export function formatFigure(s: string | undefined, unit: Finding['unit']): string {
  if (s === undefined || s === '') return '—';
  if (unit === '%') return `${s}%`;
  try {
    const d = new Decimal(s);
    return unit === '万元' ? `${d.toFixed(2)} 万元` : `${formatYuan(d)} 元`;
  } catch {
    return s;
  }
}

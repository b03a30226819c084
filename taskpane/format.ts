/** Display helpers for findings in the pane: figures in the table's own unit, the sentence without the figures repeated. */
import Decimal from 'decimal.js';
import { Finding, figureText } from '../src/core/finding';

/** Figures of findings as shown in the pane ("—" when absent); the formatting rule lives in src/core/finding.ts. */
export function formatFigure(s: string | undefined, unit: Finding['unit']): string {
  return figureText(s, unit) || '—';
}

/** True when the figure is an amount (shown with 元/万元), not a code or 表号. */
export function isAmount(s: string | undefined, unit: Finding['unit']): boolean {
  return s !== undefined && figureText(s, unit) !== s;
}

const AMOUNT = /^-?\d+(\.\d+)?$/;

/**
 * One figure in the unit of the finding's table: findings carry 元; a table printed in 万元 shows
 * 万元, with as many decimals as needed (at least 2) so that nothing is rounded away.
 */
export function figureInUnit(s: string | undefined, unit: Finding['unit'], tableUnit: string | undefined): string {
  if (s === undefined || s === '') return '—';
  if (tableUnit === '万元' && (unit === undefined || unit === '元') && AMOUNT.test(s)) {
    const d = new Decimal(s).div(10000);
    let text = d.toFixed(2);
    for (let places = 3; places <= 6 && !new Decimal(text).eq(d); places++) text = d.toFixed(places);
    const [int, frac] = text.split('.');
    return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac} 万元`;
  }
  return formatFigure(s, unit);
}

/**
 * The finding's sentence for a card that lists 应为 / 实为 / 差额 on their own lines: the
 * "应为 …，实为 …，相差 …" clause is taken out of the sentence so the figures are not printed twice.
 */
export function cardMessage(f: Finding): string {
  if (f.expected === undefined || f.actual === undefined) return f.message;
  // figures use ASCII commas as thousands separators; the clauses are separated by '，'
  const out = f.message.replace(/[：:，]?\s*应为\s*[^，。；]+，\s*实为\s*[^，。；]+(?:，\s*相差\s*[^，。；）)]+)?/, '');
  return out === f.message ? f.message : out.replace(/^(.*?)([。；]?)$/, (_m, a: string, b: string) => `${a}${b || '。'}`).replace(/\s+。/, '。');
}

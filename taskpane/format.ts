/** Display helpers for figures in findings (Decimal strings in 元, or 万元 / %). */
import { Finding, figureText } from '../src/core/finding';

/** Figures of findings as shown in the pane ("—" when absent); the formatting rule lives in src/core/finding.ts. */
export function formatFigure(s: string | undefined, unit: Finding['unit']): string {
  return figureText(s, unit) || '—';
}

/** True when the figure is an amount (shown with 元/万元), not a code or 表号. */
export function isAmount(s: string | undefined, unit: Finding['unit']): boolean {
  return s !== undefined && figureText(s, unit) !== s;
}

/**
 * The causes as rows of the 校验结果 sheet (both the add-in's and the annotated copy's): one row per
 * cell to change, the first row of a cause carrying its number, certainty and message. Amounts are
 * shown in the table's own unit, as the cause gives them.
 */
import { Cause } from './types';

export const CERTAINTY_LABEL: Record<Cause['certainty'], string> = {
  sure: '确定',
  likely: '很可能',
  ambiguous: '无法判断（几种改法同样成立）',
};

export const CAUSE_HEADER = ['原因', '把握', '要改的单元格', '现为', '应为', '单位', '说明'];

export interface CauseRow {
  /** "原因 1" on a cause's first row, '' on its further changes. */
  label: string;
  certainty: string;
  cell: string;
  current: string;
  suggested: string;
  unit: string;
  message: string;
}

/** "1509422.00" → "1,509,422.00"; text (codes, names) as it is. */
function shown(s: string | undefined, unit: string): string {
  if (s === undefined) return '';
  if (unit === 'text' || !/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [i, f] = s.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f !== undefined ? `.${f}` : ''}`;
}

export function causeRows(causes: Cause[]): CauseRow[] {
  const out: CauseRow[] = [];
  causes.forEach((c, i) => {
    c.changes.forEach((ch, j) => {
      out.push({
        label: j === 0 ? `原因 ${i + 1}` : '',
        certainty: j === 0 ? CERTAINTY_LABEL[c.certainty] : '',
        cell: ch.cell,
        current: shown(ch.current, ch.unit),
        suggested: ch.suggested === undefined ? '（填入数字）' : shown(ch.suggested, ch.unit),
        unit: ch.unit === 'text' ? '' : ch.unit,
        message: j === 0 ? c.message : '',
      });
    });
  });
  return out;
}

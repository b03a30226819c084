/**
 * Tables simply not found, said once: recognition gives one note per table the template expects
 * and the workbook lacks (rule table.missing, no cell), each with the same advice. A workbook
 * that holds only its 三公 table would list a dozen of them. The command line and the task pane
 * both show them as one line per severity: which tables, and the advice once.
 *
 * A table whose title was found but whose header could not be read is another matter: its note
 * names the title's cell and stays a finding of its own.
 */
import { Finding, Severity } from './finding';

/** The advice of a table.missing note, by severity (info: the national set; warning: the province's template requires it). */
export const MISSING_ADVICE: Record<'info' | 'warning', string> = {
  info: '以上为财政部标准公开表中的表；各省模板不尽相同，若本省要求公开这些表，即使无数据也应公开空表。',
  warning: '若本单位无这些表的数据，也应公开空表并在目录中说明理由。',
};

/** A note that a table the template expects was not found at all (nothing in the workbook to point at). */
export function isNotFound(f: Finding): boolean {
  return f.rule === 'table.missing' && f.cells.length === 0;
}

export interface NotFoundGroup {
  severity: Severity;
  /** The tables' titles, in the order recognition listed them. */
  titles: string[];
  advice: string;
  /** The notes folded into this group. */
  notes: Finding[];
}

/** The not-found notes grouped by severity (warnings first), and every other finding as it was. */
export function foldNotFound(findings: Finding[]): { groups: NotFoundGroup[]; rest: Finding[] } {
  const rest: Finding[] = [];
  const bySeverity = new Map<Severity, Finding[]>();
  for (const f of findings) {
    if (!isNotFound(f)) {
      rest.push(f);
      continue;
    }
    const list = bySeverity.get(f.severity);
    if (list) list.push(f);
    else bySeverity.set(f.severity, [f]);
  }
  const order: Severity[] = ['error', 'warning', 'info'];
  const groups = order
    .filter((s) => bySeverity.has(s))
    .map((severity) => {
      const notes = bySeverity.get(severity)!;
      return {
        severity,
        titles: notes.map((f) => f.table ?? '').filter(Boolean),
        advice: MISSING_ADVICE[severity === 'info' ? 'info' : 'warning'],
        notes,
      };
    });
  return { groups, rest };
}

/** One sentence for a group: "未找到 3 张应有的表：A、B、C。" and its advice. */
export function notFoundSentence(g: NotFoundGroup): string {
  return `未找到 ${g.titles.length} 张应有的表：${g.titles.join('、')}。${g.advice}`;
}

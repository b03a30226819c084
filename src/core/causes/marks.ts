/**
 * What each cell is, for painting: the suspect of a cause (the cell to change: red when the
 * diagnosis is sure, yellow when it is only likely or ambiguous), a related cell of a cause (it
 * takes part in the failed checks but holds a correct value: pale fill and a note naming the
 * suspect), or a cell of a finding no change explains (painted by the finding's severity).
 * Pure data; src/core/marks.ts and the Excel/file writers decide how it looks.
 */
import { Finding } from '../finding';
import { Cause } from './types';

export interface CellRole {
  cell: string;
  role: 'suspect' | 'related' | 'unexplained';
  /** 'error' = red, 'warning' = yellow, 'info' = pale. */
  level: 'error' | 'warning' | 'info';
  /** The cause (for suspects and related cells). */
  cause?: string;
  /** For suspects: what the cell should hold. */
  suggested?: string;
  /** Chinese note for the cell. */
  note: string;
}

/**
 * One role per cell: a suspect wins over a related cell, a sure cause over a likely one, and a
 * cause over an unexplained finding. Causes are taken in their order (most important first).
 */
export function causeMarks(causes: Cause[], findings: Finding[]): CellRole[] {
  const out = new Map<string, CellRole>();
  const rank = (r: CellRole) => (r.role === 'suspect' ? (r.level === 'error' ? 0 : 1) : r.role === 'related' ? 2 : r.level === 'error' ? 3 : 4);
  const put = (r: CellRole) => {
    const prev = out.get(r.cell);
    if (!prev || rank(r) < rank(prev)) out.set(r.cell, r);
  };
  const byId = new Map(findings.map((f) => [f.id, f]));
  for (const c of causes) {
    const level = c.certainty === 'sure' ? 'error' : 'warning';
    const options = c.options ?? [c.changes];
    const suspects = new Set(options.flat().map((ch) => ch.cell));
    const names = [...suspects].join('、');
    for (const ch of options.flat()) {
      put({
        cell: ch.cell,
        role: 'suspect',
        level,
        cause: c.id,
        suggested: ch.suggested,
        note: c.message,
      });
    }
    for (const id of c.findings) {
      for (const cell of byId.get(id)?.cells ?? []) {
        if (suspects.has(cell)) continue;
        put({ cell, role: 'related', level: 'info', cause: c.id, note: `与 ${names} 的核对相关；本格数字无误，需修改的是 ${names}。` });
      }
    }
  }
  for (const f of findings) {
    if (f.cause || f.severity === 'info' || f.cells.length === 0) continue;
    put({ cell: f.cells[0], role: 'unexplained', level: f.severity, note: f.message });
  }
  return [...out.values()];
}

/**
 * For src/core/marks.ts planMarks(findings, kindOf, linesOf) and the annotated copy: a finding's
 * cells are painted as its cause says — the cause's cells to change red (yellow when the cause is
 * only likely or ambiguous), its other cells 'related' (pale). A finding no change explains keeps
 * its severity on all its cells (nothing says which of them is wrong).
 */
export function causeMarkKind(causes: Cause[]): (f: Finding, ref: string) => 'error' | 'warning' | 'info' | 'related' {
  const byId = new Map(causes.map((c) => [c.id, c]));
  return (f, ref) => {
    const c = f.cause ? byId.get(f.cause) : undefined;
    if (!c) return f.severity;
    const suspects = (c.options ?? [c.changes]).flat().map((ch) => ch.cell);
    if (suspects.includes(ref)) return c.certainty === 'sure' ? 'error' : 'warning';
    return 'related';
  };
}

/**
 * The note lines for a finding on a cell, given its usual line: on a cell to change, the cause's
 * suggestion first; on a related cell, the usual line prefixed with the cells to change.
 */
export function causeMarkLines(causes: Cause[]): (f: Finding, ref: string, line: string) => string[] {
  const byId = new Map(causes.map((c) => [c.id, c]));
  return (f, ref, line) => {
    const c = f.cause ? byId.get(f.cause) : undefined;
    if (!c) return [line];
    const suspects = [...new Set((c.options ?? [c.changes]).flat().map((ch) => ch.cell))];
    if (suspects.includes(ref)) return [`需修改：${c.message}`, line];
    return [`相关（本格无误，需修改的是 ${suspects.join('、')}）：${line}`];
  };
}

/**
 * Figures of a generated 说明 that come from cells the workbook's own check found wrong.
 *
 * The 说明 is written from the tables as they are: a wrong table figure is copied into the text, and
 * the text then repeats the mistake (a 合计 of 325.42 万元 over items that add up to 323.40). The user
 * is told which figure, which cell, and what the check says the cell should be, before pasting:
 *  - a cell a cause changes (src/core/causes): what it should be, as the cause says;
 *  - the first cell of an error no cause explains (by the Finding contract the cell holding the
 *    `actual` figure: a 合计 that is not the sum of its lines, the figure that disagrees with
 *    another table's); the error itself is quoted. The figures it is compared with are not named:
 *    nothing says they are wrong.
 * A cell named by an error that a cause explains elsewhere is not suspect: the cause says which
 * cell is wrong. Warnings (rounding, a blank that should read 0) are not repeated here.
 */
import type { Finding } from '../finding';
import type { Cause } from '../causes/types';
import { shownValue } from '../causes/diagnose';
import type { NarrativeSection } from './types';

/** The workbook's check, as the engine gave it (findings with ids and their `cause`, and the causes). */
export interface WorkbookCheck {
  findings: Finding[];
  causes?: Cause[];
}

export interface SuspectFigure {
  /** The cell the figure comes from ("<sheet>!A1"). */
  cell: string;
  /** The figure as written in the 说明 ("325.42") and its unit. */
  number: string;
  unit: '万元' | '%';
  /** Headings of the sections that use it, in order. */
  sections: string[];
  /** Why it is suspect, in Chinese ("4财政拨款收支总表!G8 应为 55,200.00（现为 65,200.00）"). */
  reason: string;
  /** The cause (C1 …) or finding (F3 …) that says so. */
  source?: string;
}

/** Listed one by one up to this many; the rest are counted. */
const LISTED = 8;

export function suspectFigures(sections: NarrativeSection[], check: WorkbookCheck): SuspectFigure[] {
  const why = new Map<string, { reason: string; source?: string }>();
  const errors = new Set(check.findings.filter((f) => f.severity === 'error' && f.id).map((f) => f.id));
  for (const c of check.causes ?? []) {
    // A cause of warnings only (a rounding, a blank that should read 0) is not repeated here.
    if (c.kind !== 'value' || !c.findings.some((id) => errors.has(id))) continue;
    const sets = c.options && c.options.length > 1 ? c.options : [c.changes];
    for (const set of sets) {
      for (const ch of set) {
        if (why.has(ch.cell) || ch.unit === 'text') continue;
        const value = (v: string | undefined) => `${shownValue(v, ch.unit)}${ch.unit === '元' && v ? ' 元' : ''}`;
        why.set(
          ch.cell,
          sets.length > 1
            ? { reason: `检查发现该单元格可能有误：${c.message}`, source: c.id }
            : { reason: `检查认为该单元格应为 ${value(ch.suggested)}（现为 ${value(ch.current)}）`, source: c.id },
        );
      }
    }
  }
  for (const f of check.findings) {
    if (f.severity !== 'error' || f.cause || f.rule.startsWith('narrative.')) continue;
    const cell = f.cells[0];
    if (cell && !why.has(cell)) why.set(cell, { reason: `检查发现：${f.message}`, source: f.id });
  }
  if (why.size === 0) return [];
  const out = new Map<string, SuspectFigure>();
  for (const s of sections) {
    for (const p of s.paragraphs) {
      for (const n of p.numbers) {
        for (const cell of n.cells) {
          const w = why.get(cell);
          if (!w) continue;
          const seen = out.get(cell);
          if (seen) {
            if (!seen.sections.includes(s.title)) seen.sections.push(s.title);
          } else out.set(cell, { cell, number: n.text, unit: n.unit, sections: [s.title], reason: w.reason, source: w.source });
        }
      }
    }
  }
  return [...out.values()];
}

/** The notes that tell the user, one per suspect cell (the first few), then how many more. */
export function suspectNotes(suspects: SuspectFigure[]): string[] {
  if (suspects.length === 0) return [];
  const notes = [`说明中有 ${suspects.length} 个数字取自检查发现有问题的单元格，已按报表原样写出；请先修正报表，再重新生成说明：`];
  for (const s of suspects.slice(0, LISTED)) {
    const where = s.sections.length > 1 ? `“${s.sections[0]}”等 ${s.sections.length} 节` : `“${s.sections[0]}”`;
    notes.push(`${where}中的 ${s.number} ${s.unit}取自 ${s.cell}，${s.reason.replace(/[。；]$/, '')}。`);
  }
  if (suspects.length > LISTED) notes.push(`另有 ${suspects.length - LISTED} 个数字同样取自有问题的单元格。`);
  return notes;
}

/**
 * What to paint: the plain list of cell marks computed from the findings, with the colours and
 * caps defined once. The Excel add-in (src/excel/marks.ts) and the annotated copy
 * (src/file/write.ts) only render this list; neither decides colours or caps itself.
 *
 * No Office, ExcelJS or Node imports here.
 */
import { Finding, SEVERITY_LABEL, Severity } from './finding';
import { a1, parseRef } from './grid';

/**
 * What a mark means. The severities are the finding's; 'related' is a pale fill for a cell that
 * belongs to a finding's cause without being its suspect (the diagnosis module may use it).
 */
export type MarkKind = Severity | 'related';

/** Fill colours (#RRGGBB) of marks: Excel's own "bad / neutral / note" palette, and a pale rose. */
export const MARK_COLOR: Record<MarkKind, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
  related: '#FCE4EC',
};

/** The same colours as ExcelJS ARGB ('FFFFC7CE'). */
export function markArgb(kind: MarkKind): string {
  return `FF${MARK_COLOR[kind].slice(1).toUpperCase()}`;
}

/** Limits of a mark layer, in one place. */
export const MARK_CAPS = {
  /** Most cells a single reference (a range) may flag: a range names a block, not a sheet. */
  cellsPerRef: 500,
  /** Most finding lines in one note; the rest are counted and sent to 校验结果. */
  noteLines: 5,
} as const;

/** Every note the add-in writes starts with this, so it only ever deletes its own notes. */
export const NOTE_PREFIX = '【预算公开校验】';

/** The sheet of findings the add-in (and the annotated copy) writes. */
export const RESULTS_SHEET_NAME = '校验结果';

const RANK: Record<MarkKind, number> = { error: 0, warning: 1, info: 2, related: 3 };

/** One cell to paint. */
export interface CellMark {
  sheet: string;
  /** "B6" */
  address: string;
  kind: MarkKind;
  /** MARK_COLOR[kind] */
  color: string;
  /** One line per finding on this cell, worst first ("错误：…"). */
  lines: string[];
  /** The note text (NOTE_PREFIX, the first MARK_CAPS.noteLines lines, then a count). */
  note: string;
  /** Indices into the findings list of every finding naming this cell. */
  findings: number[];
}

/** "错误：本年收入合计应等于…" */
export function markLine(f: Finding): string {
  return `${SEVERITY_LABEL[f.severity]}：${f.message}`;
}

export function noteFor(lines: string[]): string {
  const shown = lines.slice(0, MARK_CAPS.noteLines);
  const more = lines.length - shown.length;
  return `${NOTE_PREFIX}\n${shown.join('\n')}${more > 0 ? `\n……另有 ${more} 条，见“${RESULTS_SHEET_NAME}”表` : ''}`;
}

/**
 * The cells the findings point at, one entry per cell, with the worst severity and every
 * finding's line; range references are expanded cell by cell up to MARK_CAPS.cellsPerRef.
 * `opts.kindOf` / `opts.lineOf` let a caller (the diagnosis of causes) mark a finding's cells
 * otherwise than by its severity, e.g. only the suspect red and the others 'related' with a note
 * naming the suspect.
 */
export interface PlanOptions {
  /** How a finding's reference is marked (default: by the finding's severity). */
  kindOf?: (f: Finding, ref: string) => MarkKind;
  /** The note line a finding puts on that reference's cells (default: markLine(f)). */
  lineOf?: (f: Finding, ref: string) => string;
}

export function planMarks(findings: Finding[], opts: PlanOptions = {}): CellMark[] {
  const kindOf = opts.kindOf ?? ((f: Finding) => f.severity);
  const lineOf = opts.lineOf ?? ((f: Finding) => markLine(f));
  const out = new Map<string, CellMark>();
  findings.forEach((f, index) => {
    for (const ref of f.cells) {
      const p = parseRef(ref);
      if (!p) continue;
      const kind = kindOf(f, ref);
      const endRow = p.endRow ?? p.row;
      const endCol = p.endCol ?? p.col;
      let n = 0;
      for (let r = p.row; r <= endRow && n < MARK_CAPS.cellsPerRef; r++) {
        for (let c = p.col; c <= endCol && n < MARK_CAPS.cellsPerRef; c++, n++) {
          const address = a1(r, c);
          const key = `${p.sheet}!${address}`;
          const line = lineOf(f, ref);
          const m = out.get(key);
          if (!m) out.set(key, { sheet: p.sheet, address, kind, color: MARK_COLOR[kind], lines: [line], note: '', findings: [index] });
          else {
            if (RANK[kind] < RANK[m.kind]) {
              m.kind = kind;
              m.color = MARK_COLOR[kind];
            }
            if (!m.lines.includes(line)) m.lines.push(line);
            if (!m.findings.includes(index)) m.findings.push(index);
          }
        }
      }
    }
  });
  const marks = [...out.values()];
  for (const m of marks) m.note = noteFor(m.lines);
  return marks;
}

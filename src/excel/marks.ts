/**
 * Marks: a removable layer over the user's workbook.
 *
 * applyMarks fills each flagged cell (colour by severity), adds a note where the host supports
 * notes (ExcelApi 1.18) and the cell has none, and writes a 校验结果 sheet listing every finding
 * with a hyperlink to its cell. The original fill of every marked cell is saved in a workbook
 * setting (stored inside the file, so 清除标记 still works after the pane or the workbook was
 * closed). Re-running replaces the previous marks; it never stacks them, and it never saves a
 * mark colour as an "original".
 *
 * clearMarks restores each saved fill exactly (colour, pattern, pattern colour, tint; cells that
 * had no fill get none), removes only the notes the add-in wrote, deletes the 校验结果 sheet and
 * the setting. A cell whose fill the user changed after marking keeps the user's change.
 * No cell value is ever written outside the 校验结果 sheet.
 *
 * Each operation takes three syncs: (1) state + sheet list, (2) current formats of the cells
 * involved, (3) all writes in one batch.
 */
import { CheckResult } from '../core/engine';
import { Finding, Severity, SEVERITY_LABEL, countBySeverity, figureText } from '../core/finding';
import { a1, colLetters, parseRef } from '../core/grid';
import { ExcelHost, RESULTS_SHEET, RUN_OPTIONS, STATE_SETTING, capabilities, countingSync } from './host';

/** Fill colours of marks (Excel's own "bad / neutral / note" palette). */
export const MARK_COLOR: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** Every note the add-in writes starts with this, so it only ever deletes its own notes. */
export const NOTE_PREFIX = '【预算公开校验】';

/** A cell's fill as saved before marking; null = the cell had no fill. */
export interface SavedFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface MarkRecord {
  sheet: string;
  /** "A1" */
  address: string;
  /** The user's fill before the first mark. */
  original: SavedFill | null;
  /** The colour the add-in put there. */
  mark: string;
  /** True when the add-in wrote a note on this cell. */
  note: boolean;
}

export interface MarkState {
  version: 1;
  resultsSheet?: string;
  marks: MarkRecord[];
  markedAt: string;
}

export interface MarkSummary {
  cells: number;
  notes: number;
  resultsSheet: string;
  /** References that could not be marked (unknown or protected sheet), with the reason. */
  skipped: { ref: string; reason: string }[];
  syncs: number;
}

export interface ClearSummary {
  restored: number;
  /** Cells whose fill the user changed after marking: left as the user made them. */
  keptUserChanges: number;
  notesRemoved: number;
  resultsSheetRemoved: boolean;
  syncs: number;
}

export interface MarkOptions {
  /** Activate the 校验结果 sheet afterwards (the ribbon command does; the pane does not). */
  activateResults?: boolean;
  now?: Date;
}

const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
};

/** Most cells a single finding reference (a range) may flag. */
const MAX_CELLS_PER_REF = 500;

interface Target {
  sheet: string;
  address: string;
  severity: Severity;
  lines: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The cells the findings point at, one entry per cell, with the worst severity and the messages. */
export function collectTargets(findings: Finding[]): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const f of findings) {
    for (const ref of f.cells) {
      const p = parseRef(ref);
      if (!p) continue;
      const endRow = p.endRow ?? p.row;
      const endCol = p.endCol ?? p.col;
      let n = 0;
      for (let r = p.row; r <= endRow && n < MAX_CELLS_PER_REF; r++) {
        for (let c = p.col; c <= endCol && n < MAX_CELLS_PER_REF; c++, n++) {
          const key = `${p.sheet}!${a1(r, c)}`;
          const t = out.get(key);
          const line = `${SEVERITY_LABEL[f.severity]}：${f.message}`;
          if (!t) out.set(key, { sheet: p.sheet, address: a1(r, c), severity: f.severity, lines: [line] });
          else {
            if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[t.severity]) t.severity = f.severity;
            if (!t.lines.includes(line)) t.lines.push(line);
          }
        }
      }
    }
  }
  return out;
}

function sameColor(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '').toUpperCase() === (b ?? '').toUpperCase();
}

function fillOf(props: Excel.CellProperties | undefined): SavedFill | null {
  const fill = props?.format?.fill;
  if (!fill || !fill.pattern || fill.pattern === 'None') return null;
  const out: SavedFill = { color: String(fill.color), pattern: String(fill.pattern) };
  if (fill.patternColor !== undefined && fill.patternColor !== null) out.patternColor = String(fill.patternColor);
  if (fill.tintAndShade !== undefined && fill.tintAndShade !== null) out.tintAndShade = Number(fill.tintAndShade);
  return out;
}

/** True when the cell still shows the add-in's mark (so restoring cannot undo a user's change). */
function stillMarked(props: Excel.CellProperties | undefined, mark: string): boolean {
  const fill = props?.format?.fill;
  return !!fill && fill.pattern === 'Solid' && sameColor(fill.color, mark);
}

function restore(range: Excel.Range, original: SavedFill | null): void {
  if (!original) {
    range.format.fill.clear();
    return;
  }
  const fill: Excel.CellPropertiesFill = { pattern: original.pattern as Excel.FillPattern, color: original.color };
  if (original.patternColor !== undefined) fill.patternColor = original.patternColor;
  if (original.tintAndShade !== undefined) fill.tintAndShade = original.tintAndShade;
  range.setCellProperties([[{ format: { fill } }]]);
}

function paint(range: Excel.Range, color: string): void {
  range.setCellProperties([[{ format: { fill: { pattern: 'Solid', color, tintAndShade: 0 } } }]]);
}

function noteText(t: Target): string {
  return `${NOTE_PREFIX}\n${t.lines.slice(0, 5).join('\n')}${t.lines.length > 5 ? `\n……另有 ${t.lines.length - 5} 条，见“${RESULTS_SHEET}”表` : ''}`;
}

export function parseState(raw: unknown): MarkState | null {
  if (raw === null || raw === undefined || raw === '') return null;
  try {
    const s = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (s && s.version === 1 && Array.isArray(s.marks)) return s as MarkState;
  } catch {
    /* a damaged setting is treated as no marks */
  }
  return null;
}

/** Quotes a sheet name for a formula or hyperlink reference: 'It''s'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 校验结果 has its own 单位 column, so 元 amounts are written without the suffix. */
const figure = (s: string | undefined, unit: Finding['unit']): string => figureText(s, unit).replace(/ 元$/, '');

/** The rows of the 校验结果 sheet (values only; the caller adds hyperlinks and formats). */
export function resultRows(result: Pick<CheckResult, 'findings' | 'profile' | 'tables' | 'missing' | 'source'>, now: Date): {
  title: string;
  summary: string;
  header: string[];
  rows: string[][];
} {
  const n = countBySeverity(result.findings);
  const template = result.profile ? result.profile.name : '未识别出预算公开模板';
  const summary =
    `${result.source}：错误 ${n.error} 个，警告 ${n.warning} 个，提示 ${n.info} 个；模板：${template}；` +
    `识别表格 ${result.tables.length} 张${result.missing.length ? `，缺少 ${result.missing.length} 张` : ''}；` +
    `检查时间 ${formatTime(now)}。`;
  const header = ['序号', '严重程度', '表', '说明', '应为', '实为', '差额', '单元格', '其他单元格', '规则'];
  const rows = result.findings.map((f, i) => [
    String(i + 1),
    SEVERITY_LABEL[f.severity],
    f.table ?? '',
    f.message,
    figure(f.expected, f.unit),
    figure(f.actual, f.unit),
    figure(f.difference, f.unit),
    f.cells[0] ?? '',
    f.cells.slice(1).join('，'),
    f.rule,
  ]);
  return { title: '预算公开校验结果', summary, header, rows };
}

function formatTime(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export async function applyMarks(host: ExcelHost, result: CheckResult, opts: MarkOptions = {}): Promise<MarkSummary> {
  const caps = capabilities(host);
  const now = opts.now ?? new Date();
  return host.run(RUN_OPTIONS, async (context) => {
    const counter = countingSync(context);
    const sync = counter.sync;
    const wb = context.workbook;

    // 1. Previous state and the sheet list.
    const setting = wb.settings.getItemOrNullObject(STATE_SETTING);
    setting.load('value');
    const sheets = wb.worksheets;
    sheets.load('items/name,items/protection/protected');
    await sync();

    const previous = setting.isNullObject ? null : parseState(setting.value);
    const protectedSheets = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
    const names = new Set(sheets.items.map((s) => s.name));
    const ourOldSheet = previous?.resultsSheet && names.has(previous.resultsSheet) ? previous.resultsSheet : undefined;
    const resultsSheet = pickResultsSheetName(names, ourOldSheet);

    const skipped: MarkSummary['skipped'] = [];
    const targets = new Map<string, Target>();
    for (const [key, t] of collectTargets(result.findings)) {
      if (t.sheet === resultsSheet || t.sheet === ourOldSheet) continue;
      if (!names.has(t.sheet)) skipped.push({ ref: key, reason: `工作表“${t.sheet}”不存在` });
      else if (protectedSheets.has(t.sheet)) skipped.push({ ref: key, reason: `工作表“${t.sheet}”受保护，无法标记` });
      else targets.set(key, t);
    }
    const prevByKey = new Map<string, MarkRecord>();
    for (const m of previous?.marks ?? []) {
      if (names.has(m.sheet) && !protectedSheets.has(m.sheet)) prevByKey.set(`${m.sheet}!${m.address}`, m);
    }

    // 2. Current fills (and notes) of every cell involved.
    const props = new Map<string, OfficeExtension.ClientResult<Excel.CellProperties[][]>>();
    const notes = new Map<string, Excel.Note>();
    const range = (key: string, sheet: string, address: string) => wb.worksheets.getItem(sheet).getRange(address);
    for (const key of new Set([...targets.keys(), ...prevByKey.keys()])) {
      const t = targets.get(key) ?? prevByKey.get(key)!;
      props.set(key, range(key, t.sheet, t.address).getCellProperties(FILL_PROPS));
      if (caps.notes) {
        const note = wb.worksheets.getItem(t.sheet).notes.getItemOrNullObject(t.address);
        note.load('content');
        notes.set(key, note);
      }
    }
    await sync();

    // 3. All writes in one batch.
    let noteCount = 0;
    const records: MarkRecord[] = [];
    for (const [key, old] of prevByKey) {
      if (targets.has(key)) continue;
      const current = props.get(key)!.value[0][0];
      if (stillMarked(current, old.mark)) restore(range(key, old.sheet, old.address), old.original);
      const note = notes.get(key);
      if (old.note && note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX)) note.delete();
    }
    for (const [key, t] of targets) {
      const old = prevByKey.get(key);
      const current = props.get(key)!.value[0][0];
      // A cell marked last time keeps its saved original, unless the user has refilled it since.
      const original = old && stillMarked(current, old.mark) ? old.original : fillOf(current);
      const color = MARK_COLOR[t.severity];
      const cell = range(key, t.sheet, t.address);
      paint(cell, color);
      let wroteNote = false;
      const note = notes.get(key);
      if (note) {
        const ours = !note.isNullObject && note.content.startsWith(NOTE_PREFIX);
        if (note.isNullObject) {
          wb.worksheets.getItem(t.sheet).notes.add(cell, noteText(t));
          wroteNote = true;
        } else if (ours) {
          note.content = noteText(t);
          wroteNote = true;
        }
        if (wroteNote) noteCount++;
      }
      records.push({ sheet: t.sheet, address: t.address, original, mark: color, note: wroteNote });
    }

    if (ourOldSheet) wb.worksheets.getItem(ourOldSheet).delete();
    writeResultsSheet(wb, resultsSheet, result, now, opts.activateResults ?? false);

    const state: MarkState = { version: 1, resultsSheet, marks: records, markedAt: now.toISOString() };
    wb.settings.add(STATE_SETTING, JSON.stringify(state));
    await sync();
    return { cells: records.length, notes: noteCount, resultsSheet, skipped, syncs: counter.count };
  });
}

/** 校验结果, unless the user has a sheet of that name that is not ours. */
function pickResultsSheetName(existing: Set<string>, ours: string | undefined): string {
  if (ours) return ours;
  if (!existing.has(RESULTS_SHEET)) return RESULTS_SHEET;
  for (let i = 2; ; i++) {
    const name = `${RESULTS_SHEET}${i}`;
    if (!existing.has(name)) return name;
  }
}

function writeResultsSheet(wb: Excel.Workbook, name: string, result: CheckResult, now: Date, activate: boolean): void {
  const ws = wb.worksheets.add(name);
  const { title, summary, header, rows } = resultRows(result, now);
  const width = header.length;
  const last = colLetters(width);
  ws.getRange('A1').values = [[title]];
  ws.getRange('A1').format.font.bold = true;
  ws.getRange('A2').values = [[summary]];
  const headerRange = ws.getRange(`A3:${last}3`);
  headerRange.values = [header];
  headerRange.format.font.bold = true;
  headerRange.format.fill.color = '#D9E1F2';
  if (rows.length > 0) {
    const body = ws.getRange(`A4:${last}${3 + rows.length}`);
    body.numberFormat = rows.map((r) => r.map(() => '@'));
    body.values = rows;
    result.findings.forEach((f, i) => {
      const p = f.cells[0] ? parseRef(f.cells[0]) : null;
      if (!p) return;
      ws.getRange(`H${4 + i}`).hyperlink = {
        documentReference: `${quoteSheet(p.sheet)}!${a1(p.row, p.col)}`,
        textToDisplay: f.cells[0],
        screenTip: '转到该单元格',
      };
    });
  } else {
    ws.getRange('A4').values = [[result.profile ? '未发现问题。' : '未识别出预算公开模板，未做检查。']];
  }
  ws.freezePanes.freezeRows(3);
  ws.getRange(`A3:${last}${3 + Math.max(1, rows.length)}`).format.autofitColumns();
  ws.getRange('D:D').format.columnWidth = 360;
  ws.getRange('D:D').format.wrapText = true;
  if (activate) ws.activate();
}

export async function clearMarks(host: ExcelHost): Promise<ClearSummary> {
  const caps = capabilities(host);
  return host.run(RUN_OPTIONS, async (context) => {
    const counter = countingSync(context);
    const sync = counter.sync;
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(STATE_SETTING);
    setting.load('value');
    const sheets = wb.worksheets;
    sheets.load('items/name,items/protection/protected');
    await sync();

    const out: ClearSummary = { restored: 0, keptUserChanges: 0, notesRemoved: 0, resultsSheetRemoved: false, syncs: 0 };
    const state = setting.isNullObject ? null : parseState(setting.value);
    if (!state) {
      out.syncs = counter.count;
      return out;
    }
    const names = new Set(sheets.items.map((s) => s.name));
    const protectedSheets = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
    const marks = state.marks.filter((m) => names.has(m.sheet) && !protectedSheets.has(m.sheet));

    const props = marks.map((m) => wb.worksheets.getItem(m.sheet).getRange(m.address).getCellProperties(FILL_PROPS));
    const notes = marks.map((m) => {
      if (!m.note || !caps.notes) return undefined;
      const note = wb.worksheets.getItem(m.sheet).notes.getItemOrNullObject(m.address);
      note.load('content');
      return note;
    });
    await sync();

    marks.forEach((m, i) => {
      if (stillMarked(props[i].value[0][0], m.mark)) {
        restore(wb.worksheets.getItem(m.sheet).getRange(m.address), m.original);
        out.restored++;
      } else out.keptUserChanges++;
      const note = notes[i];
      if (note && !note.isNullObject && note.content.startsWith(NOTE_PREFIX)) {
        note.delete();
        out.notesRemoved++;
      }
    });
    if (state.resultsSheet && names.has(state.resultsSheet)) {
      wb.worksheets.getItem(state.resultsSheet).delete();
      out.resultsSheetRemoved = true;
    }
    wb.settings.getItem(STATE_SETTING).delete();
    await sync();
    out.syncs = counter.count;
    return out;
  });
}

/** Activates the sheet of the first reference and selects every referenced cell on that sheet. */
export async function selectCells(host: ExcelHost, refs: string[]): Promise<void> {
  const parsed = refs.map(parseRef).filter((p): p is NonNullable<typeof p> => !!p);
  if (parsed.length === 0) return;
  const sheet = parsed[0].sheet;
  const addresses = parsed
    .filter((p) => p.sheet === sheet)
    .map((p) => (p.endRow ? `${a1(p.row, p.col)}:${a1(p.endRow, p.endCol!)}` : a1(p.row, p.col)));
  await host.run(RUN_OPTIONS, async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (addresses.length === 1) ws.getRange(addresses[0]).select();
    else ws.getRanges(addresses.join(',')).select();
    await context.sync();
  });
}

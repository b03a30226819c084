/**
 * Marks: a removable layer over the user's workbook. WHAT to paint is computed in
 * src/core/marks.ts (planMarks: cell, colour, note text); this module only renders that list
 * through office.js, keeps the record of what it changed, and takes it off again.
 *
 * applyMarks fills each flagged cell, adds a note where the host supports notes (ExcelApi 1.18)
 * and the cell has none, and writes a 校验结果 sheet listing every finding (with a link to its
 * cell where the host has hyperlinks, ExcelApi 1.7). The original fill of every marked cell is
 * recorded in the workbook (src/excel/record.ts) BEFORE any cell is painted:
 *   1. sheet list, protection, the stored record            (sync 1; sync 2 reads the record)
 *   2. current fills and notes of every cell involved        (sync 3)
 *   3. the record of everything about to change, marked pending, and the 校验结果 sheet (sync 4)
 *   4. the paints, notes, restores of stale marks and the final record (sync 5)
 * If step 3 or 4 fails, a second Excel.run puts back every cell, note, the sheet and the record
 * as they were before; if even that fails, the pending record is still there, so 清除标记 can take
 * the marks off. No cell is ever painted without a record.
 *
 * Our own fills are recognised by the record (address and the colour we put there), never by
 * reading a fill pattern back: Excel reports `pattern` null and #FFFFFF for both no fill and
 * white fills (OfficeDev/office-js #4900, #6218).
 *
 * clearMarks restores each saved fill (colour, pattern, pattern colour, tint with ExcelApi 1.9;
 * the colour alone below it), removes only the notes the add-in wrote, deletes the 校验结果
 * sheet and the record. A cell whose fill the user changed after marking keeps the user's change.
 * No cell value is ever written outside the 校验结果 sheet.
 */
import { CheckResult } from '../core/engine';
import { Finding, SEVERITY_LABEL, countBySeverity, figureText } from '../core/finding';
import { a1, colLetters, parseRef } from '../core/grid';
import { CellMark, MARK_COLOR, NOTE_PREFIX, planMarks } from '../core/marks';
import { Capabilities, ExcelHost, RESULTS_SHEET, capabilities, countingSync, runOptions } from './host';
import { MarkRecord, MarkState, SavedFill, StoredRecord, deleteRecord, queueRecord, readRecord, writeRecord } from './record';

export { MARK_COLOR, NOTE_PREFIX } from '../core/marks';
export { parseState } from './record';
export type { MarkRecord, MarkState, SavedFill } from './record';

export interface MarkSummary {
  cells: number;
  notes: number;
  /** The 校验结果 sheet, or '' when it could not be written. */
  resultsSheet: string;
  /** References that could not be marked (unknown or protected sheet), with the reason. */
  skipped: { ref: string; reason: string }[];
  syncs: number;
  /** What this host could not do (no notes, colour-only fills, no links), in Chinese. */
  degraded: string[];
  /** The record's time stamp (ISO): another runtime's later check has another one. */
  markedAt: string;
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

/** A failure the user can act on; the message is Chinese and complete. */
export class MarkError extends Error {
  constructor(
    message: string,
    readonly code: 'structureProtected' | 'failedRolledBack' | 'failedNotRolledBack',
  ) {
    super(message);
    this.name = 'MarkError';
  }
}

export const STRUCTURE_PROTECTED_MESSAGE =
  '工作簿结构受保护（审阅 → 保护工作簿），无法添加“校验结果”工作表，因此没有标记任何单元格。请取消工作簿保护后重新检查。';

const FILL_PROPS: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
};

function sameColor(a: string | undefined | null, b: string | undefined | null): boolean {
  return (a ?? '').toUpperCase() === (b ?? '').toUpperCase();
}

/** A cell's current fill, as read on this host. */
interface ReadFill {
  /** getCellProperties (ExcelApi 1.9) */
  props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  /** Range.format.fill (ExcelApi 1.1): the colour only */
  fill?: Excel.RangeFill;
}

function queueFill(range: Excel.Range, caps: Capabilities): ReadFill {
  if (caps.cellProperties) return { props: range.getCellProperties(FILL_PROPS) };
  const fill = range.format.fill;
  fill.load('color');
  return { fill };
}

function currentColor(r: ReadFill): string | null {
  if (r.props) return (r.props.value[0][0]?.format?.fill?.color as string | undefined) ?? null;
  return r.fill ? r.fill.color : null;
}

/**
 * The fill to save. A cell reporting no pattern, or 'None', has no fill; without pattern
 * information (ExcelApi < 1.9) white (#FFFFFF, what Excel reports for no fill) is saved as no fill.
 */
function savedFill(r: ReadFill): SavedFill | null {
  if (r.props) {
    const fill = r.props.value[0][0]?.format?.fill;
    if (!fill || !fill.pattern || fill.pattern === 'None') return null;
    const out: SavedFill = { color: String(fill.color), pattern: String(fill.pattern) };
    if (fill.patternColor !== undefined && fill.patternColor !== null) out.patternColor = String(fill.patternColor);
    if (fill.tintAndShade !== undefined && fill.tintAndShade !== null) out.tintAndShade = Number(fill.tintAndShade);
    return out;
  }
  const color = r.fill?.color;
  if (!color || sameColor(color, '#FFFFFF')) return null;
  return { color: String(color) };
}

/** Our mark is still there: the cell shows the colour we recorded. The pattern is never consulted. */
function stillMarked(r: ReadFill, mark: string): boolean {
  return sameColor(currentColor(r), mark);
}

function restore(range: Excel.Range, original: SavedFill | null, caps: Capabilities): void {
  if (!original) {
    range.format.fill.clear();
    return;
  }
  if (caps.cellProperties && original.pattern) {
    const fill: Excel.CellPropertiesFill = { pattern: original.pattern as Excel.FillPattern, color: original.color };
    if (original.patternColor !== undefined) fill.patternColor = original.patternColor;
    if (original.tintAndShade !== undefined) fill.tintAndShade = original.tintAndShade;
    range.setCellProperties([[{ format: { fill } }]]);
    return;
  }
  range.format.fill.color = original.color;
}

/**
 * A note the add-in wrote: NOTE_PREFIX on its first line. Not `startsWith`: some Excel versions
 * may put an author line before the text (docs/real-excel-checklist.md, item 2).
 */
export function isOurNote(content: string): boolean {
  const firstLines = content.split('\n', 2).join('\n');
  return firstLines.includes(NOTE_PREFIX);
}

function sameFill(a: SavedFill | null, b: SavedFill | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function paint(range: Excel.Range, color: string): void {
  // Range.format.fill.color (ExcelApi 1.1): a solid fill of that colour.
  range.format.fill.color = color;
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
    `${tablesText(result.tables)}${result.missing.length ? `，缺少 ${result.missing.length} 张` : ''}；` +
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

/**
 * How many 表 the user sees: parts of one table (a 收入 and a 支出 block, a 续表) are counted once
 * as a 表, and the blocks are named separately: "识别表格 15 张（共 18 个表内区块）".
 */
export function countTables(tables: Pick<CheckResult['tables'][number], 'number' | 'title' | 'sheet'>[]): { tables: number; blocks: number } {
  const keys = new Set(tables.map((t) => `${t.number ?? ''}|${t.title}`));
  return { tables: keys.size, blocks: tables.length };
}

export function tablesText(tables: CheckResult['tables']): string {
  const n = countTables(tables);
  return `识别表格 ${n.tables} 张${n.blocks > n.tables ? `（共 ${n.blocks} 个表内区块）` : ''}`;
}

function formatTime(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}


interface Touched {
  sheet: string;
  address: string;
  /** The fill before this run (to undo the run exactly). */
  before: SavedFill | null;
  /** The note before this run: undefined = not read (no notes API), null = none. */
  noteBefore?: string | null;
}

export async function applyMarks(host: ExcelHost, result: CheckResult, opts: MarkOptions = {}): Promise<MarkSummary> {
  const caps = capabilities(host);
  const now = opts.now ?? new Date();
  const touched: Touched[] = [];
  let stored: StoredRecord | undefined;
  let createdSheet: string | undefined;
  let wroteAnything = false;
  let painting = false;
  try {
    return await host.run(runOptions(host), async (context) => {
      const counter = countingSync(context);
      const sync = counter.sync;
      const wb = context.workbook;

      // 1. The stored record, the sheet list, the workbook's structure protection.
      let structure: Excel.WorkbookProtection | undefined;
      const start = await recordAndSheets(wb, sync, () => {
        if (caps.hyperlinks) (structure = wb.protection).load('protected');
      });
      stored = start.stored;
      const sheets = start.sheets;

      const previous = stored.state;
      const protectedSheets = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
      const names = new Set(sheets.items.map((s) => s.name));
      const ourOldSheet = previous?.resultsSheet && names.has(previous.resultsSheet) ? previous.resultsSheet : undefined;
      if (structure?.protected) throw new MarkError(STRUCTURE_PROTECTED_MESSAGE, 'structureProtected');
      const resultsSheet = pickResultsSheetName(names, ourOldSheet);
      // A re-run writes its 校验结果 under a new name and swaps it in only at the very end, so a
      // failed run leaves the earlier 校验结果 as it was.
      const writeAs = ourOldSheet ? pickResultsSheetName(names, undefined, `${RESULTS_SHEET}（新）`) : resultsSheet;

      const skipped: MarkSummary['skipped'] = [];
      const targets = new Map<string, CellMark>();
      for (const m of planMarks(result.findings)) {
        const key = `${m.sheet}!${m.address}`;
        if (m.sheet === resultsSheet || m.sheet === ourOldSheet) continue;
        if (!names.has(m.sheet)) skipped.push({ ref: key, reason: `工作表“${m.sheet}”不存在` });
        else if (protectedSheets.has(m.sheet)) skipped.push({ ref: key, reason: `工作表“${m.sheet}”受保护，无法标记` });
        else targets.set(key, m);
      }
      const prevByKey = new Map<string, MarkRecord>();
      for (const m of previous?.marks ?? []) {
        if (names.has(m.sheet) && !protectedSheets.has(m.sheet)) prevByKey.set(`${m.sheet}!${m.address}`, m);
      }

      // 2. Current fills (and notes) of every cell involved.
      const fills = new Map<string, ReadFill>();
      const notes = new Map<string, Excel.Comment | Excel.Note>();
      const range = (sheet: string, address: string) => wb.worksheets.getItem(sheet).getRange(address);
      for (const key of new Set([...targets.keys(), ...prevByKey.keys()])) {
        const t = targets.get(key) ?? prevByKey.get(key)!;
        fills.set(key, queueFill(range(t.sheet, t.address), caps));
        if (caps.notes) {
          const note = wb.worksheets.getItem(t.sheet).notes.getItemOrNullObject(t.address);
          note.load('content');
          notes.set(key, note as Excel.Note);
        }
      }
      await sync();

      const noteNow = (key: string): string | null | undefined => {
        const n = notes.get(key) as Excel.Note | undefined;
        return n ? (n.isNullObject ? null : n.content) : undefined;
      };
      const ours = (key: string) => isOurNote(noteNow(key) ?? '');

      // What this run will leave: a record per target cell.
      const records: MarkRecord[] = [];
      for (const [key, t] of targets) {
        const old = prevByKey.get(key);
        const cur = fills.get(key)!;
        // A cell marked last time keeps its saved original, unless the user has refilled it since.
        const original = old && stillMarked(cur, old.mark) ? old.original : savedFill(cur);
        const note = caps.notes && (noteNow(key) === null || ours(key));
        records.push({ sheet: t.sheet, address: t.address, original, mark: t.color, note });
      }
      const stale = [...prevByKey].filter(([key]) => !targets.has(key));
      for (const [key] of [...targets, ...stale]) {
        const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
        touched.push({ sheet, address, before: savedFill(fills.get(key)!), noteBefore: noteNow(key) });
      }
      const counts = countBySeverity(result.findings);
      const summaryOf = { counts, template: result.profile?.name, tables: countTables(result.tables).tables, source: result.source };

      // 3. The record of everything about to change, before any of it changes; then the 校验结果 sheet.
      const pending: MarkState = {
        version: 2,
        resultsSheet,
        marks: [...records, ...stale.map(([, m]) => m)],
        markedAt: now.toISOString(),
        pending: true,
        summary: summaryOf,
      };
      wroteAnything = true;
      const part = writeRecord(wb, stored.part, pending);
      createdSheet = writeAs;
      const newSheet = writeResultsSheet(wb, writeAs, result, now, caps);
      await sync();

      // 4. Paints, notes, restores of stale marks, the final record: one batch.
      painting = true;
      for (const [key, old] of stale) {
        if (stillMarked(fills.get(key)!, old.mark)) restore(range(old.sheet, old.address), old.original, caps);
        const note = notes.get(key) as Excel.Note | undefined;
        if (old.note && note && !note.isNullObject && isOurNote(note.content)) note.delete();
      }
      let noteCount = 0;
      for (const r of records) {
        const key = `${r.sheet}!${r.address}`;
        const t = targets.get(key)!;
        const cell = range(r.sheet, r.address);
        paint(cell, r.mark);
        if (!r.note) continue;
        const note = notes.get(key) as Excel.Note;
        if (note.isNullObject) wb.worksheets.getItem(r.sheet).notes.add(cell, t.note);
        else note.content = t.note;
        noteCount++;
      }
      const final: MarkState = { version: 2, resultsSheet, marks: records, markedAt: now.toISOString(), summary: summaryOf };
      writeRecord(wb, part, final);
      if (stored.legacy) wb.settings.getItem(STATE_SETTING_KEY).delete();
      for (const x of stored.extras) x.delete();
      if (ourOldSheet) {
        wb.worksheets.getItem(ourOldSheet).delete();
        newSheet.name = resultsSheet;
      }
      if (opts.activateResults) newSheet.activate();
      await sync();

      const degraded: string[] = [];
      if (!caps.notes) degraded.push('此版本的 Excel 不支持批注（需要 ExcelApi 1.18），问题只填色并列在“校验结果”表中。');
      if (!caps.cellProperties) degraded.push('此版本的 Excel 只能读取填充颜色（ExcelApi 1.9 以下）：清除标记时图案填充恢复为同色纯色填充，白色填充恢复为无填充。');
      if (!caps.hyperlinks) degraded.push('此版本的 Excel 不支持超链接（需要 ExcelApi 1.7），“校验结果”表中的单元格地址是文字。');
      return { cells: records.length, notes: noteCount, resultsSheet, skipped, syncs: counter.count, degraded, markedAt: final.markedAt };
    });
  } catch (e) {
    if (e instanceof MarkError || !wroteAnything) throw e;
    // Undo what this run may have done, in a fresh batch: the failed one may be unusable.
    try {
      await rollback(host, caps, painting ? touched : [], stored!, createdSheet);
    } catch {
      throw new MarkError(
        `标记过程中出错（${describeCause(e)}），且未能自动撤销：已改动的单元格都有记录，请点击“清除标记”恢复原样。`,
        'failedNotRolledBack',
      );
    }
    if (isAccessDenied(e) && createdSheet) throw new MarkError(STRUCTURE_PROTECTED_MESSAGE, 'structureProtected');
    throw new MarkError(`标记过程中出错（${describeCause(e)}），工作簿已恢复为检查前的样子，没有留下任何标记。`, 'failedRolledBack');
  }
}

const STATE_SETTING_KEY = 'budgetCheck.marks';

function isAccessDenied(e: unknown): boolean {
  return (e as { code?: string })?.code === 'AccessDenied';
}

function describeCause(e: unknown): string {
  const err = e as { code?: string; message?: string };
  return err?.code ? `${err.code}${err.message ? `：${err.message}` : ''}` : String(err?.message ?? e);
}

/** Puts back every touched cell's fill and note, removes a sheet this run created, and the record as it was. */
async function rollback(host: ExcelHost, caps: Capabilities, touched: Touched[], stored: StoredRecord, createdSheet: string | undefined): Promise<void> {
  await host.run(runOptions(host), async (context) => {
    const wb = context.workbook;
    const handles = queueRecord(wb);
    const sheets = wb.worksheets;
    sheets.load('items/name');
    // Only cells that no longer show their earlier colour are put back (exact even where the host
    // cannot write patterns back: a cell that was never painted is not touched).
    const now = touched.map((t) => queueFill(wb.worksheets.getItem(t.sheet).getRange(t.address), caps));
    const notes = touched.map((t) => {
      if (!caps.notes || t.noteBefore === undefined) return undefined;
      const n = wb.worksheets.getItem(t.sheet).notes.getItemOrNullObject(t.address);
      n.load('content');
      return n;
    });
    await context.sync();
    for (const [i, t] of touched.entries()) {
      if (!sameColor(currentColor(now[i]) ?? '#FFFFFF', t.before?.color ?? '#FFFFFF') || (caps.cellProperties && !sameFill(savedFill(now[i]), t.before)))
        restore(wb.worksheets.getItem(t.sheet).getRange(t.address), t.before, caps);
      const n = notes[i];
      if (!n) continue;
      if (t.noteBefore === null) {
        if (!n.isNullObject) n.delete();
      } else if (n.isNullObject) wb.worksheets.getItem(t.sheet).notes.add(wb.worksheets.getItem(t.sheet).getRange(t.address), t.noteBefore!);
      else if (n.content !== t.noteBefore) n.content = t.noteBefore!;
    }
    if (createdSheet && sheets.items.some((s) => s.name === createdSheet)) wb.worksheets.getItem(createdSheet).delete();
    // the record as it was before the run: the part we read gets its XML back; a part this run added goes
    const ids = new Set([stored.part, ...stored.extras].filter((p): p is Excel.CustomXmlPart => !!p).map((p) => p.id));
    for (const p of handles.parts.items) {
      if (!ids.has(p.id)) p.delete();
      else if (stored.part && p.id === stored.part.id && stored.xml !== undefined) p.setXml(stored.xml);
    }
    if (stored.part && !handles.parts.items.some((p) => p.id === stored.part!.id) && stored.xml !== undefined) wb.customXmlParts.add(stored.xml);
    await context.sync();
  });
}
/** Sync 1 (and 2 when a record exists): the stored record and the sheet list with protection; `also` queues more loads into sync 1. */
async function recordAndSheets(wb: Excel.Workbook, sync: () => Promise<void>, also?: () => void): Promise<{ stored: StoredRecord; sheets: Excel.WorksheetCollection }> {
  const handles = queueRecord(wb);
  const sheets = wb.worksheets;
  sheets.load('items/name,items/protection/protected');
  also?.();
  await sync();
  return { stored: await readRecord(handles, sync), sheets };
}

/** 校验结果, unless the user has a sheet of that name that is not ours. */
function pickResultsSheetName(existing: Set<string>, ours: string | undefined, base = RESULTS_SHEET): string {
  if (ours) return ours;
  if (!existing.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base}${i}`;
    if (!existing.has(name)) return name;
  }
}

function writeResultsSheet(wb: Excel.Workbook, name: string, result: CheckResult, now: Date, caps: Capabilities): Excel.Worksheet {
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
    if (caps.hyperlinks) result.findings.forEach((f, i) => {
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
  if (caps.hyperlinks) ws.freezePanes.freezeRows(3); // ExcelApi 1.7
  ws.getRange(`A3:${last}${3 + Math.max(1, rows.length)}`).format.autofitColumns();
  ws.getRange('D:D').format.columnWidth = 360;
  ws.getRange('D:D').format.wrapText = true;
  return ws;
}

export async function clearMarks(host: ExcelHost): Promise<ClearSummary> {
  const caps = capabilities(host);
  return host.run(runOptions(host), async (context) => {
    const counter = countingSync(context);
    const sync = counter.sync;
    const wb = context.workbook;
    const { stored, sheets } = await recordAndSheets(wb, sync);

    const out: ClearSummary = { restored: 0, keptUserChanges: 0, notesRemoved: 0, resultsSheetRemoved: false, syncs: 0 };
    const state = stored.state;
    if (!state) {
      if (stored.part || stored.legacy) {
        deleteRecord(wb, stored); // a damaged record
        await sync();
      }
      out.syncs = counter.count;
      return out;
    }
    const names = new Set(sheets.items.map((s) => s.name));
    const protectedSheets = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
    const marks = state.marks.filter((m) => names.has(m.sheet) && !protectedSheets.has(m.sheet));

    const fills = marks.map((m) => queueFill(wb.worksheets.getItem(m.sheet).getRange(m.address), caps));
    const notes = marks.map((m) => {
      if (!m.note || !caps.notes) return undefined;
      const note = wb.worksheets.getItem(m.sheet).notes.getItemOrNullObject(m.address);
      note.load('content');
      return note;
    });
    await sync();

    marks.forEach((m, i) => {
      if (stillMarked(fills[i], m.mark)) {
        restore(wb.worksheets.getItem(m.sheet).getRange(m.address), m.original, caps);
        out.restored++;
      } else out.keptUserChanges++;
      const note = notes[i];
      if (note && !note.isNullObject && isOurNote(note.content)) {
        note.delete();
        out.notesRemoved++;
      }
    });
    if (state.resultsSheet && names.has(state.resultsSheet)) {
      wb.worksheets.getItem(state.resultsSheet).delete();
      out.resultsSheetRemoved = true;
    }
    deleteRecord(wb, stored);
    await sync();
    out.syncs = counter.count;
    return out;
  });
}

/** The saved short result of the last check (for a pane that did not run it: another runtime). */
export async function readMarkState(host: ExcelHost): Promise<MarkState | null> {
  return host.run(runOptions(host), async (context) => {
    const handles = queueRecord(context.workbook);
    await context.sync();
    return (await readRecord(handles, () => context.sync())).state;
  });
}

export interface SelectOutcome {
  /** The areas selected, "B6" or "B6,D4". */
  selected: string;
  /** Set when the host could select only the first of several areas (ExcelApi < 1.18). */
  firstOf?: number;
}

/** Activates the sheet of the first reference and selects every referenced cell on that sheet (the first area where the host cannot select several). */
export async function selectCells(host: ExcelHost, refs: string[]): Promise<SelectOutcome | undefined> {
  const parsed = refs.map(parseRef).filter((p): p is NonNullable<typeof p> => !!p);
  if (parsed.length === 0) return undefined;
  const sheet = parsed[0].sheet;
  const addresses = parsed
    .filter((p) => p.sheet === sheet)
    .map((p) => (p.endRow ? `${a1(p.row, p.col)}:${a1(p.endRow, p.endCol!)}` : a1(p.row, p.col)));
  const several = addresses.length > 1 && capabilities(host).multiSelect;
  await host.run(runOptions(host), async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (several) ws.getRanges(addresses.join(',')).select();
    else ws.getRange(addresses[0]).select();
    await context.sync();
  });
  return several || addresses.length === 1 ? { selected: addresses.join(',') } : { selected: addresses[0], firstOf: addresses.length };
}

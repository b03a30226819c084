/**
 * Marks in WPS 表格: the same removable layer as the Excel add-in (src/excel/marks.ts), rendered
 * through the WPS object model. WHAT to paint comes from src/core/marks.ts (planMarks); the
 * 校验结果 rows from resultRows; the record is the Excel add-in's own (MarkState as XML in the
 * urn:budget-disclosure-checker:marks namespace, src/excel/record.ts), kept in the workbook
 * (src/wps/store.ts), so a workbook marked in one host can be cleared in the other.
 *
 * Order, with the same guarantee as in Excel — no cell is ever painted without a record:
 *   1. the stored record, the sheet list, protection;
 *   2. the current fill (Interior.Color/Pattern/PatternColor/TintAndShade) and 批注 of every cell involved;
 *   3. the record of everything about to change, marked pending, written to the workbook;
 *   4. the 校验结果 sheet, the paints, the 批注, the restores of stale marks, the final record.
 * If 3 or 4 throws, every touched cell, 批注, the new sheet and the record are put back as they
 * were; if even that fails, the pending record remains and 清除标记 takes the marks off.
 *
 * Our fills are recognised by the record (the colour we put there), never by reading a pattern back.
 * Colours: WPS (like VBA) speaks BGR longs; the record keeps '#RRGGBB' and office.js pattern names,
 * converted losslessly (toHex/fromHex, PATTERN_NAME).
 */
import { CheckResult } from '../core/engine';
import { countBySeverity } from '../core/finding';
import { a1, parseRef } from '../core/grid';
import { CellMark, RESULTS_SHEET_NAME, planMarks } from '../core/marks';
import { ClearSummary, MarkError, MarkOptions, MarkSummary, STRUCTURE_PROTECTED_MESSAGE, countTables, isOurNote, quoteSheet, resultRows } from '../excel/marks';
import { MarkRecord, MarkState, RECORD_NAMESPACE, SavedFill, stateFromXml, stateToXml } from '../excel/record';
import { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet, XL_NONE, XL_SOLID } from './model';
import { RECORD_SHEET, XmlStore, xmlStore } from './store';

/** XlPattern constant → office.js FillPattern name (the record's vocabulary). */
export const PATTERN_NAME: Record<number, string> = {
  1: 'Solid',
  [-4125]: 'Gray50',
  [-4126]: 'Gray75',
  [-4124]: 'Gray25',
  [-4128]: 'Horizontal',
  [-4166]: 'Vertical',
  [-4121]: 'Down',
  [-4162]: 'Up',
  9: 'Checker',
  10: 'SemiGray75',
  11: 'LightHorizontal',
  12: 'LightVertical',
  13: 'LightDown',
  14: 'LightUp',
  15: 'Grid',
  16: 'CrissCross',
  17: 'Gray16',
  18: 'Gray8',
  4000: 'LinearGradient',
  4001: 'RectangularGradient',
};
const PATTERN_CODE: Record<string, number> = Object.fromEntries(Object.entries(PATTERN_NAME).map(([k, v]) => [v, Number(k)]));

/** BGR long → '#RRGGBB'. */
export function toHex(bgr: number): string {
  const n = Number(bgr) >>> 0;
  return `#${[n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** '#RRGGBB' → BGR long. */
export function fromHex(hex: string): number {
  const h = hex.replace('#', '');
  return parseInt(h.slice(0, 2), 16) + parseInt(h.slice(2, 4), 16) * 256 + parseInt(h.slice(4, 6), 16) * 65536;
}

const sameColor = (a: string | undefined | null, b: string | undefined | null) => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

function sheetNames(wb: WpsWorkbook): WpsWorksheet[] {
  const out: WpsWorksheet[] = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) out.push(wb.Worksheets.Item(i));
  return out;
}

function cellRange(wb: WpsWorkbook, sheet: string, address: string): WpsRange {
  return wb.Worksheets.Item(sheet).Range(address);
}

/** The cell's fill as the record keeps it; null = no fill (Pattern xlNone). */
export function readFill(r: WpsRange): SavedFill | null {
  const i = r.Interior;
  const pattern = Number(i.Pattern);
  if (pattern === XL_NONE || i.Pattern === null) return null;
  const out: SavedFill = { color: toHex(Number(i.Color)), pattern: PATTERN_NAME[pattern] ?? String(pattern) };
  if (pattern !== XL_SOLID && i.PatternColor !== null && i.PatternColor !== undefined) out.patternColor = toHex(Number(i.PatternColor));
  const tint = Number(i.TintAndShade);
  if (tint) out.tintAndShade = tint;
  return out;
}

function currentColor(r: WpsRange): string {
  return toHex(Number(r.Interior.Color));
}

/** Puts a saved fill back exactly: pattern, colour, pattern colour, tint. */
export function restoreFill(r: WpsRange, original: SavedFill | null): void {
  const i = r.Interior;
  if (!original) {
    i.Pattern = XL_NONE;
    return;
  }
  const code = original.pattern ? (PATTERN_CODE[original.pattern] ?? Number(original.pattern)) : XL_SOLID;
  i.Pattern = Number.isFinite(code) ? code : XL_SOLID;
  i.Color = fromHex(original.color);
  if (original.patternColor) i.PatternColor = fromHex(original.patternColor);
  if (original.tintAndShade) i.TintAndShade = original.tintAndShade;
}

function paint(r: WpsRange, color: string): void {
  r.Interior.Pattern = XL_SOLID;
  r.Interior.Color = fromHex(color);
}

function commentText(r: WpsRange): string | null {
  const c = r.Comment;
  return c ? String(c.Text()) : null;
}

function setComment(r: WpsRange, text: string | null): void {
  const c = r.Comment;
  if (c) c.Delete();
  if (text !== null) r.AddComment(text);
}

function pickName(existing: Set<string>, ours: string | undefined, base = RESULTS_SHEET_NAME): string {
  if (ours) return ours;
  if (!existing.has(base)) return base;
  for (let i = 2; ; i++) if (!existing.has(`${base}${i}`)) return `${base}${i}`;
}

interface Touched {
  sheet: string;
  address: string;
  before: SavedFill | null;
  noteBefore: string | null;
}

function readRecord(store: XmlStore): { xml?: string; state: MarkState | null } {
  const xml = store.get(RECORD_NAMESPACE);
  return { xml, state: xml ? stateFromXml(xml) : null };
}

export function applyWpsMarks(app: WpsApplication, result: CheckResult, opts: MarkOptions = {}): MarkSummary {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿。');
  const now = opts.now ?? new Date();
  const store = xmlStore(app);

  // 1. Record, sheets, protection.
  const stored = readRecord(store);
  const previous = stored.state;
  const sheets = sheetNames(wb);
  const names = new Set(sheets.map((s) => s.Name));
  const protectedSheets = new Set(sheets.filter((s) => s.ProtectContents).map((s) => s.Name));
  if (wb.ProtectStructure) throw new MarkError(STRUCTURE_PROTECTED_MESSAGE, 'structureProtected');
  const ourOldSheet = previous?.resultsSheet && names.has(previous.resultsSheet) ? previous.resultsSheet : undefined;
  const resultsSheet = pickName(names, ourOldSheet);
  const writeAs = ourOldSheet ? pickName(names, undefined, `${RESULTS_SHEET_NAME}（新）`) : resultsSheet;

  const skipped: MarkSummary['skipped'] = [];
  const targets = new Map<string, CellMark>();
  for (const m of planMarks(result.findings)) {
    const key = `${m.sheet}!${m.address}`;
    if (m.sheet === resultsSheet || m.sheet === ourOldSheet || m.sheet === RECORD_SHEET) continue;
    if (!names.has(m.sheet)) skipped.push({ ref: key, reason: `工作表“${m.sheet}”不存在` });
    else if (protectedSheets.has(m.sheet)) skipped.push({ ref: key, reason: `工作表“${m.sheet}”受保护，无法标记` });
    else targets.set(key, m);
  }
  const prevByKey = new Map<string, MarkRecord>();
  for (const m of previous?.marks ?? []) if (names.has(m.sheet) && !protectedSheets.has(m.sheet)) prevByKey.set(`${m.sheet}!${m.address}`, m);

  // 2. Current fills and 批注.
  const fills = new Map<string, { fill: SavedFill | null; color: string; note: string | null }>();
  for (const key of new Set([...targets.keys(), ...prevByKey.keys()])) {
    const t = targets.get(key) ?? prevByKey.get(key)!;
    const r = cellRange(wb, t.sheet, t.address);
    fills.set(key, { fill: readFill(r), color: currentColor(r), note: commentText(r) });
  }
  const records: MarkRecord[] = [];
  for (const [key, t] of targets) {
    const old = prevByKey.get(key);
    const cur = fills.get(key)!;
    const original = old && sameColor(cur.color, old.mark) ? old.original : cur.fill;
    records.push({ sheet: t.sheet, address: t.address, original, mark: t.color, note: cur.note === null || isOurNote(cur.note) });
  }
  const stale = [...prevByKey].filter(([key]) => !targets.has(key));
  const touched: Touched[] = [...targets.keys(), ...stale.map(([k]) => k)].map((key) => {
    const bang = key.lastIndexOf('!');
    const f = fills.get(key)!;
    return { sheet: key.slice(0, bang), address: key.slice(bang + 1), before: f.fill, noteBefore: f.note };
  });
  const summaryOf = { counts: countBySeverity(result.findings), template: result.profile?.name, tables: countTables(result.tables).tables, source: result.source };

  let created: WpsWorksheet | undefined;
  let painting = false;
  // 3. The record of everything about to change, before any of it changes.
  const pending: MarkState = { version: 2, resultsSheet, marks: [...records, ...stale.map(([, m]) => m)], markedAt: now.toISOString(), pending: true, summary: summaryOf };
  try {
    store.set(RECORD_NAMESPACE, stateToXml(pending));
  } catch (e) {
    throw new MarkError(`无法在工作簿中保存标记记录（${describe(e)}），因此没有标记任何单元格。`, 'failedRolledBack');
  }
  try {
    // 4. 校验结果, paints, 批注, stale restores, the final record.
    created = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
    created.Name = writeAs;
    writeResultsSheet(created, result, now);
    painting = true;
    for (const [key, old] of stale) {
      const r = cellRange(wb, old.sheet, old.address);
      if (sameColor(fills.get(key)!.color, old.mark)) restoreFill(r, old.original);
      const note = fills.get(key)!.note;
      if (old.note && note !== null && isOurNote(note)) setComment(r, null);
    }
    let notes = 0;
    for (const rec of records) {
      const t = targets.get(`${rec.sheet}!${rec.address}`)!;
      const r = cellRange(wb, rec.sheet, rec.address);
      paint(r, t.color);
      if (rec.note) {
        setComment(r, t.note);
        notes++;
      }
    }
    const markedAt = now.toISOString();
    store.set(RECORD_NAMESPACE, stateToXml({ version: 2, resultsSheet, marks: records, markedAt, summary: summaryOf }));
    // Last: the earlier 校验结果 gives way to the new one (a failure before this leaves it as it was).
    if (ourOldSheet) {
      wb.Worksheets.Item(ourOldSheet).Delete();
      created.Name = resultsSheet;
    }
    if (opts.activateResults) created.Activate();
    return { cells: records.length, notes, resultsSheet, skipped, syncs: 0, degraded: [], markedAt };
  } catch (e) {
    try {
      rollback(wb, store, painting ? touched : [], stored.xml, created);
    } catch {
      throw new MarkError(`标记过程中出错（${describe(e)}），且未能自动撤销：已改动的单元格都有记录，请点击“清除标记”恢复原样。`, 'failedNotRolledBack');
    }
    throw new MarkError(`标记过程中出错（${describe(e)}），工作簿已恢复为检查前的样子，没有留下任何标记。`, 'failedRolledBack');
  }
}

function describe(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

/** Puts back every touched cell that no longer shows its earlier fill or 批注, deletes the new sheet, restores the record. */
function rollback(wb: WpsWorkbook, store: XmlStore, touched: Touched[], xml: string | undefined, created: WpsWorksheet | undefined): void {
  for (const t of touched) {
    const r = cellRange(wb, t.sheet, t.address);
    if (JSON.stringify(readFill(r)) !== JSON.stringify(t.before)) restoreFill(r, t.before);
    if (commentText(r) !== t.noteBefore) setComment(r, t.noteBefore);
  }
  if (created) created.Delete();
  store.set(RECORD_NAMESPACE, xml);
}

function writeResultsSheet(ws: WpsWorksheet, result: CheckResult, now: Date): void {
  const { title, summary, header, rows } = resultRows(result, now);
  const last = String.fromCharCode(64 + header.length);
  ws.Range('A1').Value2 = title;
  ws.Range('A1').Font.Bold = true;
  ws.Range('A2').Value2 = summary;
  const head = ws.Range(`A3:${last}3`);
  head.Value2 = [header];
  head.Font.Bold = true;
  head.Interior.Color = fromHex('#D9E1F2');
  if (rows.length > 0) {
    const body = ws.Range(`A4:${last}${3 + rows.length}`);
    body.NumberFormat = '@';
    body.Value2 = rows;
    result.findings.forEach((f, i) => {
      const p = f.cells[0] ? parseRef(f.cells[0]) : null;
      if (p) ws.Hyperlinks.Add(ws.Range(`H${4 + i}`), '', `${quoteSheet(p.sheet)}!${a1(p.row, p.col)}`, '转到该单元格', f.cells[0]);
    });
  } else ws.Range('A4').Value2 = result.profile ? '未发现问题。' : '未识别出预算公开模板，未做检查。';
  ws.Range('D:D').ColumnWidth = 60;
  ws.Range('D:D').WrapText = true;
}

export function clearWpsMarks(app: WpsApplication): ClearSummary {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿。');
  const store = xmlStore(app);
  const out: ClearSummary = { restored: 0, keptUserChanges: 0, notesRemoved: 0, resultsSheetRemoved: false, syncs: 0 };
  const { xml, state } = readRecord(store);
  if (!state) {
    if (xml !== undefined) store.set(RECORD_NAMESPACE, undefined); // a damaged record
    return out;
  }
  const sheets = sheetNames(wb);
  const names = new Set(sheets.map((s) => s.Name));
  const protectedSheets = new Set(sheets.filter((s) => s.ProtectContents).map((s) => s.Name));
  for (const m of state.marks) {
    if (!names.has(m.sheet) || protectedSheets.has(m.sheet)) continue;
    const r = cellRange(wb, m.sheet, m.address);
    if (sameColor(currentColor(r), m.mark)) {
      restoreFill(r, m.original);
      out.restored++;
    } else out.keptUserChanges++;
    const note = commentText(r);
    if (m.note && note !== null && isOurNote(note)) {
      setComment(r, null);
      out.notesRemoved++;
    }
  }
  if (state.resultsSheet && names.has(state.resultsSheet) && !wb.ProtectStructure) {
    wb.Worksheets.Item(state.resultsSheet).Delete();
    out.resultsSheetRemoved = true;
  }
  store.set(RECORD_NAMESPACE, undefined);
  return out;
}

export function readWpsMarkState(app: WpsApplication): MarkState | null {
  return readRecord(xmlStore(app)).state;
}

/** Activates the sheet of the first reference and selects its cells (several areas at once: "B6,D4"). */
export function selectWpsCells(app: WpsApplication, refs: string[]): { selected: string } | undefined {
  const wb = app.ActiveWorkbook;
  const parsed = refs.map(parseRef).filter((p): p is NonNullable<typeof p> => !!p);
  if (!wb || parsed.length === 0) return undefined;
  const sheet = parsed[0].sheet;
  const addresses = parsed.filter((p) => p.sheet === sheet).map((p) => (p.endRow ? `${a1(p.row, p.col)}:${a1(p.endRow, p.endCol!)}` : a1(p.row, p.col)));
  const ws = wb.Worksheets.Item(sheet);
  ws.Activate();
  try {
    ws.Range(addresses.join(',')).Select();
    return { selected: addresses.join(',') };
  } catch {
    ws.Range(addresses[0]).Select();
    return { selected: addresses[0] };
  }
}

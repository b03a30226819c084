/**
 * Writes the generated 说明 into a sheet named 公开说明: one paragraph per row in column A
 * (the title and the headings in bold), and beside each paragraph, in column B headed 来源单元格,
 * the cells every number in it comes from. narrativeFromSheet (src/core/narrative/sheet.ts) skips
 * that column when the sheet is read back, so the engine checks the text alone.
 *
 * Ownership: the sheet carries a hidden worksheet-scoped name (NARRATIVE_MARKER) whose comment
 * holds a fingerprint of what was written. The name lives and dies with the sheet, so a 公开说明
 * sheet the user made (or re-made after deleting ours) has no marker and is never touched.
 * Re-writing replaces our sheet as a whole (no stacking); if the user has changed its cells since
 * (filled in a 【请填写原因】, added rows), the write stops and asks for confirmation first.
 *
 * Three syncs: (1) sheet list, (2) the marker and the sheet's values, (3) all writes in one batch.
 */
import type { Narrative, NarrativeParagraph } from '../core/narrative/types';
import { a1, parseRef } from '../core/grid';
import { ExcelHost, capabilities, countingSync, runOptions } from './host';

export const NARRATIVE_SHEET = '公开说明';
/** Hidden name scoped to our 公开说明 sheet: the proof that we created it. */
export const NARRATIVE_MARKER = 'BudgetCheck_Narrative';
/** Header of the side column; narrativeFromSheet recognises it and skips the column. */
export const SOURCE_HEADER = '来源单元格';

export interface NarrativeSheetLayout {
  /** [text, source cells] per row, row 1 first. */
  rows: [string, string][];
  /** 1-based rows to set in bold (title and headings). */
  bold: number[];
}

/** Consecutive cells of one column (or one row) in the same sheet are written as a range: 表6!E7:E15. */
export function compactRefs(refs: string[]): string[] {
  const out: string[] = [];
  const parsed = refs.map((r) => ({ r, p: parseRef(r) }));
  let i = 0;
  while (i < parsed.length) {
    const { r, p } = parsed[i];
    if (!p || p.endRow !== undefined) {
      out.push(r);
      i++;
      continue;
    }
    let j = i + 1;
    let dr = 0;
    let dc = 0;
    while (j < parsed.length) {
      const q = parsed[j].p;
      if (!q || q.endRow !== undefined || q.sheet !== p.sheet) break;
      const stepR = q.row - p.row === j - i && q.col === p.col;
      const stepC = q.col - p.col === j - i && q.row === p.row;
      if (j === i + 1) {
        if (stepR) dr = 1;
        else if (stepC) dc = 1;
        else break;
      } else if ((dr && !stepR) || (dc && !stepC)) break;
      j++;
    }
    if (j - i >= 2) {
      const last = parsed[j - 1].p!;
      out.push(`${p.sheet}!${a1(p.row, p.col)}:${a1(last.row, last.col)}`);
    } else out.push(r);
    i = j;
  }
  return out;
}

/** "150.94 万元：表1!B36" per number, one per line; a computed figure says how ("本年 − 上年"). */
export function sourceCellsText(p: NarrativeParagraph): string {
  return p.numbers
    .filter((x) => x.cells.length > 0)
    .map((x) => `${x.text}${x.unit === '%' ? '%' : ' 万元'}：${compactRefs(x.cells).join('、')}${x.note ? `（${x.note}）` : ''}`)
    .join('\n');
}

export function narrativeSheetRows(n: Narrative): NarrativeSheetLayout {
  const rows: [string, string][] = [[n.title, SOURCE_HEADER]];
  const bold = [1];
  for (const s of n.sections) {
    rows.push([s.title, '']);
    bold.push(rows.length);
    for (const p of s.paragraphs) rows.push([p.text, sourceCellsText(p)]);
  }
  return { rows, bold };
}

/** Cell values as a matrix anchored at A1, without trailing empty cells and rows. */
export function normalise(values: unknown[][], row0 = 0, col0 = 0): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < row0; i++) out.push([]);
  for (const r of values) {
    const row = [...Array<string>(col0).fill(''), ...r.map((v) => (v === null || v === undefined ? '' : String(v)))];
    while (row.length && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Two 32-bit FNV-1a hashes of the sheet contents: enough to notice any edit. */
export function fingerprint(values: string[][]): string {
  const text = JSON.stringify(values);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

interface MarkerComment {
  v: 1;
  rows: number;
  fp: string;
}

function parseMarker(comment: string): MarkerComment | null {
  try {
    const m = JSON.parse(comment);
    return m && m.v === 1 && typeof m.fp === 'string' ? (m as MarkerComment) : null;
  } catch {
    return null;
  }
}

export type NarrativeWriteOutcome =
  | { status: 'written'; sheet: string; rows: number; replaced: boolean; syncs: number }
  /** A sheet of that name exists and is not ours: nothing was written. */
  | { status: 'foreign'; sheet: string; message: string; syncs: number }
  /** Our sheet was edited since it was written: nothing was written; call again with overwrite. */
  | { status: 'edited'; sheet: string; message: string; syncs: number };

export interface NarrativeWriteOptions {
  /** Replace our 公开说明 sheet even if the user has edited it. */
  overwrite?: boolean;
}

export async function writeNarrativeSheet(host: ExcelHost, n: Narrative, opts: NarrativeWriteOptions = {}): Promise<NarrativeWriteOutcome> {
  const name = NARRATIVE_SHEET;
  const { rows, bold } = narrativeSheetRows(n);
  return host.run(runOptions(host), async (context) => {
    const counter = countingSync(context);
    const sync = counter.sync;
    const wb = context.workbook;

    // 1. Is there a sheet of that name?
    const sheets = wb.worksheets;
    sheets.load('items/name');
    await sync();
    const exists = sheets.items.some((s) => s.name === name);

    // 2. Is it ours, and is it as we left it?
    let replaced = false;
    if (exists) {
      const old = wb.worksheets.getItem(name);
      const marker = old.names.getItemOrNullObject(NARRATIVE_MARKER);
      marker.load('comment');
      const used = old.getUsedRangeOrNullObject(true);
      used.load('values,rowIndex,columnIndex');
      await sync();
      if (marker.isNullObject) {
        return {
          status: 'foreign',
          sheet: name,
          syncs: counter.count,
          message: `工作簿中已有名为“${name}”的工作表，且不是本加载项写入的。为免覆盖您的内容，本次未写入；请将该表改名或移走后重试。`,
        };
      }
      const saved = parseMarker(marker.comment);
      const now = used.isNullObject ? [] : normalise(used.values, used.rowIndex, used.columnIndex);
      if (!opts.overwrite && (!saved || saved.fp !== fingerprint(now))) {
        return {
          status: 'edited',
          sheet: name,
          syncs: counter.count,
          message: `“${name}”工作表在上次写入后已被修改（例如填写了原因或增加了行）。重新写入将用新生成的说明替换整张表，您的修改会丢失。`,
        };
      }
      old.delete();
      replaced = true;
    }

    // 3. All writes in one batch.
    const ws = wb.worksheets.add(name);
    const last = rows.length;
    const all = ws.getRange(`A1:B${last}`);
    all.numberFormat = rows.map(() => ['@', '@']); // text: nothing is turned into a number or a formula
    all.values = rows;
    all.format.wrapText = true;
    all.format.verticalAlignment = 'Top';
    for (const r of bold) ws.getRange(`A${r}`).format.font.bold = true;
    ws.getRange('B1').format.font.bold = true;
    ws.getRange('A:A').format.columnWidth = 420;
    ws.getRange('B:B').format.columnWidth = 200;
    all.format.autofitRows();
    if (capabilities(host).hyperlinks) ws.freezePanes.freezeRows(1); // ExcelApi 1.7
    const marker = ws.names.add(NARRATIVE_MARKER, all, JSON.stringify({ v: 1, rows: last, fp: fingerprint(normalise(rows)) } satisfies MarkerComment));
    marker.visible = false;
    ws.activate();
    await sync();
    return { status: 'written', sheet: name, rows: last, replaced, syncs: counter.count };
  });
}

/**
 * 写入公开说明 in WPS: the same sheet as the Excel add-in writes (src/excel/narrative.ts — rows,
 * 来源单元格 column, fingerprint), with the same ownership rule: a hidden worksheet-scoped name
 * (NARRATIVE_MARKER) whose Comment holds the fingerprint of what was written. A 公开说明 sheet
 * without it is the user's and is never touched; ours, edited since, is replaced only on request.
 */
import type { Narrative } from '../core/narrative/types';
import { NARRATIVE_MARKER, NARRATIVE_SHEET, NarrativeWriteOptions, NarrativeWriteOutcome, fingerprint, narrativeSheetRows, normalise } from '../excel/narrative';
import { matrix } from './read';
import type { WpsApplication, WpsWorksheet } from './model';

function marker(ws: WpsWorksheet): { Comment: string } | undefined {
  try {
    return ws.Names.Item(NARRATIVE_MARKER);
  } catch {
    return undefined;
  }
}

export function writeWpsNarrative(app: WpsApplication, n: Narrative, opts: NarrativeWriteOptions = {}): NarrativeWriteOutcome {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿。');
  const name = NARRATIVE_SHEET;
  const { rows, bold } = narrativeSheetRows(n);
  let old: WpsWorksheet | undefined;
  for (let i = 1; i <= wb.Worksheets.Count; i++) if (wb.Worksheets.Item(i).Name === name) old = wb.Worksheets.Item(i);
  let replaced = false;
  if (old) {
    const m = marker(old);
    if (!m) {
      return { status: 'foreign', sheet: name, syncs: 0, message: `工作簿中已有名为“${name}”的工作表，且不是本加载项写入的。为免覆盖您的内容，本次未写入；请将该表改名或移走后重试。` };
    }
    let saved: { fp?: string } | null = null;
    try {
      saved = JSON.parse(m.Comment);
    } catch {
      saved = null;
    }
    const used = old.UsedRange;
    const now = normalise(matrix(used.Value2, used.Rows.Count, used.Columns.Count), used.Row - 1, used.Column - 1);
    if (!opts.overwrite && (!saved || saved.fp !== fingerprint(now))) {
      return { status: 'edited', sheet: name, syncs: 0, message: `“${name}”工作表在上次写入后已被修改（例如填写了原因或增加了行）。重新写入将用新生成的说明替换整张表，您的修改会丢失。` };
    }
    old.Delete();
    replaced = true;
  }
  const ws = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
  ws.Name = name;
  const all = ws.Range(`A1:B${rows.length}`);
  all.NumberFormat = '@';
  all.Value2 = rows;
  all.WrapText = true;
  for (const r of bold) ws.Range(`A${r}`).Font.Bold = true;
  ws.Range('B1').Font.Bold = true;
  ws.Range('A:A').ColumnWidth = 70;
  ws.Range('B:B').ColumnWidth = 34;
  const name1 = ws.Names.Add(NARRATIVE_MARKER, `='${name}'!$A$1:$B$${rows.length}`, false);
  name1.Comment = JSON.stringify({ v: 1, rows: rows.length, fp: fingerprint(normalise(rows)) });
  ws.Activate();
  return { status: 'written', sheet: name, rows: rows.length, replaced, syncs: 0 };
}

/**
 * Where src/wps keeps what must travel with the workbook (the mark record with the saved
 * original fills, the user's 科目表): XML documents by namespace, inside the file.
 *
 * 1. Workbook.CustomXMLParts, where WPS has it: the same parts, in the same namespaces and the
 *    same XML as the Excel add-in writes (src/excel/record.ts, src/excel/codes.ts), so marks
 *    put on in WPS can be cleared in Excel and the other way round.
 * 2. Otherwise a very hidden sheet (RECORD_SHEET, xlSheetVeryHidden: not offered under 取消隐藏),
 *    one row per namespace: A = namespace, B… = the XML in pieces below the cell text limit.
 *
 * PluginStorage is not used for this: it belongs to the WPS session, not to the file, and is
 * gone after the workbook is reopened (docs/wps.md).
 */
import type { WpsApplication, WpsWorkbook, WpsWorksheet } from './model';
import { XL_SHEET_VERY_HIDDEN } from './model';
import { colLetters as colName } from '../core/grid';

/** The very hidden sheet of the fallback store; the readers skip it. */
export const RECORD_SHEET = '_预算公开校验记录';
/** Below Excel's 32 767-character cell limit. */
const PIECE = 30000;

export interface XmlStore {
  get(ns: string): string | undefined;
  /** `xml` undefined: removes the document. */
  set(ns: string, xml: string | undefined): void;
  readonly kind: 'customXml' | 'hiddenSheet';
}

function workbook(app: WpsApplication): WpsWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿。');
  return wb;
}

export function xmlStore(app: WpsApplication): XmlStore {
  const wb = workbook(app);
  let parts: WpsWorkbook['CustomXMLParts'];
  try {
    parts = wb.CustomXMLParts;
  } catch {
    parts = undefined;
  }
  if (parts && typeof parts.SelectByNamespace === 'function') {
    const p = parts;
    return {
      kind: 'customXml',
      get(ns) {
        // the newest part wins (the last added: set() adds before it deletes, so a failure in between leaves two)
        const found = p.SelectByNamespace(ns);
        return found.Count > 0 ? found.Item(found.Count).XML : undefined;
      },
      set(ns, xml) {
        const found = p.SelectByNamespace(ns);
        const old = [];
        for (let i = 1; i <= found.Count; i++) old.push(found.Item(i));
        // add first, then delete: a failure in between leaves the old document, never none
        if (xml !== undefined) p.Add(xml);
        for (const part of old) part.Delete();
      },
    };
  }
  return hiddenSheetStore(wb);
}

function findSheet(wb: WpsWorkbook, name: string): WpsWorksheet | undefined {
  for (let i = 1; i <= wb.Worksheets.Count; i++) {
    const ws = wb.Worksheets.Item(i);
    if (ws.Name === name) return ws;
  }
  return undefined;
}

function hiddenSheetStore(wb: WpsWorkbook): XmlStore {
  const rowOf = (ws: WpsWorksheet, ns: string): number | undefined => {
    const used = ws.UsedRange;
    const last = used.Row + used.Rows.Count - 1;
    for (let r = 1; r <= last; r++) if (ws.Range(`A${r}`).Value2 === ns) return r;
    return undefined;
  };
  return {
    kind: 'hiddenSheet',
    get(ns) {
      const ws = findSheet(wb, RECORD_SHEET);
      if (!ws) return undefined;
      const r = rowOf(ws, ns);
      if (r === undefined) return undefined;
      let xml = '';
      for (let c = 2; ; c++) {
        const v = ws.Range(`${colName(c)}${r}`).Value2;
        if (typeof v !== 'string' || v === '') break;
        xml += v;
      }
      return xml;
    },
    set(ns, xml) {
      let ws = findSheet(wb, RECORD_SHEET);
      if (!ws) {
        if (xml === undefined) return;
        ws = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
        ws.Name = RECORD_SHEET;
        ws.Visible = XL_SHEET_VERY_HIDDEN;
      }
      let r = rowOf(ws, ns);
      if (r === undefined) {
        if (xml === undefined) return;
        const used = ws.UsedRange;
        const empty = used.Rows.Count === 1 && (ws.Range('A1').Value2 === undefined || ws.Range('A1').Value2 === null || ws.Range('A1').Value2 === '');
        r = empty ? 1 : used.Row + used.Rows.Count;
      }
      const pieces = xml === undefined ? [] : xml.match(new RegExp(`[\\s\\S]{1,${PIECE}}`, 'g')) ?? [''];
      const oldWidth = ws.UsedRange.Columns.Count + ws.UsedRange.Column;
      const width = Math.max(pieces.length + 1, oldWidth);
      const row: string[] = [xml === undefined ? '' : ns, ...pieces];
      while (row.length < width) row.push('');
      const target = ws.Range(`A${r}:${colName(width)}${r}`);
      target.NumberFormat = '@';
      target.Value2 = [row];
      // Nothing left to keep: the sheet goes, the workbook is as it was before the first check.
      if (xml === undefined) {
        const used = ws.UsedRange;
        let any = false;
        for (let k = used.Row; k < used.Row + used.Rows.Count && !any; k++) {
          const v = ws.Range(`A${k}`).Value2;
          any = v !== undefined && v !== null && v !== '';
        }
        if (!any) ws.Delete();
      }
    },
  };
}


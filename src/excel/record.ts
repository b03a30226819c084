/**
 * The mark record: what the add-in changed in the workbook and the user's original formats,
 * stored inside the .xlsx as a custom XML part (ExcelApi 1.5) in our own namespace.
 *
 * Why a custom XML part and not `workbook.settings`: settings belong to the add-in that wrote
 * them (they are keyed by the manifest <Id> in the file), so marks written by a development
 * manifest could not be cleared by the production one. A custom XML part belongs to the
 * workbook. Records written by earlier versions in the `budgetCheck.marks` setting are still
 * read, and removed when the record is next written or cleared.
 */
import type { Severity } from '../core/finding';
import { STATE_SETTING } from './host';

export const RECORD_NAMESPACE = 'urn:budget-disclosure-checker:marks';

/** A cell's fill as saved before marking; null = the cell had no fill (or reported white without pattern). */
export interface SavedFill {
  color: string;
  /** Absent when the host cannot read patterns (ExcelApi < 1.9): restored as a solid fill of that colour. */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface MarkRecord {
  sheet: string;
  /** "A1" */
  address: string;
  /** The user's fill before the first mark. */
  original: SavedFill | null;
  /** The colour the add-in put there: a cell showing another colour was changed by the user. */
  mark: string;
  /** True when the add-in wrote (or was about to write) a note on this cell. */
  note: boolean;
}

export interface MarkState {
  version: 1 | 2;
  resultsSheet?: string;
  marks: MarkRecord[];
  markedAt: string;
  /** Written before the paints of a run; a record still pending means the run did not finish. */
  pending?: boolean;
  /** The short result, so a pane in another runtime can say what the ribbon check found. */
  summary?: { counts: Record<Severity, number>; template?: string; tables: number; source: string };
}

export function parseState(raw: unknown): MarkState | null {
  if (raw === null || raw === undefined || raw === '') return null;
  try {
    const s = typeof raw === 'string' ? JSON.parse(raw) : raw;
    if (s && (s.version === 1 || s.version === 2) && Array.isArray(s.marks)) return s as MarkState;
  } catch {
    /* a damaged record is treated as no marks */
  }
  return null;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function stateToXml(state: MarkState): string {
  return `<?xml version="1.0" encoding="UTF-8"?><budgetCheckMarks xmlns="${RECORD_NAMESPACE}">${escapeXml(JSON.stringify(state))}</budgetCheckMarks>`;
}

export function stateFromXml(xml: string): MarkState | null {
  const m = /<budgetCheckMarks[^>]*>([\s\S]*)<\/budgetCheckMarks>/.exec(xml);
  return m ? parseState(unescapeXml(m[1].replace(/^<!\[CDATA\[|\]\]>$/g, ''))) : null;
}

/** Handles of the stored record, queued before a sync. */
export interface RecordHandles {
  parts: Excel.CustomXmlPartScopedCollection;
  legacy: Excel.Setting;
}

/** Queues the lookups (one sync). */
export function queueRecord(wb: Excel.Workbook): RecordHandles {
  // The collection, not getOnlyItemOrNullObject: that is a null object when there are two parts
  // (a copied part, a crash between add and delete), and the record would look absent.
  const parts = wb.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  parts.load('items/id');
  const legacy = wb.settings.getItemOrNullObject(STATE_SETTING);
  legacy.load('value');
  return { parts, legacy };
}

export interface StoredRecord {
  state: MarkState | null;
  /** The XML as it was, to put back if a run fails. */
  xml?: string;
  part?: Excel.CustomXmlPart;
  /** Further parts in our namespace (should not exist): removed when the record is next written. */
  extras: Excel.CustomXmlPart[];
  legacy: boolean;
}

/** After the lookup sync: reads the part's XML (one more sync, only when the part exists). */
export async function readRecord(h: RecordHandles, sync: () => Promise<void>): Promise<StoredRecord> {
  const legacy = !h.legacy.isNullObject;
  const items = h.parts.items;
  if (items.length > 0) {
    const xmls = items.map((p) => p.getXml());
    await sync();
    // the newest readable record wins (the last one added)
    let at = items.length - 1;
    while (at > 0 && !stateFromXml(xmls[at].value)) at--;
    return { state: stateFromXml(xmls[at].value), xml: xmls[at].value, part: items[at], extras: items.filter((_, i) => i !== at), legacy };
  }
  return { state: legacy ? parseState(h.legacy.value) : null, extras: [], legacy };
}

/** Queues writing the record; returns the part to write to next time in the same batch. */
export function writeRecord(wb: Excel.Workbook, part: Excel.CustomXmlPart | undefined, state: MarkState): Excel.CustomXmlPart {
  const xml = stateToXml(state);
  if (part) {
    part.setXml(xml);
    return part;
  }
  return wb.customXmlParts.add(xml);
}

/** Queues removing the record (and an earlier version's setting). */
export function deleteRecord(wb: Excel.Workbook, stored: StoredRecord, part?: Excel.CustomXmlPart): void {
  (part ?? stored.part)?.delete();
  for (const x of stored.extras) x.delete();
  if (stored.legacy) wb.settings.getItem(STATE_SETTING).delete();
}

/**
 * The checking reader for .xlsx/.xlsm: unzip (fflate; on the command line Node's zlib, unzip-node.ts),
 * parse the parts the check needs (values, cached formula results, shared strings, number formats, indentation, merged areas, sheet
 * visibility) and build the same Grid as gridFromWorkbook (ExcelJS) does, cell for cell;
 * test/file/fast-read.test.ts holds the two readers to that. Parts are parsed by the plain-XML
 * scanner (xml-scan.ts, the same events as saxes, about 30 % faster on worksheets) where they are
 * plain XML, by saxes otherwise and for parts over 8 MB (read a chunk at a time).
 *
 * Why not ExcelJS for checking: it builds the whole styled model (fonts, borders, fills, column
 * widths, every merged cell as an object), which is most of its time. Measured on the 15-table
 * 陕西 example (docs/cli.md): ExcelJS 14 ms, SheetJS 10–12 ms, fflate + saxes 3.7 ms, fflate +
 * fast-xml-parser 15 ms. ExcelJS still writes the annotated copy (src/file/write.ts): it keeps styles.
 *
 * Browser-safe (no Node built-ins). Rows past MAX_ROWS_PER_SHEET are not parsed at all, so a
 * 200,000-row export is cut off quickly and with bounded memory.
 */
import { DecodeUTF8, strFromU8, unzipSync, UnzipFileInfo } from 'fflate';
import { SaxesParser } from 'saxes';
import { NotPlainXml, local, normaliseLineEnds, plainXml, scanXml } from './xml-scan';
import { CellData, CellValue, MergedArea, Sheet } from '../core/grid';
import { MAX_COLS_PER_SHEET, MAX_ROWS_PER_SHEET, ReadError, ReadResult } from './grid-from-exceljs';

/** Excel's built-in number formats by id, as ExcelJS maps them (lib/xlsx/defaultnumformats.js). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Same test as ExcelJS's utils.isDateFmt: date/time letters outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** A serial date as ExcelJS turns it into a Date, then as the Grid shows dates (yyyy-mm-dd). */
export function serialToIsoDate(v: number, date1904: boolean): string | number {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? v : d.toISOString().slice(0, 10);
}

/** ExcelJS's utils.xmlDecode (applied to t="str" values on top of the XML parser's own decoding). */
function xmlDecode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? _m);
}

/** Excel's escape for characters XML cannot carry in text: _x000D_ → "\r". */
function unescapeX(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}


/**
 * An XML parser as the part readers use it: handlers get local names (prefixes such as x:
 * dropped); with `stop`, parsing may end as soon as `stop()` says so.
 */
type Parse = (
  xml: string | Uint8Array,
  open: (name: string, attrs: Record<string, string>) => void,
  close?: (name: string) => void,
  text?: (t: string) => void,
  stop?: () => boolean,
) => void;

/**
 * A part saxes found not well-formed (a damaged file): where, when the part was parsed again with
 * positions to say so. saxes's own English text is not kept: the user gets a Chinese message.
 */
export class DamagedXml extends Error {
  constructor(
    readonly line?: number,
    readonly column?: number,
  ) {
    super('damaged XML');
  }
}

/**
 * saxes over `xml`. With `stop`, bytes are decoded and parsed a chunk at a time: a 200,000-row
 * sheet is never turned into one huge string. A well-formedness error throws DamagedXml (errors
 * thrown by the handlers pass through as they are); `position` tracks lines and columns for it,
 * which costs time, so it is only asked for when a part already failed.
 */
const saxesParse = (position: boolean): Parse => (xml, open, close, text, stop) => {
  const p = new SaxesParser({ xmlns: false, position });
  p.on('error', () => {
    throw position ? new DamagedXml(p.line, p.column) : new DamagedXml();
  });
  p.on('opentag', (t) => open(local(t.name), t.attributes as Record<string, string>));
  if (close) p.on('closetag', (t) => close(local(t.name)));
  if (text) p.on('text', text);
  if (!stop) {
    p.write(typeof xml === 'string' ? xml : strFromU8(xml)).close();
    return;
  }
  const CHUNK = 1 << 16;
  if (typeof xml !== 'string') {
    const dec = new DecodeUTF8((str) => {
      if (str) p.write(str);
    });
    for (let i = 0; i < xml.length; i += CHUNK) {
      dec.push(xml.subarray(i, i + CHUNK), i + CHUNK >= xml.length);
      if (stop()) return; // the rest is not needed (rows past the limit)
    }
    p.close();
    return;
  }
  for (let i = 0; i < xml.length; i += CHUNK) {
    p.write(xml.slice(i, i + CHUNK));
    if (stop()) return; // the rest is not needed (rows past the limit)
  }
  p.close();
};
const saxes = saxesParse(false);

/** Parts above this size are parsed by saxes a chunk at a time, never decoded into one string. */
const SCAN_MAX_BYTES = 8 << 20;

/** Which parser read a part (FastReadOptions.onParser). */
export type PartParser = 'scanner' | 'saxes';

/**
 * The scanner of plain XML (xml-scan.ts) where the part is plain and not huge, saxes otherwise;
 * `used` is told which. May throw NotPlainXml part-way through: read the part through `scanFirst`.
 */
const scanning =
  (used: (p: PartParser) => void): Parse =>
  (xml, open, close, text, stop) => {
    if (typeof xml !== 'string' && xml.length > SCAN_MAX_BYTES) {
      used('saxes');
      return saxes(xml, open, close, text, stop);
    }
    // saxes gets the part as it is (it normalises line ends itself), the scanner the normalised text.
    const raw = typeof xml === 'string' ? xml : strFromU8(xml);
    const s = normaliseLineEnds(raw);
    if (!plainXml(s)) {
      used('saxes');
      return saxes(raw, open, close, text, stop);
    }
    used('scanner');
    scanXml(s, open, close, text, stop);
  };

/**
 * Reads a part with the scanner; when the scanner gives up part-way (a malformed tag), reads it
 * again from scratch with saxes, which reports malformed XML as such. `read` must start from a
 * clean state on each call (its results are local until it returns).
 */
function scanFirst<T>(read: (parse: Parse) => T, used: (p: PartParser) => void): T {
  try {
    return read(scanning(used));
  } catch (e) {
    if (!(e instanceof NotPlainXml)) throw e;
    used('saxes');
    return read(saxes);
  }
}

/** Where a damaged part fails, as the message says it ("第 1 行第 5230 列附近"); '' when unknown. */
function whereIn(e: DamagedXml): string {
  return e.line !== undefined && e.column !== undefined ? ` 第 ${e.line} 行第 ${e.column} 列附近` : '';
}

/** "AB12" → [12, 28]; null when not an A1 reference. */
function decodeA1(ref: string): [number, number] | null {
  return scanA1(ref) ? [a1Row, a1Col] : null;
}

/** What scanA1 read last (module state: it runs for every cell, and an array per cell cost time). */
let a1Row = 0;
let a1Col = 0;

/** decodeA1 into a1Row and a1Col; false when `ref` is not an A1 reference. */
function scanA1(ref: string): boolean {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch === 36) continue; // $
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  // The row as digits to the end (every cell reference a writer makes), read without a slice.
  let row = 0;
  let j = i;
  for (; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + ch - 48;
  }
  if (j < ref.length || j === i) row = parseInt(ref.slice(i).replace('$', ''), 10);
  if (!(col > 0 && row > 0)) return false;
  a1Row = row;
  a1Col = col;
  return true;
}

interface Rel {
  target: string;
  type: string;
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function readRels(xml: string | undefined, owner: string, sax: Parse): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (!xml) return rels;
  sax(xml, (name, a) => {
    if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
      rels.set(a.Id, { target: resolveTarget(owner, a.Target.replace(/\\/g, '/')), type: a.Type ?? '' });
    }
  });
  return rels;
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

interface Styles {
  /** Number format per cellXfs index (undefined: General or none). */
  fmt: (string | undefined)[];
  /** isDateFormat of each format, worked out once per style rather than once per cell. */
  isDate: boolean[];
  indent: (number | undefined)[];
}

function readStyles(xml: string | undefined, sax: Parse): Styles {
  const styles: Styles = { fmt: [], isDate: [], indent: [] };
  if (!xml) return styles;
  const custom = new Map<number, string>();
  const xfs: { numFmtId: number; indent?: number }[] = [];
  let inCellXfs = false;
  sax(
    xml,
    (name, a) => {
      if (name === 'numFmt') custom.set(parseInt(a.numFmtId, 10), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (inCellXfs && name === 'xf') xfs.push({ numFmtId: parseInt(a.numFmtId, 10) });
      else if (inCellXfs && name === 'alignment' && a.indent !== undefined && xfs.length > 0) xfs[xfs.length - 1].indent = parseInt(a.indent, 10);
    },
    (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  );
  for (const xf of xfs) {
    const fmt = xf.numFmtId ? (custom.get(xf.numFmtId) ?? BUILTIN_FORMATS[xf.numFmtId]) || undefined : undefined;
    styles.fmt.push(fmt);
    styles.isDate.push(isDateFormat(fmt));
    styles.indent.push(xf.indent || undefined);
  }
  return styles;
}

function readSharedStrings(xml: string | undefined, sax: Parse): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let cur: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  sax(
    xml,
    (name) => {
      if (name === 'si') cur = [];
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    (name) => {
      if (name === 'si') {
        out.push(cur ? unescapeX(cur.join('')) : '');
        cur = null;
      } else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    (t) => {
      if (inT && cur) cur.push(t);
    },
  );
  return out;
}

interface SheetRef {
  name: string;
  part: string;
  hidden: boolean;
}

interface RawCell {
  row: number;
  col: number;
  t?: string;
  s?: number;
  value?: string;
  formula?: string;
  shareType?: string;
  si?: string;
  ref?: string;
  inlineRich?: boolean;
}

/** Last index of an ASCII `needle` in `hay`, or -1. */
function lastIndexOfAscii(hay: Uint8Array, needle: string): number {
  const n = needle.length;
  outer: for (let i = hay.length - n; i >= 0; i--) {
    for (let j = 0; j < n; j++) if (hay[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function readSheet(xml: Uint8Array, ref: SheetRef, strings: string[], styles: Styles, date1904: boolean, warnings: string[], sax: Parse): Sheet {
  // Cells by row; rows whose cells ExcelJS counts as values (it also counts merged cells, below).
  const rowCells = new Map<number, RawCell[]>();
  let listRow = -1;
  let list: RawCell[] | undefined;
  const valueRows = new Set<number>();
  let lastRow = 0;
  let row = 0;
  let cell: RawCell | null = null;
  let prevCol = 0;
  let node: 'v' | 'f' | 't' | null = null;
  let inIs = false;
  let inRich = false;
  let phonetic = 0;
  let pastLimit = false;
  const sharedMasters = new Map<string, string>();
  const a1 = (r: number, c: number): string => {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return `${s}${r}`;
  };
  const formulaOf = new Map<RawCell, string>();

  sax(
    xml,
    (name, a) => {
      switch (name) {
        case 'row': {
          const r = a.r ? parseInt(a.r, 10) : row + 1;
          row = r;
          prevCol = 0;
          if (r > lastRow) lastRow = r;
          if (r > MAX_ROWS_PER_SHEET) pastLimit = true;
          return;
        }
        case 'c': {
          if (pastLimit) return;
          let col = prevCol + 1;
          let r = row;
          if (a.r) {
            if (scanA1(a.r)) {
              r = a1Row;
              col = a1Col;
            }
          }
          prevCol = col;
          cell = { row: r, col, t: a.t };
          if (a.s !== undefined) cell.s = parseInt(a.s, 10);
          return;
        }
        case 'v':
          if (cell) node = 'v';
          return;
        case 'f':
          if (cell) {
            node = 'f';
            cell.formula ??= '';
            cell.shareType = a.t;
            cell.si = a.si;
            cell.ref = a.ref;
          }
          return;
        case 'is':
          inIs = true;
          return;
        case 'r':
          if (inIs) inRich = true;
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (cell && inIs && phonetic === 0) node = 't';
          return;
        default:
          return;
      }
    },
    (name) => {
      switch (name) {
        case 'c': {
          const c = cell;
          cell = null;
          if (!c || pastLimit) return;
          if (c.formula === '' && !c.shareType) c.formula = undefined;
          if (c.formula === undefined && c.shareType === undefined && c.value === undefined) return; // empty: ExcelJS keeps no cell
          if (c.row > MAX_ROWS_PER_SHEET) return;
          // Cells come row by row: the last row's list is kept at hand.
          if (c.row !== listRow) {
            listRow = c.row;
            list = rowCells.get(c.row);
            if (!list) rowCells.set(c.row, (list = []));
            valueRows.add(c.row);
          }
          list!.push(c);
          if (c.row > lastRow) lastRow = c.row;
          if (c.shareType === 'shared' && c.si !== undefined) {
            if (c.ref) sharedMasters.set(c.si, a1(c.row, c.col));
            else formulaOf.set(c, sharedMasters.get(c.si) ?? '');
          }
          return;
        }
        case 'v':
        case 'f':
          node = null;
          return;
        case 't':
          if (node === 't') node = null;
          return;
        case 'is':
          inIs = false;
          return;
        case 'r':
          return;
        case 'rPh':
          phonetic--;
          return;
        default:
          return;
      }
    },
    (t) => {
      if (!cell || node === null) return;
      if (node === 'f') cell.formula = (cell.formula ?? '') + t;
      else {
        cell.value = (cell.value ?? '') + t;
        if (node === 't' && inRich) cell.inlineRich = true;
      }
    },
    () => pastLimit,
  );

  const sheetDataEnd = lastIndexOfAscii(xml, 'sheetData>');
  if (pastLimit) {
    // Parsing stopped at the limit: find the last row number without parsing the rest.
    const end = sheetDataEnd < 0 ? xml.length : sheetDataEnd;
    const tail = strFromU8(xml.subarray(Math.max(0, end - 65536), end));
    const re = /<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g;
    for (let m = re.exec(tail); m; m = re.exec(tail)) lastRow = Math.max(lastRow, parseInt(m[1], 10));
  }

  // Merged areas and hyperlinks follow the cell data; they are flat elements, read directly.
  const rest = sheetDataEnd >= 0 ? strFromU8(xml.subarray(sheetDataEnd)) : '';
  const allMerges: MergedArea[] = [];
  const mergeRe = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;
  for (let m = mergeRe.exec(rest); m; m = mergeRe.exec(rest)) {
    const [from, to] = m[1].split(':');
    const tl = decodeA1(from);
    const br = to ? decodeA1(to) : tl;
    if (!tl || !br) continue;
    allMerges.push({ top: Math.min(tl[0], br[0]), left: Math.min(tl[1], br[1]), bottom: Math.max(tl[0], br[0]), right: Math.max(tl[1], br[1]) });
  }
  const links = new Set<string>();
  const linkRe = /<(?:\w+:)?hyperlink\b[^>]*?\bref="([^"]+)"/g;
  for (let m = linkRe.exec(rest); m; m = linkRe.exec(rest)) links.add(m[1].split(':')[0].replace(/\$/g, '').toUpperCase());

  // ExcelJS counts a merged area's cells as values: every row the area covers (but the top row of
  // a one-column area, which holds only the master) counts as a row with values.
  for (const m of allMerges) {
    if (m.bottom > lastRow) lastRow = m.bottom;
    for (let r = m.right > m.left ? m.top : m.top + 1; r <= Math.min(m.bottom, MAX_ROWS_PER_SHEET); r++) valueRows.add(r);
  }

  if (lastRow > MAX_ROWS_PER_SHEET) {
    warnings.push(`工作表“${ref.name}”有 ${lastRow} 行，超过 ${MAX_ROWS_PER_SHEET} 行，只读取了前 ${MAX_ROWS_PER_SHEET} 行。`);
  }
  const rowLimit = Math.min(lastRow, MAX_ROWS_PER_SHEET);
  const merges = allMerges.filter((m) => m.top <= rowLimit);
  // Cells inside a merged area other than its top-left hold no value of their own.
  const slave = new Set<number>();
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, rowLimit); r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slave.add(r * 16384 + c);
    }
  }

  const rows: (CellData | undefined)[][] = [];
  let maxRow = 0;
  for (const r of valueRows) if (r <= rowLimit && r > maxRow) maxRow = r;
  for (let r = 1; r <= maxRow; r++) rows.push([]);
  for (const [r, list] of rowCells) {
    if (r > rowLimit) continue;
    const cells = rows[r - 1];
    for (const c of list) {
      if (c.col > MAX_COLS_PER_SHEET || slave.has(r * 16384 + c.col)) continue;
      const data = cellData(c, r, strings, styles, date1904, links, formulaOf, a1);
      if (data) cells[c.col - 1] = data;
    }
  }
  return { name: ref.name, rows, merges, hidden: ref.hidden };
}

function cellData(
  c: RawCell,
  r: number,
  strings: string[],
  styles: Styles,
  date1904: boolean,
  links: Set<string>,
  formulaOf: Map<RawCell, string>,
  a1: (r: number, c: number) => string,
): CellData | undefined {
  const styled = c.s !== undefined && c.s < styles.fmt.length;
  const fmt = styled ? styles.fmt[c.s!] : undefined;
  const isDate = styled && styles.isDate[c.s!];
  const indent = c.s !== undefined ? styles.indent[c.s] : undefined;
  const isFormula = c.formula !== undefined || c.shareType !== undefined;
  let v: CellValue = null;
  let f: string | undefined;
  const raw = c.value;
  if (isFormula) {
    f = c.formula !== undefined && c.formula !== '' ? c.formula : formulaOf.get(c);
    if (raw) {
      if (c.t === 'str') v = xmlDecode(raw);
      else if (c.t === 'b') v = parseInt(raw, 10) !== 0;
      else if (c.t === 'e') v = { error: raw };
      else {
        const n = parseFloat(raw);
        v = isDate ? serialToIsoDate(n, date1904) : n;
      }
    }
  } else if (raw !== undefined) {
    switch (c.t) {
      case 's':
        v = strings[parseInt(raw, 10)] ?? '';
        break;
      case 'str':
        v = xmlDecode(raw);
        break;
      case 'inlineStr':
        v = c.inlineRich ? unescapeX(raw) : raw;
        break;
      case 'b':
        v = parseInt(raw, 10) !== 0;
        break;
      case 'e':
        v = { error: raw };
        break;
      case 'd':
        v = raw.slice(0, 10);
        break;
      default: {
        const n = parseFloat(raw);
        v = isDate ? serialToIsoDate(n, date1904) : n;
      }
    }
  }
  if (links.size > 0 && links.has(a1(r, c.col))) {
    // ExcelJS makes a linked cell a hyperlink value: its text, shown as a string, and no formula.
    if (v === null || typeof v === 'object') return undefined;
    v = String(v);
    f = undefined;
  }
  if (v === null && !f) return undefined;
  const data: CellData = { v };
  if (f) data.f = f;
  if (fmt && fmt !== 'General') data.fmt = fmt;
  if (indent) data.indent = indent;
  return data;
}

/** The worksheets the workbook part lists (in order, with their parts and visibility) and its date system. */
function readWorkbookPart(wbXml: string, wbRels: Map<string, Rel>, sax: Parse): { refs: SheetRef[]; date1904: boolean } {
  const refs: SheetRef[] = [];
  let date1904 = false;
  sax(wbXml, (n, a) => {
    if (n === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    else if (n === 'sheet') {
      const rid = a['r:id'] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1];
      const rel = rid ? wbRels.get(rid) : undefined;
      if (!rel || !/\/worksheet$/.test(rel.type)) return; // chart sheets and dialog sheets hold no table
      refs.push({ name: a.name ?? '', part: rel.target, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    }
  });
  return { refs, date1904 };
}

/** How gridFromXlsxFast reads. */
export interface FastReadOptions {
  /** 'saxes': parse every part with saxes (for the bench and the tests); default: the scanner where it can. */
  xml?: 'scan' | 'saxes';
  /** Told which parser read each part (the tests and the bench: Excel's files must not all go to saxes). */
  onParser?: (part: string, parser: PartParser) => void;
  /**
   * A faster unzip where the platform has one (the command line: unzip-node.ts, Node's zlib): the
   * parts `filter` accepts, or undefined to leave this zip to fflate.
   */
  unzip?: (bytes: Uint8Array, filter: (f: UnzipFileInfo) => boolean) => Record<string, Uint8Array> | undefined;
}

/** The parts the check reads: no images, printer settings, VBA projects. */
const WANTED = (f: UnzipFileInfo): boolean =>
  /\.(xml|rels)$/i.test(f.name) && !/(^|\/)(media|drawings|charts|theme|printerSettings|customXml|externalLinks|pivotCache|pivotTables|queryTables|tables|ink|diagrams)\//i.test(f.name);

/**
 * The Grid of an .xlsx/.xlsm (`file` for ReadError, `name` in messages): ReadError with a Chinese
 * message for a zip that is not a workbook, a cut-off zip, or a damaged part.
 */
export function gridFromXlsxFast(bytes: Uint8Array, file: string, name: string, opts: FastReadOptions = {}): ReadResult {
  /**
   * Reads one part (`part`: its path in the zip; `sheet`: the worksheet's name). A part that is not
   * well-formed XML makes the file unreadable, with a message naming the sheet or part and where in
   * it (parsed once more, with positions, to say so); an error of the readers themselves passes through.
   */
  const withFallback = <T>(part: string, read: (parse: Parse) => T, sheet?: string): T => {
    let used: PartParser = 'saxes';
    const note = (p: PartParser) => (used = p);
    try {
      return opts.xml === 'saxes' ? read(saxes) : scanFirst(read, note);
    } catch (e) {
      if (!(e instanceof DamagedXml)) throw e;
      let at = e;
      try {
        read(saxesParse(true));
      } catch (e2) {
        if (e2 instanceof DamagedXml) at = e2;
      }
      const what = sheet !== undefined ? `的工作表“${sheet}”已损坏：${part}` : `已损坏：其中的 ${part}`;
      throw new ReadError(file, `文件“${name}”${what}${whereIn(at)}不是完好的 XML，无法读取。请在 Excel 中打开该文件（Excel 会提示修复），修复后另存为 .xlsx 再检查。`);
    } finally {
      opts.onParser?.(part, used);
    }
  };
  let files: Record<string, Uint8Array>;
  try {
    // Only the parts the check reads are inflated.
    files = opts.unzip?.(bytes, WANTED) ?? unzipSync(bytes, { filter: WANTED });
  } catch (e) {
    const why = (e as Error).message ?? '';
    const truncated = /invalid zip|unexpected EOF|end of|unknown compression|invalid/i.test(why);
    throw new ReadError(
      file,
      truncated
        ? `文件“${name}”无法作为 .xlsx 读取，可能已损坏：文件不完整（可能下载或复制时中断），请重新获取该文件。`
        : `文件“${name}”无法作为 .xlsx 读取，可能已损坏或不是 Excel 工作簿。`,
    );
  }
  const bytesOf = (p: string): Uint8Array | undefined => files[p] ?? files[Object.keys(files).find((k) => k.toLowerCase() === p.toLowerCase()) ?? ''];
  const text = (p: string): string | undefined => {
    const b = bytesOf(p);
    return b ? strFromU8(b) : undefined;
  };
  const rootRels = withFallback('_rels/.rels', (parse) => readRels(text('_rels/.rels'), '', parse));
  let wbPart = [...rootRels.values()].find((r) => /\/officeDocument$/.test(r.type))?.target ?? 'xl/workbook.xml';
  let wbXml = text(wbPart);
  if (!wbXml && wbPart !== 'xl/workbook.xml') wbXml = text((wbPart = 'xl/workbook.xml'));
  if (!wbXml) {
    throw new ReadError(file, `文件“${name}”是 zip 压缩包，但不是 Excel 工作簿（里面没有工作簿内容）。`);
  }
  const wbRels = withFallback(relsPath(wbPart), (parse) => readRels(text(relsPath(wbPart)), wbPart, parse));
  const { refs, date1904 } = withFallback(wbPart, (sax) => readWorkbookPart(wbXml!, wbRels, sax));
  const partOf = (suffix: string): string | undefined => [...wbRels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const stringsPart = partOf('/sharedStrings') ?? 'xl/sharedStrings.xml';
  const strings = withFallback(stringsPart, (parse) => readSharedStrings(text(stringsPart), parse));
  const stylesPart = partOf('/styles') ?? 'xl/styles.xml';
  const styles = withFallback(stylesPart, (parse) => readStyles(text(stylesPart), parse));
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  for (const ref of refs) {
    const xml = bytesOf(ref.part);
    if (xml === undefined) continue;
    sheets.push(withFallback(ref.part, (parse) => readSheet(xml, ref, strings, styles, date1904, warnings, parse), ref.name));
  }
  if (sheets.length === 0) throw new ReadError(file, `文件“${name}”中没有工作表。`);
  if (sheets.every((s) => s.rows.length === 0)) throw new ReadError(file, `文件“${name}”的所有工作表都是空的。`);
  return { grid: { source: name, sheets }, warnings };
}

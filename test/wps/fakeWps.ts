/**
 * A small typed fake of the WPS 表格 (ET) JavaScript object model: just what src/wps uses, with
 * the semantics of the VBA-shaped model WPS documents (Application.ActiveWorkbook.Worksheets,
 * Range.Value2 as a 2-D array for a block and a scalar for one cell, NumberFormat / IndentLevel /
 * MergeCells / Interior.* returning null when the cells of a block differ, colours as BGR longs,
 * Interior.Pattern as xlPattern constants, Range.Comment null when there is none, AddComment
 * throwing on a cell that has one, Worksheets.Add failing on a protected workbook structure).
 * Calls are synchronous, as in WPS: there is no batching.
 *
 * It works on the same JSON model as the Excel fake (test/excel/fakeExcel.ts, FakeWorkbookModel:
 * colours '#RRGGBB', patterns by Excel.FillPattern name), converting at the boundary, so one
 * model serves both hosts and tests can compare fills before and after.
 *
 * No imports with runtime effect: the e2e test compiles this file on its own into a browser script.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { FakeCell, FakeSheetModel, FakeWorkbookModel } from '../excel/fakeExcel';

/** xlPattern constants (VBA XlPattern) by office.js FillPattern name. */
export const XL_PATTERN: Record<string, number> = {
  None: -4142,
  Solid: 1,
  Gray50: -4125,
  Gray75: -4126,
  Gray25: -4124,
  Horizontal: -4128,
  Vertical: -4166,
  Down: -4121,
  Up: -4162,
  Checker: 9,
  SemiGray75: 10,
  LightHorizontal: 11,
  LightVertical: 12,
  LightDown: 13,
  LightUp: 14,
  Grid: 15,
  CrissCross: 16,
  Gray16: 17,
  Gray8: 18,
  LinearGradient: 4000,
  RectangularGradient: 4001,
};

/** CVErr values as VBA's Value2 gives them (WPS: see docs/real-wps-checklist.md, item 1). */
export const CVERR: Record<string, number> = {
  '#NULL!': -2146826288,
  '#DIV/0!': -2146826281,
  '#VALUE!': -2146826273,
  '#REF!': -2146826265,
  '#NAME?': -2146826259,
  '#NUM!': -2146826252,
  '#N/A': -2146826246,
};

export function hexToBgr(hex: string): number {
  const h = hex.replace('#', '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

export function bgrToHex(n: number): string {
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const addr = (r: number, c: number) => `${colLetters(c)}${r}`;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1", "A1:C3", "$A$1", "D:D" (whole columns, up to row 1048576). */
function parseAddress(a: string): Box {
  const m = /^\$?([A-Za-z]+)\$?(\d+)?(?::\$?([A-Za-z]+)\$?(\d+)?)?$/.exec(a.trim());
  if (!m) throw new WpsError(`Range: 无效的地址 ${a}`);
  const left = colNum(m[1]);
  const right = m[3] ? colNum(m[3]) : left;
  if (!m[2]) return { top: 1, left, bottom: 1048576, right };
  const top = Number(m[2]);
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

export class WpsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WpsError';
  }
}

export type WpsOp =
  | 'Interior.Color'
  | 'Interior.Pattern'
  | 'AddComment'
  | 'Comment.Delete'
  | 'Worksheets.Add'
  | 'Worksheet.Delete'
  | 'CustomXMLParts.Add'
  | 'CustomXMLPart.Delete'
  | 'Value2';

export interface WpsFakeOptions {
  /** No CustomXMLParts on the workbook (src/wps falls back to a very hidden sheet). */
  noCustomXml?: boolean;
  /** Value2 gives error cells as text ("#REF!") instead of CVErr numbers (checklist item 1). */
  errorsAsText?: boolean;
  /** The General format is reported under the Chinese UI's name (checklist item 3). */
  generalName?: string;
  /** Makes the n-th (0-based) occurrence of an operation throw (every one from then on with `repeat`). */
  fail?: { op: WpsOp; after?: number; repeat?: boolean };
}

/** Counts of object-model calls, to show that a sheet is read in bulk. */
export interface WpsCallCounts {
  rangeReads: number;
  value2Reads: number;
  cellsInValue2: number;
  formatReads: number;
}

export class FakeWpsApp {
  readonly calls: WpsCallCounts = { rangeReads: 0, value2Reads: 0, cellsInValue2: 0, formatReads: 0 };
  private opCounts = new Map<WpsOp, number>();
  readonly ActiveWorkbook: FakeWorkbook;
  /** What the user last saw selected. */
  selection?: { sheet: string; address: string };

  constructor(
    readonly model: FakeWorkbookModel,
    readonly options: WpsFakeOptions = {},
  ) {
    this.ActiveWorkbook = new FakeWorkbook(this);
  }

  /** Throws if this occurrence of `op` is the one told to fail. */
  op(op: WpsOp): void {
    const n = this.opCounts.get(op) ?? 0;
    this.opCounts.set(op, n + 1);
    const f = this.options.fail;
    if (f && f.op === op && (f.repeat ? n >= (f.after ?? 0) : n === (f.after ?? 0))) throw new WpsError(`模拟失败：${op}`);
  }
}

class FakeWorkbook {
  constructor(private app: FakeWpsApp) {}
  get Name(): string {
    return this.app.model.name;
  }
  get ProtectStructure(): boolean {
    return !!this.app.model.structureProtected;
  }
  get Worksheets(): FakeWorksheets {
    return new FakeWorksheets(this.app);
  }
  get CustomXMLParts(): FakeCustomXmlParts | undefined {
    return this.app.options.noCustomXml ? undefined : new FakeCustomXmlParts(this.app);
  }
}

class FakeCustomXmlParts {
  constructor(private app: FakeWpsApp) {}
  private get list() {
    return (this.app.model.customXml ??= []);
  }
  get Count(): number {
    return this.list.length;
  }
  Item(i: number) {
    const p = this.list[i - 1];
    if (!p) throw new WpsError('CustomXMLParts.Item: 下标越界');
    return this.part(p);
  }
  SelectByNamespace(ns: string) {
    const found = this.list.filter((p) => new RegExp(`xmlns="${ns.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(p.xml));
    return { Count: found.length, Item: (i: number) => this.part(found[i - 1]) };
  }
  Add(xml: string) {
    this.app.op('CustomXMLParts.Add');
    const p = { id: `{part-${this.list.length + 1}-${Date.now()}}`, xml };
    this.list.push(p);
    return this.part(p);
  }
  private part(p: { id: string; xml: string }) {
    const app = this.app;
    return {
      get Id() {
        return p.id;
      },
      get XML() {
        return p.xml;
      },
      Delete() {
        app.op('CustomXMLPart.Delete');
        const list = app.model.customXml ?? [];
        const i = list.indexOf(p);
        if (i >= 0) list.splice(i, 1);
      },
    };
  }
}

class FakeWorksheets {
  constructor(private app: FakeWpsApp) {}
  get Count(): number {
    return this.app.model.sheets.length;
  }
  Item(key: number | string): FakeWorksheet {
    const s = typeof key === 'number' ? this.app.model.sheets[key - 1] : this.app.model.sheets.find((x) => x.name === key);
    if (!s) throw new WpsError(`Worksheets.Item: 没有工作表 ${key}`);
    return new FakeWorksheet(this.app, s);
  }
  /** Add(Before, After): the new sheet goes after `After` (or before `Before`; default before the active sheet). */
  Add(before?: FakeWorksheet, after?: FakeWorksheet): FakeWorksheet {
    if (this.app.model.structureProtected) throw new WpsError('工作簿结构受保护，无法添加工作表。');
    this.app.op('Worksheets.Add');
    const sheets = this.app.model.sheets;
    let n = sheets.length + 1;
    while (sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const s: FakeSheetModel = { name: `Sheet${n}`, visibility: 'Visible', cells: {}, merges: [], notes: {} };
    let at = sheets.findIndex((x) => x.name === this.app.model.activeSheet);
    if (after) at = sheets.findIndex((x) => x.name === after.Name) + 1;
    else if (before) at = sheets.findIndex((x) => x.name === before.Name);
    sheets.splice(at < 0 ? 0 : at, 0, s);
    this.app.model.activeSheet = s.name;
    return new FakeWorksheet(this.app, s);
  }
}

/** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
const VISIBLE: Record<string, number> = { Visible: -1, Hidden: 0, VeryHidden: 2 };

export class FakeWorksheet {
  constructor(
    readonly app: FakeWpsApp,
    readonly sheet: FakeSheetModel,
  ) {}
  get Name(): string {
    return this.sheet.name;
  }
  set Name(v: string) {
    if (this.app.model.sheets.some((s) => s !== this.sheet && s.name === v)) throw new WpsError(`工作表名称“${v}”已存在`);
    if (this.app.model.activeSheet === this.sheet.name) this.app.model.activeSheet = v;
    this.sheet.name = v;
  }
  get Visible(): number {
    return VISIBLE[this.sheet.visibility ?? 'Visible'];
  }
  set Visible(v: number) {
    this.sheet.visibility = v === -1 || (v as unknown) === true ? 'Visible' : v === 2 ? 'VeryHidden' : 'Hidden';
  }
  get ProtectContents(): boolean {
    return !!this.sheet.protected;
  }
  /** The block from the first to the last cell holding a value, a format, a fill or a merge. */
  get UsedRange(): FakeRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const grow = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const a of Object.keys(this.sheet.cells)) {
      const b = parseAddress(a);
      grow(b.top, b.left);
    }
    for (const m of this.sheet.merges) {
      grow(m.top, m.left);
      grow(m.bottom, m.right);
    }
    if (bottom === 0) return new FakeRange(this, { top: 1, left: 1, bottom: 1, right: 1 });
    return new FakeRange(this, { top, left, bottom, right });
  }
  Range(address: string): FakeRange {
    this.app.calls.rangeReads++;
    return new FakeRange(this, parseAddress(address));
  }
  Activate(): void {
    this.app.model.activeSheet = this.sheet.name;
  }
  Delete(): void {
    if (this.app.model.structureProtected) throw new WpsError('工作簿结构受保护，无法删除工作表。');
    this.app.op('Worksheet.Delete');
    const sheets = this.app.model.sheets;
    sheets.splice(sheets.indexOf(this.sheet), 1);
    if (this.app.model.activeSheet === this.sheet.name) this.app.model.activeSheet = sheets[0]?.name;
  }
  get Names() {
    const sheet = this.sheet;
    const names: NonNullable<FakeSheetModel['names']> = sheet.names ?? {};
    const handle = (name: string) => ({
      get Name() {
        return name;
      },
      get Comment() {
        return names[name]?.comment ?? '';
      },
      set Comment(v: string) {
        names[name].comment = v;
      },
      get Visible() {
        return names[name]?.visible !== false;
      },
      set Visible(v: boolean) {
        names[name].visible = v;
      },
      Delete() {
        delete names[name];
      },
    });
    return {
      get Count() {
        return Object.keys(names).length;
      },
      Item(name: string) {
        if (!names[name]) throw new WpsError(`Names.Item: 没有名称 ${name}`);
        return handle(name);
      },
      Add(name: string, refersTo: string, visible?: boolean) {
        sheet.names = names;
        names[name] = { reference: refersTo, visible: visible !== false };
        return handle(name);
      },
    };
  }
  get Hyperlinks() {
    return {
      Add: (anchor: FakeRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string) => {
        const c = anchor.cell(anchor.box.top, anchor.box.left, true)!;
        c.hyperlink = { address, documentReference: subAddress, screenTip, textToDisplay };
        if (textToDisplay !== undefined) {
          c.value = textToDisplay;
          c.type = 'String';
        }
      },
    };
  }
}

class FakeInterior {
  constructor(private range: FakeRange) {}
  private each<T>(get: (c: FakeCell | undefined) => T): T | null {
    this.range.ws.app.calls.formatReads++;
    let first: T | undefined;
    let seen = false;
    for (const { r, c } of this.range.cells()) {
      const v = get(this.range.cell(r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
    return first as T;
  }
  private set(fn: (c: FakeCell) => void) {
    for (const { r, c } of this.range.cells()) {
      const cell = this.range.cell(r, c, true)!;
      fn(cell);
      // a cell left with nothing (no value, format or fill) is no cell, as in a saved file
      if (cell.value === '' && Object.keys(cell).length === 1) this.range.drop(r, c);
    }
  }
  /** BGR long; a cell without fill reports white (16777215), as Excel does. */
  get Color(): number | null {
    return this.each((c) => (c?.fill ? hexToBgr(c.fill.color) : 16777215));
  }
  set Color(v: number) {
    this.range.ws.app.op('Interior.Color');
    this.set((c) => {
      const pattern = c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid';
      c.fill = { ...(c.fill ?? {}), color: bgrToHex(v), pattern };
      delete c.fill.tintAndShade;
    });
  }
  get Pattern(): number | null {
    return this.each((c) => XL_PATTERN[c?.fill?.pattern ?? 'None'] ?? 1);
  }
  set Pattern(v: number) {
    this.range.ws.app.op('Interior.Pattern');
    const name = Object.keys(XL_PATTERN).find((k) => XL_PATTERN[k] === v);
    if (!name) throw new WpsError(`Interior.Pattern: 无效的值 ${v}`);
    this.set((c) => {
      if (name === 'None') delete c.fill;
      else c.fill = { color: c.fill?.color ?? '#FFFFFF', pattern: name, ...(c.fill?.patternColor ? { patternColor: c.fill.patternColor } : {}) };
    });
  }
  /** Automatic pattern colour: black. */
  get PatternColor(): number | null {
    return this.each((c) => (c?.fill?.patternColor ? hexToBgr(c.fill.patternColor) : 0));
  }
  set PatternColor(v: number) {
    this.set((c) => {
      if (c.fill) c.fill.patternColor = bgrToHex(v);
    });
  }
  get TintAndShade(): number | null {
    return this.each((c) => c?.fill?.tintAndShade ?? 0);
  }
  set TintAndShade(v: number) {
    this.set((c) => {
      if (!c.fill) return;
      if (v) c.fill.tintAndShade = v;
      else delete c.fill.tintAndShade;
    });
  }
}

class FakeComment {
  constructor(
    private ws: FakeWorksheet,
    private address: string,
  ) {}
  Text(): string {
    return this.ws.sheet.notes[this.address] ?? '';
  }
  Delete(): void {
    this.ws.app.op('Comment.Delete');
    delete this.ws.sheet.notes[this.address];
  }
}

export class FakeRange {
  constructor(
    readonly ws: FakeWorksheet,
    readonly box: Box,
  ) {}
  *cells(): Generator<{ r: number; c: number }> {
    for (let r = this.box.top; r <= this.box.bottom; r++) for (let c = this.box.left; c <= this.box.right; c++) yield { r, c };
  }
  cell(r: number, c: number, create = false): FakeCell | undefined {
    const a = addr(r, c);
    let cell = this.ws.sheet.cells[a];
    if (!cell && create) cell = this.ws.sheet.cells[a] = { value: '' };
    return cell;
  }
  drop(r: number, c: number): void {
    delete this.ws.sheet.cells[addr(r, c)];
  }
  private get single(): boolean {
    return this.box.top === this.box.bottom && this.box.left === this.box.right;
  }
  private matrix<T>(get: (c: FakeCell | undefined) => T): T | T[][] {
    if (this.single) return get(this.cell(this.box.top, this.box.left));
    const out: T[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: T[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) row.push(get(this.cell(r, c)));
      out.push(row);
    }
    return out;
  }
  private uniform<T>(get: (c: FakeCell | undefined) => T): T | null {
    this.ws.app.calls.formatReads++;
    let first: T | undefined;
    let seen = false;
    for (const { r, c } of this.cells()) {
      const v = get(this.cell(r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
    return first as T;
  }
  get Row(): number {
    return this.box.top;
  }
  get Column(): number {
    return this.box.left;
  }
  get Rows() {
    return { Count: this.box.bottom - this.box.top + 1 };
  }
  get Columns() {
    return { Count: this.box.right - this.box.left + 1 };
  }
  get Worksheet(): FakeWorksheet {
    return this.ws;
  }
  /** Empty cells are undefined (VBA Empty); errors are CVErr numbers. */
  get Value2(): unknown {
    this.ws.app.calls.value2Reads++;
    this.ws.app.calls.cellsInValue2 += (this.box.bottom - this.box.top + 1) * (this.box.right - this.box.left + 1);
    return this.matrix((c) => {
      if (!c || (c.value === '' && !c.formula)) return undefined;
      if (c.type === 'Error') return this.ws.app.options.errorsAsText ? String(c.value) : (CVERR[String(c.value)] ?? CVERR['#VALUE!']);
      return c.value;
    });
  }
  set Value2(v: unknown) {
    this.ws.app.op('Value2');
    const rows = this.box.bottom - this.box.top + 1;
    const cols = this.box.right - this.box.left + 1;
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const x = Array.isArray(v) ? (v as unknown[][])[i]?.[j] : v;
        const c = this.cell(this.box.top + i, this.box.left + j, true)!;
        delete c.formula;
        const text = c.numberFormat === '@';
        if (x === undefined || x === null || x === '') {
          c.value = '';
          delete c.type;
        } else if (typeof x === 'string' && x.startsWith('=') && !text) {
          c.formula = x;
          c.value = 0;
          c.type = 'Double';
        } else if (typeof x === 'number' || typeof x === 'boolean') {
          c.value = x;
          c.type = typeof x === 'number' ? 'Double' : 'Boolean';
        } else {
          c.value = String(x);
          c.type = 'String';
        }
      }
  }
  /** Formulas with '='; constants as their text; '' for empty cells. */
  get Formula(): unknown {
    return this.matrix((c) => {
      if (!c) return '';
      if (c.formula) return c.formula;
      return c.value === '' ? '' : String(c.value);
    });
  }
  get NumberFormat(): string | null {
    const general = this.ws.app.options.generalName ?? 'General';
    return this.uniform((c) => (!c?.numberFormat || c.numberFormat === 'General' ? general : c.numberFormat));
  }
  set NumberFormat(v: string) {
    for (const { r, c } of this.cells()) this.cell(r, c, true)!.numberFormat = v;
  }
  get IndentLevel(): number | null {
    return this.uniform((c) => c?.indent ?? 0);
  }
  private mergeOf(r: number, c: number) {
    return this.ws.sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }
  get MergeCells(): boolean | null {
    this.ws.app.calls.formatReads++;
    return this.mergeState();
  }
  private mergeState(): boolean | null {
    let any = false;
    let all = true;
    for (const { r, c } of this.cells()) {
      if (this.mergeOf(r, c)) any = true;
      else all = false;
      if (any && !all) return null;
    }
    return any ? (all ? true : null) : false;
  }
  get MergeArea(): FakeRange {
    const m = this.mergeOf(this.box.top, this.box.left);
    return m ? new FakeRange(this.ws, { ...m }) : new FakeRange(this.ws, { ...this.box, bottom: this.box.top, right: this.box.left });
  }
  get Interior(): FakeInterior {
    return new FakeInterior(this);
  }
  get Comment(): FakeComment | null {
    const a = addr(this.box.top, this.box.left);
    return this.ws.sheet.notes[a] !== undefined ? new FakeComment(this.ws, a) : null;
  }
  AddComment(text: string): FakeComment {
    const a = addr(this.box.top, this.box.left);
    if (this.ws.sheet.notes[a] !== undefined) throw new WpsError('AddComment: 该单元格已有批注');
    if (this.ws.sheet.protected) throw new WpsError('工作表受保护');
    this.ws.app.op('AddComment');
    this.ws.sheet.notes[a] = text;
    return new FakeComment(this.ws, a);
  }
  Select(): void {
    if (this.ws.app.model.activeSheet !== this.ws.sheet.name) throw new WpsError('Select: 只能在活动工作表上选择');
    const a = `${addr(this.box.top, this.box.left)}${this.single ? '' : `:${addr(this.box.bottom, this.box.right)}`}`;
    this.ws.app.selection = { sheet: this.ws.sheet.name, address: a };
    this.ws.app.model.selection = this.ws.app.selection;
  }
  get Font() {
    const self = this;
    return {
      set Bold(v: boolean) {
        for (const { r, c } of self.cells()) self.cell(r, c, true)!.bold = v;
      },
      get Bold(): boolean {
        return !!self.cell(self.box.top, self.box.left)?.bold;
      },
    };
  }
  /* Layout properties: accepted, not modelled. */
  ColumnWidth = 0;
  WrapText = false;
  VerticalAlignment = 0;
  AutoFit(): void {}
  get EntireColumn() {
    return { AutoFit: () => undefined };
  }
}

/** `window.Application` over a workbook model. */
export function fakeWps(model: FakeWorkbookModel, options: WpsFakeOptions = {}): FakeWpsApp {
  return new FakeWpsApp(model, options);
}

/**
 * A small typed fake of the Excel JavaScript API: just what src/excel uses, with office.js's
 * batching semantics. Every method call, property write and load is queued and runs, in order,
 * at `context.sync()`; reading a property that was not loaded (or before the sync) throws
 * PropertyNotLoaded, as office.js does. A failing operation aborts the rest of the batch.
 *
 * The workbook is a plain JSON model (FakeWorkbookModel) so the same fake runs in Node (unit
 * tests) and in the browser (test/e2e), and tests can compare formats before and after.
 * No Node or ExcelJS imports here; fakeFromExcelJS.ts builds a model from an ExcelJS workbook.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface FakeFill {
  color: string;
  /** Excel.FillPattern name: 'Solid', 'Gray50', … ('None' is stored as no fill). */
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
}

export interface FakeCell {
  value: string | number | boolean;
  /** Formula text with the leading '='. */
  formula?: string;
  numberFormat?: string;
  type?: 'String' | 'Double' | 'Boolean' | 'Error';
  fill?: FakeFill;
  indent?: number;
  bold?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

export interface FakeSheetModel {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  /** Keyed by A1 address. */
  cells: Record<string, FakeCell>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Notes keyed by A1 address. */
  notes: Record<string, string>;
  frozenRows?: number;
  /** Worksheet-scoped defined names (Worksheet.names), keyed by name. They go when the sheet goes. */
  names?: Record<string, FakeName>;
}

export interface FakeName {
  /** "=Sheet!$A$1:$B$9" */
  reference: string;
  comment?: string;
  visible?: boolean;
}

export interface FakeWorkbookModel {
  name: string;
  sheets: FakeSheetModel[];
  settings: Record<string, unknown>;
  /** Custom XML parts (ExcelApi 1.5), stored in the file and not tied to an add-in id. */
  customXml?: { id: string; xml: string }[];
  /** 保护工作簿 (structure): sheets cannot be added or deleted. */
  structureProtected?: boolean;
  activeSheet?: string;
  selection?: { sheet: string; address: string };
}

export interface FakeOptions {
  /** Highest ExcelApi minor version supported (default 18); ignored when `sets` is given. */
  apiVersion?: number;
  /**
   * The host's requirement sets, highest version of each ("ExcelApi": "1.8", "SharedRuntime":
   * "1.1"); a set not listed is not supported. Calling an API above them throws ApiNotFound, as
   * Excel does, and is recorded in FakeExcel.violations.
   */
  sets?: Record<string, string>;
}

/** Makes the n-th (0-based) occurrence of an operation fail, to test what a failed write leaves. */
export interface FailRule {
  op: FakeOp;
  /** Occurrences let through before the failing one (default 0). */
  after?: number;
  code?: string;
}

/** Operations a test can make fail. */
export type FakeOp = 'fill' | 'note' | 'worksheets.add' | 'customXml.write' | 'settings.add' | 'values';

// ------------------------------------------------------------------ addresses

// The fake addresses cells the way the engine does (src/core/grid.ts).
import { colLetters as colToLetters, lettersToCol as lettersToColNum, a1 as addr } from '../../src/core/grid';
export { colToLetters, lettersToColNum, addr };

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1", "A1:C3", "D:D", "3:3" → 1-based box (whole columns/rows use the sheet's limits). */
export function parseBox(a: string): Box {
  const s = a.replace(/\$/g, '').replace(/^.*!/, '');
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(s);
  if (m) {
    const top = Number(m[2]);
    const left = lettersToColNum(m[1]);
    return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? lettersToColNum(m[3]) : left };
  }
  m = /^([A-Z]+):([A-Z]+)$/i.exec(s);
  if (m) return { top: 1, left: lettersToColNum(m[1]), bottom: 1048576, right: lettersToColNum(m[2]) };
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) return { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: 16384 };
  throw fakeError('InvalidArgument', `无效地址 ${a}`);
}

function boxAddress(b: Box): string {
  const tl = addr(b.top, b.left);
  return b.bottom === b.top && b.right === b.left ? tl : `${tl}:${addr(b.bottom, b.right)}`;
}

function quoteName(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function fakeError(code: string, message: string): Error {
  const e = new Error(message) as Error & { code: string };
  e.code = code;
  e.name = 'RichApi.Error';
  return e;
}

// ------------------------------------------------------------------ context and proxies

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    this.name = 'PropertyNotLoaded';
  }
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  queue: (() => void)[] = [];
  syncs = 0;
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  push(op: () => void): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.fake.syncs++;
    const ops = this.queue;
    this.queue = [];
    const before = this.fake.cellsLoaded;
    try {
      for (const op of ops) op(); // an exception aborts the rest of the batch, as in Excel
    } finally {
      this.fake.maxCellsPerSync = Math.max(this.fake.maxCellsPerSync, this.fake.cellsLoaded - before);
    }
    await Promise.resolve();
  }
}

/** Base of every proxy: loaded values live in `data` and are readable only after the sync. */
abstract class Proxy_ {
  protected data: Record<string, unknown> = {};
  protected loaded = new Set<string>();
  protected nullState: boolean | undefined;
  constructor(readonly context: FakeContext) {}
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.data[prop] as T;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new NotLoaded('isNullObject');
    return this.nullState;
  }
  protected snapshot(props: string[], read: (p: string) => unknown): void {
    for (const p of props) {
      this.data[p] = read(p);
      this.loaded.add(p);
    }
  }
}

function propList(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(propList);
  return Object.keys(props as object);
}

export class FakeWorkbookProxy extends Proxy_ {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  private _xml: FakeCustomXmlPartCollection;
  private _protection: FakeWorkbookProtection;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.settings = new FakeSettingCollection(context);
    this._xml = new FakeCustomXmlPartCollection(context);
    this._protection = new FakeWorkbookProtection(context);
  }
  /** ExcelApi 1.5 */
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.context.fake.requireApi(5, 'Workbook.customXmlParts');
    return this._xml;
  }
  /** ExcelApi 1.7 */
  get protection(): FakeWorkbookProtection {
    this.context.fake.requireApi(7, 'Workbook.protection');
    return this._protection;
  }
  get name(): string {
    return this.get('name');
  }
  load(props?: unknown): this {
    if (propList(props).includes('name')) this.context.fake.requireApi(7, 'Workbook.name');
    this.context.push(() => {
      this.nullState = false;
      this.snapshot(propList(props), (p) => (p === 'name' ? this.context.fake.model.name : undefined));
    });
    return this;
  }
}

export class FakeWorksheetCollection extends Proxy_ {
  private _items: FakeWorksheet[] | undefined;
  get items(): FakeWorksheet[] {
    if (!this._items) throw new NotLoaded('items');
    return this._items;
  }
  load(props?: unknown): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ''));
    if (wanted.some((p) => p.startsWith('protection'))) this.context.fake.requireApi(2, 'Worksheet.protection');
    this.context.push(() => {
      this.nullState = false;
      this._items = this.context.fake.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.context, () => s);
        ws.loadNow(wanted);
        return ws;
      });
    });
    return this;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.fake.sheet(name);
      if (!s) throw fakeError('ItemNotFound', `工作表 ${name} 不存在`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.fake.requireApi(4, 'WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.context, () => this.context.fake.sheet(name) ?? null);
  }
  add(name?: string): FakeWorksheet {
    const model = this.context.fake.model;
    let created: FakeSheetModel | undefined;
    this.context.push(() => {
      this.context.fake.hit('worksheets.add');
      if (model.structureProtected) throw fakeError('AccessDenied', '工作簿结构受保护');
      const n = name ?? `Sheet${model.sheets.length + 1}`;
      if (this.context.fake.sheet(n)) throw fakeError('ItemAlreadyExists', `工作表 ${n} 已存在`);
      created = { name: n, cells: {}, merges: [], notes: {}, visibility: 'Visible' };
      model.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created ?? null);
  }
}

export class FakeWorksheet extends Proxy_ {
  readonly protection: { readonly protected: boolean };
  readonly notes: FakeNoteCollection;
  readonly names: FakeNamedItemCollection;
  readonly freezePanes: { freezeRows(n: number): void };
  constructor(
    context: FakeContext,
    readonly resolve: () => FakeSheetModel | null,
  ) {
    super(context);
    const self = this;
    this.protection = {
      get protected(): boolean {
        return self.get('protection/protected');
      },
    };
    this.notes = new FakeNoteCollection(context, () => this.must());
    this.names = new FakeNamedItemCollection(context, () => this.must());
    this.freezePanes = {
      freezeRows: (n: number) => {
        this.context.fake.requireApi(7, 'Worksheet.freezePanes');
        this.context.push(() => void (this.must().frozenRows = n));
      },
    };
  }
  must(): FakeSheetModel {
    const s = this.resolve();
    if (!s) throw fakeError('ItemNotFound', '工作表不存在');
    return s;
  }
  get name(): string {
    return this.get('name');
  }
  set name(n: string) {
    this.context.push(() => {
      const s = this.must();
      if (this.context.fake.model.structureProtected) throw fakeError('AccessDenied', '工作簿结构受保护');
      if (this.context.fake.sheet(n) && this.context.fake.sheet(n) !== s) throw fakeError('ItemAlreadyExists', `工作表 ${n} 已存在`);
      const model = this.context.fake.model;
      if (model.activeSheet === s.name) model.activeSheet = n;
      s.name = n;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  loadNow(props: string[]): void {
    const s = this.resolve();
    this.nullState = !s;
    if (!s) return;
    this.snapshot(props, (p) =>
      p === 'name' ? s.name : p === 'visibility' ? (s.visibility ?? 'Visible') : p === 'protection/protected' ? !!s.protected : undefined,
    );
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => this.loadNow(wanted));
    return this;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.must();
      return { sheet: s, box: address ? parseBox(address) : { top: 1, left: 1, bottom: 1048576, right: 16384 } };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.context.fake.requireApi(7, 'Worksheet.getRangeByIndexes');
    return new FakeRange(this.context, () => ({
      sheet: this.must(),
      box: { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols },
    }));
  }
  getRanges(address: string): FakeRangeAreas {
    this.context.fake.requireApi(9, 'Worksheet.getRanges');
    return new FakeRangeAreas(this.context, () => {
      const s = this.must();
      return address.split(',').map((a) => ({ sheet: s, box: parseBox(a.trim()) }));
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.fake.requireApi(4, 'Worksheet.getUsedRangeOrNullObject');
    return new FakeRange(this.context, () => {
      const s = this.must();
      let box: Box | null = null;
      for (const [a, c] of Object.entries(s.cells)) {
        const hasValue = c.value !== '' || !!c.formula;
        if (valuesOnly && !hasValue) continue;
        if (!valuesOnly && !hasValue && !c.fill && !c.numberFormat) continue;
        const b = parseBox(a);
        if (!box) box = { ...b };
        else {
          box.top = Math.min(box.top, b.top);
          box.left = Math.min(box.left, b.left);
          box.bottom = Math.max(box.bottom, b.bottom);
          box.right = Math.max(box.right, b.right);
        }
      }
      // Excel's used range (with formats) covers whole merged areas.
      if (box && !valuesOnly) {
        for (const m of s.merges) {
          box.top = Math.min(box.top, m.top);
          box.left = Math.min(box.left, m.left);
          box.bottom = Math.max(box.bottom, m.bottom);
          box.right = Math.max(box.right, m.right);
        }
      }
      return box ? { sheet: s, box } : null;
    });
  }
  activate(): void {
    this.context.push(() => {
      this.context.fake.model.activeSheet = this.must().name;
    });
  }
  delete(): void {
    this.context.push(() => {
      const s = this.must();
      const model = this.context.fake.model;
      if (model.structureProtected) throw fakeError('AccessDenied', '工作簿结构受保护');
      model.sheets = model.sheets.filter((x) => x !== s);
      if (model.activeSheet === s.name) model.activeSheet = model.sheets[0]?.name;
    });
  }
}

interface RangeTarget {
  sheet: FakeSheetModel;
  box: Box;
}

function cellsOf(t: RangeTarget): { a: string; r: number; c: number }[] {
  const out: { a: string; r: number; c: number }[] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) out.push({ a: addr(r, c), r, c });
  return out;
}

function cellAt(t: RangeTarget, a: string, create: boolean): FakeCell | undefined {
  let cell = t.sheet.cells[a];
  if (!cell && create) cell = t.sheet.cells[a] = { value: '' };
  return cell;
}

function grid<T>(t: RangeTarget, f: (cell: FakeCell | undefined, a: string) => T): T[][] {
  const rows: T[][] = [];
  for (let r = t.box.top; r <= t.box.bottom; r++) {
    const row: T[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) {
      const a = addr(r, c);
      row.push(f(t.sheet.cells[a], a));
    }
    rows.push(row);
  }
  return rows;
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell || (cell.value === '' && !cell.formula)) return 'Empty';
  if (cell.type) return cell.type;
  return typeof cell.value === 'number' ? 'Double' : typeof cell.value === 'boolean' ? 'Boolean' : 'String';
}

/**
 * What Excel reports for a cell without fill. OfficeDev/office-js #4900 and #6218: `pattern` comes
 * back null and the colour #FFFFFF, the same as some white fills; the fake reports the worst case.
 */
const NO_FILL = { color: '#FFFFFF', pattern: null, patternColor: null, tintAndShade: 0 };

function setFill(cell: FakeCell, fill: Partial<FakeFill> & { pattern?: string }): void {
  if (fill.pattern === 'None') {
    delete cell.fill;
    return;
  }
  const next: FakeFill = { ...(cell.fill ?? { color: '#FFFFFF', pattern: 'Solid' }) };
  if (fill.pattern !== undefined) next.pattern = fill.pattern;
  if (fill.color !== undefined) next.color = String(fill.color).toUpperCase();
  if (fill.patternColor !== undefined) next.patternColor = fill.patternColor === null ? undefined : String(fill.patternColor).toUpperCase();
  if (fill.tintAndShade !== undefined) next.tintAndShade = fill.tintAndShade;
  // Excel reports tintAndShade 0 and no pattern colour for plain fills: the same fill as absent.
  if (!next.tintAndShade) delete next.tintAndShade;
  if (next.patternColor === undefined) delete next.patternColor;
  cell.fill = next;
}

export class FakeRange extends Proxy_ {
  readonly format: any;
  constructor(
    context: FakeContext,
    readonly resolve: () => RangeTarget | null,
  ) {
    super(context);
    const each = (fn: (cell: FakeCell) => void) => () => {
      const t = this.must();
      if ((t.box.bottom - t.box.top + 1) * (t.box.right - t.box.left + 1) > 200000) return; // whole columns: formats only
      for (const { a } of cellsOf(t)) fn(cellAt(t, a, true)!);
    };
    const push = (op: () => void) => this.context.push(op);
    const fake = () => this.context.fake;
    const fillData: Record<string, unknown> = {};
    const fillLoaded = new Set<string>();
    const self = this;
    this.format = {
      fill: {
        get color(): string {
          if (!fillLoaded.has('color')) throw new NotLoaded('color');
          return fillData.color as string;
        },
        set color(c: string) {
          push(() => {
            fake().hit('fill');
            each((cell) => setFill(cell, { color: c, pattern: 'Solid' }))();
          });
        },
        get pattern(): string {
          if (!fillLoaded.has('pattern')) throw new NotLoaded('pattern');
          return fillData.pattern as string;
        },
        load(props?: unknown) {
          const wanted = propList(props);
          if (wanted.includes('pattern') || wanted.includes('patternColor') || wanted.includes('tintAndShade')) fake().requireApi(9, 'RangeFill.pattern');
          push(() => {
            const t = self.must();
            const cell = t.sheet.cells[addr(t.box.top, t.box.left)];
            // Excel reports a cell without fill as white (OfficeDev/office-js #4900, #6218).
            const f = cell?.fill ?? NO_FILL;
            for (const p of wanted) {
              fillData[p] = (f as any)[p] ?? null;
              fillLoaded.add(p);
            }
          });
          return this;
        },
        clear: () =>
          push(() => {
            fake().hit('fill');
            each((cell) => delete cell.fill)();
          }),
      },
      font: {
        set bold(b: boolean) {
          push(each((cell) => (cell.bold = b)));
        },
      },
      set columnWidth(_w: number) {
        fake().requireApi(2, 'RangeFormat.columnWidth');
        push(() => void 0);
      },
      set wrapText(_w: boolean) {
        push(() => void 0);
      },
      set verticalAlignment(_v: string) {
        push(() => void 0);
      },
      autofitColumns: () => (fake().requireApi(2, 'RangeFormat.autofitColumns'), push(() => void 0)),
      autofitRows: () => (fake().requireApi(2, 'RangeFormat.autofitRows'), push(() => void 0)),
    };
  }
  must(): RangeTarget {
    const t = this.resolve();
    if (!t) throw fakeError('ItemNotFound', '区域不存在');
    return t;
  }
  get values(): any[][] {
    return this.get('values');
  }
  set values(v: any[][]) {
    this.write(v, (cell, x) => {
      cell.value = x;
      delete cell.formula;
      delete cell.type;
    });
  }
  get formulas(): any[][] {
    return this.get('formulas');
  }
  get numberFormat(): any[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this.write(v, (cell, x) => (cell.numberFormat = x));
  }
  get valueTypes(): any[][] {
    return this.get('valueTypes');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get address(): string {
    return this.get('address');
  }
  set hyperlink(h: FakeCell['hyperlink']) {
    this.context.fake.requireApi(7, 'Range.hyperlink');
    this.context.push(() => {
      const t = this.must();
      for (const { a } of cellsOf(t)) {
        const cell = cellAt(t, a, true)!;
        cell.hyperlink = h;
        if (h?.textToDisplay) cell.value = h.textToDisplay;
      }
    });
  }
  /** Range.clear(): contents and formats go (ExcelApi 1.1). */
  clear(): void {
    this.context.push(() => {
      const t = this.must();
      for (const a of Object.keys(t.sheet.cells)) {
        const b = parseBox(a);
        if (b.top >= t.box.top && b.top <= t.box.bottom && b.left >= t.box.left && b.left <= t.box.right) delete t.sheet.cells[a];
      }
    });
  }
  private write(v: any[][], set: (cell: FakeCell, x: any) => void): void {
    this.context.push(() => {
      this.context.fake.hit('values');
      const t = this.must();
      const rows = t.box.bottom - t.box.top + 1;
      const cols = t.box.right - t.box.left + 1;
      if (v.length !== rows || v.some((r) => r.length !== cols)) throw fakeError('InvalidArgument', '数组大小与区域不一致');
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) set(cellAt(t, addr(t.box.top + i, t.box.left + j), true)!, v[i][j]);
    });
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => {
      const t = this.resolve();
      this.nullState = !t;
      if (!t) return;
      if (wanted.includes('values')) this.context.fake.cellsLoaded += (t.box.bottom - t.box.top + 1) * (t.box.right - t.box.left + 1);
      this.snapshot(wanted, (p) => {
        switch (p) {
          case 'values':
            return grid(t, (c) => (c ? (c.value ?? '') : ''));
          case 'formulas':
            return grid(t, (c) => (c ? (c.formula ?? c.value ?? '') : ''));
          case 'numberFormat':
            return grid(t, (c) => c?.numberFormat ?? 'General');
          case 'valueTypes':
            return grid(t, (c) => valueType(c));
          case 'rowIndex':
            return t.box.top - 1;
          case 'columnIndex':
            return t.box.left - 1;
          case 'rowCount':
            return t.box.bottom - t.box.top + 1;
          case 'columnCount':
            return t.box.right - t.box.left + 1;
          case 'address':
            return `${quoteName(t.sheet.name)}!${boxAddress(t.box)}`;
          default:
            throw new Error(`fake: cannot load Range.${p}`);
        }
      });
    });
    return this;
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.fake.requireApi(13, 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.context, () => {
      const t = this.must();
      const inside = t.sheet.merges.filter(
        (m) => m.top >= t.box.top && m.bottom <= t.box.bottom && m.left >= t.box.left && m.right <= t.box.right,
      );
      return inside.length ? inside.map((m) => ({ sheet: t.sheet, box: m })) : null;
    });
  }
  getCellProperties(opts: any): { value: any[][] } {
    this.context.fake.requireApi(9, 'Range.getCellProperties');
    const out: { value: any[][] } = {
      get value(): any[][] {
        throw new NotLoaded('value');
      },
    } as any;
    this.context.push(() => {
      const t = this.must();
      const rows = grid(t, (cell) => {
        const fmt: any = {};
        if (opts?.format?.fill) {
          const f = cell?.fill ?? NO_FILL;
          fmt.fill = {};
          for (const k of Object.keys(opts.format.fill)) fmt.fill[k] = (f as any)[k] ?? (k === 'tintAndShade' ? 0 : null);
        }
        if (opts?.format?.indentLevel) fmt.indentLevel = cell?.indent ?? 0;
        return { format: fmt };
      });
      Object.defineProperty(out, 'value', { value: rows });
    });
    return out;
  }
  setCellProperties(props: any[][]): void {
    this.context.fake.requireApi(9, 'Range.setCellProperties');
    this.context.push(() => {
      this.context.fake.hit('fill');
      const t = this.must();
      props.forEach((row, i) =>
        row.forEach((p, j) => {
          const cell = cellAt(t, addr(t.box.top + i, t.box.left + j), true)!;
          if (p?.format?.fill) setFill(cell, p.format.fill);
        }),
      );
    });
  }
  select(): void {
    this.context.push(() => {
      const t = this.must();
      this.context.fake.model.activeSheet = t.sheet.name;
      this.context.fake.model.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
    });
  }
}

export class FakeRangeAreas extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly resolve: () => RangeTarget[] | null,
  ) {
    super(context);
  }
  get address(): string {
    return this.get('address');
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => {
      const ts = this.resolve();
      this.nullState = !ts;
      if (!ts) return;
      this.snapshot(wanted, () => ts.map((t) => `${quoteName(t.sheet.name)}!${boxAddress(t.box)}`).join(','));
    });
    return this;
  }
  select(): void {
    this.context.fake.requireApi(18, 'RangeAreas.select');
    this.context.push(() => {
      const ts = this.resolve();
      if (!ts) throw fakeError('ItemNotFound', '区域不存在');
      this.context.fake.model.activeSheet = ts[0].sheet.name;
      this.context.fake.model.selection = { sheet: ts[0].sheet.name, address: ts.map((t) => boxAddress(t.box)).join(',') };
    });
  }
}

export class FakeSettingCollection extends Proxy_ {
  getItemOrNullObject(key: string): FakeSetting {
    this.context.fake.requireApi(4, 'SettingCollection');
    return new FakeSetting(this.context, key, false);
  }
  getItem(key: string): FakeSetting {
    this.context.fake.requireApi(4, 'SettingCollection');
    return new FakeSetting(this.context, key, true);
  }
  add(key: string, value: unknown): FakeSetting {
    this.context.fake.requireApi(4, 'SettingCollection');
    this.context.push(() => {
      this.context.fake.hit('settings.add');
      this.context.fake.model.settings[key] = JSON.parse(JSON.stringify(value));
    });
    return new FakeSetting(this.context, key, true);
  }
}

export class FakeSetting extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly key: string,
    readonly required: boolean,
  ) {
    super(context);
  }
  get value(): unknown {
    return this.get('value');
  }
  private has(): boolean {
    const ok = Object.prototype.hasOwnProperty.call(this.context.fake.model.settings, this.key);
    if (!ok && this.required) throw fakeError('ItemNotFound', `设置 ${this.key} 不存在`);
    return ok;
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => {
      this.nullState = !this.has();
      if (!this.nullState) this.snapshot(wanted, () => this.context.fake.model.settings[this.key]);
    });
    return this;
  }
  delete(): void {
    this.context.push(() => {
      if (this.has()) delete this.context.fake.model.settings[this.key];
    });
  }
}

export class FakeNoteCollection extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheetModel,
  ) {
    super(context);
  }
  getItemOrNullObject(address: string): FakeNote {
    this.context.fake.requireApi(18, 'NoteCollection');
    return new FakeNote(this.context, this.sheet, address.replace(/^.*!/, '').replace(/\$/g, ''));
  }
  add(cell: FakeRange | string, content: string): FakeNote {
    this.context.fake.requireApi(18, 'NoteCollection');
    let a = '';
    this.context.push(() => {
      this.context.fake.hit('note');
      const s = this.sheet();
      a = typeof cell === 'string' ? cell.replace(/^.*!/, '') : boxAddress(cell.must().box);
      if (a.includes(':')) throw fakeError('InvalidArgument', '批注只能加在单个单元格上');
      if (s.notes[a] !== undefined) throw fakeError('InvalidArgument', `单元格 ${a} 已有批注`);
      s.notes[a] = content;
    });
    return new FakeNote(this.context, this.sheet, a);
  }
}

export class FakeNote extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheetModel,
    readonly address: string,
  ) {
    super(context);
  }
  get content(): string {
    return this.get('content');
  }
  set content(c: string) {
    this.context.push(() => {
      const s = this.sheet();
      if (s.notes[this.address] === undefined) throw fakeError('ItemNotFound', '批注不存在');
      s.notes[this.address] = c;
    });
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => {
      const s = this.sheet();
      this.nullState = s.notes[this.address] === undefined;
      if (!this.nullState) this.snapshot(wanted, () => s.notes[this.address]);
    });
    return this;
  }
  delete(): void {
    this.context.push(() => {
      const s = this.sheet();
      if (s.notes[this.address] === undefined) throw fakeError('ItemNotFound', '批注不存在');
      delete s.notes[this.address];
    });
  }
}

/** Worksheet.names (ExcelApi 1.4): defined names scoped to one sheet. */
export class FakeNamedItemCollection extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheetModel,
  ) {
    super(context);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.context.fake.requireApi(4, 'NamedItemCollection.getItemOrNullObject');
    return new FakeNamedItem(this.context, this.sheet, name);
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this.context.fake.requireApi(4, 'Worksheet.names');
    this.context.push(() => {
      const s = this.sheet();
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) throw fakeError('InvalidArgument', `名称 ${name} 无效`);
      s.names = s.names ?? {};
      if (s.names[name]) throw fakeError('ItemAlreadyExists', `名称 ${name} 已存在`);
      const ref = typeof reference === 'string' ? reference : (() => {
        const t = reference.must();
        return `=${quoteName(t.sheet.name)}!${boxAddress(t.box)}`;
      })();
      s.names[name] = { reference: ref, visible: true, ...(comment !== undefined ? { comment } : {}) };
    });
    return new FakeNamedItem(this.context, this.sheet, name);
  }
}

export class FakeNamedItem extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly sheet: () => FakeSheetModel,
    readonly key: string,
  ) {
    super(context);
  }
  private item(): FakeName | undefined {
    return this.sheet().names?.[this.key];
  }
  get name(): string {
    return this.get('name');
  }
  get comment(): string {
    return this.get('comment');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.context.push(() => {
      const n = this.item();
      if (!n) throw fakeError('ItemNotFound', `名称 ${this.key} 不存在`);
      n.visible = v;
    });
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => {
      const n = this.item();
      this.nullState = !n;
      if (n) this.snapshot(wanted, (p) => (p === 'name' ? this.key : p === 'comment' ? (n.comment ?? '') : p === 'visible' ? n.visible !== false : p === 'formula' ? n.reference : undefined));
    });
    return this;
  }
  delete(): void {
    this.context.push(() => {
      if (!this.item()) throw fakeError('ItemNotFound', `名称 ${this.key} 不存在`);
      delete this.sheet().names![this.key];
    });
  }
}

/** Workbook.protection (ExcelApi 1.7): only `protected` (the structure). */
export class FakeWorkbookProtection extends Proxy_ {
  get protected(): boolean {
    return this.get('protected');
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => {
      this.nullState = false;
      this.snapshot(wanted, () => !!this.context.fake.model.structureProtected);
    });
    return this;
  }
}

/** Workbook.customXmlParts (ExcelApi 1.5): add, getByNamespace(…).getOnlyItemOrNullObject(), getXml, setXml, delete. */
export class FakeCustomXmlPartCollection extends Proxy_ {
  add(xml: string): FakeCustomXmlPart {
    let id = '';
    this.context.push(() => {
      this.context.fake.hit('customXml.write');
      const model = this.context.fake.model;
      model.customXml = model.customXml ?? [];
      id = `{${String(model.customXml.length + 1).padStart(8, '0')}-0000-0000-0000-000000000000}`;
      model.customXml.push({ id, xml });
    });
    return new FakeCustomXmlPart(this.context, () => this.context.fake.model.customXml?.find((p) => p.id === id) ?? null);
  }
  getByNamespace(ns: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, ns);
  }
}

export class FakeCustomXmlPartScopedCollection extends Proxy_ {
  private _items: FakeCustomXmlPart[] | undefined;
  constructor(
    context: FakeContext,
    readonly ns: string,
  ) {
    super(context);
  }
  private parts(): { id: string; xml: string }[] {
    return (this.context.fake.model.customXml ?? []).filter((p) => namespaceOf(p.xml) === this.ns);
  }
  get items(): FakeCustomXmlPart[] {
    if (!this._items) throw new NotLoaded('items');
    return this._items;
  }
  load(props?: unknown): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ''));
    this.context.push(() => {
      this.nullState = false;
      this._items = this.parts().map((p) => {
        const part = new FakeCustomXmlPart(this.context, () => this.context.fake.model.customXml?.find((x) => x.id === p.id) ?? null);
        part.loadNow(wanted);
        return part;
      });
    });
    return this;
  }
  /** Excel: "If the collection contains no items or more than one item, … isNullObject true". */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, () => {
      const parts = this.parts();
      return parts.length === 1 ? parts[0] : null;
    });
  }
}

function namespaceOf(xml: string): string | undefined {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>]+[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1];
}

export class FakeCustomXmlPart extends Proxy_ {
  constructor(
    context: FakeContext,
    readonly resolve: () => { id: string; xml: string } | null,
  ) {
    super(context);
  }
  get id(): string {
    return this.get('id');
  }
  loadNow(wanted: string[]): void {
    const p = this.resolve();
    this.nullState = !p;
    if (p) this.snapshot(wanted, (k) => (k === 'id' ? p.id : undefined));
  }
  load(props?: unknown): this {
    const wanted = propList(props);
    this.context.push(() => this.loadNow(wanted));
    return this;
  }
  getXml(): { value: string } {
    const out: { value: string } = {
      get value(): string {
        throw new NotLoaded('value');
      },
    } as any;
    this.context.push(() => {
      const p = this.resolve();
      if (!p) throw fakeError('ItemNotFound', '自定义 XML 部件不存在');
      Object.defineProperty(out, 'value', { value: p.xml });
    });
    return out;
  }
  setXml(xml: string): void {
    this.context.push(() => {
      this.context.fake.hit('customXml.write');
      const p = this.resolve();
      if (!p) throw fakeError('ItemNotFound', '自定义 XML 部件不存在');
      p.xml = xml;
    });
  }
  delete(): void {
    this.context.push(() => {
      const p = this.resolve();
      if (!p) throw fakeError('ItemNotFound', '自定义 XML 部件不存在');
      const model = this.context.fake.model;
      model.customXml = (model.customXml ?? []).filter((x) => x !== p);
      if (model.customXml.length === 0) delete model.customXml;
    });
  }
}

// ------------------------------------------------------------------ the fake host

export class FakeExcel {
  syncs = 0;
  runs = 0;
  cellsLoaded = 0;
  /** Most cells whose contents one sync carried (the payload-size proxy). */
  maxCellsPerSync = 0;
  runOptions: unknown[] = [];
  readonly apiVersion: number;
  readonly sets: Record<string, string>;
  /** APIs called above the host's requirement sets ("Range.getCellProperties 需要 ExcelApi 1.9"). */
  violations: string[] = [];
  /** isSetSupported questions asked, "ExcelApi 1.9". */
  asked = new Set<string>();
  private fails: FailRule[] = [];
  private hits: Partial<Record<FakeOp, number>> = {};
  constructor(
    public model: FakeWorkbookModel,
    opts: FakeOptions = {},
  ) {
    this.sets = opts.sets ?? { ExcelApi: `1.${opts.apiVersion ?? 20}`, SharedRuntime: '1.2', AddinCommands: '1.1', RibbonApi: '1.1', DialogApi: '1.2' };
    this.apiVersion = Number((this.sets.ExcelApi ?? '1.0').split('.')[1]);
  }
  sheet(name: string): FakeSheetModel | undefined {
    return this.model.sheets.find((s) => s.name === name);
  }
  /** Throws ApiNotFound (and records it) when `what` is above the host's requirement sets. */
  requireSet(set: string, version: string, what: string): void {
    if (this.supports(set, version)) return;
    const v = `${what} 需要 ${set} ${version}`;
    this.violations.push(v);
    throw fakeError('ApiNotFound', v);
  }
  requireApi(minor: number, what: string): void {
    this.requireSet('ExcelApi', `1.${minor}`, what);
  }
  private supports(name: string, version: string): boolean {
    const have = this.sets[name];
    if (!have) return false;
    const [a1_, b1] = have.split('.').map(Number);
    const [a2, b2] = version.split('.').map(Number);
    return a1_ > a2 || (a1_ === a2 && (b1 ?? 0) >= (b2 ?? 0));
  }
  isSetSupported(name: string, version?: string): boolean {
    this.asked.add(`${name} ${version ?? ''}`.trim());
    return this.supports(name, version ?? '1.1');
  }
  /** Makes an operation fail (see FailRule); rules are used once. */
  failOn(rule: FailRule): void {
    this.fails.push(rule);
    this.hits = {};
  }
  /** Called by the fake's operations as they run: throws when a FailRule matches. */
  hit(op: FakeOp): void {
    const n = this.hits[op] ?? 0;
    this.hits[op] = n + 1;
    const i = this.fails.findIndex((f) => f.op === op && (f.after ?? 0) === n);
    if (i >= 0) {
      const rule = this.fails.splice(i, 1)[0];
      throw fakeError(rule.code ?? 'GeneralException', `模拟故障：${op}`);
    }
  }
  /** Excel.run(options, batch): a fresh context; pending commands are flushed at the end. */
  async run<T>(options: unknown, batch: (context: any) => Promise<T>): Promise<T> {
    this.runs++;
    this.runOptions.push(options);
    if (options && typeof options === 'object' && 'delayForCellEdit' in options) this.requireApi(11, 'RunOptions.delayForCellEdit');
    const context = new FakeContext(this);
    const out = await batch(context);
    if (context.queue.length) await context.sync();
    return out;
  }
  /** An ExcelHost (src/excel/host.ts) backed by this fake. */
  host(): { run: any; isSetSupported: (n: string, v: string) => boolean } {
    return { run: (o: unknown, b: any) => this.run(o, b), isSetSupported: (n, v) => this.isSetSupported(n, v) };
  }
  resetCounters(): void {
    this.syncs = 0;
    this.runs = 0;
    this.cellsLoaded = 0;
    this.maxCellsPerSync = 0;
    this.runOptions = [];
  }
  /** Every cell's fill, keyed "Sheet!A1" (cells without fill are absent). */
  fills(): Record<string, FakeFill> {
    const out: Record<string, FakeFill> = {};
    for (const s of this.model.sheets) for (const [a, c] of Object.entries(s.cells)) if (c.fill) out[`${s.name}!${a}`] = { ...c.fill };
    return out;
  }
  /** Every cell's value and formula, keyed "Sheet!A1". */
  contents(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.model.sheets)
      for (const [a, c] of Object.entries(s.cells)) if (c.value !== '' || c.formula) out[`${s.name}!${a}`] = [c.value, c.formula ?? null];
    return out;
  }
}

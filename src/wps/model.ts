/**
 * The part of the WPS 表格 (ET) JavaScript object model src/wps uses, typed from WPS's published
 * 加载项 documentation (the object model mirrors Excel's VBA model: Application.ActiveWorkbook,
 * Worksheets, Range.Value2 …). What the documentation does not settle is listed in
 * docs/real-wps-checklist.md; the code below never relies on more than what is typed here.
 *
 * Only src/wps/host.ts reads the global (`window.Application`, `wps.EtApplication()`); every
 * other module receives a WpsApplication, which keeps src/wps testable with test/wps/fakeWps.ts.
 */

export interface WpsApplication {
  ActiveWorkbook: WpsWorkbook | null;
}

export interface WpsWorkbook {
  Name: string;
  /** 保护工作簿 (structure): sheets cannot be added, deleted or renamed. */
  ProtectStructure: boolean;
  Worksheets: WpsWorksheets;
  /** Office's CustomXMLParts; where WPS has none, src/wps/store.ts uses a very hidden sheet. */
  CustomXMLParts?: WpsCustomXmlParts;
}

export interface WpsCustomXmlParts {
  Count: number;
  Item(index: number): WpsCustomXmlPart;
  SelectByNamespace(ns: string): { Count: number; Item(index: number): WpsCustomXmlPart };
  Add(xml: string): WpsCustomXmlPart;
}

export interface WpsCustomXmlPart {
  XML: string;
  Delete(): void;
}

export interface WpsWorksheets {
  Count: number;
  /** 1-based index or name; throws when there is no such sheet. */
  Item(key: number | string): WpsWorksheet;
  /** Add(Before, After): returns the new sheet. */
  Add(before?: WpsWorksheet, after?: WpsWorksheet): WpsWorksheet;
}

/** Worksheet.Visible: xlSheetVisible. */
export const XL_SHEET_VISIBLE = -1;
/** xlSheetVeryHidden: not listed under 取消隐藏. */
export const XL_SHEET_VERY_HIDDEN = 2;

export interface WpsWorksheet {
  Name: string;
  /** XlSheetVisibility (-1 visible, 0 hidden, 2 very hidden). */
  Visible: number | boolean;
  /** 保护工作表 */
  ProtectContents: boolean;
  UsedRange: WpsRange;
  Range(address: string): WpsRange;
  Activate(): void;
  Delete(): void;
  Names: WpsNames;
  Hyperlinks: { Add(anchor: WpsRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown };
}

export interface WpsNames {
  Count: number;
  Item(name: string): WpsName;
  Add(name: string, refersTo: string, visible?: boolean): WpsName;
}

export interface WpsName {
  Name: string;
  Comment: string;
  Visible: boolean;
  Delete(): void;
}

/** xlNone: no fill (Interior.Pattern) */
export const XL_NONE = -4142;
/** xlSolid */
export const XL_SOLID = 1;

export interface WpsInterior {
  /** BGR long (red + green·256 + blue·65536); null when the cells of the range differ. */
  Color: number | null;
  /** XlPattern; xlNone (-4142) for no fill. */
  Pattern: number | null;
  PatternColor: number | null;
  TintAndShade: number | null;
}

export interface WpsComment {
  Text(): string;
  Delete(): void;
}

export interface WpsRange {
  /** 1-based first row and column. */
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number };
  /** A 2-D array (rows × columns) for a block, the bare value for one cell. Dates are serial numbers. */
  Value2: unknown;
  /** Like Value2, formulas with their leading '='. */
  Formula: unknown;
  /** The common format of the cells, null when they differ. */
  NumberFormat: string | null;
  /** The common indent, null when they differ. */
  IndentLevel: number | null;
  /** true: every cell is in a merged area; false: none is; null: some are. */
  MergeCells: boolean | null;
  /** The merged area of the range's first cell (the cell itself when not merged). */
  MergeArea: WpsRange;
  Interior: WpsInterior;
  /** The cell's comment (批注), null when it has none. */
  Comment: WpsComment | null;
  AddComment(text: string): WpsComment;
  Select(): void;
  Font: { Bold: boolean };
  ColumnWidth: number;
  WrapText: boolean;
  VerticalAlignment: number;
}

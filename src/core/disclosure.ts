/**
 * Disclosure: the recognised tables of one workbook as typed rows of Decimal amounts in 元,
 * each amount remembering its cell. Produced by recognise(), read by rules and narrative.
 * See MODEL.md for a one-page description.
 */
import Decimal from 'decimal.js';
import { MoneyUnit } from './money';
import { CellValue } from './grid';

/** The semantic kind of a table. Rules are written against kinds, never against sheet names. */
export type TableKind =
  | 'catalogue' // 目录 (表号, 表名, 是否空表, 理由)
  | 'summary' // 收支总表
  | 'income' // 收入总表
  | 'expenditure' // 支出总表
  | 'fiscal_summary' // 财政拨款收支总表
  | 'fiscal_func' // 财政拨款支出表（功能科目）: 一般公共预算 + 政府性基金 + 国有资本经营
  | 'fiscal_basic' // 财政拨款基本支出表（经济科目）
  | 'office_cost' // 机关运行经费支出表
  | 'gp_func' // 一般公共预算支出明细表（按功能科目）
  | 'gp_econ' // 一般公共预算支出明细表（按经济科目）
  | 'basic_func' // 一般公共预算基本支出明细表（功能）
  | 'basic_econ' // 一般公共预算基本支出明细表（经济）
  | 'fund' // 政府性基金收支表 / 政府性基金预算支出表
  | 'state_capital' // 国有资本经营预算支出表
  | 'special' // 专项业务经费支出表 / 项目支出表
  | 'procurement' // 政府采购预算表
  | 'three_public' // “三公”经费支出预算表
  | 'perf_project' // 项目绩效目标表 (one block per project)
  | 'perf_overall' // 部门（单位）整体支出绩效目标表
  | 'perf_fund'; // 专项资金总体绩效目标表

/** One amount read from a cell, converted to 元. */
export interface Amount {
  value: Decimal;
  /** "<sheet>!A1" */
  cell: string;
  /** Decimals printed in the cell (for 万元 rounding tolerance). */
  decimals: number;
  /** True when the cell was empty, "-" or similar (value is 0). */
  blank: boolean;
  /** True when the value was stored as text ("2,812,840.00"). */
  text: boolean;
  /** How many printed figures this amount adds up (a Σ across tables); 1 when absent. For rounding tolerance. */
  terms?: number;
}

export interface Column {
  /** Semantic key, e.g. "total", "personnel", "public", "special", "basic", "project", "gp". */
  key: string;
  /** The header as printed (merged header rows joined by "/"). */
  header: string;
  col: number;
}

export interface Row {
  /** Sheet row number. */
  row: number;
  /** 科目编码 / 单位编码, when the row has one (digits only). */
  code?: string;
  codeCell?: string;
  /** 科目名称 / 单位名称 / 项目名称 as printed (trimmed). */
  name?: string;
  nameCell?: string;
  /**
   * True when `name` is the row's own label, not the name of its code: a project in a 项目支出表
   * (项目名称 | 功能科目编码 | 科目名称). The code's name is then `codeName`, when printed.
   */
  labelled?: boolean;
  codeName?: string;
  codeNameCell?: string;
  /** Second code column where a table has one (政府经济科目编码 in 经济 tables). */
  code2?: string;
  code2Cell?: string;
  name2?: string;
  name2Cell?: string;
  /** Normalised label for labelled lines (without enumeration markers): "工资福利支出", "本年收入合计". */
  label?: string;
  /** The enumeration marker as printed: "一、", "1、", "(1)", "其中：". */
  marker?: string;
  /**
   * Depth in the table's tree: for coded rows the code level (类 0, 款 1, 项 2 / 单位 0, 下级 1);
   * for labelled lines the marker level; for indented trees the indentation level. The total row is -1.
   */
  level: number;
  /** True for 合计 / 总计 rows. */
  isTotal: boolean;
  /** True for "其中：" lines, which are parts of the line above and not addends of the block. */
  isOfWhich: boolean;
  amounts: Record<string, Amount | undefined>;
  /** For tables whose rows are items (profile `rowItems`): the row's item key ("abroad", "car_sub" …). */
  item?: string;
  /** Text cells by column key (项目简介, 备注 …). */
  texts?: Record<string, { text: string; cell: string }>;
  /** The row's figures in the table's growth-rate columns (Table.rates with `growth`), by column number. */
  rates?: Record<number, RateCell>;
}

/** A printed rate: "-7.03%" (or -0.0703 formatted 0.00%) is -7.03 points; an unmarked number is as printed. */
export interface RateCell {
  value: Decimal;
  cell: string;
  /** Decimals printed (of the percent figure). */
  decimals: number;
  /** The cell says % (a percent format, or "%" in its text): `value` is in points for certain. */
  marked: boolean;
}

/** A side-by-side section of a summary table: label column + amount column. */
export interface Block {
  /** "income" | "func" | "dept_econ" | "gov_econ" | "expense" */
  key: string;
  header: string;
  labelCol: number;
  amountCol: number;
  /** Further amount columns of the block (财政拨款收支总表 河北: 合计 | 一般公共预算 | 政府性基金 | 国有资本). */
  extra?: Column[];
  rows: Row[];
}

/** A labelled field of a form-like table (绩效目标表): 项目名称, 资金总额, 财政拨款 … */
export interface Field {
  key: string;
  /** The value as printed. */
  text: string;
  cell: string;
  /** The label as printed (normalised), e.g. "资金支出计划(%)". */
  label?: string;
  amount?: Amount;
}

export interface Table {
  /** Profile table id, e.g. "t5". */
  id: string;
  kind: TableKind;
  /** Title as printed. */
  title: string;
  titleCell: string;
  /** 表号 as printed ("表5"), if any. */
  number?: string;
  numberCell?: string;
  sheet: string;
  unit: MoneyUnit;
  unitCell?: string;
  /** True when no 单位 line was found and the profile's default unit was assumed. */
  unitAssumed: boolean;
  /** For templates with parts (河北: 部门 part, then one part per 单位): the part's name. */
  part?: string;
  /** Header rows span [headerTop, headerBottom]; data rows follow. */
  headerTop: number;
  headerBottom: number;
  lastRow: number;
  columns: Column[];
  rows: Row[];
  blocks?: Block[];
  fields?: Field[];
  /** True when the table has no data rows or only zero amounts. */
  empty: boolean;
  /** Code scheme of the table's code column (from the profile). */
  scheme?: 'func' | 'econ' | 'unit';
  /** 表号 the profile expects for this table ("表5"), if it numbers its tables. */
  expectedNumber?: string;
  /**
   * Rows with figures below the total that ended the reading (a total at the bottom ends a table):
   * left unread, and said so, since they may be the table's own rows read wrongly.
   */
  unreadAfterTotal?: { cell: string; rows: number };
  /** Header columns holding numbers that no column spec recognised (their sums are not checked). */
  unmapped?: { col: number; header: string; cell: string }[];
  /**
   * Header columns of rates (增幅(%), 增减率, 占比 …): not amounts. Like `unmapped` they keep an
   * incomplete column sum from running (the header could be wrong). A growth rate beside the two
   * amounts it compares has `growth`: (now − base) ÷ base × 100, or change ÷ base × 100; its figures
   * are read into each row's `rates` and checked (sum.rate). Other rates are not checked.
   */
  rates?: { col: number; header: string; cell: string; growth?: { now: string; base: string; by: 'ratio' | 'change' } }[];
  /**
   * Lines of rates under the year rows of a table whose rows are years (年度: 2015年 | 2016年 |
   * 2016年比2015年增减%): not rows of amounts. `growth` names the two year rows (sheet rows) a line
   * compares; its figures, by column key, are then checked (sum.rate).
   */
  rateRows?: { row: number; label: string; cell: string; rates: Record<string, RateCell>; growth?: { now: number; base: number } }[];
  /** Rows are items of a fixed list (the “三公” items as rows): checked by sum.items, not as a tree. */
  itemRows?: boolean;
  /** Column sums that must hold on every row (from the profile, limited to columns present). */
  sums: { total: string; parts: string[] }[];
}

export interface CatalogueEntry {
  number: string;
  title: string;
  /** Declared empty (是否空表 = 是). */
  declaredEmpty?: boolean;
  reason?: string;
  cell: string;
  /** The 是否空表 cell. */
  flagCell?: string;
}

export interface ParseIssue {
  /** "<sheet>!A1" */
  cell: string;
  message: string;
  raw: CellValue;
}

export interface Disclosure {
  source: string;
  profile: { id: string; name: string };
  tables: Table[];
  /**
   * Tables the profile expects but that were not found; `titleCell` when a title was found but no
   * header, block or field under it could be read.
   */
  missing: { id: string; kind: TableKind; title: string; titleCell?: string }[];
  catalogue?: CatalogueEntry[];
  /** Titles that look like a standard table but whose header could not be read, and why. */
  unread?: { title: string; cell: string; kind: string; why: string }[];
  /** Cells that should hold amounts but hold something else (#REF!, words …). */
  parseIssues: ParseIssue[];
  /** The budget year: the year most titles name ("2024年部门收支总表"), else the one in the file name. */
  year?: number;
  /** Unit name found on the cover / header ("单位名称：…"), if any. */
  unitName?: string;
  /** Every place the workbook states the unit's name (cover, 表头, 整体绩效目标表), with its cell. */
  unitNames?: { name: string; cell: string }[];
}

export function tablesOfKind(d: Disclosure, kind: TableKind): Table[] {
  return d.tables.filter((t) => t.kind === kind);
}

export function totalRow(t: Table): Row | undefined {
  return t.rows.find((r) => r.isTotal);
}

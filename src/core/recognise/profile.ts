/**
 * A profile describes one family of templates as data: its tables, their title patterns,
 * columns and row keys, and the column sums that must hold. Adding a province is adding a
 * profile (see profiles/), not editing the engine.
 *
 * All patterns are matched against normalised text (see normalise()): whitespace removed,
 * full-width brackets and colons made half-width.
 */
import { TableKind } from '../disclosure';
import { MoneyUnit } from '../money';
import type { CanonicalTitle } from './titles';
import type { Disclosure } from '../disclosure';
import type { NarrativeSection } from '../narrative/types';

export type Layout =
  /** Rows keyed by a code (功能/经济科目, 单位编码) or a label, with amount columns. */
  | 'coded'
  /** An indented tree of 单位 → project groups → projects (专项业务经费表). */
  | 'tree'
  /** Side-by-side blocks of label + 预算数 (收支总表, 财政拨款收支总表, 政府性基金收支表). */
  | 'summary'
  /** Labelled fields (绩效目标表: 项目名称, 资金总额 …); one table per project. */
  | 'form'
  /** 目录: 表号, 表名, 是否空表, 理由. */
  | 'catalogue';

export interface ColumnSpec {
  key: string;
  /** Matched against the column's header path: the header rows' texts joined with "/". */
  match: RegExp;
  exclude?: RegExp;
  /** 'amount' (default) columns are parsed as money; 'code'/'name'/'text' columns as text. */
  type?: 'amount' | 'code' | 'name' | 'code2' | 'name2' | 'text';
}

/** total = Σ parts, on every row (sum.columns). */
export interface ColumnSum {
  total: string;
  parts: string[];
  /**
   * Check only when every part's column was found. Without it, a part whose column does not exist
   * in a variant of the template is taken as zero — unless the table has number columns that no
   * spec recognised, in which case the sum is not checked (an info finding says so).
   */
  all?: boolean;
  /**
   * Check only when the table's amount columns are exactly the total and (some of) the parts, besides
   * “其中” columns: a missing part is then zero. (合计 = 人员经费 + 公用经费 [+ 项目支出], but not in a table
   * that also has a 基本支出 column.)
   */
  exclusive?: boolean;
  /** With `exclusive`: further columns the table may have (subtotals of some parts). */
  besides?: string[];
  /** Check only when every one of these columns was found. */
  requires?: string[];
  /** Check only when at least one of these columns was found. */
  requiresAny?: string[];
}

export interface BlockSpec {
  key: string;
  /** Matched against the label column's header. */
  match: RegExp;
}

export interface FieldSpec {
  key: string;
  match: RegExp;
  amount?: boolean;
  /** The value sits under the label (资金支出计划 3月底 / 6月底 …) rather than to its right. */
  below?: boolean;
}

export interface TableSpec {
  id: string;
  kind: TableKind;
  /** Canonical name, used in messages about missing tables. */
  name: string;
  /** Expected 表号, e.g. "表5". */
  number?: string;
  title: RegExp;
  notTitle?: RegExp;
  layout: Layout;
  /** Code scheme of the code column, for code rules and levels. */
  scheme?: 'func' | 'econ' | 'unit';
  columns?: ColumnSpec[];
  sums?: ColumnSum[];
  blocks?: BlockSpec[];
  /** Extra amount columns of summary blocks, by header (key 'amount' is the block's first amount column). */
  blockColumns?: ColumnSpec[];
  fields?: FieldSpec[];
  /** The table may appear several times (one 绩效目标表 per project). */
  repeat?: boolean;
  /** Not every workbook has it; its absence is not reported. */
  optional?: boolean;
  /**
   * Columns by meaning when one pattern per key cannot say it (the “三公” items under 预算数/决算数
   * or 上年/本年/增减): given every column's header path, the columns with their keys.
   */
  classifyColumns?: (paths: Map<number, string>) => { key: string; col: number; header: string }[];
  /**
   * Tables whose rows are items rather than codes (a “三公” table listing 因公出国 … as rows): the item
   * key of a row label, so that item identities (小计 = Σ items) are checked instead of a plain tree.
   */
  rowItems?: (label: string) => string | undefined;
}

export interface Profile {
  id: string;
  name: string;
  /** Unit assumed when a table names none. */
  defaultUnit: MoneyUnit;
  tables: TableSpec[];
  /**
   * The line under a title that names the part a table belongs to (河北: "313中共河北…" for the
   * 部门, "313001…本级" for a 单位). Tables without such a line belong to the part before them.
   * The first group must capture the part's code. Absent: the workbook is one part.
   */
  partLine?: RegExp;
  /**
   * Recognition by meaning (the national layer): given a title reduced to its core, the id of the
   * table spec it names, or undefined. When present it replaces the specs' `title` patterns.
   */
  classify?: (title: CanonicalTitle) => string | undefined;
  /**
   * A caption no title pattern names ("2016年决算数与2015年决算数对比情况"), by the header cells of
   * the rows below it: the id of the table spec they show, or undefined. Recognition by content,
   * for tables whose caption does not say what they are.
   */
  classifyHeader?: (cells: string[]) => string | undefined;
  /** Tried after the province profiles; a province profile that recognises as many tables wins. */
  fallback?: boolean;
  /** The province's own 说明 template; without one the national template is used. */
  narrative?: NarrativeTemplate;
}

/** A province's 说明: its title and its sections, written from the Disclosure (and last year's). */
export interface NarrativeTemplate {
  title(unitName: string | undefined): string;
  sections(d: Disclosure, prior: Disclosure | null | undefined, notes: string[]): NarrativeSection[];
}

/** The bottom line of a column's header path ("支出/增幅(%)" → "增幅(%)"). */
export const headerLabel = (u: { header: string }): string => u.header.split('/').pop() ?? '';

/** A row named by a year: "2016年", "2016年度", "2016年决算数" → 2016; undefined for any other name. */
const YEAR_ROW = /^((?:19|20)\d{2})年度?(?:预算|决算|执行)?数?$/;
export function rowYear(name: string | undefined): number | undefined {
  const m = name ? YEAR_ROW.exec(normalise(name)) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * The years a table's headers name (2023年预算数 | 2024年预算数): with two or more, a header of an
 * earlier year is last year's column, one of the latest year this year's.
 */
export function headerYears(headers: Iterable<string>): { earlier(p: string): boolean; latest(p: string): boolean } {
  const yearOf = (p: string) => Number(/((?:19|20)\d{2})年/.exec(p)?.[1] ?? 0);
  const years = new Set([...headers].map(yearOf).filter((y) => y > 0));
  const last = Math.max(0, ...years);
  const several = years.size >= 2;
  return { earlier: (p) => several && yearOf(p) > 0 && yearOf(p) < last, latest: (p) => several && yearOf(p) === last };
}

/**
 * A label or header that counts things, not money: 团组数, 人次, 批次, 公务用车保有量(辆) …
 * (normalised text). Such rows and columns are never read as amounts.
 */
export const COUNT_WORDS = /团组|人数|人次|批次|数量|保有量|购置数|个数|\((个|人|批|辆|次|台|团)\)$/;

const memo = new Map<string, string>();

/** Normalises header/title/label text for matching: no whitespace, half-width brackets and colons. */
export function normalise(text: string): string {
  let n = memo.get(text);
  if (n === undefined) {
    n = normaliseUncached(text);
    if (memo.size > 50000) memo.clear();
    memo.set(text, n);
  }
  return n;
}

function normaliseUncached(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/“|”|"/g, '"');
}

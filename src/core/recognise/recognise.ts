/**
 * Recognise: finds each table of a profile by its title and header text anywhere in the
 * workbook (never by sheet name or fixed address), reads its 金额单位, maps header columns to
 * semantic keys and rows to codes / labels / indentation levels, and builds the Disclosure.
 */
import { BoundedCache, memoByString } from '../memo';
import {
  CellData,
  Grid,
  Sheet,
  cellRef,
  colCount,
  mergeAt,
  mergedTextAt,
  rawTextAt,
  textAt,
  cellAt,
} from '../grid';
import {
  Amount,
  Block,
  CatalogueEntry,
  Column,
  Disclosure,
  Field,
  ParseIssue,
  RateCell,
  Row,
  Table,
} from '../disclosure';
import { Finding } from '../finding';
import { MoneyUnit, ZERO, decimalsOf, numberToYuan, parseAmount, parseRate, parseUnitText, toYuan } from '../money';
import { COUNT_WORDS, ColumnSpec, Profile, TableSpec, headerLabel, headerYears, normalise, rowYear } from './profile';
import { canonicalTitle, standardWording, tableNumber } from './titles';

export interface RecogniseResult {
  disclosure: Disclosure | null;
  /** Recognition findings (missing tables, nothing recognised, unreadable amounts). */
  findings: Finding[];
}

/** How far right we look for titles and headers. Budget tables are narrower than this. */
const MAX_SCAN_COLS = 60;

interface TitleHit {
  spec: TableSpec;
  /** The profile whose spec matched (a province's, or the national layer's). */
  profile: Profile;
  /** A block of a repeated form with no title of its own: `row` is its first content row. */
  inline?: boolean;
  sheet: Sheet;
  row: number;
  col: number;
  text: string;
}

/** A line after which the rows are no longer the table's: 二、相关统计数, a 说明 paragraph. */
const ENDS_TABLE = /^([一二三四五六七八九十]+[、.．])?(相关)?统计数$|情况说明$|变化原因|原因(等)?说明$/;

/** 当年收入小计 / 本年支出小计: a year's total written as 小计. */
/** A footnote's opening words (注：, 注1., 说明：, 备注、): a line that starts so ends the table above it. */
const FOOTNOTE = /^(注|说明|备注)\s*\d*\s*[:：.．、]/;
const THIS_YEAR_SUBTOTAL = /^(本年|当年)(收入|支出)?小计$/;
const TOTAL_LABEL = /^(?:(?:本年|当年)?(?:收入|支出)?(?:合计|总计)|金额合计|本年合计)$/;

/** The text starts with a 表号 (公开01表, 表5, 表一 …; see titles.ts). */
const startsWithNumber = (t: string): boolean => tableNumber(t).number !== undefined;

const titleMemo = new WeakMap<Profile, (text: string) => TableSpec | undefined>();

/** The table spec whose title pattern `text` matches (memoised per profile: labels repeat across tables). */
function matchTitle(profile: Profile, text: string): TableSpec | undefined {
  let memo = titleMemo.get(profile);
  if (!memo) titleMemo.set(profile, (memo = memoByString((t) => matchTitleUncached(profile, t), 50000)));
  return memo(text);
}

function matchTitleUncached(profile: Profile, text: string): TableSpec | undefined {
  const { rest } = tableNumber(text);
  const n = normalise(rest);
  if (n.length < 2 || n.length > 80) return undefined;
  if (profile.classify) {
    const id = profile.classify(canonicalTitle(text));
    return id ? profile.tables.find((s) => s.id === id) : undefined;
  }
  // Qualifiers such as （不含上年结转） do not change which table it is.
  const bare = canonicalTitle(text);
  for (const spec of profile.tables) {
    for (const candidate of [n, bare.stripped]) {
      if (spec.title.test(candidate) && !(spec.notTitle && spec.notTitle.test(candidate))) return spec;
    }
  }
  return undefined;
}

function findTitles(grid: Grid, profile: Profile): TitleHit[] {
  const hits: TitleHit[] = [];
  for (const sheet of grid.sheets) {
    const cols = Math.min(colCount(sheet), MAX_SCAN_COLS);
    for (let r = 1; r <= sheet.rows.length; r++) {
      const row = sheet.rows[r - 1];
      if (!row || row.length === 0) continue;
      let filledBefore = false;
      for (let c = 1; c <= Math.min(cols, row.length); c++) {
        const cell = row[c - 1];
        const first = !filledBefore;
        if (cell && cell.v !== null && cell.v !== '') filledBefore = true;
        if (!cell || typeof cell.v !== 'string' || cell.v.length > 120 || cell.v.length < 2) continue;
        // A caption (its row's first and only text) named by its header, only where no title was found
        // just above (a 表号 line under a title is no caption).
        const last = hits[hits.length - 1];
        const caption = first && !!profile.classifyHeader && !(!!last && last.sheet === sheet && last.row >= r - 2);
        const spec = matchTitle(profile, cell.v) ?? (caption ? captionByHeader(profile, sheet, r, c, cols) : undefined);
        if (spec) {
          hits.push({ spec, profile, sheet, row: r, col: c, text: cell.v.trim() });
          break; // one title per row
        }
      }
    }
  }
  return hits;
}

/** How many rows under a caption may hold the header that says what the table is. */
const CAPTION_HEADER_ROWS = 3;

/**
 * The table a caption row heads, judged by the header below it (Profile.classifyHeader). A caption
 * is a row's only text (merged across the table), short, not a sentence, a 单位 line or a note, over
 * nothing but text: "2016年决算数与2015年决算数对比情况" above 年度 | 合计 | 因公出国(境)经费 | 公务接待费 ….
 */
function captionByHeader(profile: Profile, sheet: Sheet, r: number, c: number, cols: number): TableSpec | undefined {
  const text = (cellAt(sheet, r, c)!.v as string).trim();
  if (text.length < 4 || text.length > 40) return undefined;
  // The row's only text (the commonest rejection first: a line of figures).
  const row = sheet.rows[r - 1];
  for (let k = c; k < Math.min(cols, row.length); k++) {
    const v = row[k]?.v;
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string' || v.trim() !== text) return undefined;
  }
  if (/[，。；,;]|^(单位|注|说明)/.test(text)) return undefined;
  // "公开表九", "表3": a 表号 alone names no table.
  if (normalise(tableNumber(text).rest).length < 4) return undefined;
  const cells: string[] = [];
  for (let rr = r + 1; rr <= Math.min(r + CAPTION_HEADER_ROWS, sheet.rows.length); rr++) {
    const line = sheet.rows[rr - 1] ?? [];
    for (let k = 0; k < Math.min(cols, line.length); k++) {
      const v = line[k]?.v;
      if (typeof v === 'string' && v.trim().length > 0 && v.length <= 30) cells.push(v.trim());
    }
  }
  const id = profile.classifyHeader!(cells);
  return id ? profile.tables.find((s) => s.id === id) : undefined;
}

/** "部门：", "单位名称:", "预算单位：XX局", "编制单位 XX": a label naming the unit, with or without its value. */
const NAME_ANCHOR = /^(单位名称|部门名称|部门\(单位\)名称|预算单位|编制单位|填报单位|主管部门|部门|单位)(:|：|$)/;

function isMetaRow(sheet: Sheet, r: number, cols: number): boolean {
  let any = false;
  let anchor = false;
  let codeLine = false;
  let valueNext = false;
  for (let c = 1; c <= cols; c++) {
    const t = textAt(sheet, r, c);
    if (!t) continue;
    any = true;
    const n = normalise(t);
    if (valueNext) {
      // The value after a bare "部门：" label (the unit's name in the next cell).
      valueNext = false;
      if (typeof cellAt(sheet, r, c)?.v === 'string' && !NAME_ANCHOR.test(n)) continue;
    }
    if (parseUnitText(n) || /单位[:：]/.test(n) || /^(预算年度|截止时间)/.test(n)) {
      anchor = true;
      continue;
    }
    if (NAME_ANCHOR.test(n) && /[:：]/.test(n)) {
      anchor = true;
      valueNext = /[:：]$/.test(n);
      continue;
    }
    if (/^(单位名称|部门名称|预算单位|编制单位|保密审查|单位主要负责人)/.test(n)) continue;
    if (startsWithNumber(n) && n.length <= 6) continue;
    // "313中共河北…" — a part line (code + name) next to the unit or year.
    if (/^\d{3,}\D{2,}/.test(n)) {
      codeLine = true;
      continue;
    }
    return false;
  }
  return any && (!codeLine || anchor);
}

function isColumnNumberRow(sheet: Sheet, r: number, left: number, right: number): boolean {
  const vals: string[] = [];
  for (let c = left; c <= right; c++) {
    const t = normalise(textAt(sheet, r, c));
    if (t) vals.push(t);
  }
  if (vals.length === 0) return false;
  if (vals.some((v) => v === '栏次')) return true;
  // A row of small consecutive integers (1, 2, 3 …) or letters (甲 乙) under a header.
  const ints = vals.filter((v) => /^\d{1,2}$/.test(v)).map(Number);
  return ints.length >= 3 && ints.length >= vals.length - 2 && ints.every((v, i) => i === 0 || v === ints[i - 1] + 1);
}

function looksLikeCode(t: string): boolean {
  return /^\d{3,}$/.test(t);
}

/**
 * Splits "20801 人力资源和社会保障管理事务" into code and name. In a name column the code must be
 * followed by a space ("2024年工会经费" is a name); in a code column "2080109社会保险经办机构" splits too.
 */
function splitCodeName(text: string, inCodeColumn = false): { code?: string; name: string } {
  const t = text.trim();
  const m = /^(\d{3,})(?:([\s\u3000]+)(.*)|(.*))$/.exec(t);
  if (!m) return { name: t };
  if (m[2] !== undefined) return { code: m[1], name: m[3].trim() };
  const rest = m[4] ?? '';
  if (rest === '') return { code: m[1], name: '' };
  if (inCodeColumn && !/^[年月日度号期]/.test(rest)) return { code: m[1], name: rest.trim() };
  return { name: t };
}

/** Leading indentation in half-width units: a full-width space counts 2. */
function leadingIndent(raw: string): number {
  let n = 0;
  for (const ch of raw) {
    if (ch === '\u3000') n += 2;
    else if (ch === ' ' || ch === '\u00a0' || ch === '\t') n += 1;
    else break;
  }
  return n;
}

interface Extent {
  sheet: Sheet;
  titleRow: number;
  lastRow: number;
  left: number;
  right: number;
}

class TableReader {
  constructor(
    private readonly profile: Profile,
    private readonly hit: TitleHit,
    private readonly ext: Extent,
    /** Shared with the reader of the whole table when this one reads a panel of it. */
    readonly issues: ParseIssue[] = [],
  ) {}

  private ref(r: number, c: number): string {
    return cellRef(this.ext.sheet.name, r, c);
  }

  /** The table's unit: a 单位 line near the title, else "(万元)" in its headers, else the profile default. */
  unit(): { unit: MoneyUnit; cell?: string; assumed: boolean } {
    const { sheet, titleRow, right, left } = this.ext;
    for (let r = Math.max(1, titleRow - 1); r <= Math.min(titleRow + 4, this.ext.lastRow); r++) {
      for (let c = left; c <= right; c++) {
        const t = textAt(sheet, r, c);
        if (!t.includes('单位')) continue;
        const u = parseUnitText(t);
        if (u) return { unit: u, cell: this.ref(r, c), assumed: false };
      }
    }
    for (let r = titleRow + 1; r <= Math.min(titleRow + 12, this.ext.lastRow); r++) {
      for (let c = left; c <= right; c++) {
        const raw = textAt(sheet, r, c);
        if (!raw.includes('元')) continue;
        const t = normalise(raw);
        const m = /\((亿元|万元|千元|元)\)/.exec(t);
        if (m) return { unit: m[1] as MoneyUnit, cell: this.ref(r, c), assumed: false };
      }
    }
    return { unit: this.profile.defaultUnit, assumed: true };
  }

  number(): { number?: string; cell?: string } {
    const own = tableNumber(this.hit.text);
    if (own.number) return { number: own.number, cell: this.ref(this.hit.row, this.hit.col) };
    const { sheet } = this.ext;
    for (let r = this.hit.row; r >= Math.max(1, this.hit.row - 2); r--) {
      for (let c = 1; c <= Math.min(colCount(sheet), MAX_SCAN_COLS); c++) {
        if (r === this.hit.row && c === this.hit.col) continue;
        const t = textAt(sheet, r, c);
        const m = tableNumber(t);
        if (m.number && m.rest === '') return { number: m.number, cell: this.ref(r, c) };
      }
    }
    return {};
  }

  /** First row after the title that is not a 单位/年度 line. */
  headerTop(): number {
    let r = this.hit.row + 1;
    while (r <= this.ext.lastRow && (this.isBlank(r) || isMetaRow(this.ext.sheet, r, this.ext.right))) r++;
    return r;
  }

  /** A reader of part of the table (one of side-by-side panels); its issues are this reader's. */
  within(ext: Extent): TableReader {
    return new TableReader(this.profile, this.hit, ext, this.issues);
  }

  isBlank(r: number): boolean {
    for (let c = this.ext.left; c <= this.ext.right; c++) if (textAt(this.ext.sheet, r, c)) return false;
    return true;
  }

  /** Row r's first words open a footnote (注：, 注1., 说明：, 备注：). */
  startsNote(r: number): boolean {
    for (let c = this.ext.left; c <= this.ext.right; c++) {
      const t = textAt(this.ext.sheet, r, c);
      if (t) return FOOTNOTE.test(t.trim());
    }
    return false;
  }

  /**
   * The rows from `from` on that repeat the table's header (rows top…bottom), as a table printed over
   * several pages carries it at each page break (and a PDF turned back into a sheet keeps it): every
   * cell of the row holding something holds words that stand in the same column of a header row, or
   * the row is one of column numbers (栏次 1 2 3 …). Such a row is no line of the table.
   */
  headerRepeats(top: number, bottom: number, from: number): Set<number> {
    const out = new Set<number>();
    if (bottom < top) return out;
    const { sheet, left, right } = this.ext;
    // Each column's header words, normalised once.
    const words = new Map<number, Set<string>>();
    for (let c = left; c <= right; c++) {
      const set = new Set<string>();
      for (let h = top; h <= bottom; h++) set.add(normalise(textAt(sheet, h, c)));
      words.set(c, set);
    }
    const repeats = (r: number): boolean => {
      if (isColumnNumberRow(sheet, r, left, right)) return true;
      let n = 0;
      for (let c = left; c <= right; c++) {
        const v = cellAt(sheet, r, c)?.v;
        if (v === null || v === undefined || v === '') continue;
        if (typeof v !== 'string') return false;
        const t = normalise(v);
        if (!t) continue;
        if (!words.get(c)!.has(t)) return false;
        n++;
      }
      return n >= 2;
    };
    for (let r = Math.max(from, bottom + 1); r <= this.ext.lastRow; r++) if (repeats(r)) out.add(r);
    return out;
  }

  amount(r: number, c: number, unit: MoneyUnit): Amount | undefined {
    const cell = cellAt(this.ext.sheet, r, c);
    const ref = this.ref(r, c);
    if (typeof cell?.v === 'number' && Number.isFinite(cell.v)) {
      // The common case, without the general parser.
      return { value: numberToYuan(cell.v, unit), cell: ref, decimals: decimalsOf(cell.v, cell.fmt), blank: false, text: false };
    }
    const p = parseAmount(cell?.v);
    if (p.kind === 'error') {
      this.issues.push({ cell: ref, message: p.reason, raw: cell?.v ?? null });
      return undefined;
    }
    if (p.kind === 'empty') {
      return { value: ZERO, cell: ref, decimals: 2, blank: true, text: false };
    }
    return {
      value: toYuan(p.value, unit),
      cell: ref,
      decimals: decimalsOf(cell?.v, cell?.fmt),
      blank: false,
      text: typeof cell?.v === 'string',
    };
  }

  /** Header path of each column: header rows' texts (through merges) joined with "/". */
  headerPaths(top: number, bottom: number): Map<number, string> {
    const paths = new Map<number, string>();
    const headerRows: number[] = [];
    for (let r = top; r <= bottom; r++) if (!isColumnNumberRow(this.ext.sheet, r, this.ext.left, this.ext.right)) headerRows.push(r);
    for (let c = this.ext.left; c <= this.ext.right; c++) {
      const parts: string[] = [];
      for (const r of headerRows) {
        const t = normalise(mergedTextAt(this.ext.sheet, r, c));
        if (t && parts[parts.length - 1] !== t) parts.push(t);
      }
      if (parts.length) paths.set(c, parts.join('/'));
    }
    return paths;
  }

  mapColumns(specs: ColumnSpec[], paths: Map<number, string>): Column[] {
    const used = new Set<number>();
    const out: Column[] = [];
    for (const spec of specs) {
      for (const [c, path] of paths) {
        if (used.has(c)) continue;
        if (spec.match.test(path) && !(spec.exclude && spec.exclude.test(path))) {
          used.add(c);
          out.push({ key: spec.key, header: path, col: c });
          break;
        }
      }
    }
    return out;
  }
}

function columnType(spec: TableSpec, key: string): ColumnSpec['type'] {
  if (CODE_PART_KEYS.includes(key)) return 'code';
  if (key.startsWith('rate_')) return 'text';
  return spec.columns?.find((c) => c.key === key)?.type ?? 'amount';
}

/** Year-comparison columns by meaning; empty unless the header also has this year's column. */
function comparisonColumns(paths: Map<number, string>): Column[] {
  const years = headerYears(paths.values());
  const out: Column[] = [];
  let current = false;
  for (const [col, p] of paths) {
    const last = p.split('/').pop() ?? '';
    if (/增|减|比上年|较上年|变动/.test(p) && /率|%|幅|百分比/.test(last)) out.push({ key: `rate_${col}`, header: p, col });
    else if (/增减|增加额|减少额|比上年|较上年|变动/.test(p)) out.push({ key: out.some((c) => c.key === 'change') ? `change_${col}` : 'change', header: p, col });
    else if (/上年|上一年/.test(p) || years.earlier(p)) out.push({ key: out.some((c) => c.key === 'prior') ? `prior_${col}` : 'prior', header: p, col });
    else if (/本年|当年/.test(p) || years.latest(p)) current = true;
  }
  return current ? out : [];
}

/** 科目编码 printed in three columns 类 | 款 | 项 (类 3 digits, 款 and 项 2 digits each). */
const CODE_PART_KEYS = ['code_class', 'code_section', 'code_item'];
const CODE_PART_HEADER: [string, RegExp][] = [
  ['code_class', /(^|\/)类$/],
  ['code_section', /(^|\/)款$/],
  ['code_item', /(^|\/)项$/],
];

/**
 * The table's columns by meaning: the profile's column patterns, the spec's own classifier for
 * what they cannot say, and 类 | 款 | 项 code columns wherever the header has them.
 */
function mapTableColumns(reader: TableReader, spec: TableSpec, paths: Map<number, string>): Column[] {
  // The same template's headers recur in every workbook of a folder: the mapping depends on the
  // spec and the header paths alone, so it is worked out once per header (fresh copies each time,
  // callers may add to the list).
  let memo = columnMemo.get(spec);
  if (!memo) columnMemo.set(spec, (memo = new BoundedCache(COLUMN_MEMO_SIZE)));
  let key = '';
  for (const [c, p] of paths) key += `${c}\u0001${p}\u0002`;
  return memo.get(key, () => mapTableColumnsUncached(reader, spec, paths)).map((c) => ({ ...c }));
}
/** Column keys of a profile's own last-year and change columns (prior_sub, change_reception …). */
const EXPLICIT_COMPARISON = /^(prior|change)_/;
/** Header mappings kept per spec. */
const columnMemo = new WeakMap<TableSpec, BoundedCache<Column[]>>();
const COLUMN_MEMO_SIZE = 200;

function mapTableColumnsUncached(reader: TableReader, spec: TableSpec, paths: Map<number, string>): Column[] {
  const parts: Column[] = [];
  for (const [c, p] of paths) {
    const hit = CODE_PART_HEADER.find(([k, re]) => re.test(p) && !parts.some((x) => x.key === k));
    if (hit) parts.push({ key: hit[0], header: p, col: c });
  }
  // 类 and 款 at least; otherwise "项" is a word (项目) and not a code column.
  const codeParts = parts.some((x) => x.key === 'code_class') && parts.some((x) => x.key === 'code_section') ? parts : [];
  const partCols = new Set(codeParts.map((x) => x.col));
  let specs = spec.columns ?? [];
  // Last year's and the change columns the profile names item by item (上年/…/公务接待费 →
  // prior_reception) take their keys from the profile: the generic reading below would only number
  // them (prior, prior_5, …), and the sums between them (上年小计 = Σ 上年各项, 当年 = 上年 + 增减)
  // could not be checked.
  const named = reader.mapColumns(
    specs.filter((x) => EXPLICIT_COMPARISON.test(x.key)),
    new Map([...paths].filter(([c]) => !partCols.has(c))),
  );
  for (const c of named) partCols.add(c.col);
  specs = specs.filter((x) => !EXPLICIT_COMPARISON.test(x.key));
  // Comparison columns (2023年预算数 | 2024年预算数 | 增减额 | 增减%, or 上年 | 本年 | 增减): last
  // year's and the change are not this year's figures; a rate is not an amount.
  const comparison = spec.classifyColumns ? [] : comparisonColumns(paths).filter((c) => !partCols.has(c.col));
  for (const c of comparison) partCols.add(c.col);
  const rest = new Map([...paths].filter(([c]) => !partCols.has(c)));
  // With the code in 类 | 款 | 项, a column headed 编码 is not another code column.
  if (codeParts.length) specs = specs.filter((x) => x.key !== 'code');
  const cols = [...codeParts, ...named, ...comparison, ...reader.mapColumns(specs, rest)];
  const label = classificationLabelColumn(spec, cols, rest);
  if (label) cols.push(label);
  if (spec.classifyColumns) {
    const used = new Set(cols.map((c) => c.col));
    const keys = new Set(cols.map((c) => c.key));
    for (const c of spec.classifyColumns(new Map([...rest].filter(([col]) => !used.has(col))))) {
      if (!keys.has(c.key)) cols.push(c);
    }
  }
  return cols.sort((a, b) => a.col - b.col);
}

/**
 * A table by 科目 whose one label column is headed by the classification itself — 功能分类科目,
 * 经济分类科目, 支出功能分类科目, 科目, 项目 (北京 and others print "201 一般公共服务支出" in that one cell)
 * — has no 编码 and no 名称 header to map. When the spec has a label column and none was found, the
 * leftmost unmapped column before the first amount is that label column: what it holds is read as
 * code and name (splitCodeName). Without it every row would look like a row of figures without a
 * label, i.e. a total, and the table would end at its second row.
 */
function classificationLabelColumn(spec: TableSpec, cols: Column[], paths: Map<number, string>): Column | undefined {
  if (!(spec.columns ?? []).some((c) => c.type === 'name')) return undefined;
  if (cols.some((c) => c.key === 'code' || c.key === 'name' || CODE_PART_KEYS.includes(c.key))) return undefined;
  const amounts = cols.filter((c) => columnType(spec, c.key) === 'amount').map((c) => c.col);
  if (!amounts.length) return undefined;
  const firstAmount = Math.min(...amounts);
  const used = new Set(cols.map((c) => c.col));
  // A 序号 / 行次 column before it numbers the rows and is not the label.
  const free = [...paths].filter(([c, p]) => c < firstAmount && !used.has(c) && !/^(序号|行次|栏次|行号)$/.test(p.split('/').pop()!)).sort((a, b) => a[0] - b[0]);
  if (!free.length) return undefined;
  const [col, header] = free[0];
  return { key: 'name', header, col };
}

/** A header path's group (all but its last part; undefined for a header of one part) and its last part. */
function headerGroupOf(header: string): { group?: string; last: string } {
  const i = header.lastIndexOf('/');
  return i < 0 ? { last: header } : { group: header.slice(0, i), last: header.slice(i + 1) };
}

/**
 * A column headed 小计 under a group (单位资金/小计 | 单位资金/上年结转 | 单位资金/事业收入 …) is the sum of
 * the group's other columns: a row sum that counts the 小计 does not count them again. (The 小计 itself
 * is checked where the profile's sums name it; the group read from the header paths alone is not sure
 * enough to add a check — a 单位 line above the header can split it.)
 */
function groupSubtotals(table: Table, spec: TableSpec): void {
  const amounts = table.columns.filter((c) => columnType(spec, c.key) === 'amount');
  for (const c of amounts) {
    const { group, last } = headerGroupOf(c.header);
    if (group === undefined || !/^(?:小计|合计)$/.test(last)) continue;
    const members = amounts.filter((m) => m !== c && m.header.startsWith(`${group}/`) && !/其中/.test(m.header)).map((m) => m.key);
    if (!members.length) continue;
    for (const sum of table.sums) if (sum.total !== c.key && sum.parts.includes(c.key)) sum.parts = sum.parts.filter((k) => !members.includes(k));
    table.sums = table.sums.filter((sum) => !(members.includes(sum.total) && sum.parts.includes(c.key)));
  }
}

/**
 * Keys of the columns whose header, under a group (一般公共预算/基本支出), recurs under another group
 * (政府性基金预算/基本支出) in a column that was not read.
 */
function repeatedUnderGroups(table: Table): Set<string> {
  const out = new Set<string>();
  const all = [...table.columns.map((c) => ({ col: c.col, header: c.header, key: c.key as string | undefined })), ...(table.unmapped ?? []).map((u) => ({ col: u.col, header: u.header, key: undefined }))];
  for (const c of table.columns) {
    const { group, last } = headerGroupOf(c.header);
    if (group === undefined) continue;
    // (Twins read under keys of their own — 上年/合计 and 本年/合计 as prior_sub and current_sub — are read.)
    if (
      all.some((o) => {
        const h = headerGroupOf(o.header);
        return o.col !== c.col && o.key === undefined && h.group !== undefined && h.last === last && h.group !== group;
      })
    )
      out.add(c.key);
  }
  return out;
}

/**
 * A label that names a unit (“四川省某某县人力资源和社会保障局”, “某某医院”): a 单位 heading its
 * projects, not a project (those are named for what they fund: …经费, …项目, …建设, …补助).
 */
function looksLikeUnitName(name: string): boolean {
  const n = normalise(name);
  return n.length >= 5 && /(?:局|厅|委员会|办公室|中心|研究院|医院|学院|学校|幼儿园|管理处|管理站|管理所|服务站|服务所|大队|支队|纪念馆|博物馆|图书馆|文化馆|联合会|协会)$/.test(n) && !/经费|项目|建设|补助|工程|专项|资金|运行|维护|购置|服务费|工作/.test(n);
}

function isTotalText(t: string): boolean {
  const n = normalise(t);
  // "一、支出合计", "总计：" are total lines too.
  return TOTAL_LABEL.test(n) || TOTAL_LABEL.test(n.replace(/^([一二三四五六七八九十]+[、.．]|\d+[、.．])/, '').replace(/[:：]$/, ''));
}

/** A number, or a number stored as text ("1,234.56"). */
function isFigure(v: CellData['v'] | undefined): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /\d/.test(v) && parseAmount(v).kind === 'amount');
}

/** True when some cell right of `from` holds a number (or a number stored as text). */
function numberRightOf(ext: Extent, r: number, from: number): boolean {
  for (let c = from + 1; c <= ext.right; c++) if (isFigure(cellAt(ext.sheet, r, c)?.v)) return true;
  return false;
}

/**
 * Finds the first data row of a coded/tree table: the first row whose first text cell is a
 * 合计 label or a code and that has a number to its right. For tables keyed by name only
 * (整体绩效目标表), the first row after the header with a number in an amount column.
 */
function firstDataRow(ext: Extent, top: number, amountCols: number[]): number {
  for (let r = top; r <= ext.lastRow; r++) {
    if (isColumnNumberRow(ext.sheet, r, ext.left, ext.right)) continue;
    let label = '';
    let labelCol = 0;
    for (let c = ext.left; c <= ext.right; c++) {
      const t = textAt(ext.sheet, r, c);
      if (t) {
        label = t;
        labelCol = c;
        break;
      }
    }
    if (!label) continue;
    const first = normalise(label);
    if ((isTotalText(first) || looksLikeCode(splitCodeName(label).code ?? '')) && numberRightOf(ext, r, labelCol)) return r;
    // A 序号 first, then 合计 or a code.
    if (/^\d{1,3}$/.test(first)) {
      for (let c = labelCol + 1; c <= ext.right; c++) {
        const t = textAt(ext.sheet, r, c);
        if (!t) continue;
        if ((isTotalText(t) || looksLikeCode(splitCodeName(t).code ?? '')) && numberRightOf(ext, r, c)) return r;
        break;
      }
    }
    const { texts, numbers } = rowShape(ext, r);
    // A 合计 line left blank (an empty 政府性基金 table): a label alone on its row, under the header.
    if (r > top && isTotalText(first) && texts <= 2 && numbers === 0) return r;
    // Rows keyed by name only (项目 lists without codes, 整体绩效目标表): the first row with a number —
    // not a header row that happens to hold one (预算数 | 决算数 | … beside a figure merged down).
    // Figures printed as text ("1,234.56") count as figures.
    if (r > top && texts <= numbers + 1 && amountCols.some((c) => isFigure(cellAt(ext.sheet, r, c)?.v))) return r;
  }
  return -1;
}

/** How many text and number cells a row has within the table's columns. */
function rowShape(ext: Extent, r: number): { texts: number; numbers: number } {
  let texts = 0;
  let numbers = 0;
  for (let c = ext.left; c <= ext.right; c++) {
    const v = cellAt(ext.sheet, r, c)?.v;
    if (typeof v === 'number') numbers++;
    else if (typeof v === 'string' && v.trim()) {
      if (/\d/.test(v) && parseAmount(v).kind === 'amount') numbers++;
      else texts++;
    }
  }
  return { texts, numbers };
}

/**
 * The depth of each label column. Adjacent label columns describe one level when the right one is
 * filled on every row where the left one is (政府采购: 专项名称 | 经济科目, then 采购物品名称 |
 * 采购组织形式), as seen on at least one row; otherwise each column is one level deeper
 * (收入总表: 一般公共预算资金 | 小计, then its lines in the second column).
 */
function labelGroups(ext: Extent, dataStart: number, span: number[], skip: Set<number>): number[] {
  if (span.length <= 1) return span.map(() => 0);
  const both = span.map(() => 0);
  const leftOnly = span.map(() => 0);
  for (let r = dataStart; r <= ext.lastRow; r++) {
    if (skip.has(r)) continue;
    const texts = span.map((c) => textAt(ext.sheet, r, c));
    if (texts.some((t) => t && (isTotalText(t) || /^(小计|合计)$/.test(normalise(t))))) continue;
    for (let i = 0; i + 1 < span.length; i++) {
      if (!texts[i]) continue;
      if (texts[i + 1]) both[i]++;
      else leftOnly[i]++;
    }
  }
  const groups: number[] = [0];
  for (let i = 1; i < span.length; i++) groups.push(groups[i - 1] + (both[i - 1] > 0 && leftOnly[i - 1] === 0 ? 0 : 1));
  return groups;
}

/**
 * A 科目编码 printed as 类 | 款 | 项: "201" | "01" | "01" → 2010101. A 款 or 项 cell without its 类
 * (printed only on the first row of a 类) takes the 类/款 of the rows above.
 */
function codeFromParts(ext: Extent, r: number, parts: Column[], state: (string | undefined)[]): { code: string; cell: string } | undefined {
  const digits = parts.map((p) => textAt(ext.sheet, r, p.col).replace(/[\s\u3000]/g, ''));
  if (!digits.every((d) => d === '' || /^\d{1,3}$/.test(d))) return undefined;
  const [cls, sec, item] = digits;
  if (!cls && !sec && !item) return undefined;
  const c = cls || state[0];
  if (!c || c.length !== 3) return undefined;
  state[0] = c;
  let code = c;
  if (sec) {
    code += sec.padStart(2, '0');
    state[1] = code;
  } else if (item) {
    if (!state[1] || !state[1].startsWith(c)) return undefined;
    code = state[1];
  }
  if (item) code += item.padStart(2, '0');
  const first = parts[digits.findIndex((d) => d !== '')] ?? parts[0];
  return { code, cell: cellRef(ext.sheet.name, r, first.col) };
}

/**
 * Side-by-side panels of one table by 科目: 人员经费 [编码 | 名称 | 金额] beside 公用经费 [编码 | 名称 |
 * 金额] (the 基本支出表 of several provinces). Each panel has its own code column, and its amount column
 * takes its key from the panel's group header (人员经费/金额 → personnel). The panels' left columns,
 * or undefined when the header has one code column, or when the panels' amounts do not map to keys
 * of their own (then the table is read as one, and what cannot be read is said).
 */
function codePanels(reader: TableReader, spec: TableSpec, ext: Extent, paths: Map<number, string>): number[] | undefined {
  if (spec.scheme !== 'func' && spec.scheme !== 'econ') return undefined;
  const codeCols = [...paths].filter(([, p]) => /编码|代码/.test(p.split('/').pop()!)).map(([c]) => c).sort((a, b) => a - b);
  if (codeCols.length < 2) return undefined;
  const keys: string[] = [];
  for (let i = 0; i < codeCols.length; i++) {
    const right = i + 1 < codeCols.length ? codeCols[i + 1] - 1 : ext.right;
    const own = new Map([...paths].filter(([c]) => c >= codeCols[i] && c <= right));
    const amounts = mapTableColumns(reader, spec, own).filter((c) => columnType(spec, c.key) === 'amount');
    if (amounts.length === 0) return undefined;
    for (const a of amounts) {
      if (keys.includes(a.key)) return undefined;
      keys.push(a.key);
    }
  }
  return codeCols;
}

/** Reads each panel as a table of its own and puts them together: one total row, the rows in panel order. */
function readPanels(reader: TableReader, spec: TableSpec, ext: Extent, unit: MoneyUnit, table: Table, lefts: number[], paths: Map<number, string>): void {
  const parts = lefts.map((left, i) => {
    const sub: Extent = { ...ext, left, right: i + 1 < lefts.length ? lefts[i + 1] - 1 : ext.right };
    const part: Table = { ...table, columns: [], rows: [], sums: [] };
    // The panel's group header ("人员经费" over 编码 | 名称 | 金额); '' when it has none.
    const path = (paths.get(left) ?? '').split('/');
    readCoded(reader.within(sub), spec, sub, unit, part, path.length > 1 ? path[0] : '');
    return part;
  });
  const [first, ...rest] = parts;
  table.headerTop = first.headerTop;
  table.headerBottom = first.headerBottom;
  table.columns = [...first.columns, ...rest.flatMap((p) => p.columns.filter((c) => c.key !== 'code' && c.key !== 'name'))].sort((a, b) => a.col - b.col);
  const unmapped = parts.flatMap((p) => p.unmapped ?? []);
  table.unmapped = unmapped.length ? unmapped : undefined;
  const rates = parts.flatMap((p) => p.rates ?? []);
  table.rates = rates.length ? rates : undefined;
  table.unreadAfterTotal = parts.find((p) => p.unreadAfterTotal)?.unreadAfterTotal;
  // The panels' totals (人员经费合计 | 公用经费合计 on one line, or 合计 in each) are the table's one total.
  const totals = parts.map((p) => p.rows.find((r) => r.isTotal));
  const total = totals.find((t) => t);
  if (total) for (const t of totals) if (t && t !== total) Object.assign(total.amounts, t.amounts);
  const rows = parts.flatMap((p) => p.rows.filter((r) => !r.isTotal));
  const totalFirst = !!total && first.rows[0] === total;
  table.rows = total ? (totalFirst ? [total, ...rows] : [...rows, total]) : rows;
}

/** The header's first row and the last row before any figure (up to 6 rows). */
function provisionalHeader(reader: TableReader, ext: Extent): { top: number; bottom: number } {
  const top = reader.headerTop();
  let bottom = Math.min(top + 5, ext.lastRow);
  for (let r = top + 1; r <= bottom; r++) {
    if (!isColumnNumberRow(ext.sheet, r, ext.left, ext.right) && rowShape(ext, r).numbers > 0) {
      bottom = r - 1;
      break;
    }
  }
  return { top, bottom };
}

function readCoded(reader: TableReader, spec: TableSpec, ext: Extent, unit: MoneyUnit, table: Table, panel?: string): void {
  // Provisional header: up to 6 rows, and not past the first row holding a figure, to find the
  // amount columns before the data start is known.
  const { top, bottom: provBottom } = provisionalHeader(reader, ext);
  const provisional = reader.headerPaths(top, provBottom);
  if (panel === undefined) {
    const lefts = codePanels(reader, spec, ext, provisional);
    if (lefts) return readPanels(reader, spec, ext, unit, table, lefts, provisional);
  }
  const provCols = mapTableColumns(reader, spec, provisional);
  const amountCols = provCols.filter((c) => columnType(spec, c.key) === 'amount').map((c) => c.col);
  let dataStart = firstDataRow(ext, top, amountCols);
  const headerBottom = dataStart > 0 ? dataStart - 1 : Math.min(top + 5, ext.lastRow);
  const paths = reader.headerPaths(top, headerBottom);
  table.columns = mapTableColumns(reader, spec, paths);
  table.headerTop = top;
  table.headerBottom = headerBottom;
  if (dataStart < 0) dataStart = ext.lastRow + 1;
  // A 科目名称 beside the code (code_name) names the row when no other column does.
  const ownName = table.columns.find((c) => c.key === 'code_name');
  if (ownName && !table.columns.some((c) => c.key === 'name')) ownName.key = 'name';
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const codeCol = byKey.get('code');
  const nameCol = byKey.get('name');
  // Rows named by their project (项目名称), not by their code's name.
  // (A column headed 科目名称/项目名称 names the 科目 on coded rows and the projects under them.)
  const labelled = !!codeCol && !!nameCol && !/科目/.test(nameCol.header) && columnType(spec, 'code_name') === 'text' && spec.columns?.some((c) => c.key === 'code_name');
  const codeParts = CODE_PART_KEYS.map((k) => byKey.get(k)).filter((c): c is Column => !!c);
  // Label columns: from the name column up to the first amount column (项目名称 spanning two cells,
  // or followed by a column with no header of its own). The leftmost filled one gives the row's level.
  const amountColsSorted = table.columns.filter((c) => columnType(spec, c.key) === 'amount').map((c) => c.col).sort((a, b) => a - b);
  const labelSpan: number[] = [];
  if (nameCol && !codeCol && codeParts.length === 0) {
    const firstAmount = amountColsSorted.find((c) => c > nameCol.col) ?? ext.right + 1;
    for (let c = nameCol.col; c < firstAmount; c++) {
      const other = table.columns.find((x) => x.col === c && x !== nameCol);
      if (other && columnType(spec, other.key) !== 'name') continue;
      labelSpan.push(c);
    }
  }
  // A table with neither codes nor labels (支出总表 as one row of figures, a “三公” table for the whole
  // 部门): each row of figures is a total row.
  const labelless = !codeCol && !nameCol && codeParts.length === 0;
  const repeatedHeader = reader.headerRepeats(top, headerBottom, dataStart);
  const spanGroup = labelGroups(ext, dataStart, labelSpan, repeatedHeader);
  const partState: (string | undefined)[] = [undefined, undefined];

  const indents = new Set<number>();
  const pending: { row: Row; indent: number }[] = [];
  /** Rows that are subtotals of the rows under them: “货物类 | 小计”, a 单位 over its projects. */
  const groupLines = new Set<Row>();
  const firstAmountCol = amountColsSorted[0] ?? ext.right + 1;
  for (let r = dataStart; r <= ext.lastRow; r++) {
    if (reader.isBlank(r) || repeatedHeader.has(r)) continue;
    // “注：本部门无…，故本表为空表。” (often merged across the table): the footnotes begin.
    if (reader.startsNote(r)) break;
    let code: string | undefined;
    let codeCell: string | undefined;
    let name: string | undefined;
    let nameCell: string | undefined;
    let indent = 0;
    let spanLevel: number | undefined;
    if (codeParts.length) {
      const c = codeFromParts(ext, r, codeParts, partState);
      if (c) {
        code = c.code;
        codeCell = c.cell;
      }
    }
    if (labelSpan.length > 1) {
      // The rightmost text is the row's own label; the leftmost filled column its depth.
      let right: { t: string; c: number } | undefined;
      let left = 0;
      for (const c of labelSpan) {
        const t = textAt(ext.sheet, r, c);
        if (!t) continue;
        if (spanLevel === undefined) {
          spanLevel = spanGroup[labelSpan.indexOf(c)];
          left = c;
        }
        right = { t, c };
      }
      if (right) {
        // The row is named by its leftmost label ("一般公共预算资金 | 小计", "专项名称 | 经济科目").
        const own = { t: textAt(ext.sheet, r, left), c: left };
        name = own.t;
        nameCell = cellRef(ext.sheet.name, r, own.c);
      }
    }
    if (codeCol) {
      const raw0 = rawTextAt(ext.sheet, r, codeCol.col);
      // "-", "—", "/" in a code cell mean "no code".
      const raw = /^[\s\u3000]*[-—–/－]+[\s\u3000]*$/.test(raw0) ? '' : raw0;
      const split = splitCodeName(raw, true);
      indent = leadingIndent(raw) + (cellAt(ext.sheet, r, codeCol.col)?.indent ?? 0) * 2;
      if (split.code) {
        code = split.code;
        codeCell = cellRef(ext.sheet.name, r, codeCol.col);
        if (split.name) {
          name = split.name;
          nameCell = codeCell;
        }
      } else if (split.name) {
        name = split.name;
        nameCell = cellRef(ext.sheet.name, r, codeCol.col);
      }
    }
    if (nameCol && !name && labelSpan.length <= 1) {
      const raw = rawTextAt(ext.sheet, r, nameCol.col);
      const split = splitCodeName(raw);
      if (!code && split.code) {
        code = split.code;
        codeCell = cellRef(ext.sheet.name, r, nameCol.col);
      }
      if (split.name) {
        name = split.name;
        nameCell = cellRef(ext.sheet.name, r, nameCol.col);
        indent = Math.max(indent, leadingIndent(raw) + (cellAt(ext.sheet, r, nameCol.col)?.indent ?? 0) * 2);
      }
    }
    if (!code && !name) {
      // A label in a column left of the code column (合计 merged across code and name).
      for (let c = ext.left; c <= ext.right; c++) {
        const t = textAt(ext.sheet, r, c);
        if (t && isTotalText(t)) {
          name = t;
          nameCell = cellRef(ext.sheet.name, r, c);
          break;
        }
      }
    }
    const amounts: Record<string, Amount | undefined> = {};
    const texts: Record<string, { text: string; cell: string }> = {};
    const issuesBefore = reader.issues.length;
    let anyAmount = false;
    for (const col of table.columns) {
      const type = columnType(spec, col.key);
      if (type === 'amount') {
        // A figure printed in a cell merged down from the header rows into this row belongs to it.
        const m = mergeAt(ext.sheet, r, col.col);
        const a = m && m.top < dataStart && m.bottom >= r && r === dataStart ? reader.amount(m.top, m.left, unit) : reader.amount(r, col.col, unit);
        amounts[col.key] = a;
        if (a && !a.blank) anyAmount = true;
      } else if (type === 'code2' || type === 'name2' || type === 'text') {
        const t = textAt(ext.sheet, r, col.col);
        if (t) texts[col.key] = { text: t, cell: cellRef(ext.sheet.name, r, col.col) };
      }
    }
    if (!code && !name && !anyAmount) continue;
    // Footnotes ("注：…"), a 说明 paragraph or a section of counts (二、相关统计数) end the table.
    if (name && FOOTNOTE.test(name.trim()) && !anyAmount) break;
    if (name && !code && (ENDS_TABLE.test(normalise(name)) || (reader.issues.length > issuesBefore && /说明|原因/.test(name)))) {
      reader.issues.length = issuesBefore;
      break;
    }
    // A count (团组数, 人次, 辆 …) is not an amount.
    if (name && !code && COUNT_WORDS.test(normalise(name))) {
      reader.issues.length = issuesBefore;
      continue;
    }
    // A line of rates (2016年比2015年增减%) under year rows: its figures are rates, not amounts.
    if (name && !code && RATE_LINE.test(normalise(name)) && (spec.kind === 'three_public' ? !spec.rowItems?.(normalise(name)) : pending.some((p) => rowYear(p.row.name) !== undefined))) {
      reader.issues.length = issuesBefore;
      const rates: Record<string, RateCell> = {};
      for (const col of table.columns) {
        if (columnType(spec, col.key) !== 'amount') continue;
        const cell = cellAt(ext.sheet, r, col.col);
        const p = parseRate(cell?.v, cell?.fmt);
        if (p) rates[col.key] = { ...p, cell: cellRef(ext.sheet.name, r, col.col) };
      }
      (table.rateRows ??= []).push({ row: r, label: name, cell: nameCell!, rates });
      continue;
    }
    // In a panel, "人员经费合计" under the 人员经费 group is the panel's total.
    const panelTotal = !!panel && !!name && !code && normalise(name).replace(/[:：]$/, '') === `${panel}合计`;
    const isTotal = (!!name && (isTotalText(name) || panelTotal) && !code) || (labelless && anyAmount);
    const row: Row = {
      row: r,
      code,
      codeCell,
      name,
      nameCell,
      level: 0,
      isTotal,
      isOfWhich: !!name && /^其中/.test(normalise(name)),
      amounts,
    };
    if (texts.code2) {
      row.code2 = texts.code2.text.replace(/\s/g, '');
      row.code2Cell = texts.code2.cell;
      delete texts.code2;
    }
    // (A project row whose name cell is left empty, or merged down from the row above, is still one.)
    if (labelled && row.code) {
      row.labelled = true;
      if (texts.code_name) {
        row.codeName = texts.code_name.text;
        row.codeNameCell = texts.code_name.cell;
        delete texts.code_name;
      }
    }
    if (texts.name2) {
      row.name2 = texts.name2.text;
      row.name2Cell = texts.name2.cell;
      delete texts.name2;
    }
    if (Object.keys(texts).length) row.texts = texts;
    if (spec.rowItems && name && !isTotal) row.item = spec.rowItems(normalise(name));
    if (spanLevel !== undefined && !isTotal) indent = spanLevel * 2;
    if (!isTotal && !code) {
      let marked = false;
      for (let c = ext.left; c < firstAmountCol && !marked; c++) marked = /^(?:小计|合计)$/.test(normalise(textAt(ext.sheet, r, c))) && c !== nameCol?.col;
      if (marked || (name && /小计$/.test(normalise(name))) || (name && looksLikeUnitName(name))) groupLines.add(row);
    }
    pending.push({ row, indent });
    if (!isTotal) indents.add(indent);
    // A total at the bottom (金额合计 after the rows) ends the table: what follows is other content.
    // Figures in its amount columns below it are counted, so the rest is never dropped silently.
    if (isTotal && pending.length > 1) {
      const amountAt = table.columns.filter((c) => columnType(spec, c.key) === 'amount').map((c) => c.col);
      let rows = 0;
      let first: number | undefined;
      for (let r2 = r + 1; r2 <= ext.lastRow; r2++) {
        if (amountAt.some((c) => typeof cellAt(ext.sheet, r2, c)?.v === 'number')) {
          rows++;
          first ??= r2;
        }
      }
      if (first !== undefined) table.unreadAfterTotal = { cell: cellRef(ext.sheet.name, first, amountAt[0]), rows };
      break;
    }
  }
  const numberColumns = unmappedNumberColumns(ext, paths, table, dataStart);
  const isRate = (u: { header: string }) => RATE_HEADER.test(headerLabel(u));
  const amounts = numberColumns?.filter((u) => !isRate(u));
  const rates = numberColumns?.filter(isRate);
  table.unmapped = amounts?.length ? amounts : undefined;
  table.rates = rates?.length ? rates : undefined;
  const indentLevels = [...indents].sort((a, b) => a - b);
  // A tree whose rows carry 功能科目 codes (3/5/7 digits, 2xx) is ordered by its codes.
  const coded = pending.filter((p) => p.row.code);
  const funcCoded = coded.length > 0 && table.scheme !== 'unit' && coded.every((p) => /^2\d{2}(\d{2}){0,2}$/.test(p.row.code!));
  for (const { row, indent } of pending) {
    if (row.isTotal) row.level = -1;
    else if (spec.layout === 'tree' && funcCoded) row.level = row.code ? codeLevel(row.code, 'func') : 3;
    else if (spec.layout === 'tree' || labelSpan.length > 1) row.level = indentLevels.indexOf(indent);
    else if (row.code && (table.scheme === 'func' || table.scheme === 'econ')) row.level = codeLevel(row.code, table.scheme);
    else if (row.code && table.scheme === 'unit') row.level = indentLevels.length > 1 ? indentLevels.indexOf(indent) : row.code.length <= 3 ? 0 : 1;
    else row.level = 0;
    table.rows.push(row);
  }
  // Group lines of a flat list (one level, no codes): “货物类 | 小计” over its items, a 单位 over its
  // projects (四川 项目支出表). The items under a line are its children; the 合计 adds up the lines.
  const flat = table.rows.filter((r) => !r.isTotal);
  if (!coded.length && groupLines.size && flat.length > groupLines.size && new Set(flat.map((r) => r.level)).size === 1 && groupLines.has(flat[0])) {
    for (const r of flat) r.level = groupLines.has(r) ? 0 : 1;
  }
  // Group lines of a table by 科目: a row with no code (a 单位 “301001 某某局” in a 单位代码 column, a
  // section) right above a 类 row, in a table whose other rows carry 科目 codes. Its 类 rows are its
  // children, not its siblings: the lines are what the 合计 adds up (四川 部门支出总表 by 单位, then 科目).
  if (spec.layout === 'coded' && (table.scheme === 'func' || table.scheme === 'econ') && coded.length) {
    const rows = table.rows;
    const groups = new Set(rows.filter((r, i) => !r.isTotal && !r.code && !r.isOfWhich && rows[i + 1]?.code && codeLevel(rows[i + 1].code!, table.scheme as 'func' | 'econ') === 0));
    if (groups.size && [...groups].every((g) => g.level === 0)) {
      let inGroup = false;
      for (const r of rows) {
        if (groups.has(r)) inGroup = true;
        else if (r.isTotal) inGroup = false;
        else if (inGroup && r.code) r.level += 1;
      }
    }
  }
  // Rows that are items (因公出国 … 公务用车 … 接待 as rows): checked by the items' identities, not as a tree.
  if (spec.rowItems && table.rows.filter((r) => r.item).length >= 2 && !table.rows.some((r) => r.code)) {
    table.itemRows = true;
    for (const row of table.rows) if (row.item) row.isOfWhich = false;
  }
  // 单位编码 trees without indentation: a code that extends the previous shorter code is its child.
  if (table.scheme === 'unit' && spec.layout === 'coded' && indentLevels.length <= 1) {
    const stack: Row[] = [];
    for (const row of table.rows) {
      if (row.isTotal || !row.code) continue;
      while (stack.length && !(row.code.startsWith(stack[stack.length - 1].code!) && row.code !== stack[stack.length - 1].code)) stack.pop();
      row.level = stack.length;
      stack.push(row);
    }
  }
  readGrowthRates(ext, table);
  yearRateLines(table);
}

/**
 * A row label that is a rate, not money: "2016年比2015年增减%", "增减率", "增长(%)", "预算执行率(%)",
 * "占比". Only in a “三公” table whose items are its columns, or under rows named by years (a project
 * called “地区生产总值增长率统计监测” is a project).
 */
const RATE_LINE = /(增减|增、减|增长|增幅|降幅|比上年|较上年|变动).*([%％]|率|幅)|执行率|完成率|占比|比重|[%％][)）]?$/;
/** A line of rates that compares two years (the others, 执行率, 占比 …, are named as not checked). */
const GROWTH_LINE = /增减|增、减|增长|增幅|降幅|比上年|较上年|变动|比\s*(?:19|20)\d{2}/;

/**
 * The two year rows each line of rates compares: the years it names ("2016年比2015年": 2016 against
 * 2015), else, with exactly two year rows, the later against the earlier.
 */
function yearRateLines(table: Table): void {
  if (!table.rateRows) return;
  const years = new Map<number, number>();
  const twice = new Set<number>();
  for (const r of table.rows) {
    const y = rowYear(r.name);
    if (y === undefined) continue;
    if (years.has(y)) twice.add(y);
    years.set(y, r.row);
  }
  // 2016年预算数 and 2016年决算数: which of them a line compares is not said.
  for (const y of twice) years.delete(y);
  for (const line of table.rateRows) {
    if (!GROWTH_LINE.test(normalise(line.label)) || NOT_GROWTH.test(line.label)) continue;
    const named = [...normalise(line.label).matchAll(/((?:19|20)\d{2})年?/g)].map((m) => Number(m[1]));
    let pair: [number, number] | undefined;
    // Whatever the word order (“2016年比2015年”, “2015年与2016年相比”), the later year is compared with the earlier.
    if (named.length === 2 && /比|较|与/.test(line.label)) pair = [Math.max(...named), Math.min(...named)];
    else if (named.length <= 1 && years.size === 2 && twice.size === 0) {
      const [a, b] = [...years.keys()].sort((x, y) => x - y);
      pair = [b, a];
    }
    if (pair && years.has(pair[0]) && years.has(pair[1]) && pair[0] !== pair[1]) line.growth = { now: years.get(pair[0])!, base: years.get(pair[1])! };
  }
}

/** A rate header that is a change against last year (增幅, 增减率, 比上年增减(%)), not a share or a completion rate. */
const GROWTH_HEADER = /增幅|降幅|增长|增减|增、减|减少|下降|变动|幅度|比上年|较上年/;
const NOT_GROWTH = /完成|执行|比重|占比|百分比|结构|构成/;
/** The amount a growth rate compares with last year's, in order of preference. */
const NOW_KEYS = ['current', 'budget', 'final', 'total'];

/**
 * A table with one growth-rate column beside last year's amount (`prior`) and this year's (or the
 * change): that column's figures are read into the rows' `rates` and checked by sum.rate. With
 * several rate columns, or no 上年 column, which figures a rate compares is not certain: unchecked.
 */
function readGrowthRates(ext: Extent, table: Table): void {
  // Rate columns no spec took (table.rates), and those the year-comparison reading names (rate_6 in
  // 2023年预算数 | 2024年预算数 | 增减额 | 增减%).
  const compared: NonNullable<Table['rates']> = table.columns.filter((c) => c.key.startsWith('rate_')).map((c) => ({ col: c.col, header: c.header, cell: cellRef(ext.sheet.name, table.headerBottom, c.col) }));
  const growth = [...(table.rates ?? []), ...compared].filter((u) => GROWTH_HEADER.test(u.header) && !NOT_GROWTH.test(u.header));
  const keys = new Set(table.columns.map((c) => c.key));
  // Which two amounts the rate compares must be certain: one 上年 column, one 本年 column (本年预算数
  // and 本年决算数 side by side: which one?), and no amount column left unread (a second 上年 column).
  if (growth.length !== 1 || !keys.has('prior') || table.unmapped?.length) return;
  const nows = NOW_KEYS.filter((k) => keys.has(k));
  if (nows.length > 1) return;
  const now = nows[0];
  if (!now && !keys.has('change')) return;
  const rate = growth[0];
  rate.growth = now ? { now, base: 'prior', by: 'ratio' } : { now: 'change', base: 'prior', by: 'change' };
  // A rate the comparison reading named is listed with the others once it is checked.
  if (compared.includes(rate)) (table.rates ??= []).push(rate);
  for (const row of table.rows) {
    const cell = cellAt(ext.sheet, row.row, rate.col);
    const r = parseRate(cell?.v, cell?.fmt);
    if (r) row.rates = { [rate.col]: { ...r, cell: cellRef(ext.sheet.name, row.row, rate.col) } };
  }
}

/**
 * A column of rates, not of money: 增幅(%), 增长率, 增减率, 减少率, 下降率, 比重, 占比, 百分比, 完成率, or
 * a header whose unit is % (“比上年增减（%）”, “增减%”). A % inside the words (“按5%计提的支出”) does
 * not make a rate.
 */
const RATE_HEADER = /[（(]\s*[%％]\s*[)）]\s*$|[%％]\s*$|增幅|降幅|幅度|增长率|增减率|减少率|下降率|变动率|比重|占比|百分比|完成率|执行率/;


/** Columns with a header and numbers in the data rows that no column spec took (序号/栏次 aside). */
function unmappedNumberColumns(ext: Extent, paths: Map<number, string>, table: Table, dataStart: number): Table['unmapped'] {
  const mapped = new Set(table.columns.map((c) => c.col));
  const out: NonNullable<Table['unmapped']> = [];
  for (const [c, path] of paths) {
    if (mapped.has(c) || /序号|栏次|编码|代码|编号/.test(path)) continue;
    for (let r = dataStart; r <= ext.lastRow; r++) {
      const v = cellAt(ext.sheet, r, c)?.v;
      // (A rate printed as text, “-28.18%”, is a figure too: the column is one of rates.)
      if (isFigure(v) || (typeof v === 'string' && /\d/.test(v) && parseRate(v)?.marked)) {
        out.push({ col: c, header: path, cell: cellRef(ext.sheet.name, table.headerBottom, c) });
        break;
      }
    }
  }
  return out.length ? out : undefined;
}

function codeLevel(code: string, scheme: 'func' | 'econ'): number {
  if (scheme === 'func') return code.length <= 3 ? 0 : code.length <= 5 ? 1 : 2;
  return code.length <= 3 ? 0 : 1;
}

const MARKERS: { re: RegExp; level: number }[] = [
  { re: /^([一二三四五六七八九十]+)[、.．]/, level: 0 },
  { re: /^(\d+)[、.．]/, level: 1 },
  { re: /^[(（](\d+)[)）]/, level: 2 },
  { re: /^[(（]([一二三四五六七八九十]+)[)）]/, level: 1 },
];

/** Parses an enumerated label: marker, level and the bare label. */
export function parseLabel(raw: string): { marker?: string; level?: number; label: string; ofWhich: boolean } {
  const t = raw.trim();
  const n = normalise(t);
  if (/^其中[:：]?/.test(n)) return { marker: '其中：', label: n.replace(/^其中[:：]?/, ''), ofWhich: true };
  for (const m of MARKERS) {
    const mm = m.re.exec(n);
    if (mm) return { marker: mm[0], level: m.level, label: n.slice(mm[0].length), ofWhich: false };
  }
  return { label: n, ofWhich: false };
}

function readSummary(reader: TableReader, spec: TableSpec, ext: Extent, unit: MoneyUnit, table: Table): void {
  const top = reader.headerTop();
  // Header: rows until the first row holding an amount in some column.
  let dataStart = -1;
  for (let r = top; r <= ext.lastRow; r++) {
    if (isColumnNumberRow(ext.sheet, r, ext.left, ext.right)) continue;
    let found = false;
    for (let c = ext.left; c <= ext.right; c++) {
      const v = cellAt(ext.sheet, r, c)?.v;
      if (typeof v === 'number' || (typeof v === 'string' && parseAmount(v).kind === 'amount' && /\d/.test(v) && !/^\d{1,2}$/.test(v.trim()))) {
        found = true;
        break;
      }
    }
    if (found) {
      dataStart = r;
      break;
    }
  }
  const headerBottom = dataStart > 0 ? dataStart - 1 : Math.min(top + 3, ext.lastRow);
  table.headerTop = top;
  table.headerBottom = headerBottom;
  const paths = reader.headerPaths(top, headerBottom);
  // Amount columns are headed 预算数/金额/合计/…拨款; every other header column is a block's label column,
  // and the amount columns to its right (up to the next label column) belong to that block.
  const isAmountHeader = (p: string) =>
    /(预算数|金额|预算金额|本年预算|合计|小计|拨款|^一般公共预算|^政府性基金(预算)?|^国有资本经营(预算)?)$/.test(p.split('/').pop()!.replace(/\((亿元|万元|千元|元)\)$/, ''));
  const isIgnored = (p: string) => /^(序号|栏次)$/.test(p.split('/').pop()!);
  const cols = [...paths.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  const usedKeys = new Set<string>();
  for (let i = 0; i < cols.length; i++) {
    const lc = cols[i];
    const header = paths.get(lc)!;
    if (isIgnored(header) || isAmountHeader(header)) continue;
    const amountCols: number[] = [];
    for (let j = i + 1; j < cols.length && isAmountHeader(paths.get(cols[j])!); j++) amountCols.push(cols[j]);
    if (amountCols.length === 0) continue;
    const bspec = (spec.blocks ?? []).find((b) => b.match.test(header) && !usedKeys.has(b.key));
    if (!bspec) continue;
    usedKeys.add(bspec.key);
    const extra: Column[] = [];
    for (const c of amountCols.slice(1)) {
      const p = paths.get(c)!;
      const cs = (spec.blockColumns ?? []).find((x) => x.match.test(p) && !extra.some((e) => e.key === x.key));
      if (cs) extra.push({ key: cs.key, header: p, col: c });
    }
    blocks.push({ key: bspec.key, header, labelCol: lc, amountCol: amountCols[0], rows: [], extra: extra.length ? extra : undefined });
    table.columns.push({ key: bspec.key, header: paths.get(amountCols[0])!, col: amountCols[0] });
  }
  if (dataStart < 0) dataStart = ext.lastRow + 1;
  const byAmountCol = new Map(blocks.map((b) => [b.amountCol, b]));
  for (const b0 of blocks) {
    for (let r = dataStart; r <= ext.lastRow; r++) {
      const raw = rawTextAt(ext.sheet, r, b0.labelCol);
      if (!raw.trim()) continue;
      if (FOOTNOTE.test(raw.trim())) break;
      // A label merged across the block's amount column (当年支出小计 spanning 功能分类 and 支出用途):
      // its figure is in the first amount column after the merge, and the line belongs to that block.
      let b = b0;
      const m = mergeAt(ext.sheet, r, b0.labelCol);
      if (m && m.top === r && m.left === b0.labelCol && m.right >= b0.amountCol) {
        const next = [...byAmountCol.keys()].filter((c) => c > m.right).sort((x, y) => x - y)[0];
        if (next === undefined) continue;
        b = byAmountCol.get(next)!;
      }
      const p = parseLabel(raw);
      const isTotal = /合计$|总计$/.test(p.label) || THIS_YEAR_SUBTOTAL.test(p.label);
      const amount = reader.amount(r, b.amountCol, unit);
      const amounts: Record<string, Amount | undefined> = { amount };
      for (const e of b.extra ?? []) amounts[e.key] = reader.amount(r, e.col, unit);
      b.rows.push({
        row: r,
        name: raw.trim(),
        nameCell: cellRef(ext.sheet.name, r, b.labelCol),
        label: p.label,
        marker: p.marker,
        level: isTotal ? -1 : p.level ?? 3 + Math.floor(leadingIndent(raw) / 2),
        isTotal,
        isOfWhich: p.ofWhich,
        amounts,
      });
    }
  }
  // Lines moved to another block (merged labels) are read in row order.
  for (const b of blocks) b.rows.sort((x, y) => x.row - y.row);
  // 收入 and 支出 printed one under the other in one label column: two blocks, split after the last
  // 收入 total (本年收入合计 … 收入总计) where a 支出 part follows.
  for (const b of [...blocks]) {
    if (b.key !== 'income' || blocks.some((x) => x.key !== 'income')) continue;
    const lastIncome = b.rows.map((r) => r.isTotal && /收入/.test(r.label ?? '')).lastIndexOf(true);
    const expenseAfter = b.rows.findIndex((r, i) => i > lastIncome && r.isTotal && /支出/.test(r.label ?? ''));
    if (lastIncome < 0 || expenseAfter < 0) continue;
    blocks.push({ ...b, key: 'expense', header: `${b.header}（支出）`, rows: b.rows.slice(lastIncome + 1) });
    b.rows = b.rows.slice(0, lastIncome + 1);
  }
  // Unmarked lines indented under a "其中：" line continue its list ("其中：财政拨款资金结转" /
  // "　　非财政拨款资金结余"): they are parts of the line above the 其中, not addends of the block.
  for (const b of blocks) {
    let owner: Row | undefined;
    let ownerLevel: number | null = null;
    for (const r of b.rows) {
      if (r.isOfWhich) {
        ownerLevel = owner ? owner.level : null;
        continue;
      }
      if (ownerLevel !== null && !r.marker && !r.isTotal && r.level > ownerLevel) {
        r.isOfWhich = true;
        continue;
      }
      ownerLevel = null;
      owner = r;
    }
  }
  table.blocks = blocks;
}

const fieldMemo = new WeakMap<TableSpec, Map<string, boolean[]>>();

/** Which of a form's field patterns a label matches (memoised: 54 绩效目标表 share their labels). */
function fieldMatches(spec: TableSpec, label: string): boolean[] {
  let memo = fieldMemo.get(spec);
  if (!memo) fieldMemo.set(spec, (memo = new Map()));
  let m = memo.get(label);
  if (!m) {
    m = (spec.fields ?? []).map((f) => f.match.test(label));
    if (memo.size > 20000) memo.clear();
    memo.set(label, m);
  }
  return m;
}

/** "28万元" → { text: "28", unit: 万元 }: a form value that names its own unit. */
function stripUnitSuffix(text: string): { text: string; unit?: MoneyUnit } {
  const m = /^(.*?\d)\s*(万元|千元|元|万)$/.exec(text.trim());
  if (!m) return { text };
  return { text: m[1], unit: m[2] === '万' ? '万元' : (m[2] as MoneyUnit) };
}

function readForm(reader: TableReader, spec: TableSpec, ext: Extent, unit: MoneyUnit, table: Table): void {
  const fields: Field[] = [];
  const { sheet } = ext;
  table.headerTop = reader.headerTop();
  table.headerBottom = table.headerTop;
  // The form's text cells, in reading order, collected once for all fields.
  const labels: { r: number; c: number; n: string; labelPart: string }[] = [];
  for (let r = ext.titleRow + 1; r <= ext.lastRow; r++) {
    const row = sheet.rows[r - 1] ?? [];
    for (let c = ext.left; c <= Math.min(ext.right, row.length); c++) {
      const v = row[c - 1]?.v;
      if (typeof v !== 'string' || !v.trim()) continue;
      const n = normalise(v.trim());
      labels.push({ r, c, n, labelPart: n.replace(/^其中[:：]?/, '') });
    }
  }
  const fieldSpecs = spec.fields ?? [];
  for (let fi = 0; fi < fieldSpecs.length; fi++) {
    const f = fieldSpecs[fi];
    for (const { r, c, n, labelPart } of labels) {
      if (!fieldMatches(spec, labelPart)[fi]) continue;
      // Value in the same cell after a colon …
      const colon = n.search(/[:：]/);
      let valueText = '';
      let valueCell = cellRef(sheet.name, r, c);
      let vr = r;
      let vc = c;
      const after = colon >= 0 && !/^其中[:：]/.test(n) ? n.slice(colon + 1) : /^其中[:：]/.test(n) ? n.replace(/^其中[:：]?/, '').replace(f.match, '') : '';
      if (after && (f.amount ? /\d/.test(after) : true)) valueText = after;
      else if (f.amount && /\d/.test(labelPart.replace(f.match, ''))) valueText = labelPart.replace(f.match, '');
      if (f.below) {
        const m = mergeAt(sheet, r, c);
        vr = (m ? m.bottom : r) + 1;
        vc = c;
        valueText = textAt(sheet, vr, vc);
        valueCell = cellRef(sheet.name, vr, vc);
      }
      // … else in the next non-empty cell to the right (past the label's merge).
      if (!valueText && !f.below) {
        const m = mergeAt(sheet, r, c);
        for (let cc = (m ? m.right : c) + 1; cc <= ext.right; cc++) {
          const t = textAt(sheet, r, cc);
          // An amount field takes the first number to its right, passing over other labels.
          if (t && f.amount && parseAmount(stripUnitSuffix(t).text).kind === 'error') continue;
          if (t) {
            valueText = t;
            valueCell = cellRef(sheet.name, r, cc);
            vr = r;
            vc = cc;
            break;
          }
        }
      }
      const field: Field = { key: f.key, text: valueText, cell: valueCell, label: n };
      if (f.amount) {
        const suffixed = stripUnitSuffix(valueText);
        if (((valueText && vc !== c) || f.below) && !suffixed.unit) {
          field.amount = reader.amount(vr, vc, unit);
        } else {
          const p = parseAmount(suffixed.text);
          if (p.kind === 'amount') {
            field.amount = { value: toYuan(p.value, suffixed.unit ?? unit), cell: valueCell, decimals: decimalsOf(suffixed.text), blank: false, text: true };
          } else if (p.kind === 'empty') {
            field.amount = { value: ZERO, cell: valueCell, decimals: 2, blank: true, text: false };
          }
        }
      }
      fields.push(field);
      break;
    }
  }
  table.fields = fields;
}

function readCatalogue(reader: TableReader, ext: Extent): CatalogueEntry[] {
  const { sheet } = ext;
  const top = reader.headerTop();
  const paths = reader.headerPaths(top, top);
  let numCol = -1;
  let titleCol = -1;
  let emptyCol = -1;
  let reasonCol = -1;
  for (const [c, p] of paths) {
    if (numCol < 0 && /^(报表|表号|序号|编号)$/.test(p)) numCol = c;
    else if (titleCol < 0 && /名称|表名/.test(p)) titleCol = c;
    else if (emptyCol < 0 && /是否空表|空表/.test(p) && !/理由/.test(p)) emptyCol = c;
    else if (reasonCol < 0 && /理由|说明|原因/.test(p)) reasonCol = c;
  }
  const out: CatalogueEntry[] = [];
  for (let r = top + 1; r <= ext.lastRow; r++) {
    const cells: string[] = [];
    for (let c = ext.left; c <= ext.right; c++) cells.push(textAt(sheet, r, c));
    let number = numCol > 0 ? textAt(sheet, r, numCol) : '';
    let title = titleCol > 0 ? textAt(sheet, r, titleCol) : '';
    if (!number || !title) {
      // "表1 单位综合预算收支总表" in one cell.
      const joined = (number + ' ' + title).trim() || cells.find((t) => startsWithNumber(t)) || '';
      const s = tableNumber(joined);
      if (s.number) {
        number = s.number;
        title = title || s.rest;
      }
    }
    const sn = tableNumber(number);
    if (!sn.number) continue;
    const flag = emptyCol > 0 ? normalise(textAt(sheet, r, emptyCol)) : '';
    const reason = reasonCol > 0 ? textAt(sheet, r, reasonCol) : '';
    out.push({
      number: sn.number,
      title,
      declaredEmpty: flag === '是' ? true : flag === '否' ? false : undefined,
      reason: reason || undefined,
      cell: cellRef(sheet.name, r, numCol > 0 ? numCol : ext.left),
      flagCell: emptyCol > 0 ? cellRef(sheet.name, r, emptyCol) : undefined,
    });
  }
  return out;
}

function tableEmpty(t: Table): boolean {
  const amounts: (Amount | undefined)[] = [];
  for (const r of t.rows) amounts.push(...Object.values(r.amounts));
  for (const b of t.blocks ?? []) for (const r of b.rows) amounts.push(...Object.values(r.amounts));
  for (const f of t.fields ?? []) amounts.push(f.amount);
  return !amounts.some((a) => a && !a.value.isZero());
}

/** Extent of each hit: to the next hit on the same sheet, bounded by the sheet's used columns. */
function extents(hits: TitleHit[]): Extent[] {
  return hits.map((h, i) => {
    const next = hits.slice(i + 1).find((o) => o.sheet === h.sheet);
    // A title no profile knows still ends the table above it (several tables on one sheet).
    const barrier = nextTitleLike(h.sheet, h.row, next ? next.row : h.sheet.rows.length + 1);
    const end = barrier ?? next?.row;
    const lastRow = end ? lastTableRowBefore(h.sheet, end) : h.sheet.rows.length;
    const right = Math.min(colCount(h.sheet), MAX_SCAN_COLS);
    return { sheet: h.sheet, titleRow: h.inline ? h.row - 1 : h.row, lastRow, left: 1, right };
  });
}

/**
 * The first row after `from` and before `to` that reads as a table's title: its only text, a table
 * name (ending in 表, up to a bracketed qualifier), in a row followed by a table-like row.
 */
function nextTitleLike(sheet: Sheet, from: number, to: number): number | undefined {
  for (let r = from + 2; r < to; r++) {
    const row = sheet.rows[r - 1];
    if (!row) continue;
    let text: string | undefined;
    let count = 0;
    for (const c of row) {
      if (!c || c.v === null || c.v === '') continue;
      count++;
      if (typeof c.v === 'string') text = c.v;
    }
    if (count !== 1 || !text) continue;
    const n = canonicalTitle(text).core;
    if (n.length < 6 || n.length > 60 || !/表$/.test(n) || /说明|目录/.test(n)) continue;
    const next = sheet.rows[r] ?? [];
    const below = sheet.rows[r + 1] ?? [];
    const cells = (x: typeof row) => x.filter((c) => c && c.v !== null && c.v !== '').length;
    if (cells(next) >= 2 || cells(below) >= 2) return r;
  }
  return undefined;
}

/** The last row of a table followed by another title at `nextTitleRow` (skips its 表号 line). */
function lastTableRowBefore(sheet: Sheet, nextTitleRow: number): number {
  let r = nextTitleRow - 1;
  while (r > 0) {
    const texts: string[] = [];
    for (let c = 1; c <= Math.min(colCount(sheet), MAX_SCAN_COLS); c++) {
      const t = textAt(sheet, r, c);
      if (t) texts.push(t);
    }
    if (texts.length === 0 || (texts.length === 1 && startsWithNumber(texts[0]) && tableNumber(texts[0]).rest === '')) {
      r--;
      continue;
    }
    break;
  }
  return r;
}

/** The part line under a title ("313001中共河北…本级"), if the table has one. */
function partLineOf(hit: TitleHit, ext: Extent, re: RegExp): string | undefined {
  for (let r = hit.row + 1; r <= Math.min(hit.row + 2, ext.lastRow); r++) {
    for (let c = ext.left; c <= ext.right; c++) {
      const t = textAt(ext.sheet, r, c);
      if (!t) continue;
      if (re.test(t.replace(/[\s\u3000]/g, ''))) return t.replace(/[\s\u3000]/g, '');
      break; // only the first cell of the line
    }
  }
  return undefined;
}

const NAME_LABEL = /^(单位名称|部门名称|部门\(单位\)名称|预算单位|部门(?=[:：]))[:：]?(.*)$/;

/** Every "单位名称：X" (one cell) or "单位名称 | X" (label, then the value to its right) in the workbook. */
function unitNamesOf(grid: Grid): { name: string; cell: string }[] {
  const out: { name: string; cell: string }[] = [];
  for (const sheet of grid.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        const t = cell && typeof cell.v === 'string' ? cell.v : '';
        if (!t || (!t.includes('名称') && !t.includes('预算单位') && !/^部门[:：]/.test(t))) continue;
        const m = NAME_LABEL.exec(normalise(t));
        if (!m) continue;
        if (m[2]) {
          // “单位名称（科目）”, “单位名称(项目)”: a column header naming what the column holds, no name.
          if (/^\([^()]*\)$/.test(m[2])) continue;
          out.push({ name: m[2].split(/单位[:：]|金额单位/)[0], cell: cellRef(sheet.name, r + 1, c + 1) });
          continue;
        }
        // "单位名称 | X" only on a short line (a header row lists many column names instead).
        if (row.filter((x) => x && x.v !== null && x.v !== '').length > 3) continue;
        for (let cc = c + 1; cc < row.length; cc++) {
          const v = row[cc];
          if (v && typeof v.v === 'string' && v.v.trim()) {
            out.push({ name: normalise(v.v), cell: cellRef(sheet.name, r + 1, cc + 1) });
            break;
          }
        }
      }
    }
  }
  return out;
}

/**
 * Titles listed inside a 目录 are not tables: drop hits that sit in the rows of a catalogue
 * (the rows after the 目录 title that carry a 表号).
 */
function dropCatalogueListings(hits: TitleHit[]): TitleHit[] {
  const out = [...hits];
  for (const cat of hits.filter((h) => h.spec.layout === 'catalogue')) {
    let r = cat.row + 1;
    let lastListing = cat.row;
    let blanks = 0;
    while (r <= cat.sheet.rows.length && blanks <= 1 && r - lastListing <= 3) {
      const row = cat.sheet.rows[r - 1] ?? [];
      const texts = row.map((c) => (c && typeof c.v === 'string' ? c.v.trim() : '')).filter(Boolean);
      if (texts.length === 0) blanks++;
      else if (texts.some((t) => startsWithNumber(t))) {
        lastListing = r;
        blanks = 0;
      }
      r++;
    }
    for (let i = out.length - 1; i >= 0; i--) {
      const h = out[i];
      if (h !== cat && h.sheet === cat.sheet && h.row > cat.row && h.row <= lastListing) out.splice(i, 1);
    }
  }
  return out;
}

/**
 * Why a title of the national layer has no table under it, in the user's words; undefined when what
 * follows the title is not table-like at all (a heading of the 说明 followed by its paragraph).
 */
function unreadReason(reader: TableReader, ext: Extent, table: Table): string | undefined {
  const top = reader.headerTop();
  let tableLike = 0;
  for (let r = top; r <= Math.min(top + 4, ext.lastRow); r++) if (rowShape(ext, r).texts + rowShape(ext, r).numbers >= 2) tableLike++;
  if (tableLike < 2) return undefined;
  const headers = [...reader.headerPaths(top, Math.max(top, table.headerBottom)).values()].map((p) => p.split('/').pop()!).filter(Boolean);
  const shown = [...new Set(headers)].slice(0, 6).map((h) => `“${h}”`).join('、');
  const counts = headers.some((h) => COUNT_WORDS.test(h));
  return counts
    ? `表头${shown}是数量或人次，不是金额，未核对`
    : `表头${shown}中没有能识别的金额列（如“合计”“预算数”“金额”），该表未核对`;
}

/**
 * The national tables by 科目 may instead list 单位 (收入总表, 支出总表 by 单位编码 | 单位名称): the
 * header says so ("单位编码", "单位名称"), then the rows are units, not 功能科目.
 */
function inferScheme(scheme: TableSpec['scheme'], hit: TitleHit, ext: Extent): TableSpec['scheme'] {
  if (scheme !== 'func' && scheme !== 'econ') return scheme;
  for (let r = hit.row + 1; r <= Math.min(hit.row + 6, ext.lastRow); r++) {
    for (let c = ext.left; c <= ext.right; c++) {
      const t = normalise(textAt(ext.sheet, r, c));
      if (/^单位(编码|代码|名称)$|^(预算)?单位(编码|代码)$/.test(t)) return 'unit';
      if (/科目|功能|经济/.test(t) && /编码|代码|名称/.test(t)) return scheme;
    }
  }
  return scheme;
}

/** The year most titles name; else a year in the file name ("2024单位预算公开.xlsx"). */
function budgetYear(grid: Grid, hits: TitleHit[]): number | undefined {
  const count = new Map<number, number>();
  for (const h of hits) {
    const m = /((?:19|20)\d{2})\s*年/.exec(h.text);
    if (m) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  }
  const best = [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (best) return best[0];
  const f = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(grid.source.split(/[\\/]/).pop() ?? '');
  return f ? Number(f[1]) : undefined;
}

/** Something was read under the title: an amount column, a summary block, or a form field. */
function hasStructure(spec: TableSpec, t: Table): boolean {
  switch (spec.layout) {
    case 'summary':
      return (t.blocks ?? []).length > 0;
    case 'form':
      return (t.fields ?? []).length > 0;
    default:
      return t.columns.some((c) => columnType(spec, c.key) === 'amount');
  }
}

/**
 * A table that appears once per part but was found twice (a copy pasted below, a stray heading
 * with a header under it): the one with the most data rows comes first, so rules use it.
 */
function preferRichest(tables: Table[], specs: TableSpec[]): void {
  const repeat = new Set(specs.filter((s) => s.repeat).map((s) => s.id));
  const size = (t: Table) => t.rows.length + (t.blocks ?? []).reduce((n, b) => n + b.rows.length, 0) + (t.empty ? 0 : 1000);
  const firstAt = new Map<string, number>();
  tables.forEach((t, i) => {
    if (repeat.has(t.id)) return;
    const key = `${t.id}|${t.part ?? ''}`;
    const j = firstAt.get(key);
    if (j === undefined) firstAt.set(key, i);
    else if (size(t) > size(tables[j])) [tables[i], tables[j]] = [tables[j], tables[i]];
  });
}

function distinctSpecs(hits: TitleHit[]): number {
  return new Set(hits.map((h) => h.spec.id)).size;
}

/**
 * Repeated forms under one title (a sheet of 12 项目绩效目标表 blocks, only the first titled): each
 * block starts where the form's 项目名称 label appears again, and becomes a table of its own.
 */
function splitRepeatedForms(hits: TitleHit[]): TitleHit[] {
  const exts = extents(hits);
  const out: TitleHit[] = [];
  hits.forEach((h, i) => {
    out.push(h);
    const field = h.spec.layout === 'form' && h.spec.repeat ? h.spec.fields?.find((f) => f.key === 'project') : undefined;
    if (!field) return;
    const ext = exts[i];
    const starts: { row: number; col: number }[] = [];
    for (let r = h.row + 1; r <= ext.lastRow; r++) {
      for (let c = ext.left; c <= ext.right; c++) {
        const t = textAt(ext.sheet, r, c);
        if (!t) continue;
        if (field.match.test(normalise(t).replace(/^其中[:：]?/, ''))) starts.push({ row: r, col: c });
        break; // the row's first text only
      }
    }
    // The first block is the titled one; every further 项目名称 starts another block.
    for (const st of starts.slice(1)) out.push({ ...h, row: st.row, col: st.col, inline: true });
  });
  return out;
}

function recogniseWith(grid: Grid, profile: Profile, hits0: TitleHit[]): { d: Disclosure; found: number } {
  const hits = splitRepeatedForms(hits0);
  const exts = extents(hits);
  const tables: Table[] = [];
  const issues: ParseIssue[] = [];
  let catalogue: CatalogueEntry[] | undefined;
  let part: string | undefined;
  const unreadable = new Map<string, string>();
  const unread: NonNullable<Disclosure['unread']> = [];
  hits.forEach((hit, i) => {
    const ext = exts[i];
    if (profile.partLine) {
      const own = partLineOf(hit, ext, profile.partLine);
      if (own) part = own;
    }
    const reader = new TableReader(hit.profile, hit, ext);
    let u = reader.unit();
    // A table that states no unit under a sheet-wide 单位 line of the table before it takes that unit.
    const before = tables.filter((t) => t.sheet === hit.sheet.name && !t.unitAssumed).pop();
    if (u.assumed && before) u = { unit: before.unit, cell: before.unitCell, assumed: false };
    const num = reader.number();
    const table: Table = {
      id: hit.spec.id,
      kind: hit.spec.kind,
      title: tableNumber(hit.text).rest || hit.text,
      titleCell: cellRef(hit.sheet.name, hit.row, hit.col),
      number: num.number,
      numberCell: num.cell,
      sheet: hit.sheet.name,
      unit: u.unit,
      unitCell: u.cell,
      unitAssumed: u.assumed,
      headerTop: hit.row + 1,
      headerBottom: hit.row + 1,
      lastRow: ext.lastRow,
      columns: [],
      rows: [],
      empty: true,
      expectedNumber: hit.spec.number,
      scheme: hit.profile.fallback ? inferScheme(hit.spec.scheme, hit, exts[i]) : hit.spec.scheme,
      sums: [],
      part,
    };
    switch (hit.spec.layout) {
      case 'coded':
      case 'tree':
        readCoded(reader, hit.spec, ext, u.unit, table);
        break;
      case 'summary':
        readSummary(reader, hit.spec, ext, u.unit, table);
        break;
      case 'form':
        readForm(reader, hit.spec, ext, u.unit, table);
        break;
      case 'catalogue':
        catalogue = readCatalogue(reader, ext);
        break;
    }
    table.empty = tableEmpty(table);
    const present = new Set(table.columns.map((c) => c.key));
    // 基本支出 | 项目支出 repeated under 一般公共预算 and 政府性基金预算: a column read under one group has a
    // twin under another, so a sum over the read ones (合计 = 基本 + 项目) leaves the other group out.
    const twinned = repeatedUnderGroups(table);
    for (const s of hit.spec.sums ?? []) {
      const parts = s.parts.filter((p) => present.has(p));
      if (!present.has(s.total) || parts.length === 0) continue;
      const complete = parts.length === s.parts.length;
      // A missing part is zero only when nothing in the table could be that part (a column taken
      // for a rate by its header might still be one).
      if (!complete && (s.all || table.unmapped?.length || table.rates?.length)) continue;
      if (s.requires && !s.requires.every((k) => present.has(k))) continue;
      if (parts.some((k) => twinned.has(k))) continue;
      if (s.requiresAny && !s.requiresAny.some((k) => present.has(k))) continue;
      if (s.exclusive) {
        const amountKeys = table.columns.filter((c) => columnType(hit.spec, c.key) === 'amount').map((c) => c.key);
        if (amountKeys.some((k) => k !== s.total && !s.parts.includes(k) && !k.startsWith('of_which') && !(s.besides ?? []).includes(k))) continue;
      }
      table.sums.push({ total: s.total, parts });
    }
    groupSubtotals(table, hit.spec);
    issues.push(...reader.issues);
    if (hit.spec.layout === 'catalogue') return;
    // A title with nothing readable under it (a 说明 heading naming a table, "附件：…收支总表") is not a table.
    if (!hasStructure(hit.spec, table)) {
      if (!hit.profile.fallback) unreadable.set(hit.spec.id, unreadable.get(hit.spec.id) ?? table.titleCell);
      else {
        const why = unreadReason(reader, ext, table);
        if (why) unread.push({ title: table.title, cell: table.titleCell, kind: hit.spec.name, why });
      }
      return;
    }
    tables.push(table);
  });
  preferRichest(tables, hits.map((h) => h.spec));
  const foundIds = new Set(tables.map((t) => t.id));
  const missing = profile.tables
    .filter((s) => !s.optional && s.layout !== 'catalogue' && !foundIds.has(s.id))
    .map((s) => ({ id: s.id, kind: s.kind, title: s.name, titleCell: unreadable.get(s.id) }));
  const names = unitNamesOf(grid);
  const d: Disclosure = {
    source: grid.source,
    year: budgetYear(grid, hits),
    profile: { id: profile.id, name: profile.name },
    tables,
    missing,
    catalogue,
    parseIssues: issues,
    unread,
    unitName: names[0]?.name,
    unitNames: names,
  };
  return { d, found: foundIds.size };
}

/**
 * Titles of the national layer on rows no province title took: a province folder adds to the
 * national layer, it does not hide the tables it does not list.
 */
function withNational(hits: TitleHit[], national: TitleHit[]): TitleHit[] {
  const taken = new Set(hits.map((h) => `${h.sheet.name}|${h.row}`));
  const kinds = new Set(hits.map((h) => h.spec.kind));
  const extra = national.filter((h) => !taken.has(`${h.sheet.name}|${h.row}`) && !kinds.has(h.spec.kind));
  return extra.length ? [...hits, ...extra] : hits;
}

function sortHits(grid: Grid, hits: TitleHit[]): TitleHit[] {
  const sheetOrder = new Map(grid.sheets.map((s, i) => [s, i]));
  return [...hits].sort((a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.row - b.row || a.col - b.col);
}

export function recognise(grid: Grid, profiles: Profile[]): RecogniseResult {
  // Pick the province profile whose titles are found most (cheap), then read the tables with it;
  // the national layer reads what no province profile recognises, or the whole workbook.
  let bestProfile: Profile | null = null;
  let bestHits: TitleHit[] = [];
  const national = profiles.find((p) => p.fallback);
  for (const p of profiles) {
    if (p.fallback) continue;
    const hits = dropCatalogueListings(findTitles(grid, p));
    if (!bestProfile || distinctSpecs(hits) > distinctSpecs(bestHits)) {
      bestProfile = p;
      bestHits = hits;
    }
  }
  let best: { d: Disclosure; found: number } | null = null;
  if (national) {
    const nHits = dropCatalogueListings(findTitles(grid, national));
    const mixed = bestProfile && bestHits.length ? recogniseWith(grid, bestProfile, sortHits(grid, withNational(bestHits, nHits))) : null;
    // A province profile claims the workbook only when it reads a few of its own tables (a lone
    // 绩效目标表 or “三公” table says nothing about the province); otherwise, or when the national
    // layer reads more, the national layer alone.
    // …and only when one of them is in the province's own wording: the 财政部 standard titles
    // (部门收支总表 … as 湖北 and 广东 both print them) say nothing about the province.
    const ownWording = bestHits.some((h) => !standardWording(h.text));
    const own = mixed && bestProfile && ownWording ? new Set(mixed.d.tables.filter((t) => bestProfile!.tables.some((x) => x.id === t.id)).map((t) => t.id)).size : 0;
    const enough = bestProfile ? Math.min(3, bestProfile.tables.filter((x) => !x.optional).length) : 1;
    // (Reading twice costs time: only when the province profile reads too little, or left titles unread.)
    const nCells = new Set(nHits.map((h) => cellRef(h.sheet.name, h.row, h.col)));
    const struggled = !!mixed && mixed.d.missing.some((m) => m.titleCell && nCells.has(m.titleCell));
    if (nHits.length && (!mixed || own < enough || struggled)) {
      const alone = recogniseWith(grid, national, nHits);
      best = !mixed || (alone.found > 0 && (own < enough || alone.found > mixed.found)) ? alone : mixed;
      if (best === alone) bestProfile = national;
    } else best = mixed;
  } else {
    best = bestProfile && bestHits.length ? recogniseWith(grid, bestProfile, bestHits) : null;
  }
  if (!best || best.found === 0) {
    const looked = profiles.map((p) => `${p.name}：${p.tables.filter((t) => !t.optional).map((t) => t.name).join('、')}`).join('；');
    return {
      disclosure: null,
      findings: [
        {
          rule: 'table.none',
          severity: 'info',
          message: `在“${grid.source}”中没有识别出预算公开报表，未做任何检查。已查找的报表：${looked}。若工作簿确有公开报表，请确认每张表有标题行（如“部门收支总表”）和表头。`,
          cells: grid.sheets.length ? [cellRef(grid.sheets[0].name, 1, 1)] : [],
        },
      ],
    };
  }
  const d = best.d;
  const findings: Finding[] = [];
  for (const m of d.missing) {
    findings.push(
      m.titleCell
        ? {
            rule: 'table.missing',
            severity: 'warning',
            message: `${m.titleCell} 有“${m.title}”的标题，但其下的表头无法识别，该表未检查。请核对表头文字是否与模板一致。`,
            cells: [m.titleCell],
            table: m.title,
          }
        : bestProfile!.fallback
          ? {
              // The national set is what most provinces publish, not what this province requires.
              rule: 'table.missing',
              severity: 'info',
              message: `未找到财政部标准公开表中的“${m.title}”（各省模板不尽相同；若本省要求公开此表，即使无数据也应公开空表）。`,
              cells: [],
              table: m.title,
            }
          : {
            rule: 'table.missing',
            severity: 'warning',
            message: `未找到“${m.title}”。若本单位无此表数据，也应公开空表并在目录中说明理由。`,
            cells: [],
            table: m.title,
          },
    );
  }
  for (const u of d.unread ?? []) {
    findings.push({
      rule: 'table.unread',
      severity: 'info',
      message: `${u.cell} 的“${u.title}”看来是“${u.kind}”，但${u.why}。`,
      cells: [u.cell],
      table: u.title,
    });
  }
  for (const t of d.tables) {
    // Growth rates beside the amounts they compare are checked (sum.rate); the others are said not to be.
    const unchecked = t.rates?.filter((u) => !u.growth) ?? [];
    const uncheckedLines = t.rateRows?.filter((u) => !u.growth) ?? [];
    if (unchecked.length || uncheckedLines.length) {
      const what = [
        unchecked.length ? `比率列${unchecked.map((u) => `“${headerLabel(u)}”`).join('、')}` : '',
        uncheckedLines.length ? `比率行${uncheckedLines.map((u) => `“${u.label}”`).join('、')}` : '',
      ].filter(Boolean);
      findings.push({
        rule: 'table.rates',
        severity: 'info',
        message: `${t.number ?? ''}“${t.title}”中的${what.join('和')}不是金额，未核对。`,
        cells: [...unchecked.map((u) => u.cell), ...uncheckedLines.map((u) => u.cell)],
        table: t.title,
      });
    }
    if (t.unreadAfterTotal) {
      const u = t.unreadAfterTotal;
      findings.push({
        rule: 'table.rows_unread',
        severity: 'info',
        message: `${t.number ?? ''}“${t.title}”在合计行之后还有 ${u.rows} 行数字（自 ${u.cell} 起）未读取、未核对；若它们属于本表，请核对表头（科目编码、科目名称列）是否能识别。`,
        cells: [u.cell],
        table: t.title,
      });
    }
    if (!t.unmapped) continue;
    findings.push({
      rule: 'table.columns',
      severity: 'info',
      message: `${t.number ?? ''}“${t.title}”中有未能识别的金额列：${t.unmapped.map((u) => `“${headerLabel(u)}”`).join('、')}；涉及这些列的列间合计未检查。`,
      cells: t.unmapped.map((u) => u.cell),
      table: t.title,
    });
  }
  for (const issue of d.parseIssues) {
    findings.push({
      rule: 'read.not_number',
      severity: 'error',
      message: `单元格 ${issue.cell} 应为金额，但内容无法识别为数字（${issue.message}）。`,
      cells: [issue.cell],
      actual: typeof issue.raw === 'object' && issue.raw ? (issue.raw as { error: string }).error : String(issue.raw),
      table: d.tables.find((t) => issue.cell.startsWith(`${t.sheet}!`))?.title,
    });
  }
  return { disclosure: d, findings };
}

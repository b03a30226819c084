/**
 * Reads a 说明 text into statements: every amount, percentage, count and code with its context.
 *
 * The text is a list of paragraphs. Each figure becomes a Mention (paragraph, character offsets,
 * value, unit, role). Amount mentions become Statements: the subject (name and code in brackets),
 * the amount, and what the text says about it (较上年 增减额, 增幅, 占比, 上年数, 其中 parts).
 *
 * The reading is charitable: where the grammar is ambiguous (a 较上年 clause after a 其中 list
 * may speak of the last part or of the total), the reading that makes the text consistent is
 * chosen, so that the checker reports only what no reading can explain.
 */
import Decimal from 'decimal.js';
import { LogicalText, Origin, asWritten, logicalParagraphs } from './normalise';
import { definedPartOf, definedSiblings, nextDefinedPart } from './definitions';

export type MentionRole =
  | 'amount' // 150.94 万元 — the subject's figure
  | 'change' // 较上年增加 7.4 万元
  | 'growth' // 增幅 11.94%, （0%）
  | 'share' // 占预算总额的 11.17%
  | 'prior' // 上年度为 0, 上年预算 10 万元
  | 'annotation' // a figure in brackets after an amount: （预算内安排 63.6 万元）
  | 'count' // 12 人, 10 个
  | 'threshold' // 单价 20 万元以上
  | 'budget' // 完成全年预算 1,200 万元的 95% — the budget the figure is measured against
  | 'completion' // 完成预算的 39.86%
  | 'percent'; // any other percentage (指标值 100%)

export interface Mention {
  /** 1-based paragraph number. */
  paragraph: number;
  /** Character offsets of the figure with its unit in the paragraph. */
  start: number;
  end: number;
  raw: string;
  /** Value in the printed unit (万元, 元, %, 人 …). */
  value: Decimal;
  decimals: number;
  unit: string;
  role: MentionRole;
  /** For changes: +1 增加, -1 减少. */
  direction?: 1 | -1;
  /** For changes: the base the sentence names ('budget': 年初预算/调整预算; 'prior': 上年 or a year). */
  base?: 'budget' | 'prior';
  /** The year a change is compared with, when the clause names it (比2020年). */
  baseYear?: number;
  /** Index of the sentence (。) and segment (；) in the whole text, for grouping. */
  sentence: number;
  segment: number;
  /** The separator right before the mention's clause: '、' '，' '；' '。' '：' or '' (paragraph start). */
  sep: string;
}

export interface Statement {
  id: number;
  /** The amount mention. */
  amount: Mention;
  /** The subject as written before the figure, boilerplate trimmed. */
  subject: string;
  /** Offsets of the subject start (for excerpts). */
  subjectStart: number;
  /** A code in brackets right before the figure: 社会保险经办机构（2080109）. */
  code?: string;
  codeStart?: number;
  codeEnd?: number;
  /** The name before the code bracket. */
  name?: string;
  /** A column named after the code bracket: “事业运行（2101550）基本支出 216.67 万元”. */
  codeColumn?: string;
  change?: Mention;
  /** True when the text says 持平 / 无变化 / 上年度为 0 with no figure. */
  flat?: boolean;
  /** “与2021年度预算相比无变化”: the text says this figure equals its budget (offsets of the words). */
  flatBudget?: { start: number; end: number };
  growth?: Mention;
  share?: Mention;
  /** The statement the share is computed against (占预算总额). */
  shareOf?: Statement;
  /** Other figures the share's words may equally name (the share is wrong only if it fits none). */
  shareOfAlso?: Statement[];
  prior?: Mention;
  /** The 其中 group this statement is a part of. */
  partOf?: Group;
  /** A reason phrase (原因) follows in the same segment. */
  reason?: { start: number; end: number };
  /** The section heading the statement sits under (the nearest heading paragraph). */
  section: string;
  /** 完成预算 X 万元的 Y%: the budget X and the rate Y. */
  budget?: Mention;
  completion?: Mention;
  /** A second comparison of the same figure on another base (年初预算): arithmetic only, no list, no table. */
  alt?: boolean;
}

export interface Group {
  total: Statement;
  parts: Statement[];
  /** '其中：' (colon: items may be separated by ；) or '其中' / '其中，'. */
  colon: boolean;
  /** True when the group continues over following paragraphs (the paragraph ended with 其中：). */
  spansParagraphs: boolean;
  closed: boolean;
  /** Separators used between parts. */
  seps: Set<string>;
  /** Opened inside brackets (…（其中：A …；B …）): ends with the closing bracket. */
  inParens?: boolean;
  /** Items numbered 1、2、… inside one paragraph: the list goes on past an item's 。 to the next number. */
  numbered?: boolean;
  /** An item's own list inside a list over paragraphs: ends with the item. */
  nestedItem?: boolean;
  /** The list of 公务用车购置及运行 (its 购置 and 运行 only): ends at another item, back in the 三公 list if open. */
  vehicle?: boolean;
  /** The numbering of its item paragraphs ('num' 1、 'paren-num' (1) 'cn' 一、 'paren-cn' (一)). */
  itemStyle?: string;
  /**
   * An unnumbered list over paragraphs whose last paragraph ended with 。: it goes on only if the
   * next paragraph opens with another part of the total's definition (基本支出 → 公用经费).
   */
  pendingEnd?: boolean;
}

/** A 较上年 change stated with its subject but without this year's figure: “工资福利支出较上年增 18.67 万元，增 21.86%”. */
export interface ChangeOnly {
  subject: string;
  change: Mention;
  growth?: Mention;
}

/** A cell of a table flattened into text (“2015年 | 2840 | 90 | …”), with its place in the logical paragraph. */
export interface FlatCell {
  raw: string;
  value: Decimal;
  decimals: number;
  start: number;
  end: number;
}

/** A row of a flattened table: its label and the numbers after it (empty cells are lost in flattening). */
export interface FlatRow {
  label: string;
  cells: FlatCell[];
}

export interface FlatTable {
  /** 1-based logical paragraph. */
  paragraph: number;
  /** Labels of the rows without numbers before the first row with numbers (the header). */
  header: string[];
  rows: FlatRow[];
}

export interface ExtractedText {
  changeOnly: ChangeOnly[];
  /** Tables flattened into the text with | between cells. */
  tables: FlatTable[];
  /** Logical paragraphs (lines joined where the sentence goes on; text normalised): what is parsed. */
  paragraphs: string[];
  /** The paragraphs as given (physical), and each logical character's place in them. */
  source: string[];
  origin: Origin[][];
  mentions: Mention[];
  statements: Statement[];
  groups: Group[];
  /** Paragraph indices (0-based) recognised as headings, with their text. */
  headings: { index: number; text: string }[];
  /** The heading each paragraph sits under ('' before the first heading). */
  sectionOf: string[];
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// 万亿 is 10¹² 元 (“中央对地方转移支付 10.2 万亿元，其中：… 91,000 亿元”).
const UNITS = String.raw`万亿元|万亿|亿元|亿(?![人元次])|万元|万(?![人元次亿])|千元|元|%|％|人次|人|个|辆|台|套|批次|次|名|项|份|册|户|家|团组|批`;
/**
 * A change verb ending the text before a figure: 增加 / 减少 / 增长 / 下降 …, also as a budget
 * report writes them of revenue and spending (增收 / 减收 / 增支 / 减支, “比上年减收 1070 万元”).
 */
const CHANGE_VERB_END = /[（(]?(增加|减少|增长|下降|减|增|多|少|降低|提高)[)）]?(?:了)?(支出|收入|经费|拨款|收|支)?$/;
/**
 * 增收 / 减收 / 增支 / 减支 / 多支出 … are a change on last year only where the sentence names the
 * base (比上年, 同比 …): without one they are a policy's effect or a saving (“受减税降费政策影响，减收
 * 12.50 亿元”, “通过压减非急需支出，减支 15.00 万元”, “多支出 1 亿元用于学前教育”), not the figure's change.
 */
const BASE_WORD = /比上年|较上年|与上年|同比|上年同期|比去年|较去年|(?:比|较)\d{4}年|(?:比|较)(?:年初)?预算|与预算/;
const FIGURE = new RegExp(String.raw`(${NUM})\s*(${UNITS})`, 'g');
/** "上年度为 0" / "上年为0" without a unit. */
const PRIOR_BARE = /上年(?:度)?(?:预算数?)?(?:为|是)\s*(\d+(?:\.\d+)?)(?!\s*(?:万元|元|%|％))/g;

const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．](?!\d)\s*\S|[（(]\d+[)）])/;
const ENUM_PREFIX = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+、|\d+\s*[、.．](?!\d))\s*/;

export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．，％]/g, (ch) => (ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Same length as the input (character offsets are preserved): full-width digits and % folded. */
function fold(s: string): string {
  return s.replace(/[０-９．％]/g, (ch) => (ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

export function isHeading(p: string): boolean {
  const t = p.trim();
  if (!t || t.length > 40) return false;
  if (/\d\s*(万元|元|%)/.test(fold(t))) return false;
  if (HEADING.test(t)) return true;
  return /(情况|说明|解释|概况)$/.test(t) && !/[，。；]/.test(t);
}

const SEPS = '，,、；;。：:！？!?';

function boundaryBefore(text: string, pos: number, stopAtParen = true): { index: number; sep: string } {
  let depth = 0;
  for (let i = pos - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth > 0) depth--;
      else if (stopAtParen) return { index: i + 1, sep: ch };
    } else if (depth === 0 && SEPS.includes(ch) && !(ch === ',' && /\d/.test(text[i - 1] ?? '') && /^\d{3}/.test(text.slice(i + 1, i + 4)))) return { index: i + 1, sep: ch === ',' ? '，' : ch === ';' ? '；' : ch === ':' ? '：' : ch };
  }
  return { index: 0, sep: '' };
}

/**
 * Where the bracket enclosing `pos` opens (brackets closed before `pos` are passed over); -1 when
 * none. `sentence`: a 。 ends the search unless an opening bracket may still come (…（A。B…）).
 */
function openingBracket(text: string, pos: number, sentence = false): number {
  let depth = 0;
  for (let i = pos - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth > 0) depth--;
      else return i;
    } else if (sentence && ch === '。' && depth === 0) {
      const open = text.lastIndexOf('(', i) > text.lastIndexOf(')', i) || text.lastIndexOf('（', i) > text.lastIndexOf('）', i);
      if (!open) return -1;
    }
  }
  return -1;
}

function insideParens(text: string, pos: number): boolean {
  return openingBracket(text, pos, true) >= 0;
}

function decimalsOfRaw(raw: string): number {
  const i = raw.indexOf('.');
  return i < 0 ? 0 : raw.length - i - 1;
}

/** The base named right before a figure: 较上年、较2020年的、比上年预算数、与2021年度预算相比为. */
const PRIOR_BEFORE = /(?:较|比|与|同)(?:上年|上年度|去年|\d{4}年度?)(?:的)?(?:年初)?(?:预算数?|决算数?|执行数|同期|实际)?(?:累计)?(?:支出|收入|经费|拨款)?(?:为|的)?$/;
/** The year-on-year word before a rate, with its direction (负增长 11.3%: a fall of 11.3%). */
const GROWTH_BEFORE = /(负增长率?|负增长幅度|增幅|减幅|降幅|增长率|减少率|下降率|增速|增长幅度|下降幅度|减少幅度|增减幅度|变动幅度|同比增长|同比下降|同比减少|同比增加|增长|下降|减少|增加|降低|上升|减|增|降)(?:了|为|是|约|达到|达)?$/;

/** The year-on-year word written before the rate at `start` of `paragraph` (“负增长”, “同比下降”), for quoting it; '' if none. */
export function growthWord(paragraph: string, start: number): string {
  return GROWTH_BEFORE.exec(paragraph.slice(0, start).replace(/\s+$/, ''))?.[0] ?? '';
}

function classify(before: string, unit: string, afterText: string, inParens: boolean, clauseBefore: string, sentenceBefore = before): { role: MentionRole; direction?: 1 | -1 } {
  const b = before.replace(/\s+$/, '');
  if (unit === '%') {
    const g = GROWTH_BEFORE.exec(b);
    if (g) return { role: 'growth', direction: /减|降|下|^负/.test(g[1]) && !/增减|变动/.test(g[1]) ? -1 : /增|上升/.test(g[1]) && !/增减/.test(g[1]) ? 1 : undefined };
    // 完成预算的 Y%, 占年初预算 X 万元的 Y%: the rate of completion of a budget.
    // (“占预算的 80%” without 年初/全年/调整 or a figure is a share of the budget total.)
    if (/完成(?:了)?(?:全年|年初|调整)?预算(?:数)?(?:[\d.,]+(?:万元|元|亿元))?(?:的)?$|占(?:(?:全年|年初|调整)预算(?:数)?(?:[\d.,]+(?:万元|元|亿元))?|(?:全年|年初|调整)?预算(?:数)?[\d.,]+(?:万元|元|亿元))(?:的)?$/.test(clauseBefore)) return { role: 'completion' };
    if (/占[^，。；]*?(?:的|比重为|比重|比例为|比例)?$/.test(clauseBefore) && /占/.test(clauseBefore)) return { role: 'share' };
    if (inParens && (/[（(]$/.test(b) || b === '')) return { role: 'growth' };
    return { role: 'percent' };
  }
  const money = unit === '万元' || unit === '元' || unit === '亿元' || unit === '千元' || unit === '万亿元';
  if (!money) return { role: 'count' };
  if (/^\s*(以上|以下|以内|及以上)/.test(afterText)) return { role: 'threshold' };
  // “首次突破 2 万亿元”: a round mark passed, not a figure of its own.
  if (/突破$/.test(b)) return { role: 'threshold' };
  if (/(?:完成(?:了)?(?:全年|年初|调整)?|占(?:全年|年初|调整)?)预算(?:数)?(?:为)?$/.test(b)) return { role: 'budget' };
  // 新增 605.99 万元 is an amount newly granted, not a change of the subject.
  if (/新增(?:了)?$/.test(b)) return { role: 'annotation' };
  const m = CHANGE_VERB_END.exec(b);
  const needsBase = !!m && (m[1] === '多' || m[1] === '少' || ((m[1] === '增' || m[1] === '减') && (m[2] === '收' || m[2] === '支')));
  if (needsBase && !BASE_WORD.test(sentenceBefore)) return { role: 'annotation' };
  if (m) return { role: 'change', direction: /减|下降|少|降低/.test(m[1]) ? -1 : 1 };
  if (/上年(?:度)?(?:预算数?|预算)?(?:为|是)?$/.test(b) || PRIOR_BEFORE.test(b)) return { role: 'prior' };
  // 包括 … : a detail of the figure before, not another part of its list.
  if (introducesDetail(b)) return { role: 'annotation' };
  if (inParens) return { role: 'annotation' };
  return { role: 'amount' };
}

function cleanSubject(s: string): { subject: string; offset: number } {
  let offset = 0;
  let t = s;
  const strip = (re: RegExp) => {
    const m = re.exec(t);
    if (m) {
      offset += m[0].length;
      t = t.slice(m[0].length);
    }
  };
  strip(/^\s+/);
  strip(ENUM_PREFIX);
  // (含 of “，含…经费”, not of 含山县.)
  strip(/^(?:其中|另外|此外|同时|共|合计|包含|含(?!山))[：:，,]?\s*/);
  strip(ENUM_PREFIX);
  const trimmed = t.replace(/\s*(?:为|是|共计|总计|共|计|达到|达|合计|约)?\s*$/, '');
  return { subject: trimmed, offset };
}

/** Splits a text into paragraphs: one per non-empty line. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '');
}

export function extract(physical: string[]): ExtractedText {
  const logical: LogicalText[] = logicalParagraphs(physical, isHeading);
  // 〔 〕 (and ［ ］) are written as brackets in real 说明 (“养老支出41.28万元〔其中…〕”): read as （ ）.
  // One character for one, so every position in the text stays where it was.
  const paragraphs = logical.map((l) => l.text.replace(/[〔［]/g, '（').replace(/[〕］]/g, '）'));
  const mentions: Mention[] = [];
  const statements: Statement[] = [];
  const groups: Group[] = [];
  const headings: { index: number; text: string }[] = [];
  let sentence = 0;
  let segment = 0;
  let section = '';
  let lastAmount: Statement | undefined;
  let group: Group | undefined; // the open 其中 group
  let lastChangeOwner: Statement | undefined;
  let orphan = false;
  /** Inside the 其中 breakdown of a change (see below): where it is, to know when it ends. */
  let breakdown: { paragraph: number; inParens: boolean; segment: number; skipping: boolean } | undefined;
  /** After “A 和 B 分别为 …”: the segment whose figures are several subjects' at once (see below). */
  let respectively: { paragraph: number; segment: number } | undefined;
  /** After 具体是 / 包括: the segment whose figures detail the item before (see below). */
  let detail: { paragraph: number; segment: number } | undefined;
  /** Last year's parts (a 其中 right after a prior figure): not read to the end of their sentence. */
  let priorList: { paragraph: number; sentence: number } | undefined;
  const changeOnly: ChangeOnly[] = [];
  let lastOrphanSentence = -1;
  /** A change (or prior) no statement owns: kept with the subject it names; a rate right after it is its own. */
  const standAlone = (m: Mention, subject: string) => {
    lastOrphanSentence = m.sentence;
    if (m.role === 'change') changeOnly.push({ subject, change: m });
  };
  /** The figure of a subject a change names (see nearestOrLatest). */
  const figureOf = (subject: string, paragraph: number) => nearestOrLatest(statements.filter((s) => nameKey(s.subject) === nameKey(subject)), paragraph);

  let outer: Group | undefined; // the list a bracketed 其中 list is nested in
  /** An item's own 其中 list ends with its item (；or the paragraph): back to the outer list. */
  const popNested = () => {
    if (group && group.nestedItem) {
      group.closed = true;
      group = outer;
      outer = undefined;
    }
  };
  const closeGroup = () => {
    if (group) group.closed = true;
    if (outer) outer.closed = true;
    group = undefined;
    outer = undefined;
  };

  const sectionOf: string[] = [];
  paragraphs.forEach((para, pi) => {
    const text = fold(para);
    sectionOf.push(isHeading(para) ? para.trim() : section);
    if (isHeading(para)) {
      headings.push({ index: pi, text: para.trim() });
      section = para.trim();
      closeGroup();
      lastAmount = undefined;
      lastChangeOwner = undefined;
      sentence++;
      segment++;
      return;
    }
    // A group spanning paragraphs continues only into list-like paragraphs.
    // Numbered items (1、… 2、…) continue the list, each may end with 。; another numbering ((三)),
    // or a numbered paragraph after unnumbered items, ends it.
    if (group && group.pendingEnd) {
      const head = /^\s*([^，,。；;：:\d]{2,24}?)\s*\d/.exec(text)?.[1] ?? '';
      if (!head || !nextDefinedPart(group.total.subject, group.parts.map((p) => p.subject), head)) closeGroup();
      else group.pendingEnd = false;
    }
    if (group && group.spansParagraphs) {
      const style = itemStyle(text);
      if (group.parts.length === 0 && style && !group.itemStyle) group.itemStyle = style;
      else if (group.itemStyle !== style) closeGroup();
      // A paragraph with its own 其中 starts a new list, unless it is an item of this one (its own parts).
      if (group && /其中/.test(text) && !(style && style === group.itemStyle) && !/^[^，,。；;]*[（(]\s*\d{3,7}\s*[)）]/.test(text)) closeGroup();
    }
    const paraMentions: Mention[] = [];
    const figureRe = new RegExp(FIGURE.source, 'g');
    let m: RegExpExecArray | null;
    const found: { index: number; raw: string; unit: string; len: number; bare?: boolean }[] = [];
    while ((m = figureRe.exec(text))) {
      // Skip digits that are part of a longer number or a code: "2024年" has no unit; "（2080109）" no unit.
      const prev = text[m.index - 1];
      if (prev && /[\d.]/.test(prev)) continue;
      found.push({ index: m.index, raw: m[1], unit: m[2] === '％' ? '%' : m[2] === '万' ? '万元' : m[2] === '亿' ? '亿元' : m[2] === '万亿' ? '万亿元' : m[2], len: m[0].length });
    }
    const bareRe = new RegExp(PRIOR_BARE.source, 'g');
    while ((m = bareRe.exec(text))) {
      const idx = m.index + m[0].length - m[1].length;
      if (!found.some((f) => f.index === idx)) found.push({ index: idx, raw: m[1], unit: '万元', len: m[1].length, bare: true });
    }
    // A rate written without % (“同比下降18.87;”): a number right after a rate word, then a separator.
    const bareRate = /(?:同比)?(?:增长|下降|增幅|减幅|降幅|增长率|下降率)(?:为)?\s*(\d+(?:\.\d+)?)(?=\s*[；;，,。])/g;
    while ((m = bareRate.exec(text))) {
      const idx = m.index + m[0].length - m[1].length;
      if (!found.some((f) => f.index <= idx && idx < f.index + f.len)) found.push({ index: idx, raw: m[1], unit: '%', len: m[1].length, bare: false });
    }
    found.sort((a, b) => a.index - b.index);

    let cursor = 0;
    for (const f of found) {
      // Count sentence / segment boundaries between the cursor and this figure.
      const between = text.slice(cursor, f.index);
      // A 。 or ； inside brackets does not end the sentence the brackets sit in.
      let sentEnds = 0;
      let segEnds = 0;
      for (let i = 0; i < between.length; i++) {
        const ch = between[i];
        if (!/[。！？!?；;]/.test(ch) || insideParens(text, cursor + i)) continue;
        if (/[；;]/.test(ch)) segEnds++;
        else sentEnds++;
      }
      if (sentEnds > 0) {
        sentence += sentEnds;
        segment += sentEnds;
        // “其中：1、A …。2、B …。”: numbered items in one paragraph go on past each item's 。
        const nextItem = /[。！？!?]\s*(?:(\d+)[、.．](?!\d)|[（(](\d+)[)）])[^。]*$/.exec(between);
        const goesOn = group && group.numbered && nextItem && Number(nextItem[1] ?? nextItem[2]) === group.parts.length + 1;
        if (group && !goesOn) closeGroup();
      }
      if (segEnds > 0) {
        segment += segEnds;
        // (公务用车's own 其中 in an item of a list over paragraphs, “（二）公务用车购置及运行费 36.56 万元，
        // 其中：购置费 15 万元；运行费 21.56 万元。”, goes on past its ；: it ends with a line that is not
        // of the vehicle, or with the paragraph.)
        if (!group?.vehicle) popNested();
        if (group && !group.colon && !group.spansParagraphs) closeGroup();
      }
      cursor = f.index;
      // Past the closing bracket of a nested list: back to the outer list.
      if (group && group.inParens && !insideParens(text, f.index)) {
        group.closed = true;
        group = outer;
        outer = undefined;
      }
      const bound = boundaryBefore(text, f.index, true);
      const clauseBound = boundaryBefore(text, f.index, false);
      const before = text.slice(bound.index, f.index);
      const clauseBefore = text.slice(clauseBound.index, f.index);
      const after = text.slice(f.index + f.len, f.index + f.len + 6);
      const inParens = insideParens(text, f.index);
      const raw = f.raw;
      const sentStart = Math.max(text.lastIndexOf('。', f.index - 1), text.lastIndexOf('!', f.index - 1), text.lastIndexOf('！', f.index - 1)) + 1;
      const sentText = text.slice(sentStart, f.index);
      const cls = f.bare ? { role: 'prior' as MentionRole } : classify(before, f.unit, after, inParens, clauseBefore, sentText);
      // “减少 5 万元（下降 10%）”: a bare rate in brackets is the rate of the change just before the
      // bracket; after anything else (“比全省平均水平（17.9%）高 2.7 个百分点”) it is another figure.
      if (cls.role === 'growth' && inParens && before.replace(/\s/g, '') === '') {
        const last = paraMentions[paraMentions.length - 1];
        const open = Math.max(text.lastIndexOf('(', f.index), text.lastIndexOf('（', f.index));
        if (!last || last.role !== 'change' || text.slice(last.end, open).trim() !== '') cls.role = 'percent';
      }
      // Figures inside a 原因 explanation speak of the reason, not of the subject's change.
      // The explanation runs to the end of its segment (；), or of the sentence when it is a numbered
      // list (原因是：1、…；2、…).
      const reasonAt = sentText.lastIndexOf('原因');
      const segAt = Math.max(sentText.lastIndexOf('；'), sentText.lastIndexOf(';'));
      const inReason = reasonAt >= 0 && (reasonAt > segAt || /原因[是为]?[：:]?\s*(?:1|一|①|[（(][1一][)）])[、.．是]/.test(sentText.slice(reasonAt)));
      if (inReason && cls.role !== 'count') cls.role = cls.role === 'growth' || cls.role === 'share' ? 'percent' : 'annotation';
      // An amount in brackets that opens with 其中 is a part of a nested list, not an annotation.
      // (Brackets inside an item's name, “自贸区（高新区）… 7.3 亿元”, are passed over.)
      if (cls.role === 'annotation' && inParens && /^[（(]\s*其中/.test(text.slice(openingBracket(text, f.index))) && !/新增|包括/.test(before)) cls.role = 'amount';
      // A rate right after head counts (出国人次从 29 人降为 16 人，下降 44.8%) is the counts' rate.
      const prevM = paraMentions[paraMentions.length - 1];
      if (cls.role === 'growth' && prevM && prevM.role === 'count' && prevM.sentence === sentence) cls.role = 'percent';
      const mention: Mention = {
        paragraph: pi + 1,
        start: f.index,
        end: f.index + f.len,
        raw: asWritten(logical[pi], physical, f.index, f.index + f.len),
        value: new Decimal(raw.replace(/,/g, '')),
        decimals: decimalsOfRaw(raw),
        unit: f.unit,
        role: cls.role,
        direction: cls.direction,
        sentence,
        segment,
        // “1、公务接待费 …”: the 、 of an item number is no list separator.
        sep: clauseBound.sep === '、' && /(?:^|[^\d.])[\d一二三四五六七八九十]{1,2}$/.test(text.slice(Math.max(0, clauseBound.index - 4), clauseBound.index - 1)) ? '' : clauseBound.sep,
      };
      // A "（0%）" right after a change is its growth.
      mentions.push(mention);
      paraMentions.push(mention);
      // Text between the previous mention and this one (to see 其中).
      const prevEnd = paraMentions.length > 1 ? paraMentions[paraMentions.length - 2].end : 0;
      const gap = text.slice(prevEnd, f.index);
      // “比人代会预算数增加 60000 万元（其中：旗本级 58800 万元，开发区 1200 万元）”: a 其中 list in a
      // bracket right after a change breaks the change down. Its bare figures are changes, not this year's figures
      // of those parts; its changes that name no base of their own (“旗本级减少 29100 万元”) are on
      // the outer change's base, which may not be last year's. Neither is read, nor a rate of theirs.
      // A part that names its base (“其中公务接待较上年同期减少 0.58 万元”) is read as usual.
      const prevMention = paraMentions[paraMentions.length - 2];
      // Only a bracket that opens right after the change (“…增加 60000 万元（其中：…）”): “…减少 2 万元，
      // 其中：公务接待费 3 万元，比上年减少 1 万元” is the usual list of the total's items.
      // An item that states its own 较上年 change (“（其中：公务用车购置费 25.00 万元，比上年增加 25.00 万元；…）”)
      // makes the bracket a list of the figure's parts, as usual.
      const ownChange = mention.role === 'amount' ? /^[^；;）)]*?(?:比|较|同|与)(?:上年|去年|\d{4}年)/.test(text.slice(mention.end)) : baseOf(clauseBefore) !== undefined;
      if (/^[\s,，]*[（(]\s*其中/.test(gap) && inParens && !ownChange && prevMention?.role === 'change' && prevMention.sentence === mention.sentence && (mention.role === 'amount' || mention.role === 'change')) {
        breakdown = { paragraph: pi + 1, inParens, segment: mention.segment, skipping: false };
      } else if (breakdown && (breakdown.paragraph !== pi + 1 || (breakdown.inParens ? !inParens : mention.segment !== breakdown.segment))) {
        breakdown = undefined;
      }
      // “A x 万元，B y 万元，C z 万元，分别较上年增长 4.75%、下降 6.20%、与上年持平”: rates and changes
      // given for several figures at once (分别) are not paired up here; none is any one figure's.
      if ((mention.role === 'growth' || mention.role === 'change') && /分别/.test(text.slice(lastAmount && lastAmount.amount.paragraph === pi + 1 ? lastAmount.amount.end : 0, f.index))) {
        mention.role = 'annotation';
        continue;
      }
      if (breakdown) {
        if (mention.role === 'amount' || mention.role === 'change') breakdown.skipping = mention.role === 'amount' || baseOf(clauseBefore) === undefined;
        if (breakdown.skipping && (mention.role === 'amount' || mention.role === 'change' || mention.role === 'growth' || mention.role === 'share')) {
          mention.role = 'annotation';
          continue;
        }
      }

      // “本年基本支出 911.70 万元，其中：…。上年基本支出 845.10 万元，其中：人员经费 800.10 万元，公用经费
      // 45.00 万元。”: a 其中 right after last year's figure lists last year's parts. They are no
      // figures of this year, nor a list of the figure before; nothing to the end of the sentence is read.
      if (mention.role === 'amount' && /其中/.test(gap) && prevMention?.role === 'prior' && prevMention.sentence === mention.sentence) {
        closeGroup();
        priorList = { paragraph: pi + 1, sentence: mention.sentence };
      } else if (priorList && (priorList.paragraph !== pi + 1 || priorList.sentence !== mention.sentence)) priorList = undefined;
      if (priorList && (mention.role === 'amount' || mention.role === 'change' || mention.role === 'growth' || mention.role === 'share')) {
        mention.role = 'annotation';
        continue;
      }

      // “…公务接待费 4,895.00 元，具体是国内接待费 4,895.00 元（…），国（境）外接待费 0 元”: after
      // 具体是 / 具体为 / 包括, the figures to the end of the segment detail the item before them.
      // Inside a 其中 list, “…基本支出 1098.14 万元，主要包括：人员经费 …、公用经费 …；项目支出 …”: the
      // item's own details, introduced after its figure (the colon ends the clause), are not items of the list.
      // (“公用经费 63.60 万元，为办公费 2.92 万元等…”: a clause opening with 为 / 是 / 即 / 含 says what
      // the item is made of.)
      const itemDetail = !!group && !group.closed && lastAmount?.partOf === group && lastAmount.amount.paragraph === pi + 1 && (introducesDetail(gap) || /^\s*[，,]\s*(?:为|是|即|含)/.test(gap));
      if ((mention.role === 'amount' || mention.role === 'annotation') && /元$/.test(mention.unit) && (introducesDetail(clauseBefore) || itemDetail)) detail = { paragraph: pi + 1, segment: mention.segment };
      else if (detail && (detail.paragraph !== pi + 1 || detail.segment !== mention.segment)) detail = undefined;
      if (detail && mention.role === 'amount') {
        mention.role = 'annotation';
        continue;
      }
      // “此外，年初结转和结余 34.78 万元”: what comes after 此外 / 另外 is not one of the list's items, nor a
      // figure the next sentence's change could be of; the list ends there and stays its total's.
      if (mention.role === 'amount' && group && !group.closed && /(?:此外|另外|另有|除此之外)/.test(gap)) {
        closeGroup();
        mention.role = 'annotation';
        continue;
      }

      if (mention.role === 'amount') {
        // Subject: from the clause boundary (looking through brackets) to the figure; but a bracket
        // still open at the figure starts it: in “公务用车购置及运行维护费 4070 万元（其中公务用车购置费
        // 1422 万元” the second figure's subject is “公务用车购置费”, not the words before the bracket.
        const sb = boundaryBefore(text, f.index, false);
        const open = openingBracket(text, f.index);
        let subjStart = open >= sb.index ? open + 1 : sb.index;
        let subjText = text.slice(subjStart, f.index);
        const cleaned = cleanSubject(subjText);
        subjStart += cleaned.offset;
        subjText = cleaned.subject;
        // “收、支总计各是 4125.49，4143.91 万元”: figures listed for several subjects at once (各), the
        // first without its unit. Which figure is whose, and what follows of which, is not read:
        // nothing here is a statement, nor does a change or rate after it attach to an earlier one.
        if (/\d\.\d|\d\s*[,，、]\s*$/.test(subjText.replace(/\d{4}\s*年/g, '')) || (subjText.trim() === '' && /\d\s*[,，、]\s*$/.test(text.slice(Math.max(0, f.index - 16), f.index)))) {
          mention.role = 'annotation';
          lastAmount = undefined;
          lastChangeOwner = undefined;
          continue;
        }
        // “公务用车运行维护费和公务接待费分别为 5 万元和 1.5 万元”: figures of several subjects at once
        // (分别): which is whose is said by their order, not read here; none is a statement.
        if (/分别/.test(subjText)) {
          respectively = { paragraph: pi + 1, segment: mention.segment };
        }
        if (respectively && respectively.paragraph === pi + 1 && respectively.segment === mention.segment) {
          mention.role = 'annotation';
          lastAmount = undefined;
          lastChangeOwner = undefined;
          continue;
        }
        respectively = undefined;
        // “支出 2.05 万元，年初预算为 2.95 万元，差值为 0.9 万元”: the budget and the gap of the figure
        // before, not figures of their own (nor items of a list).
        if (/^(?:年初|全年|调整)?预算(?:数)?$|^(?:差值|差额|相差)$/.test(subjText.trim())) {
          mention.role = 'annotation';
          continue;
        }
        const st: Statement = { id: statements.length, amount: mention, subject: subjText, subjectStart: subjStart, section };
        const codeM = /[（(]\s*(\d{3,7})\s*[)）]\s*(基本支出|项目支出|人员经费|公用经费)?(?:为|是)?\s*$/.exec(subjText);
        if (codeM) {
          st.code = codeM[1];
          st.codeStart = subjStart + codeM.index + codeM[0].indexOf(codeM[1]);
          st.codeEnd = st.codeStart + codeM[1].length;
          st.name = subjText.slice(0, codeM.index).trim();
          if (codeM[2]) st.codeColumn = codeM[2];
        } else {
          st.name = subjText.trim();
        }
        // “上年预算收入 280 万元”: last year's figure of the subject it names (or of the list's total);
        // it is never an item of this year's list, and the list ends there.
        if (/^(?:上年|上年度|去年|上一年度)/.test(st.subject)) {
          const key = nameKey(st.subject.replace(/^(?:上年|上年度|去年|上一年度)/, ''));
          const target = statements.filter((s) => nameKey(s.subject) === key && !s.prior).pop() ?? (group && !group.closed ? group.total : undefined);
          if (target && target.amount.unit === mention.unit) {
            mention.role = 'prior';
            target.prior = mention;
            lastChangeOwner = target;
            if (group && group.total === target) closeGroup();
            continue;
          }
        }
        // “公务接待费 2016年预算 8 万元，2015年预算 12.5 万元”: an earlier year's figure of the
        // statement just before (same subject, or no subject but the year) is that statement's prior.
        const prevSt = statements[statements.length - 1];
        const y = yearOf(st.subject);
        const py = prevSt ? yearOf(prevSt.subject) : undefined;
        if (prevSt && y !== undefined && py !== undefined && y < py && prevSt.amount.sentence === mention.sentence && !prevSt.prior && !prevSt.change && prevSt.amount.unit === mention.unit) {
          const rest = nameKey(st.subject.replace(/\d{4}\s*年度?/, ''));
          if (rest === '' || rest === nameKey(prevSt.subject.replace(/\d{4}\s*年度?/, ''))) {
            mention.role = 'prior';
            prevSt.prior = mention;
            lastChangeOwner = prevSt;
            continue;
          }
        }
        // 其中: a new group whose total is the last amount. A clause opening with 含/包含 right after a
        // figure (“收支总预算 4471.22 万元，含幼儿园经费 537.31 万元”) lists its parts the same way.
        const ofWhich = /其中\s*([：:，,]?)/.exec(gap) ?? /^\s*[,，]\s*(?:包含|含)()(?![有量山])/.exec(gap);
        const paragraphStartsList = pi > 0 && paraMentions.length === 1 && group && group.spansParagraphs;
        // A new paragraph that opens with a sentence of its own before the 其中 (“… 资金安排 0 元。” ¶
        // “按政府采购项目类型，分为货物类、工程类和服务类。其中：货物类采购 10000 元 …”): the list is
        // that sentence's, not the last figure's. (Within a paragraph a sentence in between, such as the
        // reason for the total's change, leaves the list to the total.)
        const opens = !!lastAmount && !!ofWhich && lastAmount.amount.paragraph !== pi + 1 && /[。！？!?]/.test(text.slice(0, prevEnd + ofWhich.index));
        if (ofWhich && lastAmount && opens) closeGroup();
        else if (ofWhich && lastAmount) {
          // “…（其中：A …；B …）”: a list nested in brackets; the outer list goes on after them.
          // “（1）…（2080109）118.40 万元，其中：人员经费 …”: an item's own list inside a list over paragraphs.
          const nestedItem = !inParens && !!group && !group.closed && group.spansParagraphs && lastAmount.partOf === group;
          // “三公 …，其中：…；公务用车购置及运行维护费 27.46 万元 …；其中：公务用车购置 0 万元 …；运行维护
          // 27.46 万元 …；公务接待费 22.59 万元”: the 公务用车 item's own 其中 holds its 购置 and 运行 only;
          // the next other item is the outer list's again.
          // (A bracket ends the list by itself: “（其中，…，其他交通费用 2846 万元）”.)
          const vehicle = !inParens && isVehicleTotal(lastAmount.subject);
          if ((inParens || nestedItem || vehicle) && group && !group.closed && lastAmount.partOf === group) outer = group;
          else closeGroup();
          // A paragraph that opens with 其中 after a paragraph of several figures (“…其中基本支出 1098.14
          // 万元，项目支出 522.00 万元。” ¶ “其中人员经费 …，公用经费 …”): its parts are those of the figure
          // they are by definition parts of (基本支出), not of the last figure (项目支出).
          let total = lastAmount;
          if (lastAmount.amount.paragraph !== pi + 1 && !definedPartOf(lastAmount.subject, st.subject)) {
            const owner = statements.filter((s) => s.amount.paragraph === lastAmount!.amount.paragraph && definedPartOf(s.subject, st.subject)).pop();
            if (owner) total = owner;
          }
          group = { total, parts: [], colon: inParens || /[：:]/.test(ofWhich[1]), spansParagraphs: false, closed: false, seps: new Set(), inParens, nestedItem, vehicle };
          if (/其中\s*[：:]?\s*(?:1[、.．](?!\d)|[（(]1[)）])/.test(gap)) group.numbered = true;
          groups.push(group);
        } else if (!ofWhich && group && !paragraphStartsList && mention.sep === '：') {
          // "机关运行经费 … 其中：" handled above; a colon elsewhere starts a new statement.
        }
        if (group && !group.closed && group.vehicle && !/车|购|运行|维护|燃油|维修|保险|交通/.test(st.subject)) {
          // (“…公务用车购置及运行维护费 37.80 万元。其中：购置 …；运行维护 …；公务接待费 4.90 万元”: with
          // the 三公 list already ended, 公务接待费 is in no list.)
          group.closed = true;
          group = outer;
          outer = undefined;
        }
        // A line that cannot be a part of the list's total ends the list (back to the list it is in):
        // a code of the same classification not under the total's (“对事业单位经常性补助（505）…，其中：
        // …（50501）…，…（50502）…；对个人和家庭的补助（509）…”), or the total's sibling by definition
        // (“对个人和家庭的补助 86.2 万元，其中：退休费 86.2 万元；商品和服务支出 63.6 万元”).
        if (group && !group.closed && group.total !== st && !ofWhich) {
          const tc = group.total.code;
          const pc = st.code;
          const foreignCode = !!tc && !!pc && pc[0] === tc[0] && !pc.startsWith(tc);
          if (foreignCode || definedSiblings(group.total.subject, st.subject)) {
            group.closed = true;
            group = outer && !outer.closed ? outer : undefined;
            outer = undefined;
          }
        }
        if (group && !group.closed) {
          group.parts.push(st);
          group.seps.add(mention.sep);
          st.partOf = group;
        }
        statements.push(st);
        lastAmount = st;
        lastChangeOwner = undefined;
      } else if (mention.role === 'budget' || mention.role === 'completion') {
        // “支出决算 8.77 万元，完成预算的 39.86%” / “完成全年预算 1,200 万元的 95%”: of the figure before.
        if (lastAmount && lastAmount.amount.sentence === mention.sentence) {
          if (mention.role === 'budget') lastAmount.budget = mention;
          else lastAmount.completion = mention;
        }
} else if (mention.role === 'change' || mention.role === 'prior' || mention.role === 'growth' || mention.role === 'share') {
        // A change that names its own subject (“公务用车购置费减少 79.4 万元”) belongs to the
        // statement of that subject; when none is stated, the change stands alone (not checked here).
        if (mention.role === 'change') {
          mention.base = baseOf(clauseBefore);
          const by = /(?:较|比|与)(\d{4})年/.exec(clauseBefore);
          if (by) mention.baseYear = Number(by[1]);
        }
        let owner: Statement | undefined;
        const named = mention.role === 'change' || mention.role === 'prior' ? namedSubject(clauseBefore) : undefined;
        if (named) {
          owner = figureOf(named, pi + 1);
          orphan = !owner;
          if (owner) lastChangeOwner = owner;
          else standAlone(mention, named.trim());
        } else if (mention.role === 'growth' && orphan && mention.sentence === lastOrphanSentence) {
          owner = undefined;
          const last = changeOnly[changeOnly.length - 1];
          if (last && !last.growth && last.change.sentence === mention.sentence) last.growth = mention;
        } else {
          const found = ownerFor(mention, lastAmount, lastChangeOwner);
          owner = found ?? undefined;
          if (mention.role === 'change' || mention.role === 'prior') orphan = found === null;
          // A change that cannot be placed stands alone, and so does a rate right after it.
          if (found === null) standAlone(mention, '');
          // “…；公务接待费支出决算比预算无增减变化，比去年增加 0.5 万元”: a change that names no
          // subject belongs to the subject its segment opens with, when that is not the statement
          // found before the segment; with no figure of that subject, it stands alone.
          const lead = mention.role === 'change' || mention.role === 'prior' ? segmentSubject(text, f.index) : undefined;
          if (lead && owner && (owner.amount.paragraph !== pi + 1 || owner.amount.start < lead.start) && nameKey(lead.subject) !== nameKey(owner.subject)) {
            owner = figureOf(lead.subject, pi + 1);
            orphan = !owner;
            if (owner) lastChangeOwner = owner;
            else standAlone(mention, lead.subject);
          }
        }
        if (owner) {
          if (mention.role === 'change') {

            if (owner.change && owner.change.base !== mention.base && owner.change.sentence === mention.sentence) {
              // “较上年减少 19 万元，下降 43.78%，较年初预算数减少 4 万元，下降 2.2%”: a second
              // comparison of the same figure on another base, checked on its own.
              const alt: Statement = { ...owner, id: statements.length, change: mention, growth: undefined, prior: undefined, flat: undefined, partOf: undefined, share: undefined, alt: true };
              statements.push(alt);
              lastChangeOwner = alt;
            } else {
              owner.change = mention;
              lastChangeOwner = owner;
            }
          } else if (mention.role === 'prior') {
            owner.prior = mention;
            lastChangeOwner = owner;
          } else if (mention.role === 'growth') {
            const target = lastChangeOwner ?? owner;
            target.growth = mention;
          } else {
            owner.share = mention;
            const [den, ...others] = findDenominators(statements, clauseBefore, owner);
            owner.shareOf = den;
            if (others.length) owner.shareOfAlso = others;
          }
        }
      }
    }
    // 原因 phrases and flat statements ("持平", "无变化") attach to the statement before them.
    annotateReasons(para, text, pi + 1, statements);
    const rest = text.slice(cursor);
    const restSent = (rest.match(/[。！？!?]/g) ?? []).length;
    sentence += restSent + 1;
    segment += restSent + 1 + (rest.match(/[；;]/g) ?? []).length;
    // A paragraph ending with "其中：" opens a group that spans the following paragraphs.
    // Only when the total is in the same paragraph: a “其中：” standing alone after a sentence that
    // ended does not say whose parts follow (items “占支出总预算 78.33%” after “项目支出预算 48100 元。”).
    if (/其中\s*[：:]\s*$/.test(text) && lastAmount && lastAmount.amount.paragraph === pi + 1) {
      closeGroup();
      group = { total: lastAmount, parts: [], colon: true, spansParagraphs: true, closed: false, seps: new Set() };
      groups.push(group);
    } else if ((popNested(), group && !group.spansParagraphs)) {
      closeGroup();
    } else if (group && group.spansParagraphs && !group.itemStyle && /。\s*$/.test(text)) {
      // “基本支出 911.7 万元，其中：¶ 人员经费 489.18 万元，主要包括：…等。¶ 公用经费 46.89 万元，主要
      // 包括：…等。”: parts of the total's definition, each ended by 。 after its details, may go on.
      if (group.parts.length > 0) group.pendingEnd = true;
      else closeGroup();
    }
  });
  closeGroup();
  reconcile(statements);
  return { paragraphs, source: physical, origin: logical.map((l) => l.origin), mentions, statements, groups, headings, sectionOf, changeOnly, tables: flatTables(paragraphs) };
}

/**
 * Where a span of a logical paragraph (1-based, offsets in its normalised text) lies in the
 * paragraphs as given: the physical paragraph (1-based) of its start, clipped to that paragraph.
 */
export function physicalSpan(x: Pick<ExtractedText, 'origin' | 'source'>, paragraph: number, start: number, end: number): { paragraph: number; start: number; end: number } {
  const origin = x.origin?.[paragraph - 1];
  if (!origin || origin.length === 0) return { paragraph, start, end };
  const a = origin[Math.min(Math.max(0, start), origin.length - 1)];
  const last = origin[Math.min(Math.max(end - 1, start, 0), origin.length - 1)];
  const e = last.p === a.p ? last.o + 1 : (x.source[a.p] ?? '').length;
  return { paragraph: a.p + 1, start: a.o, end: Math.max(e, a.o + 1) };
}

/**
 * Tables flattened into text: cells between |. Each label cell starts a row; the numbers after it
 * are its cells. Labels before the first number are the header.
 */
export function flatTables(paragraphs: string[]): FlatTable[] {
  const out: FlatTable[] = [];
  paragraphs.forEach((text, pi) => {
    if ((text.match(/\|/g) ?? []).length < 4) return;
    const t: FlatTable = { paragraph: pi + 1, header: [], rows: [] };
    let row: FlatRow | undefined;
    const re = /[^|]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const cell = m[0].trim();
      if (!cell) continue;
      const start = m.index + m[0].indexOf(cell);
      const num = /^([-+]?\d+(?:,\d{3})*(?:\.\d+)?)%?$/.exec(cell);
      if (num) {
        if (!row) {
          row = { label: '', cells: [] };
          t.rows.push(row);
        }
        const raw = num[1].replace(/,/g, '');
        row.cells.push({ raw: cell, value: new Decimal(raw), decimals: decimalsOfRaw(raw), start, end: start + cell.length });
      } else {
        if (!t.rows.some((r) => r.cells.length)) t.header.push(cell);
        row = { label: cell, cells: [] };
        t.rows.push(row);
      }
    }
    t.rows = t.rows.filter((r) => r.cells.length > 0);
    if (t.rows.length) out.push(t);
  });
  return out;
}

/** How a paragraph is numbered: 1、/1. → 'num', (1) → 'paren-num', 一、 → 'cn', (一) → 'paren-cn', ① → 'circled'. */
function itemStyle(t: string): string | undefined {
  if (/^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]/.test(t)) return 'paren-cn';
  if (/^\s*[（(]\s*\d+\s*[)）]/.test(t)) return 'paren-num';
  if (/^\s*[一二三四五六七八九十]+[、.．]/.test(t)) return 'cn';
  if (/^\s*\d+\s*[、.．](?!\d)/.test(t)) return 'num';
  if (/^\s*[①②③④⑤⑥⑦⑧⑨⑩]/.test(t)) return 'circled';
  return undefined;
}

function baseOf(clauseBefore: string): 'budget' | 'prior' | undefined {
  if (/年初预算|调整预算|全年预算|预算数相比|与预算|(?:比|较)预算/.test(clauseBefore)) return 'budget';
  if (/上年|去年|\d{4}年|同比/.test(clauseBefore)) return 'prior';
  return undefined;
}

/** The year a subject starts with or names: “2015年三公经费预算拨入” → 2015. */
function yearOf(subject: string): number | undefined {
  const m = /(\d{4})\s*年/.exec(subject);
  return m ? Number(m[1]) : undefined;
}

/** The year a statement is about: in its subject, its list's total, or its section's heading. */
function yearOfStatement(s: Statement): number | undefined {
  return yearOf(s.subject) ?? (s.partOf ? yearOf(s.partOf.total.subject) : undefined) ?? yearOf(s.section);
}

/**
 * Of the statements of one subject, the one a 较上年 change speaks of: the last one, unless they are
 * stated for different years (“2022年预算 … 公务接待 11.8 万元 … 2021年决算 … 公务接待 12.39 万元 …
 * 公务接待较上年减少 0.58 万元”), where it is the latest year's.
 */
function latestYear(same: Statement[]): Statement | undefined {
  if (same.length < 2) return same[same.length - 1];
  const years = same.map(yearOfStatement);
  if (years.some((y) => y === undefined) || new Set(years).size < 2) return same[same.length - 1];
  const top = Math.max(...(years as number[]));
  const latest = same.filter((_, i) => years[i] === top);
  return latest[latest.length - 1];
}

/**
 * The subject a segment (since the last 。；：) opens with, when its first clause is that subject
 * compared with something: “公务接待费支出决算比预算无增减变化” → 公务接待费支出决算. Undefined when
 * the segment opens otherwise, or the figure is in its first clause.
 */
function segmentSubject(text: string, at: number): { subject: string; start: number } | undefined {
  const start = Math.max(...['。', '；', ';', '：', ':', '！', '？'].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const seg = text.slice(start, at);
  const first = /^[^，,]*/.exec(seg)![0];
  if (first.length === seg.length) return undefined;
  const m = /^\s*(?:其中|另外|此外|同时)?[，,]?\s*([^，,]*?)(?:比|较|与|同)(?:上年|去年|预算|年初|\d{4}年)/.exec(first);
  if (!m) return undefined;
  const subject = m[1].replace(ENUM_PREFIX, '').trim();
  return (nameKey(subject).match(/[\u4e00-\u9fff]/g) ?? []).length >= 2 ? { subject, start } : undefined;
}

/** “公务用车购置及运行维护费”, “公务用车购置和运行费”: the 三公 item made of 购置 and 运行. */
function isVehicleTotal(subject: string): boolean {
  return /公务用车|车辆/.test(subject) && /购置/.test(subject) && /运行|维护/.test(subject);
}

/** The subject's figure in the change's own paragraph (the last one), else the latest year's. */
function nearestOrLatest(same: Statement[], paragraph: number): Statement | undefined {
  const here = same.filter((s) => s.amount.paragraph === paragraph);
  return here.length ? here[here.length - 1] : latestYear(same);
}

/**
 * “包括 …”, “具体是 …” right before a figure: the figure details the item before (“不包括上年结转”, or
 * 包括 inside a closed bracket, does not).
 */
function introducesDetail(before: string): boolean {
  const outside = before.replace(/[（(][^（()）]*[）)]/g, '');
  // (No lookbehind: the task pane also runs in older WebKit, where a lookbehind is a syntax error.)
  // 主要是 / 主要用于 / 用于 …: what the figure is made of or spent on, not a figure of its own list.
  return /(?:具体是|具体为|具体包括|(?:^|[^不])包括|主要是|主要有|(?:^|[^不])用于)[^，,；;。]*$/.test(outside);
}

/** The subject a 较上年 clause names itself, or undefined: “公务接待费支出决算增加” → 公务接待费支出决算. */
function namedSubject(clauseBefore: string): string | undefined {
  const t = clauseBefore
    .replace(CHANGE_VERB_END, '')
    .replace(/(?:较|比|与|同)(?:上年|上年度|去年|\d{4}年度?)(?:的)?(?:年初)?(?:预算数?|决算数?|执行数|同期|实际)?(?:相比|比较)?/g, '')
    .replace(/^(?:其中|同比|分别|另外|此外)[：:，,]?/, '')
    .replace(/^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+、|\d+\s*[、.．](?!\d))\s*/, '');
  const key = nameKey(t).replace(/^(?:对比|相比|比较|同比|环比|相较|经比较|分别|均|共|合计|总计|其中|主要|同期)+/, '').replace(/(?:相比|对比|比较)$/, '');
  return (key.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2 ? t : undefined;
}

/** A subject as a key for “the same subject again”: years, 预算/决算, 支出/经费/费 and filler dropped. */
export function nameKey(subject: string): string {
  return subject
    .replace(/[“”"‘’\s]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/本单位|本部门|我单位|我部门|\d{4}年度?|当年|本年|年初|全年|财政拨款|一般公共预算|公共财政拨款|安排|预算数?|决算数?|执行数|支出|经费|费用|费|合计|总额|总计|的|为|是|共|计/g, '');
}

/** Which statement a change / growth / share / prior mention speaks of. */
function ownerFor(m: Mention, last: Statement | undefined, lastChangeOwner: Statement | undefined): Statement | undefined | null {
  if (!last) return undefined;
  if (m.role === 'growth' && lastChangeOwner && !lastChangeOwner.growth) return lastChangeOwner;
  // “…，上年预算收入 280 万元，较上年增加 20.5 万元”: the change of the figure whose prior was just stated.
  if (m.role === 'change' && lastChangeOwner && lastChangeOwner.prior && !lastChangeOwner.change && lastChangeOwner.prior.sentence === m.sentence) return lastChangeOwner;
  let g = last.partOf;
  if (!g || g.total === last) return last;
  // After the sentence of a 其中 list has ended, the text speaks of the total again, unless the
  // total's change on the same base is already stated and this one differs. A list inside an item
  // of another list (“公车购置及运行费 996 万元（其中购置费 37 万元，运行费 959 万元）。”) has ended
  // with the outer one: the total is the outer list's.
  if (m.sentence > last.amount.sentence) {
    for (let outer = g.total.partOf; outer && outer !== g && outer.total.amount.sentence === g.total.amount.sentence; outer = g.total.partOf) g = outer;
    const stated = m.role === 'change' ? g.total.change : undefined;
    // The same change said again (“…减少 2.00 万元。其中：…。比上年减少 2.00 万元，下降 16.67%”) is the total's.
    const again = stated && stated.direction === m.direction && mentionYuan(stated).minus(mentionYuan(m)).abs().lte(mentionHalfUnitYuan(stated).plus(mentionHalfUnitYuan(m)));
    // One that differs (“…比上年预算减少 2 万元。其中：…。比上年决算减少 1 万元”: the total on another
    // base? the last item? “…减少 0.88 亿元。其中，因公出国（境）费 0.61 亿元。比 2015 年减少 48.45 万元”)
    // cannot be placed: null, it stands alone.
    return stated && stated.base === m.base && !again ? null : g.total;
  }
  // A 较上年 clause after an inline 、 list of figures speaks of the total (a 、 inside one item's
  // name, “教育、文化旅游体育与传媒…支出 238.4 亿元，增长 10.1%”, makes no list).
  if (last.amount.sep === '、' && g.parts.length >= 2) return g.total;
  return last;
}

/**
 * Ambiguous attachments ("其中：A 5 万元，B 0 万元，与上年相比，减少 5 万元，减幅 50%"): when the
 * change was read as the last part's but only the total's reading agrees with the stated 增幅,
 * the total's reading is taken.
 */
function reconcile(statements: Statement[]): void {
  for (const s of statements) {
    const g = s.partOf;
    if (!g || !s.change || !s.growth || g.total.change) continue;
    if (g.parts[g.parts.length - 1] !== s) continue;
    const ok = (st: Statement) => {
      const pct = growthPercent(st.amount.value, s.change!.value.times(s.change!.direction ?? 1));
      return pct !== null && pct.toDecimalPlaces(s.growth!.decimals, Decimal.ROUND_HALF_UP).minus(s.growth!.value).abs().lte(new Decimal(10).pow(-s.growth!.decimals));
    };
    if (!ok(s) && ok(g.total)) {
      g.total.change = s.change;
      g.total.growth = s.growth;
      s.change = undefined;
      s.growth = undefined;
    }
  }
}

/** 增幅 in percent from this year's amount and the signed change; null when last year was 0. */
export function growthPercent(amount: Decimal, signedChange: Decimal): Decimal | null {
  const prior = amount.minus(signedChange);
  if (prior.isZero()) return null;
  return signedChange.abs().dividedBy(prior.abs()).times(100);
}

/** A base naming the whole of the 收入 or the 支出 side: 总支出, 支出合计, 收入总额, 支出总预算 … */
const WHOLE_BASE = /^(?:本年|全年)?(?:总(收入|支出)|(收入|支出)(?:预算)?(?:合计|总额|总计|总预算))$/;

/**
 * The figure a share is of: the nearest earlier statement whose subject holds the words after 占,
 * then the other such statements of different figures (“全盟一般公共预算收入 … 旗级一般公共预算收入
 * … 税收收入 …，占一般公共预算收入的 68.6%”: which one is meant, the words do not say).
 */
function findDenominators(statements: Statement[], clauseBefore: string, owner: Statement): Statement[] {
  const m = /占([^，。；]*?)(?:的|比重|比例)/.exec(clauseBefore);
  // “其中：一般公共预算财政拨款收入 3859.16 万元，占 93.54%”: a part's share that names no base is
  // the share of the list's total (“占支出总预算 78.33%” names one, without 的).
  // In a nested list (“财政拨款收入 800 万元（其中：一般公共预算拨款 600 万元，占 60%）”) it may be of a
  // total above: every total up the lists is a candidate, and the share is wrong only if it fits none.
  const bare = /占\s*(?:比|比重|比例)?\s*(?:为|是|达)?\s*$/.test(clauseBefore);
  if (!m && bare && owner.partOf && owner.partOf.total !== owner) {
    const up: Statement[] = [];
    for (let t: Statement | undefined = owner.partOf.total; t && !up.includes(t); t = t.partOf?.total) up.push(t);
    const overall = totalStatement(statements, '预算总额', owner);
    return overall && !up.includes(overall) ? [...up, overall] : up;
  }
  // A share that names no base, in no list (“一般公共预算支出 1297.14 万元。支出按功能分类：社会保障和
  // 就业支出 1165.30 万元，占 89.84%”): of the figure stated before it in its paragraph, or of the
  // 预算总额 — which one is not said; the share is wrong only if it fits neither. (A figure with a share
  // of its own is a sibling in a series of items, “…5.21 万元，占 67.75%；…2.48 万元，占 32.24%”.)
  if (!m && bare && !owner.partOf) {
    const near = statements.filter((s) => s !== owner && s.id < owner.id && s.amount.paragraph === owner.amount.paragraph && !s.partOf && !s.alt && !s.share).pop();
    const overall = totalStatement(statements, '预算总额', owner);
    const both = [near, overall].filter((s): s is Statement => !!s);
    if (near) return both.filter((s, i) => both.indexOf(s) === i);
  }
  // “占基本支出 94.21%”: the base runs to the figure when no 的 / 比重 ends it.
  const named0 = m ?? /占\s*([^，。；\d]*[\u4e00-\u9fff][^，。；\d]*?)\s*(?:为|是|达)?\s*$/.exec(clauseBefore);
  const baseWords = named0 && !/^(?:比|比重|比例)$/.test(named0[1].trim()) ? named0 : null;
  const what = baseWords ? baseWords[1].replace(/\s/g, '') : '预算总额';
  const key = what.replace(/^(本单位|本部门|部门|单位)/, '') || '预算总额';
  const distinct = (list: Statement[]) => list.filter((s, i) => list.findIndex((o) => o.amount.value.eq(s.amount.value) && o.amount.unit === s.amount.unit) === i);
  const named = statements.filter((s) => s !== owner && s.subject.replace(/\s/g, '').includes(key)).reverse();
  if (named.length) return distinct(named);
  // The whole of one side under another of its names: 总支出 for 支出合计 (or 支出总计, 支出总额, 支出总预算).
  // With more than one of them stated, the share is wrong only if it fits none.
  const side = WHOLE_BASE.exec(key)?.slice(1).find(Boolean);
  if (side) {
    const whole = new RegExp(`总${side}|${side}(?:预算)?(?:合计|总额|总计|总预算)`);
    // (The total of the owner's own list counts when it names the side: “支出合计 …，其中基本支出 …，占总
    // 支出的 …”, read with 合计 taken off the subject.)
    const listTotal = owner.partOf?.total;
    const wholes = statements
      .filter((s) => s !== owner && (whole.test(s.subject.replace(/\s/g, '')) || (s === listTotal && s.subject.endsWith(side))))
      .reverse();
    if (wholes.length) return distinct(wholes);
  }
  const found = totalStatement(statements, key, owner);
  return found ? [found] : [];
}

/** "预算总额" in a text that says "收入预算总额为" / "支出预算总额为": the last such total. */
function totalStatement(statements: Statement[], key: string, owner: Statement): Statement | undefined {
  if (/总额/.test(key)) {
    for (let i = statements.length - 1; i >= 0; i--) {
      const s = statements[i];
      if (s !== owner && /总额|总计|预算收入|预算支出/.test(s.subject)) return s;
    }
  }
  return undefined;
}

function annotateReasons(para: string, text: string, paragraph: number, statements: Statement[]): void {
  const inPara = statements.filter((s) => s.amount.paragraph === paragraph);
  if (inPara.length === 0) return;
  const re = /(持平|无变化|没有变化|未变化|不变)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const owner = lastBefore(inPara, m.index);
    if (owner && !owner.change && /(较|比|与)上年|上年度/.test(text.slice(Math.max(0, m.index - 12), m.index + 2))) owner.flat = true;
  }
  // “与2021年度预算相比无变化 / 无增减”: this year's figure equals its budget.
  const rb = /与\d{4}年度?(?:年初)?预算(?:数)?相比[，,]?\s*(?:无变化|无增减|持平|没有变化|未发生变化)/g;
  while ((m = rb.exec(text))) {
    const owner = lastBefore(inPara, m.index);
    if (owner && !owner.change && owner.amount.end <= m.index) owner.flatBudget = { start: m.index, end: m.index + m[0].length };
  }
  const rr = /(?:主要)?原因(?:是|为|：|:)?/g;
  while ((m = rr.exec(text))) {
    const owner = lastBefore(inPara, m.index);
    if (!owner || owner.reason) continue;
    // End of the reason: the next ；or 。 or end of paragraph.
    const endRel = text.slice(m.index).search(/[；;。]/);
    const end = endRel < 0 ? text.length : m.index + endRel;
    // Back up to the start of the clause ("增加的主要原因是…").
    const b = boundaryBefore(text, m.index, false).index;
    owner.reason = { start: b, end };
  }
  void para;
}

function lastBefore(list: Statement[], pos: number): Statement | undefined {
  let best: Statement | undefined;
  for (const s of list) {
    const p = Math.max(s.amount.end, s.change?.end ?? 0);
    if (s.amount.start < pos && (!best || p > Math.max(best.amount.end, best.change?.end ?? 0))) best = s;
  }
  // Prefer the statement that owns the latest change before pos (a change attached to a total).
  for (const s of list) {
    if (s.change && s.change.end <= pos && (!best || s.change.end > Math.max(best.amount.end, best.change?.end ?? 0))) best = s;
  }
  return best;
}

/** Amount of a mention in 元 (for 万亿元/亿元/万元/千元/元 mentions). */
export function mentionYuan(m: Mention): Decimal {
  switch (m.unit) {
    case '万亿元':
      return m.value.times(1e12);
    case '亿元':
      return m.value.times(1e8);
    case '万元':
      return m.value.times(1e4);
    case '千元':
      return m.value.times(1e3);
    default:
      return m.value;
  }
}

/** Half a unit of the mention's last printed digit, in 元 (for 万元 mentions). */
export function mentionHalfUnitYuan(m: Mention): Decimal {
  return mentionYuan({ ...m, value: new Decimal(0.5).times(new Decimal(10).pow(-m.decimals)) });
}

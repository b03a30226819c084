/**
 * Table titles as printed, reduced to what they mean.
 *
 * Real titles wrap the standard table name in the province's and the unit's wording:
 *   "公开01表 上海市XX局2024年部门财务收支预算总表（不含上年结转）"
 *   "一、收支预算总表", "表一 部门收支总表", "附表3：2024年一般公共预算支出功能分类预算表"
 * `tableNumber` reads the 表号 in all these forms; `canonicalTitle` strips 表号, ordinal, year and the
 * neutral qualifiers, and keeps what tells tables apart (功能/经济 from a suffix such as （功能科目）).
 */
import { normalise } from './profile';

const CN_NUM = '[一二三四五六七八九十百零〇]+(?!般)';
const DIGITS = '[0-9０-９]+';

/**
 * 表号 forms, each anchored at the start of the (trimmed) text:
 *   表5, 表5-1, 表一, 附表1, 附件1, 公开01表, 公开表一, 预算公开表1, 部门公开表01 …
 */
const NUMBER_FORMS: RegExp[] = [
  new RegExp(`^(?:附)?表\\s*(${DIGITS}(?:\\s*[-－—]\\s*${DIGITS})?|${CN_NUM})`),
  new RegExp(`^(?:[\\u4e00-\\u9fa5]{0,6}?)(?:公开\\s*(?:表\\s*)?(${DIGITS}(?:\\s*[-－—]\\s*${DIGITS})?|${CN_NUM})\\s*(?:号)?表?|(?:预算|决算)\\s*(${DIGITS}(?:\\s*[-－—]\\s*${DIGITS})?)\\s*(?:号)?表)`),
  new RegExp(`^附件\\s*(${DIGITS}(?:\\s*[-－—]\\s*${DIGITS})?)`),
];

function halfWidth(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The 表号 at the start of `text`, normalised ("表5", "表5-1", "表一", "公开表01"), and the rest of
 * the text after it and its separator.
 */
export function tableNumber(text: string): { number?: string; rest: string } {
  const t = text.trim();
  for (let i = 0; i < NUMBER_FORMS.length; i++) {
    const m = NUMBER_FORMS[i].exec(t);
    if (!m) continue;
    // "表内…", "表格…" are words, not numbers: the form requires the digits or numerals right after.
    const n = halfWidth(m[1] ?? m[2]).replace(/\s/g, '').replace(/[－—]/g, '-');
    const number = i === 1 ? `公开表${n}` : i === 2 ? `附件${n}` : `表${n}`;
    return { number, rest: t.slice(m[0].length).replace(/^[\s:：、.．\-—]+/, '') };
  }
  return { rest: t };
}

/** Qualifiers that do not change which table it is. */
const NEUTRAL_SUFFIX = /\((?:不含|含)[^)]*\)$|\((?:草案|公开|续表?|续|单位:?[^)]*|金额单位:?[^)]*)\)$/;
/** A leading ordinal "一、", "（一）", "1." before the title. */
const ORDINAL = new RegExp(`^(?:${CN_NUM}[、.．]|\\(${CN_NUM}\\)|\\d{1,2}[、.．](?!\\d))`);
const YEAR = /(?:19|20)\d{2}年(?:度)?/;

export interface CanonicalTitle {
  /** The title without 表号, ordinal, years and neutral qualifiers (normalised: no spaces, half-width brackets). */
  core: string;
  /** A 功能/经济 qualifier stated in the title or its suffix. */
  scheme?: 'func' | 'econ';
  /** The title without 表号 and neutral qualifiers only (for profiles whose patterns name years and suffixes). */
  stripped: string;
}

const canonMemo = new Map<string, CanonicalTitle>();

export function canonicalTitle(text: string): CanonicalTitle {
  let c = canonMemo.get(text);
  if (!c) {
    c = canonicalUncached(text);
    if (canonMemo.size > 50000) canonMemo.clear();
    canonMemo.set(text, c);
  }
  return c;
}

function canonicalUncached(text: string): CanonicalTitle {
  const { rest } = tableNumber(text);
  let stripped = normalise(rest);
  for (let guard = 0; guard < 3 && NEUTRAL_SUFFIX.test(stripped); guard++) stripped = stripped.replace(NEUTRAL_SUFFIX, '');
  let n = normalise(rest).replace(ORDINAL, '');
  // A 表号 written after an ordinal or inside the title ("一、表1 …") is still a 表号.
  const inner = tableNumber(n);
  if (inner.number) n = normalise(inner.rest);
  let scheme: CanonicalTitle['scheme'];
  for (let guard = 0; guard < 3; guard++) {
    const before = n;
    n = n.replace(NEUTRAL_SUFFIX, '');
    // A trailing qualifier that names the classification: （功能科目）, （按经济分类）, （按支出功能分类科目）.
    const q = /\(([^()]*)\)$/.exec(n);
    if (q && /功能|经济/.test(q[1]) && q[1].length <= 14) {
      scheme = /功能/.test(q[1]) ? 'func' : 'econ';
      n = n.slice(0, q.index);
    }
    if (n === before) break;
  }
  n = n.replace(new RegExp(YEAR.source, 'g'), '');
  if (!scheme && /功能(分类|科目)/.test(n)) scheme = 'func';
  if (!scheme && /经济(分类|科目)/.test(n)) scheme = 'econ';
  return { core: n, scheme, stripped };
}

/**
 * The 财政部 standard names of the 部门预算公开 tables, as the 2017 template prints them (部门收支总表 …
 * 国有资本经营预算支出表). A title in these words, with at most a unit's name and a year before it, says
 * nothing about the province: 湖北 prints them so, and so do 广东 and others. A province profile
 * claims a workbook only by a title in its own wording (陕西 综合预算, 河北 部门预算…, 湖北 …（按功能分类项）).
 * The prefix may not hold a budget word: "部门综合预算收支总表", "部门预算收支总表" are own wordings.
 */
const STANDARD_NAME =
  /^(?:部门)?(?:收支(?:预算)?总表|收入(?:预算)?总表|支出(?:预算)?总表|财政拨款收支(?:预算)?总表|一般公共预算(?:财政拨款)?(?:基本)?支出(?:预算)?表|一般公共预算(?:财政拨款)?"?三公"?经费支出(?:预算)?表|政府性基金(?:预算)?(?:财政拨款)?支出(?:预算)?表|国有资本经营预算(?:财政拨款)?支出(?:预算)?表)$/;
/** A qualifier every province may add: （功能科目）, （按经济分类）, （按支出功能分类科目） — not （按功能分类项）. */
const GENERIC_QUALIFIER = /\((?:按)?(?:支出)?(?:部门|政府)?(?:功能|经济)(?:分类)?(?:科目)?\)$/;

export function standardWording(text: string): boolean {
  const n = canonicalTitle(text).stripped.replace(new RegExp(YEAR.source, 'g'), '').replace(ORDINAL, '').replace(GENERIC_QUALIFIER, '');
  for (let i = 0; i <= Math.min(n.length, 40); i++) {
    const prefix = n.slice(0, i);
    if (/预算|决算|综合|财务|公开|收支|收入|支出/.test(prefix)) return false;
    if (STANDARD_NAME.test(n.slice(i))) return true;
  }
  return false;
}

/**
 * Matches the figures a 说明 states to the table cells they describe, and reports mismatches
 * with both the text position and the cell. Codes in brackets must exist and carry their own
 * name (a 款 name on a 项 code is an error). 空表 claims must agree with the tables.
 */
import Decimal from 'decimal.js';
import { Disclosure, Row, Table, TableKind } from '../disclosure';
import type { CodeCatalogue, CodeScheme } from '../codes/catalogue';
import { ZERO, formatWan, fromYuan, halfUnitYuan } from '../money';
import { ExtractedText, Mention, Statement, mentionHalfUnitYuan, mentionYuan } from './extract';
import { Fig, FigureDef, columnTotal, figureFor, hasData, primary, subjectWords, sumFigs, fig } from './figures';
import { TextFindings, TextMoney } from './textcheck';

function normName(s: string | undefined): string {
  return (s ?? '')
    .replace(/[\s\u3000“”"]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/(支出|费用|经费)$/, '')
    .replace(/的/g, '');
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  const x = normName(a);
  const y = normName(b);
  return !!x && !!y && (x === y || x.includes(y) || y.includes(x));
}

function schemeOf(code: string): CodeScheme | undefined {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return 'func';
  if (/^3\d{2}(\d{2})?$/.test(code)) return 'dept_econ';
  if (/^5\d{2}(\d{2})?$/.test(code)) return 'gov_econ';
  return undefined;
}

/** Half a unit of a 说明 figure's last written digit, in 元; 0 for a figure in 元 (read as exact). */
function mentionHalf(m: Mention): Decimal {
  return m.unit === '元' || m.value.isZero() ? ZERO : mentionHalfUnitYuan(m);
}

/**
 * A 说明 figure against a table figure, each as exact as its printing. Where the table is the
 * coarser (a 说明 in 元 beside a 万元 table, “1002.35 万元” beside a cell printed 1002), the text is
 * right when it lies within what the cell stands for (1001.5–1002.5 万元). Otherwise the text must be
 * the cell rounded to the decimals the text writes (“7.4 万元” for 74,177 元; “2.29 亿元”); one unit of
 * the text's last digit off (truncation, 2.71 for 2.7177) is rounding. A 元 text beside a 元 table is
 * exact.
 */
function compareText(st: Statement, f: Fig): 'equal' | 'rounding' | 'different' {
  const m = st.amount;
  const cell = f.value;
  const gap = cell.minus(mentionYuan(m)).abs();
  const tableHalf = f.half ?? ZERO;
  const textHalf = mentionHalf(m);
  if (tableHalf.gt(textHalf)) return withinPrinting(gap, tableHalf, tableHalf);
  if (m.unit === '元') return gap.isZero() ? 'equal' : 'different';
  const one = mentionYuan({ ...m, value: new Decimal(1) });
  const dec = Math.min(Math.max(m.decimals, 0), 6);
  if (cell.dividedBy(one).toDecimalPlaces(dec, Decimal.ROUND_HALF_UP).eq(m.value)) return 'equal';
  // Written with fewer decimals than 2 (“7.4”): the same as the 2-decimal figure.
  if (m.unit === '万元' && dec < 2 && new Decimal(formatWan(cell)).eq(m.value)) return 'equal';
  const within = gap.lte(textHalf.times(2).plus(tableHalf));
  // Written with fewer decimals than the cell prints, the text is the cell rounded: rounding is what
  // another way of rounding it gives — truncation (2.7 for 2.77), half to even — and “1.6” or “1.4”
  // for a printed 1.50 is neither. (Printed alike, one unit of the last digit off is a rounding
  // warning: the figure behind the cell may round either way.)
  if (f.decimals !== undefined && dec < f.decimals && f.unit === m.unit) {
    const ways = [Decimal.ROUND_DOWN, Decimal.ROUND_HALF_EVEN, Decimal.ROUND_HALF_DOWN] as const;
    const v = cell.dividedBy(one);
    return within && ways.some((w) => v.toDecimalPlaces(dec, w).eq(m.value)) ? 'rounding' : 'different';
  }
  return within ? 'rounding' : 'different';
}

/** A gap against what the printed figures allow (`slack`), and one more unit of the text's last digit. */
function withinPrinting(gap: Decimal, slack: Decimal, textHalf: Decimal): 'equal' | 'rounding' | 'different' {
  if (gap.lte(slack)) return 'equal';
  return !textHalf.isZero() && gap.lte(slack.plus(textHalf.times(2))) ? 'rounding' : 'different';
}

/**
 * A table figure in a finding on the 说明, as the table prints it: in the table's own unit with its
 * decimals (at least 2) — “1002.10 万元” from a 万元 table — and from a 元 table in 元 when the 说明
 * writes that figure in 元, else in 万元 with 2 decimals, as 说明 text writes them. Never “-0.00”.
 */
function tableFigure(yuan: Decimal, m: Mention, f: Pick<Fig, 'unit' | 'decimals'>): string {
  const dp = Math.max(2, f.decimals ?? 0);
  const fixed = (v: Decimal, d: number) => (v.toDecimalPlaces(d).isZero() ? v.abs() : v).toFixed(d);
  if (f.unit && f.unit !== '元') return `${fixed(fromYuan(yuan, f.unit), dp)} ${f.unit}`;
  return m.unit === '元' ? `${fixed(yuan, dp)} 元` : `${formatWan(yuan)} 万元`;
}

/**
 * A stated 较上年 change against this year's figure minus last year's (all in 元): equal within what
 * the printed figures allow — half a unit of each table cell's last digit and of the change's own
 * last written digit (“0.4 万元” stands for 0.35–0.45) — rounding one unit of that digit beyond.
 */
function compareChange(expected: Decimal, stated: Decimal, m: Mention, figs: Fig[]): 'equal' | 'rounding' | 'different' {
  const tables = figs.reduce((h, f) => (f.half ? h.plus(f.half) : h), ZERO);
  // A change in 万元 is read at least to 0.01 万元, the decimals 说明 text writes.
  const half = m.unit === '万元' ? Decimal.max(mentionHalf(m), halfUnitYuan('万元', 2)) : mentionHalf(m);
  return withinPrinting(expected.minus(stated).abs(), tables.plus(half), half);
}

function excerptSpan(st: Statement): { start: number; end: number } {
  return { start: Math.min(st.codeStart !== undefined ? st.subjectStart : st.subjectStart, st.amount.start), end: st.amount.end };
}

function report(out: TextFindings, st: Statement, f: Fig, what: string): void {
  const cmp = compareText(st, f);
  if (cmp === 'equal') return;
  const { start, end } = excerptSpan(st);
  const yuan = mentionYuan(st.amount);
  out.add(
    'narrative.mismatch',
    cmp === 'rounding' || f.proxy ? 'warning' : 'error',
    st.amount.paragraph,
    start,
    end,
    `说明中“${(st.name || st.subject).trim()}”为 ${st.amount.raw}，${what}为 ${tableFigure(f.value, st.amount, f)}（${f.cells[0] ?? ''}）${cmp === 'rounding' ? '，差额只在末位（应按四舍五入取到所写的位数）' : ''}${f.proxy ? `（${f.proxy}）` : ''}。`,
    new TextMoney(st.amount, [f.value, yuan]).fields(f.value, yuan),
    f.cells,
  );
}

/**
 * The row of a code in the 一般公共预算 tables. `basic`: the figure is of 基本支出 (its sentence, list or
 * section says so), so the 基本支出 tables come first — the same 302 is 2.64 万元 there and 18.44 万元
 * (with the projects) in the 经济分类 table of all 一般公共预算 spending.
 */
function findCoded(d: Disclosure, code: string, basic = false): { row: Row; table: Table; byCode2?: boolean } | { fig: Fig; table: Table; rows: Row[]; byCode2: true } | undefined {
  const scheme = schemeOf(code);
  const pair = (all: Table | undefined, b: Table | undefined) => (basic ? [b, all] : [all, b]);
  const tables = scheme === 'func' ? pair(primary(d, 'gp_func'), primary(d, 'basic_func')) : scheme === 'dept_econ' ? pair(primary(d, 'gp_econ'), primary(d, 'basic_econ')) : scheme === 'gov_econ' ? [primary(d, 'gp_econ')] : [primary(d, 'gp_func'), primary(d, 'gp_econ')];
  for (const t of tables) {
    if (!t) continue;
    const row = t.rows.find((r) => r.code === code);
    if (row) return { row, table: t };
  }
  if (scheme === 'gov_econ') {
    const t = primary(d, 'gp_econ');
    if (!t) return undefined;
    // 政府经济 类 (505) or 款 (50501): the sum of the detail rows carrying it.
    const rows = t.rows.filter((r) => !r.isTotal && r.level > 0 && r.code2 && (r.code2 === code || (code.length === 3 && r.code2.startsWith(code))));
    if (rows.length) return { fig: sumFigs(rows.map((r) => fig(r.amounts.total, t)), rows.length > 1 ? `Σ ${rows.length} 行` : undefined)!, table: t, rows, byCode2: true };
  }
  return undefined;
}

function checkCoded(st: Statement, d: Disclosure, out: TextFindings, x: ExtractedText, codes?: CodeCatalogue): void {
  const code = st.code!;
  const ofList = st.codeColumn ?? st.partOf?.total.subject ?? '';
  const found = findCoded(d, code, [st.subject, ofList, st.section].some((t) => /基本支出|人员经费|公用经费/.test(t)));
  const { start } = excerptSpan(st);
  if (!found) {
    // A 科目 of 0 that the tables leave out (tables print the rows with money): nothing to compare, and
    // the code is known to the catalogue.
    if (st.amount.value.isZero() && codes?.get(schemeOf(code) ?? 'func', code)) return;
    // A 科目 the 一般公共预算 tables do not have may be one of other money (其他收入, 政府性基金): in the
    // 支出总表, 收入总表, 收支总表 or a fund table it exists, and which scope the text speaks of is not known.
    const elsewhere = d.tables.some((t) => t.rows.some((r) => r.code === code) || t.blocks?.some((b) => b.rows.some((r) => r.code === code)));
    if (elsewhere) return;
    const entry = codes?.get(schemeOf(code) ?? 'func', code);
    out.add(
      'narrative.code',
      entry ? 'warning' : 'error',
      st.amount.paragraph,
      st.codeStart ?? start,
      st.codeEnd ?? st.amount.end,
      entry ? `说明中的科目 ${code}（${entry.name}）在一般公共预算支出明细表中没有这一行。` : `说明中的科目编码 ${code} 在报表中不存在。`,
    );
    return;
  }
  if ('row' in found) {
    const row = found.row;
    // In a list of 基本支出 / 人员经费 / 公用经费 / 项目支出 (“公用经费 5.52 万元，其中：办公费（30201）5.52
    // 万元”), the item is that column of its row, not its 合计.
    const col = partColumnOf(ofList);
    const basicTable = found.table.kind === 'basic_func' || found.table.kind === 'basic_econ' || found.table.kind === 'fiscal_basic';
    let f: Fig | undefined;
    let what = `“${found.table.title}”中 ${code} ${row.name ?? ''}`;
    if (!col || (col.keys[0] === 'basic' && basicTable)) f = fig(row.amounts.total, found.table);
    else {
      const key = col.keys.find((k) => k in row.amounts);
      if (key) f = fig(row.amounts[key], found.table);
      else if (col.keys[0] === 'basic') f = sumFigs([fig(row.amounts.personnel, found.table), fig(row.amounts.public, found.table)]);
      what += `的${ofList.replace(/^(?:本单位|本部门)?(?:\d{4}年度?)?/, '')}`;
    }
    // A 科目 of all the money (“社会保障和就业支出（208）1488.30 万元” of the 支出总表) in a sentence that
    // does not say 一般公共预算: right if it is the 支出总表's (or 收入总表's) figure of the code.
    const whole = !col && scopeOf(st, x) !== 'gp' ? (['expenditure', 'income'] as const).map((k) => primary(d, k)).map((t) => fig(t?.rows.find((r) => r.code === code)?.amounts.total, t)) : [];
    if (f && !whole.some((w) => w && compareText(st, w) === 'equal')) report(out, st, f, what);
    if (st.name && row.name && !sameName(st.name, row.name)) {
      // A 款 (or 类) name on a 项 code is the common slip: say so.
      const parent = found.table.rows.find((r) => r.code && code.startsWith(r.code) && r.code.length < code.length && sameName(st.name, r.name));
      out.add(
        'narrative.code_name',
        'error',
        st.amount.paragraph,
        st.subjectStart,
        st.codeEnd !== undefined ? st.codeEnd + 1 : st.amount.start,
        parent
          ? `说明中“${st.name}（${code}）”：${code} 的科目名称是“${row.name}”，“${st.name}”是上级科目 ${parent.code} 的名称。`
          : `说明中“${st.name}（${code}）”与报表中 ${code} 的科目名称“${row.name}”不一致。`,
        {},
        [row.nameCell ?? row.codeCell ?? ''].filter(Boolean),
      );
    }
  } else {
    report(out, st, found.fig, `“${found.table.title}”中政府经济科目 ${code} 各行合计`);
  }
}

/** 较上年 of a coded line against this year's row − last year's row (only with last year's workbook). */
function checkCodedChange(st: Statement, d: Disclosure, prior: Disclosure, out: TextFindings): void {
  const cur = findCoded(d, st.code!);
  const pre = findCoded(prior, st.code!);
  if (!cur || !pre || !('row' in cur) || !('row' in pre)) return;
  const a = fig(cur.row.amounts.total, cur.table);
  const b = fig(pre.row.amounts.total, pre.table);
  if (!a || !b || !st.change) return;
  const expected = a.value.minus(b.value);
  const stated = mentionYuan(st.change).times(st.change.direction ?? 1);
  const cmp = compareChange(expected, stated, st.change, [a, b]);
  if (cmp === 'equal') return;
  out.add('narrative.mismatch', cmp === 'rounding' ? 'warning' : 'error', st.change.paragraph, st.change.start, st.change.end, `说明中“${st.name || st.subject}（${st.code}）”较上年增减 ${st.change.raw}，本年报表 − 上年工作簿为 ${tableFigure(expected, st.change, { unit: a.unit, decimals: Math.max(a.decimals ?? 0, b.decimals ?? 0) })}。`, new TextMoney(st.change, [expected, stated]).fields(expected, stated), [...a.cells, ...b.cells]);
}

/** The column of a coded row that a part's name speaks of. */
const PART_COLUMNS: { re: RegExp; keys: string[] }[] = [
  { re: /^人员经费/, keys: ['personnel'] },
  { re: /^公用经费/, keys: ['public'] },
  { re: /^专项(?:业务)?(?:经)?费/, keys: ['special'] },
  { re: /^基本支出/, keys: ['basic'] },
  { re: /^项目支出/, keys: ['project', 'special'] },
];

/** The column a list's total names (“2024年一般公共预算基本支出” → 基本支出), after the words of who and when. */
function partColumnOf(subject: string): (typeof PART_COLUMNS)[number] | undefined {
  const words = subject.replace(/^(?:本单位|本部门)?(?:\d{4}年度?)?(?:一般公共预算)?(?:财政拨款)?/, '').replace(/[\s“”"]/g, '');
  return PART_COLUMNS.find((c) => c.re.test(words));
}

function checkCodedPart(st: Statement, code: string, d: Disclosure, out: TextFindings): void {
  const found = findCoded(d, code);
  if (!found || !('row' in found)) return;
  const col = PART_COLUMNS.find((c) => c.re.test(st.subject.replace(/[\s“”"]/g, '')));
  if (!col) return;
  const key = col.keys.find((k) => k in found.row.amounts);
  if (!key) return;
  const f = fig(found.row.amounts[key], found.table) ?? { value: new Decimal(0), cells: [] };
  if (!f.cells.length && !f.value.isZero()) return;
  report(out, st, f, `“${found.table.title}”中 ${code} ${found.row.name ?? ''}的${st.subject}`);
}

const EMPTY_CLAIMS: { re: RegExp; what: string; tables: (d: Disclosure) => (Table | undefined)[] }[] = [
  { re: /无(?:当年)?政府性基金/, what: '政府性基金', tables: (d) => [primary(d, 'fund')] },
  { re: /无(?:当年)?国有资本经营/, what: '国有资本经营预算', tables: (d) => [primary(d, 'state_capital')] },
  { re: /无(?:当年)?政府采购/, what: '政府采购', tables: (d) => [primary(d, 'procurement')] },
  { re: /(?:无|未安排)(?:当年)?(?:一般公共预算)?(?:财政拨款)?“?三公”?经费/, what: '“三公”经费', tables: (d) => [primary(d, 'three_public')] },
];

function checkEmptyClaims(x: ExtractedText, d: Disclosure, out: TextFindings): void {
  x.paragraphs.forEach((p, i) => {
    for (const c of EMPTY_CLAIMS) {
      const m = c.re.exec(p);
      if (!m) continue;
      const t = c.tables(d).find((tt) => tt && hasData(tt));
      if (!t) continue;
      out.add('narrative.empty_claim', 'error', i + 1, m.index, Math.min(p.length, m.index + m[0].length + 8), `说明称“${m[0]}”，但“${t.title}”有数据。`, {}, [t.titleCell]);
    }
  });
}

export function checkAgainstTables(x: ExtractedText, d: Disclosure | null, out: TextFindings, codes?: CodeCatalogue, prior?: Disclosure | null): void {
  if (!d) {
    checkCodesAlone(x, out, codes);
    return;
  }
  for (const st of x.statements) {
    if (!/元/.test(st.amount.unit) || st.alt) continue;
    try {
      // “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目 (上海): the 科目 named by its path.
      const byNames = st.code ? undefined : codeByNames(st.subject, d);
      if (st.code || byNames) {
        // (Said with the path as written; the names are the table's, so no name check.)
        const coded = byNames ? { ...st, code: byNames.code, name: undefined, subject: byNames.path } : st;
        checkCoded(coded, d, out, x, codes);
        if (prior && coded.change) checkCodedChange(coded, d, prior, out);
        continue;
      }
      // A part of a coded item (“社会保险经办机构（2080109）… 其中：人员经费 …”) is that row's cell, never the 合计 row's.
      const parent = st.partOf?.total;
      if (parent?.code) {
        checkCodedPart(st, parent.code, d, out);
        continue;
      }
      // “项目支出 522 万元，涉及一般公共预算当年拨款 199 万元”: the 一般公共预算 part of the figure before.
      const part = partOfPrevious(x, st);
      if (part === 'skip') continue;
      const def: FigureDef | undefined = part?.def ?? figureFor(st.subject);
      if (!def) {
        if (!part) checkClassByName(st, d, out, x);
        continue;
      }
      const scope = part ? 'gp' : scopeOf(st, x);
      const scoped = BY_SOURCE[def.id];
      // 基本支出 / 项目支出 of 一般公共预算 money (the list's total, the sentence or the section says so):
      // the 一般公共预算 table's columns, not the 支出总表's of all the money; of 财政拨款 with 政府性基金
      // beside it, not known.
      if (scoped && (scope === 'fiscal' || scope === 'other')) continue;
      const f = scoped && scope === 'gp' ? scoped(d) : def.get(d);
      if (!f || f.cells.length === 0) continue;
      report(out, st, f, '报表数');
      // A 较上年 change against last year's workbook when one is given, else the table's own 上年
      // column (三公 table); with neither, 上年 figures are not compared at all.
      const pf = prior ? def.get(prior) : def.prior?.(d);
      if (pf && pf.cells.length && st.prior && !st.change) {
        const cmpP = compareText({ ...st, amount: st.prior }, pf);
        if (cmpP !== 'equal') out.add('narrative.mismatch', cmpP === 'rounding' ? 'warning' : 'error', st.prior.paragraph, st.prior.start, st.prior.end, `说明中“${st.name || st.subject}”的上年数为 ${st.prior.raw}，${prior ? '上年工作簿' : '报表上年栏'}为 ${tableFigure(pf.value, st.prior, pf)}（${pf.cells[0]}）。`, new TextMoney(st.prior, [pf.value, mentionYuan(st.prior)]).fields(pf.value, mentionYuan(st.prior)), pf.cells);
      }
      if (pf && pf.cells.length && st.change) {
        const expected = f.value.minus(pf.value);
        const stated = mentionYuan(st.change).times(st.change.direction ?? 1);
        const cmp = compareChange(expected, stated, st.change, [f, pf]);
        if (cmp !== 'equal') {
          out.add('narrative.mismatch', cmp === 'rounding' ? 'warning' : 'error', st.change.paragraph, st.change.start, st.change.end, `说明中“${st.name || st.subject}”较上年增减 ${st.change.raw}，${prior ? '本年报表 − 上年工作簿' : '报表本年 − 上年'}为 ${tableFigure(expected, st.change, { unit: f.unit, decimals: Math.max(f.decimals ?? 0, pf.decimals ?? 0) })}。`, new TextMoney(st.change, [expected, stated]).fields(expected, stated), [...f.cells, ...pf.cells]);
        }
      }
    } catch {
      // A statement we cannot match is not checked; never throw on odd data.
    }
  }
  checkEmptyClaims(x, d, out);
}

/** Tables whose 类 rows a class named without its code may be of: 一般公共预算 first, then all the money. */
const CLASS_TABLES: TableKind[] = ['gp_func', 'basic_func', 'fiscal_func', 'expenditure', 'income', 'gp_econ', 'basic_econ', 'fiscal_basic'];

const PATH_LEVELS = /^[“"]?([^（(“”"]+)[（(]类[)）]([^（(]+)[（(]款[)）](?:([^（(]+)[（(]项[)）])?/;

/**
 * The 功能科目 a subject names by its path, “A（类）B（款）C（项）” (or A（类）B（款）): the code of the row
 * named C under B under A in the 功能科目 tables, the same in every table that has it; undefined when
 * no table has that path (names that do not match are not guessed at).
 */
function codeByNames(subject: string, d: Disclosure): { code: string; path: string } | undefined {
  const m = PATH_LEVELS.exec(subject.replace(/\s/g, ''));
  if (!m) return undefined;
  const names = [m[1], m[2], m[3]].filter((n): n is string => !!n).map(normName);
  const found = new Set<string>();
  for (const k of ['gp_func', 'fiscal_func', 'basic_func', 'expenditure', 'income'] as TableKind[]) {
    const t = primary(d, k);
    if (!t || t.scheme !== 'func') continue;
    let prefix = '';
    let row: Row | undefined;
    for (const [i, n] of names.entries()) {
      row = t.rows.find((r) => r.code && r.code.length === 3 + 2 * i && r.code.startsWith(prefix) && normName(r.name) === n);
      if (!row) break;
      prefix = row.code!;
    }
    if (row) found.add(row.code!);
  }
  return found.size === 1 ? { code: [...found][0], path: m[0].replace(/^[“"]/, '') } : undefined;
}

/**
 * A 类 named without its code (“其中：卫生健康支出 304 万元”, “工资福利支出 948.34 万元”): the 类 row of
 * that name in the tables. Which table's (一般公共预算, 基本支出, all the money) is not said, so the
 * figure is wrong only if it is none of them; a figure inside a list of 基本/项目支出 (a column of the
 * row) is not compared.
 */
function checkClassByName(st: Statement, d: Disclosure, out: TextFindings, x: ExtractedText): void {
  if (st.partOf && partColumnOf(st.partOf.total.subject)) return;
  const name = normName(subjectWords(st.subject).replace(/^(?:其中|本单位|本部门)[：:，,]?/, '').replace(/^\d{4}年度?/, ''));
  if (name.length < 2) return;
  const figs: { f: Fig; t: Table; row: Row }[] = [];
  for (const k of CLASS_TABLES) {
    const t = primary(d, k);
    const row = t?.rows.find((r) => r.code && r.code.length === 3 && normName(r.name) === name);
    const f = row && fig(row.amounts.total, t);
    if (t && row && f && f.cells.length) figs.push({ f, t, row });
  }
  if (!figs.length || figs.some(({ f }) => compareText(st, f) === 'equal')) return;
  const scope = scopeOf(st, x);
  const first = (scope === 'gp' ? figs.find(({ t }) => t.kind === 'gp_func' || t.kind === 'gp_econ') : undefined) ?? figs[0];
  report(out, st, first.f, `“${first.t.title}”中 ${first.row.code} ${first.row.name ?? ''}`);
}

/** 基本支出 and 项目支出 of 一般公共预算 money: the 一般公共预算 table's columns. */
const BY_SOURCE: Partial<Record<string, (d: Disclosure) => Fig | undefined>> = {
  basic: (d) => columnTotal(primary(d, 'gp_func'), 'basic') ?? sumFigs([columnTotal(primary(d, 'gp_func'), 'personnel'), columnTotal(primary(d, 'gp_func'), 'public')]),
  project: (d) => columnTotal(primary(d, 'gp_func'), 'special') ?? columnTotal(primary(d, 'gp_func'), 'project'),
};

const GP = /一般公共预算/;
const FISCAL = /财政拨款/;

/** Money of other sources than 财政拨款: a figure of it is none of the 一般公共预算 table's, nor all the money's. */
const OTHER_SOURCE = /其他收入|事业收入|经营收入|上级补助|附属单位|财政专户|单位资金|政府性基金|国有资本/;

/**
 * Whose money a figure is: 'gp' when its subject, the words right before it in its sentence
 * (“一般公共预算支出中，…”), the figure before it in its segment (“一般公共预算拨款安排的基本支出 …，项目
 * 支出 …”), the total of the list it is in, or its section's heading names 一般公共预算 (“六、一般公共
 * 预算基本支出情况说明”); 'fiscal' for 财政拨款; 'other' for money of other sources (“其他收入安排的项目
 * 支出”); else undefined. The first that names one decides.
 */
function scopeOf(st: Statement, x: ExtractedText, depth = 0): 'gp' | 'fiscal' | 'other' | undefined {
  const of = (t: string): 'gp' | 'fiscal' | 'other' | undefined => (GP.test(t) ? 'gp' : FISCAL.test(t) ? 'fiscal' : OTHER_SOURCE.test(t) ? 'other' : undefined);
  const own = of(st.subject);
  if (own) return own;
  const para = x.paragraphs[st.amount.paragraph - 1] ?? '';
  const prevMention = x.mentions.filter((m) => m.paragraph === st.amount.paragraph && m.end <= st.subjectStart && m.sentence === st.amount.sentence).pop();
  const lead = of(para.slice(prevMention ? prevMention.end : Math.max(0, para.lastIndexOf('。', st.subjectStart - 1) + 1), st.subjectStart));
  if (lead) return lead;
  const prev = x.statements.filter((s) => s.id < st.id && s.amount.paragraph === st.amount.paragraph && s.amount.segment === st.amount.segment && !s.alt).pop();
  if (prev && depth < 3 && prevMention === prev.amount && !st.partOf) {
    const p = scopeOf(prev, x, depth + 1);
    if (p) return p;
  }
  for (const t of [st.partOf?.total.subject ?? '', st.section]) {
    const s2 = of(t);
    if (s2) return s2;
  }
  return undefined;
}

/**
 * A figure that names itself a part of the one before it in its sentence (涉及 / 含 / 其中含 …
 * 一般公共预算当年拨款): the 一般公共预算 share of that figure, or 'skip' when which share is not known.
 */
function partOfPrevious(x: ExtractedText, st: Statement): { def: FigureDef } | 'skip' | undefined {
  const subject = st.subject.replace(/[\s\u3000]/g, '');
  if (!/^(?:其中)?(?:涉及|含|包含)/.test(subject)) return undefined;
  const prev = x.statements.filter((s) => s.id < st.id && s.amount.sentence === st.amount.sentence && !s.alt).pop();
  const def = prev && figureFor(prev.subject);
  if (def && BY_SOURCE[def.id] && GP.test(subject) && !/基金|国有/.test(subject)) return { def };
  return 'skip';
}

/** Without tables: codes in the text against the code catalogue. */
function checkCodesAlone(x: ExtractedText, out: TextFindings, codes?: CodeCatalogue): void {
  if (!codes) return;
  for (const st of x.statements) {
    if (!st.code || !st.name) continue;
    const scheme = schemeOf(st.code);
    if (!scheme) continue;
    const e = codes.get(scheme, st.code);
    if (!e) {
      if (codes.complete[scheme]) out.add('narrative.code', 'error', st.amount.paragraph, st.codeStart ?? st.subjectStart, st.codeEnd ?? st.amount.end, `说明中的科目编码 ${st.code} 不在${codes.label}中。`);
      continue;
    }
    if (sameName(st.name, e.name)) continue;
    const parent = e.parent ? codes.get(scheme, e.parent) : undefined;
    out.add(
      'narrative.code_name',
      'error',
      st.amount.paragraph,
      st.subjectStart,
      st.codeEnd !== undefined ? st.codeEnd + 1 : st.amount.start,
      parent && sameName(st.name, parent.name)
        ? `说明中“${st.name}（${st.code}）”：${st.code} 的科目名称是“${e.name}”，“${st.name}”是上级科目 ${parent.code} 的名称。`
        : `说明中“${st.name}（${st.code}）”与${codes.label}中 ${st.code} 的名称“${e.name}”不一致。`,
    );
  }
}

/**
 * Checks a 说明 text against itself: no tables needed.
 *
 * - parts that must add up to their stated total (其中 lists, “…共…总额” sentences);
 * - 较上年 增减额 of the parts against the total's;
 * - 增幅 / 占比 percentages; 本年 − 上年 = 增减额 where 上年 is stated;
 * - template residue (待填写, XX, “增加（减少）”, “增加 0 万元”, a 原因 for a zero change);
 * - duplicated passages and 空表 claims under the wrong heading.
 */
import Decimal from 'decimal.js';
import { Finding, Severity } from '../finding';
import { formatYuan } from '../money';
import { completeList } from './definitions';
import { ExtractedText, FlatCell, Mention, Statement, growthPercent, growthWord, mentionHalfUnitYuan, mentionYuan, nameKey, physicalSpan, toHalfWidthDigits } from './extract';

export interface TextCheckOptions {
  /** The cell of each paragraph (for a 说明 sheet inside the workbook); [] for a separate file. */
  paragraphCells?: (string | undefined)[];
}

/** Most decimals a figure in a finding is shown with (text figures have at most a few). */
const MAX_SHOWN_DECIMALS = 6;

/** Decimals that show every one of `values` exactly in a unit worth `factor` 元, at least `min`. */
function exactDecimals(values: Decimal[], factor: Decimal, min: number): number {
  let dp = min;
  for (const v of values) dp = Math.max(dp, v.dividedBy(factor).decimalPlaces());
  return Math.min(dp, MAX_SHOWN_DECIMALS);
}

/**
 * Money in a finding on 说明 text, said the way the passage writes it: in the unit of the figure
 * the finding is about (元, 万元, 亿元 …), with every figure exact — at least that figure's own
 * decimals, and 2 for 万元 and larger units, as 说明 text writes them. A passage written in 元 then
 * hears of its mistake in 元 (“相差 30 元”), never as “相差 0.00 万元”. The Finding's figures are in 元
 * for a passage in 元, otherwise in 万元 (the units a Finding carries).
 */
export class TextMoney {
  /** The unit figures are said in: the passage's, or 元 (see below). */
  readonly unit: string;
  private readonly factor: Decimal;
  private readonly decimals: number;
  private readonly fieldUnit: '元' | '万元';
  private readonly fieldDecimals: number;

  /** `ref`: the figure the finding is about; `values`: every amount (in 元) the finding will show. */
  constructor(ref: Mention, values: Decimal[]) {
    const unit = /元/.test(ref.unit) ? ref.unit : '万元';
    const factor = mentionYuan({ ...ref, unit, value: new Decimal(1) });
    // Figures that even MAX_SHOWN_DECIMALS cannot show exactly in the passage's unit (a 10 元 gap in a
    // passage in 亿元 would read “-0.000000 亿元”) are said in 元.
    const inYuan = unit === '元' || values.some((v) => v.dividedBy(factor).decimalPlaces() > MAX_SHOWN_DECIMALS);
    this.unit = inYuan ? '元' : unit;
    this.factor = inYuan ? new Decimal(1) : factor;
    this.decimals = exactDecimals(values, this.factor, unit === '元' ? Math.max(ref.decimals, 0) : inYuan ? 0 : Math.max(ref.decimals, 2));
    this.fieldUnit = inYuan ? '元' : '万元';
    this.fieldDecimals = exactDecimals(values, new Decimal(inYuan ? 1 : 10000), 2);
  }

  /** “113.38 万元”, “1133753.33 元”, “-0.26 万元”. */
  show(yuan: Decimal): string {
    return `${yuan.dividedBy(this.factor).toFixed(this.decimals)} ${this.unit}`;
  }

  /** A finding's expected, actual and difference (actual − expected), in its own unit. */
  fields(expected: Decimal, actual: Decimal): Pick<Finding, 'expected' | 'actual' | 'difference' | 'unit'> {
    const f = (v: Decimal) => (this.fieldUnit === '元' ? v : v.dividedBy(10000)).toFixed(this.fieldDecimals);
    return { expected: f(expected), actual: f(actual), difference: f(actual.minus(expected)), unit: this.fieldUnit };
  }
}

export class TextFindings {
  readonly findings: Finding[] = [];
  constructor(
    private readonly x: ExtractedText,
    private readonly opts: TextCheckOptions,
  ) {}

  cellsFor(paragraph: number, extra: string[] = []): string[] {
    const c = this.opts.paragraphCells?.[paragraph - 1];
    return c ? [c, ...extra] : [...extra];
  }

  /**
   * Where a span of a logical paragraph (1-based, offsets in its normalised text) lies in the
   * paragraphs as given: the physical paragraph of its start, clipped to that paragraph.
   */
  physical(paragraph: number, start: number, end: number): { paragraph: number; start: number; end: number } {
    return physicalSpan(this.x, paragraph, start, end);
  }

  /** A finding on text: the excerpt is the exact words from start to end in that paragraph. */
  add(rule: string, severity: Severity, paragraph: number, start: number, end: number, message: string, more: Partial<Finding> = {}, cells: string[] = []): Finding {
    const ph = this.physical(paragraph, start, end);
    const para = this.x.source?.[ph.paragraph - 1] ?? this.x.paragraphs[paragraph - 1] ?? '';
    const s = Math.max(0, ph.start);
    const e = Math.min(para.length, Math.max(ph.end, s + 1));
    const f: Finding = {
      rule,
      severity,
      message: `第 ${ph.paragraph} 段：${message}`,
      cells: this.cellsFor(ph.paragraph, cells),
      text: { paragraph: ph.paragraph, start: s, end: e, excerpt: para.slice(s, e) },
      ...more,
    };
    this.findings.push(f);
    return f;
  }
}

function span(st: Statement, upTo?: Mention): { start: number; end: number } {
  const end = upTo && upTo.paragraph === st.amount.paragraph ? Math.max(upTo.end, st.amount.end) : st.amount.end;
  return { start: Math.min(st.subjectStart, st.amount.start), end };
}

function signed(m: Mention): Decimal {
  return mentionYuan(m).times(m.direction ?? 1);
}

function label(st: Statement): string {
  return (st.name || st.subject || '该项').replace(/^本单位|^本部门/, '').trim() || '该项';
}

/** Half a unit of the figures a statement's change is read from (the change, or this year and last year). */
function changeHalf(st: Statement): Decimal {
  if (st.change) return halfOf(st.change);
  if (st.prior) return halfOf(st.prior).plus(halfOf(st.amount));
  return new Decimal(0);
}

/** The signed 较上年 change of a statement in 元, or null when the text says nothing about it. */
export function changeOf(st: Statement): Decimal | null {
  if (st.change) return signed(st.change);
  if (st.prior) return mentionYuan(st.amount).minus(mentionYuan(st.prior));
  if (st.flat) return new Decimal(0);
  return null;
}

export function checkTextArithmetic(x: ExtractedText, out: TextFindings): void {
  checkGroups(x, out);
  checkTotalsAfterParts(x, out);
  for (const st of x.statements) checkStatement(st, x, out);
  checkChangeOnly(x, out);
  checkBasicClasses(x, out);
  checkConflicts(x, out);
  checkReasonClaims(x, out);
  checkFlatTables(x, out);
  checkBudgetClaims(x, out);
  checkFinalVsBudget(x, out);
  checkPunctuation(x, out);
  checkResidue(x, out);
  checkDuplicates(x, out);
  checkSectionClaims(x, out);
}

/**
 * Half a unit of a figure's last written digit, in 元 (money.halfUnitYuan via mentionHalfUnitYuan):
 * `12.5` 万元 stands for 12.45..12.55, `2.08` 亿元 for 2.075..2.085 亿元. A written zero is exact.
 */
function halfOf(m: Mention): Decimal {
  return m.value.isZero() ? new Decimal(0) : mentionHalfUnitYuan(m);
}

/** Equal, within what rounding the stated figures can explain, or different. */
function compareStated(a: Decimal, b: Decimal, envelope: Decimal): 'equal' | 'rounding' | 'different' {
  const d = a.minus(b).abs();
  if (d.isZero()) return 'equal';
  return d.lte(envelope) ? 'rounding' : 'different';
}

function checkGroups(x: ExtractedText, out: TextFindings): void {
  for (const g of x.groups) {
    const parts = g.parts.filter((p) => p.amount.unit === g.total.amount.unit || /元/.test(p.amount.unit));
    if (parts.length < 2) continue;
    const total = mentionYuan(g.total.amount);
    const sum = parts.reduce((a, p) => a.plus(mentionYuan(p.amount)), new Decimal(0));
    const envelope = parts.reduce((a, p) => a.plus(halfOf(p.amount)), halfOf(g.total.amount));
    const cmp = compareStated(total, sum, envelope);
    // A list of 款 / 项 lines may leave lines out as any 其中 list may (“社会保障和就业支出 2213.24 万元，
    // 其中：劳动关系和维权（2080110）504 万元，…（2082602）572 万元”); a list of the 类 of one classification
    // (301, 302, 303 — “按经济分类的类级科目说明”) is the whole. Only a complete list falls short in error;
    // any list that exceeds its total is wrong.
    const classes = parts.every((p) => !!p.code && p.code.length === 3 && p.code[0] === parts[0].code![0]);
    const complete = classes || completeList(g.total.subject, parts.map((p) => p.subject));
    const under = sum.lt(total);
    if (cmp !== 'equal') {
      // Inside the rounding envelope the gap comes from rounding each figure: not the writer's error.
      // A list that may leave items out and falls short says only that the rest was not listed.
      const severity: Severity = cmp === 'rounding' ? 'info' : under && !complete ? 'info' : 'error';
      const { start, end } = span(g.total);
      const money = new TextMoney(g.total.amount, [total, sum]);
      out.add(
        'narrative.sum',
        severity,
        g.total.amount.paragraph,
        start,
        end,
        severity === 'info' && cmp !== 'rounding'
          ? `“${label(g.total)}”${g.total.amount.raw}，其中所列 ${parts.length} 项之和为 ${money.show(sum)}，少 ${money.show(total.minus(sum))}：可能另有未列出的项目，无法核对。`
          : `“${label(g.total)}”${g.total.amount.raw}，其中所列 ${parts.length} 项之和为 ${money.show(sum)}，相差 ${money.show(sum.minus(total))}${cmp === 'rounding' ? '（四舍五入造成的差额）' : ''}。`,
        money.fields(total, sum),
      );
    }
    // Last year's figures stated for the total and every item (“2015年预算 12.5 万元”) add up the same way.
    if (g.total.prior && parts.every((p) => p.prior)) {
      const pt = mentionYuan(g.total.prior);
      const ps = parts.reduce((a, p) => a.plus(mentionYuan(p.prior!)), new Decimal(0));
      const cmpP = compareStated(pt, ps, parts.reduce((a, p) => a.plus(halfOf(p.prior!)), halfOf(g.total.prior)));
      const sevP: Severity = cmpP === 'rounding' ? 'info' : ps.lt(pt) && !complete ? 'info' : 'error';
      if (cmpP !== 'equal' && !(sevP === 'info' && cmpP !== 'rounding')) {
        const m = g.total.prior;
        const money = new TextMoney(m, [pt, ps]);
        out.add('narrative.sum', sevP, m.paragraph, m.start, m.end, `“${label(g.total)}”上年为 ${m.raw}，而其中所列 ${parts.length} 项的上年数之和为 ${money.show(ps)}，相差 ${money.show(ps.minus(pt))}。`, money.fields(pt, ps));
      }
    }
    // Items' changes prove nothing about the total's when the list may leave items out.
    if (under && !complete && cmp === 'different') continue;
    // 增减额: the parts' changes must add up to the total's change.
    const inherited = g.total.change || g.total.prior || g.total.flat ? undefined : sameFigureEarlier(x, g.total);
    const tc = changeOf(inherited ?? g.total);
    const pcs = parts.map(changeOf);
    if (tc !== null && pcs.every((c) => c !== null) && parts.some((p) => p.change)) {
      const psum = (pcs as Decimal[]).reduce((a, c) => a.plus(c), new Decimal(0));
      const cmp2 = compareStated(tc, psum, [inherited ?? g.total, ...parts].reduce((a, st) => a.plus(changeHalf(st)), new Decimal(0)));
      if (cmp2 !== 'equal') {
        const m = g.total.change ?? g.total.amount;
        const { start, end } = span(g.total, m);
        const where = inherited ? `（第 ${inherited.amount.paragraph} 段）` : '';
        const money = new TextMoney(m, [tc, psum]);
        out.add(
          'narrative.change_sum',
          cmp2 === 'rounding' ? 'info' : 'error',
          m.paragraph,
          m.paragraph === g.total.amount.paragraph ? start : m.start,
          end,
          `“${label(g.total)}”较上年${describeChange(tc, money)}${where}，而其中所列各项较上年增减额之和为 ${money.show(psum)}，相差 ${money.show(psum.minus(tc))}。`,
          money.fields(tc, psum),
        );
      }
    }
  }
}

/** A subject key for “the same figure stated again”: 本单位当年一般公共预算拨款支出 ≈ 一般公共预算支出. */
export function subjectKey(subject: string): string {
  return subject.replace(/本单位|本部门|我单位|我部门|单位|部门|当年|本年|\d{4}\s*年|拨款|安排|合计|总额|的|\s/g, '');
}

/** An earlier statement of the same subject and figure that states its 较上年 change. */
function sameFigureEarlier(x: ExtractedText, st: Statement): Statement | undefined {
  const key = subjectKey(st.subject);
  for (let i = st.id - 1; i >= 0; i--) {
    const s = x.statements[i];
    if (subjectKey(s.subject) === key && s.amount.value.eq(st.amount.value) && s.amount.unit === st.amount.unit && (s.change || s.prior || s.flat)) return s;
  }
  return undefined;
}

/** “A 354 万元；B 168 万元；共 12 个，资金总额 460 万元”: a total stated after its parts. */
function checkTotalsAfterParts(x: ExtractedText, out: TextFindings): void {
  const bySentence = new Map<number, Statement[]>();
  for (const st of x.statements) {
    if (!/元/.test(st.amount.unit)) continue;
    const list = bySentence.get(st.amount.sentence) ?? [];
    list.push(st);
    bySentence.set(st.amount.sentence, list);
  }
  for (const list of bySentence.values()) {
    if (list.length < 3) continue;
    const last = list[list.length - 1];
    if (last.partOf || x.groups.some((g) => g.total === last)) continue;
    const para = toHalfWidthDigits(x.paragraphs[last.amount.paragraph - 1]);
    const segStart = Math.max(para.lastIndexOf('；', last.amount.start), para.lastIndexOf(';', last.amount.start), para.lastIndexOf('。', last.amount.start)) + 1;
    const seg = para.slice(segStart, last.amount.start);
    if (!/共|总额|合计|总计/.test(seg)) continue;
    const parts = list.filter((s) => s !== last && s.amount.segment < last.amount.segment && !s.partOf && !x.groups.some((g) => g.total === s));
    const segs = new Set(parts.map((p) => p.amount.segment));
    if (parts.length < 2 || segs.size !== parts.length) continue;
    const total = mentionYuan(last.amount);
    const sum = parts.reduce((a, p) => a.plus(mentionYuan(p.amount)), new Decimal(0));
    // Within what rounding each stated figure to its own last digit explains, as for 其中 lists.
    const cmp = compareStated(total, sum, parts.reduce((a, p) => a.plus(halfOf(p.amount)), halfOf(last.amount)));
    if (cmp === 'equal') continue;
    const money = new TextMoney(last.amount, [total, sum]);
    out.add(
      'narrative.sum',
      cmp === 'rounding' ? 'info' : 'error',
      last.amount.paragraph,
      segStart,
      last.amount.end,
      `${parts.map((p) => `“${label(p)}”${p.amount.raw}`).join('、')}合计 ${money.show(sum)}，而文中总额为 ${last.amount.raw}，相差 ${money.show(total.minus(sum))}。`,
      money.fields(sum, total),
    );
  }
}

/** 减 … 增 x%: a change and its rate that point in opposite directions, for changes stated without this year's figure. */
function checkChangeOnly(x: ExtractedText, out: TextFindings): void {
  for (const c of x.changeOnly ?? []) {
    const g = c.growth;
    if (!g || !g.direction || !c.change.direction || g.direction === c.change.direction || g.value.isZero() || c.change.value.isZero()) continue;
    out.add('narrative.growth', 'error', g.paragraph, c.change.paragraph === g.paragraph ? c.change.start : g.start, g.end, `“${c.subject}”较上年${c.change.direction < 0 ? '减少' : '增加'} ${c.change.raw}，增减幅度却写作“${growthWord(x.paragraphs[g.paragraph - 1], g.start)}${g.raw}”，增减方向相反。`, { actual: g.value.toString(), unit: '%' });
  }
}

const BASIC_CLASSES = [/^工资福利支出/, /^商品和服务支出/, /^对个人和家庭(?:的)?补助/];

/**
 * 基本支出 = 工资福利支出 + 商品和服务支出 + 对个人和家庭的补助, when the text states exactly
 * these three (once each) and no other class (资本性支出, 其他…) beside a 基本支出 figure:
 * this year's amounts, or their 较上年 changes.
 */
function checkBasicClasses(x: ExtractedText, out: TextFindings): void {
  const text = x.paragraphs.join('');
  if (/资本性支出|其他支出|债务利息|对企业补助/.test(text)) return;
  const clean = (sub: string) => sub.replace(/^\s*\d{4}\s*年度?/, '').replace(/^(?:一般公共预算|财政拨款)/, '');
  type Item = { subject: string; value: Decimal; half: Decimal; m: Mention };
  const own = (s: Statement) => !s.alt && (!s.partOf || /基本支出/.test(s.partOf.total.subject));
  const amounts = (re: RegExp): Item[] => x.statements.filter((s) => own(s) && re.test(clean(s.subject)) && /元/.test(s.amount.unit)).map((s) => ({ subject: s.subject, value: mentionYuan(s.amount), half: halfOf(s.amount), m: s.amount }));
  const changes = (re: RegExp): Item[] => [
    ...x.statements.filter((s) => own(s) && s.change && re.test(clean(s.subject))).map((s) => ({ subject: s.subject, value: signed(s.change!), half: halfOf(s.change!), m: s.change! })),
    ...(x.changeOnly ?? []).filter((c) => re.test(clean(c.subject))).map((c) => ({ subject: c.subject, value: signed(c.change), half: halfOf(c.change), m: c.change })),
  ];
  for (const [kind, get] of [['amount', amounts], ['change', changes]] as const) {
    const totals = get(/^基本支出/);
    const parts = BASIC_CLASSES.map((re) => get(re));
    if (totals.length === 0 || parts.some((p) => p.length !== 1)) continue;
    if (new Set(totals.map((t) => t.value.toString())).size !== 1) continue;
    const t = totals[0];
    const ps = parts.map((p) => p[0]);
    const sum = ps.reduce((a, p) => a.plus(p.value), new Decimal(0));
    const env = ps.reduce((a, p) => a.plus(p.half), t.half);
    const cmp = compareStated(t.value, sum, env);
    if (cmp === 'equal') continue;
    const money = new TextMoney(t.m, [t.value, sum]);
    out.add(
      'narrative.sum',
      cmp === 'rounding' ? 'info' : 'error',
      t.m.paragraph,
      t.m.start,
      t.m.end,
      `“基本支出”${kind === 'change' ? '较上年增减 ' : ''}${t.m.raw}，而工资福利支出、商品和服务支出、对个人和家庭的补助${kind === 'change' ? '的增减额' : ''}之和为 ${money.show(sum)}，相差 ${money.show(sum.minus(t.value))}。`,
      money.fields(t.value, sum),
    );
  }
}

/** The longest run of characters two subjects share (“公务接待费” in 部门决算公开公务接待费 / 我单位支出公务接待费). */
function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let k = 0;
    while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
    if (k > best) best = k;
  }
  return best;
}

/**
 * Two figures for one subject: the same digits written once in 元 and once in 万元 in one sentence
 * (“公务接待费1.58元，经核查，…公务接待费为1.58万元”); the same subject's 较上年 change stated twice
 * with figures no rounding reconciles (“比2020年减少166.4万元” … “比2020年增加43万元”).
 */
function checkConflicts(x: ExtractedText, out: TextFindings): void {
  const money = x.statements.filter((s) => !s.alt && /元/.test(s.amount.unit));
  for (let i = 0; i < money.length; i++) {
    for (let j = i + 1; j < money.length; j++) {
      const a = money[i];
      const b = money[j];
      if (a.amount.sentence !== b.amount.sentence || a.amount.unit === b.amount.unit || !a.amount.value.eq(b.amount.value) || a.amount.value.isZero()) continue;
      if (commonRun(nameKey(a.subject), nameKey(b.subject)) < 4) continue;
      out.add('narrative.conflict', 'error', a.amount.paragraph, a.amount.start, a.amount.end, `同一句中“${label(a)}”写作 ${a.amount.raw}，“${label(b)}”写作 ${b.amount.raw}：同一数字的单位不一致。`, { expected: b.amount.raw, actual: a.amount.raw });
    }
  }
  // The same subject: equal keys of at least 4 characters, in the same list (or in none).
  // Only comparisons with last year (or a named year, the same in both); 预算 and 决算 figures are different subjects.
  type Ch = { key: string; subject: string; value: Decimal; half: Decimal; m: Mention; parent?: Statement; amount?: Statement['amount'] };
  const kind = (subject: string) => (/决算/.test(subject) ? '决' : /预算/.test(subject) ? '预' : '');
  const changes: Ch[] = [
    ...x.statements.filter((s) => !s.alt && s.change && s.change.base === 'prior').map((s) => ({ key: nameKey(s.subject) + kind(s.subject) + (s.change!.baseYear ?? ''), subject: label(s), value: signed(s.change!), half: halfOf(s.change!), m: s.change!, parent: s.partOf?.total, amount: s.amount })),
    ...(x.changeOnly ?? []).filter((c) => c.change.base === 'prior').map((c) => ({ key: nameKey(c.subject) + kind(c.subject) + (c.change.baseYear ?? ''), subject: c.subject, value: signed(c.change), half: halfOf(c.change), m: c.change })),
  ].sort((p, q) => p.m.paragraph - q.m.paragraph || p.m.start - q.m.start);
  for (let j = 0; j < changes.length; j++) {
    const b = changes[j];
    if ((b.key.match(/[\u4e00-\u9fff]/g) ?? []).length < 4) continue;
    const a = changes.slice(0, j).find((c) => c.m.sentence !== b.m.sentence && c.m.unit === b.m.unit && c.parent === b.parent && (c.key === b.key || (/三公/.test(c.key) && /三公/.test(b.key) && (c.key.endsWith(b.key) || b.key.endsWith(c.key)))));
    if (!a) continue;
    if (a.value.minus(b.value).abs().lte(a.half.plus(b.half))) continue;
    // Two different figures under one name (“一般公共预算收入完成 503.7 亿元” for all 100 县区, “… 151
    // 亿元” for the 41 县): two scopes, each with its own change.
    if (a.amount && b.amount && a.amount.unit === b.amount.unit && mentionYuan(a.amount).minus(mentionYuan(b.amount)).abs().gt(halfOf(a.amount).plus(halfOf(b.amount)))) continue;
    out.add('narrative.conflict', 'error', b.m.paragraph, b.m.start, b.m.end, `“${b.subject}”较上年${b.value.isNegative() ? '减少' : '增加'} ${b.m.raw}，而第 ${out.physical(a.m.paragraph, a.m.start, a.m.end).paragraph} 段写“${a.subject}”较上年${a.value.isNegative() ? '减少' : '增加'} ${a.m.raw}：同一事项的增减额前后不一致。`, new TextMoney(b.m, [a.value, b.value]).fields(a.value, b.value));
  }
}

/** A reason that names a change opposite to the one stated: “主要是原因公务用车运行维护费增加” after 运行维护费 减少 332.09 万元. */
function checkReasonClaims(x: ExtractedText, out: TextFindings): void {
  x.paragraphs.forEach((p, pi) => {
    const re = /原因(?:是|为|：|:)?([^，,。；;：:]{2,24}?)(增加|减少|增长|下降|上升)(?![\d.])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p))) {
      const key = nameKey(m[1]);
      if ((key.match(/[\u4e00-\u9fff]/g) ?? []).length < 4) continue;
      const dir = /增|上升/.test(m[2]) ? 1 : -1;
      const st = x.statements.filter((s) => !s.alt && s.change && s.change.base !== 'budget' && nameKey(s.subject) === key && !s.change.value.isZero());
      if (st.length !== 1 || (st[0].change!.direction ?? 1) === dir) continue;
      const s0 = st[0];
      const at = m.index + m[0].length - m[1].length - m[2].length;
      out.add('narrative.claim', 'error', pi + 1, at, m.index + m[0].length, `原因写“${m[1]}${m[2]}”，而文中“${label(s0)}”较上年${s0.change!.direction === -1 ? '减少' : '增加'} ${s0.change!.raw}：说法与数字相反。`);
    }
  });
}

/** Half a unit of a table cell's last digit (a written zero is exact). */
function cellHalf(c: FlatCell): Decimal {
  return c.value.isZero() ? new Decimal(0) : new Decimal(0.5).times(new Decimal(10).pow(-c.decimals));
}

/**
 * A flattened table with a row per year (2015年 | 2840 | 90 …, 2016年 | 2364 | 12 …) and a rate row
 * (2016年比2015年增减% | -16.77 | -86.62 …), all with the same number of cells: each column's rate
 * is (later − earlier) ÷ earlier. Rows of unequal length are not read (empty cells are lost).
 */
function checkFlatTables(x: ExtractedText, out: TextFindings): void {
  for (const t of x.tables ?? []) {
    const yearRows = t.rows.filter((r) => /^\d{4}年(?:度)?(?:预算|决算)?(?:数)?$/.test(r.label.replace(/\s/g, '')));
    const rateRows = t.rows.filter((r) => /(增减|增长|变动|下降)(?:率|幅度)?\s*[%％]|[%％]$|增减率|增长率/.test(r.label));
    if (yearRows.length !== 2 || rateRows.length !== 1) continue;
    const [r1, r2] = [...yearRows].sort((a, b) => Number(a.label.slice(0, 4)) - Number(b.label.slice(0, 4)));
    const rr = rateRows[0];
    const n = rr.cells.length;
    if (r1.cells.length !== n || r2.cells.length !== n || Number(r1.label.slice(0, 4)) >= Number(r2.label.slice(0, 4))) continue;
    for (let i = 0; i < n; i++) {
      const a = r1.cells[i];
      const b = r2.cells[i];
      const r = rr.cells[i];
      if (a.value.isZero()) continue;
      const ha = cellHalf(a);
      const hb = cellHalf(b);
      const vals: Decimal[] = [];
      for (const da of [ha.negated(), ha]) for (const db of [hb.negated(), hb]) vals.push(b.value.plus(db).minus(a.value.plus(da)).div(a.value.plus(da)).times(100));
      // On magnitudes, so that “toward zero” (truncation) means the same for a fall as for a rise.
      const neg = r.value.isNegative();
      const mags = vals.map((v) => (neg ? v.negated() : v));
      const stated = { value: r.value.abs(), decimals: r.decimals } as Mention;
      const verdict = rateVerdict(stated, { min: Decimal.min(...mags), max: Decimal.max(...mags) });
      if (verdict === 'equal') continue;
      const computed = b.value.minus(a.value).div(a.value).times(100);
      out.add('narrative.growth', verdict === 'rounding' ? 'warning' : 'error', t.paragraph, r.start, r.end, `表中第 ${i + 1} 列：${r1.label} ${a.raw}、${r2.label} ${b.raw}，增减率应为 ${pctText(computed)}%，表中为 ${r.raw}。`, { expected: pctText(computed), actual: r.value.toString(), difference: r.value.minus(computed).toFixed(2), unit: '%' });
    }
  }
}

/**
 * “公务用车购置及运行维护费支出 2.48 万元，与2021年度预算相比无变化” against a flattened 预算数 | 决算数
 * table in the passage: the claim is false when the item's row holds two different figures, or one
 * figure that is not the stated one (the other cell, lost in flattening, was empty).
 */
function checkBudgetClaims(x: ExtractedText, out: TextFindings): void {
  const tables = (x.tables ?? []).filter((t) => t.header.some((h) => /预算/.test(h)) && t.header.some((h) => /决算|执行/.test(h)));
  if (!tables.length) return;
  for (const st of x.statements) {
    if (!st.flatBudget) continue;
    const key = nameKey(st.subject);
    const rows = tables.flatMap((t) => t.rows).filter((r) => nameKey(r.label.replace(/^其中[：:]?/, '')) === key);
    if (rows.length !== 1) continue;
    const r = rows[0];
    const stated = mentionYuan(st.amount).div(10000);
    let budget: Decimal | undefined;
    if (r.cells.length === 2 && r.cells[1].value.minus(stated).abs().lte(cellHalf(r.cells[1]).plus(halfOf(st.amount).div(10000)))) budget = r.cells[0].value;
    else if (r.cells.length === 1 && !r.cells[0].value.minus(stated).abs().lte(cellHalf(r.cells[0]).plus(halfOf(st.amount).div(10000)))) budget = r.cells[0].value;
    if (!budget || budget.minus(stated).abs().lte(halfOf(st.amount).div(10000).times(2))) continue;
    if (st.amount.unit !== '万元') continue;
    out.add('narrative.claim', 'error', st.amount.paragraph, st.flatBudget.start, st.flatBudget.end, `文中说“${label(st)}”${st.amount.raw}与预算相比无变化，而表中该项预算数为 ${budget.toString()} 万元。`, { expected: budget.toString(), actual: st.amount.value.toString(), unit: '万元' });
  }
}

/** “决算数小于预算数” in words against the 预算 and 决算 figures the same paragraph states. */
function checkFinalVsBudget(x: ExtractedText, out: TextFindings): void {
  x.paragraphs.forEach((p, pi) => {
    const m = /决算数?(?:大于|小于|等于|超过|低于|高于)预算数?/.exec(p);
    if (!m || /大小于|小大于/.test(p.slice(Math.max(0, m.index - 1), m.index + m[0].length + 1))) return;
    const inPara = x.statements.filter((s) => s.amount.paragraph === pi + 1 && !s.alt && s.amount.start < m.index);
    const budget = inPara.filter((s) => /预算(?:数)?(?:为|是)?$/.test(s.subject) && !/决算/.test(s.subject.slice(-4)));
    const final = inPara.filter((s) => /决算(?:数)?(?:为|是)?$/.test(s.subject));
    if (budget.length !== 1 || final.length !== 1) return;
    const b = mentionYuan(budget[0].amount);
    const f = mentionYuan(final[0].amount);
    const said = /大于|超过|高于/.test(m[0]) ? 1 : /小于|低于/.test(m[0]) ? -1 : 0;
    const env = halfOf(budget[0].amount).plus(halfOf(final[0].amount));
    // Within the figures' rounding (预算 1 万元 stands for 0.5–1.5, 决算 0.53) every relation is possible.
    if (f.minus(b).abs().lte(env)) return;
    const actual = f.gt(b) ? 1 : -1;
    if (said === actual) return;
    out.add('narrative.claim', 'error', pi + 1, m.index, m.index + m[0].length, `文中说“${m[0]}”，而同段写预算 ${budget[0].amount.raw}、决算 ${final[0].amount.raw}。`);
  });
}

/** Punctuation a reviewer rejects: a doubled 。 or ，, brackets or quotation marks left open in a paragraph. */
function checkPunctuation(x: ExtractedText, out: TextFindings): void {
  x.paragraphs.forEach((p, pi) => {
    const d = /([。，；、])\1+/.exec(p);
    if (d) out.add('narrative.punctuation', 'warning', pi + 1, d.index, d.index + d[0].length, `标点重复：“${d[0]}”。`);
    // Only complete paragraphs (ending with 。) are judged: a passage cut off may leave a bracket open.
    if (!/。$/.test(p)) return;
    const pairs: [RegExp, RegExp, string][] = [
      [/[（(]/g, /[）)]/g, '括号'],
      [/“/g, /”/g, '引号'],
      [/《/g, /》/g, '书名号'],
    ];
    for (const [o, c, what] of pairs) {
      const opens = [...p.matchAll(o)].map((m) => m.index!);
      const closes = [...p.matchAll(c)].map((m) => m.index!);
      if (opens.length === closes.length) continue;
      const at = opens.length > closes.length ? opens[opens.length - 1] : closes[0];
      out.add('narrative.punctuation', 'warning', pi + 1, at, at + 1, `${what}不成对：开 ${opens.length} 个，闭 ${closes.length} 个。`);
    }
  });
}

/**
 * A computed rate as shown: 2 decimals (“16.87”), or two significant digits where 2 decimals would
 * read 0.00 (“0.00057”: 14,484 元 on 255,325 万元), so that a tiny rate is not shown as none.
 */
function pctText(v: Decimal): string {
  return !v.isZero() && v.abs().lt(0.005) ? v.toSignificantDigits(2).toFixed() : v.toFixed(2);
}

/** “增加 7.40 万元”, “减少 54357.12 元”, “持平”: a 较上年 change in the passage's unit. */
function describeChange(c: Decimal, money: TextMoney): string {
  if (c.isZero()) return '持平';
  return `${c.isNegative() ? '减少' : '增加'} ${money.show(c.abs())}`;
}

/**
 * A stated rate against the range the stated figures allow: 'equal' inside it; 'rounding' when it
 * misses by at most one unit of its own last digit (truncation, 28.99 for 28.9995; a share forced
 * so that the list totals 100%); otherwise 'different'.
 */
function rateVerdict(stated: Mention, range: { min: Decimal; max: Decimal }): 'equal' | 'rounding' | 'different' {
  const unit = new Decimal(10).pow(-stated.decimals);
  const half = unit.div(2);
  const v = stated.value;
  if (v.gte(range.min.minus(half)) && v.lte(range.max.plus(half))) return 'equal';
  // Only toward zero: truncation (28.99 for 28.9995) or a share cut so that the list totals 100%.
  if (v.gte(range.min.minus(unit.plus(half))) && v.lt(range.min)) return 'rounding';
  return 'different';
}

/**
 * A change written in another unit than its figure (“255,325 万元 … 增支 14,484 元，增长 6.01%”):
 * when the change read in the figure's unit gives the stated rate, the sentence says so — the
 * writer most likely dropped a 万 (or wrote one too many; or mixed 万元 and 亿元).
 */
function unitSlip(st: Statement, amount: Decimal, g: Mention): string {
  const ch = st.change;
  if (!ch || st.prior || ch.unit === st.amount.unit || !/元/.test(ch.unit) || !/元/.test(st.amount.unit)) return '';
  const asFigure = mentionYuan({ ...ch, unit: st.amount.unit }).times(ch.direction ?? 1);
  const rate = growthPercent(amount, asFigure);
  if (!rate || !rate.toDecimalPlaces(g.decimals, Decimal.ROUND_HALF_UP).eq(g.value)) return '';
  const size = (unit: string) => mentionYuan({ ...ch, value: new Decimal(1), unit });
  const [small, large] = [ch.unit, st.amount.unit].sort((a, b) => size(a).comparedTo(size(b)));
  return `若增减额是 ${ch.value.toFixed()} ${st.amount.unit}（文中写作“${ch.raw}”），增减幅度正好是 ${g.raw}：像是${small}与${large}混用。`;
}

/**
 * A share one unit of its last digit away from its value, with the other shares of the same whole
 * (at least two in all, each figure counted once) adding up to exactly 100.
 */
function forcedTo100(st: Statement, den: Decimal, computed: Decimal, x: ExtractedText): boolean {
  const share = st.share!;
  const unit = new Decimal(10).pow(-share.decimals);
  if (share.value.minus(computed.toDecimalPlaces(share.decimals, Decimal.ROUND_HALF_UP)).abs().gt(unit)) return false;
  const seen = new Set<string>();
  let sum = new Decimal(0);
  for (const s of x.statements) {
    if (!s.share || !s.shareOf || s.alt || !mentionYuan(s.shareOf.amount).eq(den)) continue;
    const k = `${mentionYuan(s.amount).toFixed()}|${s.share.value.toFixed()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    sum = sum.plus(s.share.value);
  }
  return seen.size >= 2 && seen.has(`${mentionYuan(st.amount).toFixed()}|${share.value.toFixed()}`) && sum.eq(100);
}

function checkStatement(st: Statement, x: ExtractedText, out: TextFindings): void {
  const amount = mentionYuan(st.amount);
  // 本年 − 上年 = 增减额 where both are stated.
  if (st.prior && st.change) {
    const expected = amount.minus(mentionYuan(st.prior));
    const stated = signed(st.change);
    const cmp = compareStated(expected, stated, halfOf(st.amount).plus(halfOf(st.prior)).plus(halfOf(st.change)));
    if (cmp !== 'equal') {
      const { start, end } = span(st, st.change);
      const money = new TextMoney(st.change, [expected, stated]);
      out.add('narrative.prior', cmp === 'rounding' ? 'warning' : 'error', st.amount.paragraph, start, end, `“${label(st)}”本年 ${st.amount.raw}、上年 ${st.prior.raw}，增减额应为 ${money.show(expected)}，文中为 ${money.show(stated)}。`, money.fields(expected, stated));
    }
  }
  // 增幅: |change| / last year.
  if (st.growth) {
    const c = changeOf(st);
    const g = st.growth;
    const gStart = st.change && st.change.paragraph === g.paragraph ? st.change.start : g.start;
    // 减少 … 增长 x%: the rate's word says the opposite of the change.
    if (c !== null && !c.isZero() && !g.value.isZero() && g.direction && st.change?.direction && g.direction !== st.change.direction) {
      out.add('narrative.growth', 'error', g.paragraph, gStart, g.end, `“${label(st)}”较上年${describeChange(c, new TextMoney(st.change ?? st.amount, [c]))}，增减幅度却写作“${growthWord(x.paragraphs[g.paragraph - 1], g.start)}${g.raw}”，增减方向相反。`, { actual: g.value.toString(), unit: '%' });
    } else if (c !== null) {
      // The base is the prior as stated when the text states it (12.5 in “2015年预算12.5万元；对比减少4.35万元；减少率35.22%”).
      const prior = st.prior ? mentionYuan(st.prior) : amount.minus(c);
      if (prior.isZero() && !g.value.isZero()) {
        out.add('narrative.growth', 'warning', g.paragraph, gStart, g.end, `“${label(st)}”上年为 0，不应计算增幅（文中写“${g.raw}”），宜写明“上年无此项”。`, { actual: g.value.toString(), unit: '%' });
      } else if (!prior.isZero()) {
        const range = st.prior && st.change ? pctRange(prior.plus(c), halfOf(st.prior), c, halfOf(st.change)) : pctRange(amount, halfOf(st.amount), c, changeHalf(st));
        const verdict = rateVerdict(g, range);
        if (verdict !== 'equal') {
          const computed = st.prior && st.change ? c.abs().div(prior.abs()).times(100) : growthPercent(amount, c)!;
          out.add(
            'narrative.growth',
            verdict === 'rounding' ? 'warning' : 'error',
            g.paragraph,
            gStart,
            g.end,
            `“${label(st)}”本年 ${st.amount.raw}，较上年${describeChange(c, new TextMoney(st.change ?? st.amount, [c]))}，增减幅度应为 ${pctText(computed)}%，文中为 ${g.raw}${verdict === 'rounding' ? '（末位差一，像是截断而非四舍五入）' : ''}。${verdict === 'rounding' ? '' : unitSlip(st, amount, g)}`,
            { expected: pctText(computed), actual: g.value.toString(), difference: g.value.minus(computed).toFixed(2), unit: '%' },
          );
        }
      }
    }
  }
  // 占比: amount / denominator.
  if (st.share && st.shareOf) {
    const share = st.share;
    const den = mentionYuan(st.shareOf.amount);
    const verdictOver = (of: Statement) => {
      const d = mentionYuan(of.amount);
      const ha = halfOf(st.amount);
      const hd = halfOf(of.amount);
      const min = Decimal.max(amount.minus(ha), 0).dividedBy(d.plus(hd)).times(100);
      const max = amount.plus(ha).dividedBy(Decimal.max(d.minus(hd), new Decimal('1e-9'))).times(100);
      return rateVerdict(share, { min, max });
    };
    if (!den.isZero()) {
      const computed = amount.dividedBy(den).times(100);
      // Where the words may name other figures too, the share is wrong only if it fits none of them.
      const fitsAnother = (st.shareOfAlso ?? []).some((o) => !mentionYuan(o.amount).isZero() && verdictOver(o) === 'equal');
      let verdict = fitsAnother ? 'equal' : verdictOver(st.shareOf);
      // One unit off in the last digit, while the shares of the same whole add up to exactly 100%: the
      // writer made them total 100 (45.46 + 54.19 + 0.35 for 45.45, 54.19, 0.35): at most a warning.
      const balanced = verdict === 'different' && forcedTo100(st, den, computed, x);
      if (balanced) verdict = 'rounding';
      if (verdict !== 'equal') {
        out.add(
          'narrative.share',
          verdict === 'rounding' ? 'warning' : 'error',
          st.share.paragraph,
          st.share.start - 8 > 0 ? Math.max(st.share.start - 8, 0) : 0,
          st.share.end,
          `“${label(st)}”${st.amount.raw}占“${label(st.shareOf)}”${st.shareOf.amount.raw}的比例应为 ${pctText(computed)}%，文中为 ${st.share.raw}${balanced ? '（同一总额的各项占比合计正好 100%，像是为凑足 100% 调整了末位）' : ''}。`,
          { expected: pctText(computed), actual: st.share.value.toString(), difference: st.share.value.minus(computed).toFixed(2), unit: '%' },
        );
      }
    }
  }
  // 完成预算的 Y%: this figure over the budget it names, or the one figure the sentence states as 预算.
  if (st.completion) {
    const budgetM = st.budget ?? sentenceBudget(x, st);
    if (budgetM && !mentionYuan(budgetM).isZero()) {
      const den = mentionYuan(budgetM);
      const ha = halfOf(st.amount);
      const hd = halfOf(budgetM);
      const min = Decimal.max(amount.minus(ha), 0).dividedBy(den.plus(hd)).times(100);
      const max = amount.plus(ha).dividedBy(Decimal.max(den.minus(hd), new Decimal('1e-9'))).times(100);
      const verdict = rateVerdict(st.completion, { min, max });
      if (verdict !== 'equal') {
        const computed = amount.dividedBy(den).times(100);
        out.add('narrative.share', verdict === 'rounding' ? 'warning' : 'error', st.completion.paragraph, st.completion.start, st.completion.end, `“${label(st)}”${st.amount.raw}，预算 ${budgetM.raw}，完成预算的比例应为 ${pctText(computed)}%，文中为 ${st.completion.raw}。`, { expected: pctText(computed), actual: st.completion.value.toString(), difference: st.completion.value.minus(computed).toFixed(2), unit: '%' });
      }
    }
  }
  // “增加 0 万元”, and a 原因 for a change of zero.
  const zero = (st.change && st.change.value.isZero()) || (st.flat && !st.change);
  if (zero) {
    const m = st.change;
    const p = st.amount.paragraph;
    const hasReason = !!st.reason && st.reason.start >= (m?.end ?? st.amount.end) - 1;
    if (m) {
      const word = m.direction === -1 ? '减少' : '增加';
      out.add(
        'narrative.residue',
        'warning',
        p,
        Math.max(0, m.start - 6),
        hasReason ? st.reason!.end : m.end,
        `“${label(st)}”较上年${word} ${m.raw}：没有变化应写“与上年持平”${hasReason ? '，也不必说明增减原因' : ''}。`,
      );
    } else if (hasReason) {
      out.add('narrative.residue', 'warning', p, st.reason!.start, st.reason!.end, `“${label(st)}”与上年持平，却写了增减原因。`);
    }
  }
  void x;
}

/** The figure stated as 预算 right before this one, in the same clause chain (“年初预算为 22.00 万元，支出决算为 8.77 万元，完成预算的 39.86%”). */
function sentenceBudget(x: ExtractedText, st: Statement): Mention | undefined {
  const prev = x.statements.filter((s) => !s.alt && s.id < st.id).pop();
  if (!prev || prev.amount.segment !== st.amount.segment || !/预算(?:数)?(?:为|是)?$/.test(prev.subject) || /决算/.test(prev.subject)) return undefined;
  // “年初预算 2100 万元，调整预算 2400 万元，决算 2345.67 万元，完成调整预算的 97.74%”: the budget the
  // rate names (调整 / 年初 / 全年) must be the one found, else it is not checked.
  const c = st.completion;
  const named = c ? /(调整|年初|全年)预算(?:数)?[^，,。；;]*$/.exec(x.paragraphs[c.paragraph - 1].slice(Math.max(0, c.start - 16), c.start)) : null;
  if (named && !prev.subject.includes(named[1])) return undefined;
  return prev.amount;
}

/** Bounds of the growth percentage given each stated figure's rounding (half a unit of its last digit). */
function pctRange(amount: Decimal, ha: Decimal, change: Decimal, hc: Decimal): { min: Decimal; max: Decimal } {
  const vals: Decimal[] = [];
  for (const da of [ha.negated(), ha]) {
    for (const dc of [hc.negated(), hc]) {
      const p = growthPercent(amount.plus(da), change.plus(dc));
      if (p) vals.push(p);
    }
  }
  if (vals.length === 0) return { min: new Decimal(0), max: new Decimal(Infinity) };
  return { min: Decimal.min(...vals), max: Decimal.max(...vals) };
}

const RESIDUE: { re: RegExp; what: string }[] = [
  { re: /待填写|待补充|请填写|此处填写|填写说明/g, what: '未填写的模板提示' },
  { re: /【[^】]{0,20}】/g, what: '尚待填写的占位符' },
  { re: /(?:XX|ＸＸ|xx|××|\*\*)+/g, what: '未替换的占位符' },
  { re: /增加[（(]减少[)）]|减少[（(]增加[)）]|增[（(]减[)）]|增加\/减少|增加或减少/g, what: '模板中的“增加（减少）”未改为实际增减' },
  { re: /(?:无变化|持平|未变化)\s*万元/g, what: '“无变化”后残留单位' },
];

/**
 * Whether the words inside 【…】 wait to be filled in: nothing (or blanks, underscores, X), a request
 * (【请填写原因】, 【待补充】, 【此处…】, 【某某单位】), or a short field name (【单位名称】, 【原因】,
 * 【项目名称及金额】, 【简要说明增减原因】). 【待遇保障】 and 【填报说明】 are words, not requests. Brackets also mark bylines (【羊城晚报讯】) and headings (【一般公共预算收支分级完成情况】):
 * those are the text itself.
 */
function isPlaceholder(inside: string): boolean {
  const t = inside.replace(/[\s\u3000]/g, '');
  if (/^[_＿\-—…．.·XxＸｘ×*＊]*$/.test(t)) return true;
  if (/请|填写|待填|待补|待定|此处|XX|ＸＸ|xx|××|某/.test(t)) return true;
  return t.length <= 10 && /(?:名称|全称|原因|金额|数额|数字|日期|时间|年度|单位)$/.test(t);
}

function checkResidue(x: ExtractedText, out: TextFindings): void {
  x.paragraphs.forEach((p, i) => {
    for (const r of RESIDUE) {
      const re = new RegExp(r.re.source, 'g');
      let m: RegExpExecArray | null;
      while ((m = re.exec(p))) {
        if (/^【(?:注|说明|备注)/.test(m[0])) continue;
        // “请填写” inside a 【…】 placeholder is the placeholder itself, counted below.
        if (r.what === '未填写的模板提示' && p.lastIndexOf('【', m.index) > p.lastIndexOf('】', m.index)) continue;
        // Our own placeholders (【请填写原因】) are counted as information, not as errors of the text.
        if (r.what === '尚待填写的占位符' && !isPlaceholder(m[0].slice(1, -1))) continue;
        if (r.what === '尚待填写的占位符') out.add('narrative.placeholder', 'info', i + 1, m.index, m.index + m[0].length, `${r.what}：“${m[0]}”。`);
        else out.add('narrative.residue', 'warning', i + 1, m.index, m.index + m[0].length, `${r.what}：“${m[0]}”。`);
      }
    }
  });
}

function normPara(p: string): string {
  return p.replace(/^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])\s*/, '').replace(/\s/g, '');
}

/** A passage of two or more paragraphs with figures repeated word for word (a copy-paste left in). */
function checkDuplicates(x: ExtractedText, out: TextFindings): void {
  const norm = x.paragraphs.map(normPara);
  const hasFigure = x.paragraphs.map((_, i) => x.statements.some((s) => s.amount.paragraph === i + 1));
  const reported = new Set<number>();
  for (let i = 0; i < norm.length; i++) {
    if (reported.has(i) || !hasFigure[i]) continue;
    for (let j = 0; j < i; j++) {
      let k = 0;
      while (i + k < norm.length && j + k < i && norm[i + k] === norm[j + k] && hasFigure[i + k]) k++;
      if (k >= 2) {
        for (let t = 0; t < k; t++) reported.add(i + t);
        out.add(
          'narrative.duplicate',
          'warning',
          i + 1,
          0,
          x.paragraphs[i].length,
          `第 ${i + 1}–${i + k} 段与第 ${j + 1}–${j + k} 段逐字相同，可能是复制后未修改（例如按政府经济分类的说明照搬了部门经济分类）。`,
        );
        break;
      }
    }
  }
}

const TOPICS: { key: string; re: RegExp }[] = [
  { key: '政府性基金', re: /政府性基金/ },
  { key: '国有资本经营', re: /国有资本经营/ },
  { key: '政府采购', re: /政府采购/ },
  { key: '“三公”经费', re: /三公/ },
];

/** “本单位无当年国有资本经营预算收支” under the heading “（四）政府性基金预算支出情况”. */
function checkSectionClaims(x: ExtractedText, out: TextFindings): void {
  x.paragraphs.forEach((p, i) => {
    const head = x.sectionOf[i];
    if (!head || head === p.trim()) return;
    const m = /无(?:当年)?(政府性基金|国有资本经营|政府采购|“?三公”?经费)/.exec(p);
    if (!m) return;
    const claimed = TOPICS.find((t) => t.re.test(m[1]));
    const headTopics = TOPICS.filter((t) => t.re.test(head));
    if (!claimed || headTopics.length === 0 || headTopics.includes(claimed)) return;
    out.add('narrative.section', 'warning', i + 1, m.index, Math.min(p.length, m.index + m[0].length + 6), `标题为“${head}”的部分写的是“${m[0]}”，说明对象与标题不符。`);
  });
}

export { formatYuan };

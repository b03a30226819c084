/**
 * Generates the 说明 from the Disclosure (and last year's, when given). Every number is written
 * from a cell with formatWan (万元, 2 decimals, half-up) and keeps its cells; changes say 增加 /
 * 减少 / 持平 by sign, with no percentage when last year was 0 and no “增加 0 万元”. A change that
 * needs a reason gets the visible placeholder 【请填写原因】, counted in `placeholders`.
 */
import Decimal from 'decimal.js';
import { Disclosure, Row, Table } from '../disclosure';
import { formatWan, ROUNDING } from '../money';
import { Fig, blockRows, columnTotal, fig, figureById, hasData, isZeroOrMissing, primary, sumFigs } from './figures';
import { Narrative, NarrativeNumber, NarrativeParagraph, NarrativeSection, PLACEHOLDER_REASON } from './types';
import { nationalNarrative } from '../profiles/national/narrative';
import { BUILTIN_PROFILES } from '../profiles';
import type { Profile } from '../recognise/profile';

export const PLACEHOLDER_PRIOR = '【请填写较上年增减情况】';

/** Builds one paragraph, recording every number it writes. */
export class P {
  text = '';
  numbers: NarrativeNumber[] = [];
  placeholders = 0;

  t(s: string): this {
    this.text += s;
    return this;
  }

  /** An amount in 万元 (the digits only; the caller writes “万元”). */
  wan(f: Fig, note?: string): this {
    const s = formatWan(f.value);
    this.numbers.push({ start: this.text.length, end: this.text.length + s.length, text: s, unit: '万元', cells: [...f.cells], note: note ?? f.note });
    this.text += s;
    return this;
  }

  pct(v: Decimal, cells: string[], note: string): this {
    const s = v.toDecimalPlaces(2, ROUNDING).toFixed(2);
    this.numbers.push({ start: this.text.length, end: this.text.length + s.length, text: s, unit: '%', cells, note });
    this.text += s;
    return this;
  }

  ph(s: string = PLACEHOLDER_REASON): this {
    this.text += s;
    this.placeholders++;
    return this;
  }

  /**
   * “，较上年增加 7.40 万元[，增长 5.16%]，主要原因是【请填写原因】” / “，与上年持平” /
   * “，较上年【请填写较上年增减情况】” when last year's figure is unknown.
   */
  change(cur: Fig, prior: Fig | undefined | null, opts: { reason?: boolean; growth?: boolean } = {}): this {
    if (prior === null) return this; // the caller does not want a change clause
    if (!prior) {
      this.t('，较上年').ph(PLACEHOLDER_PRIOR);
      return this;
    }
    const diff = cur.value.minus(prior.value);
    const rounded = new Decimal(formatWan(diff.abs()));
    if (rounded.isZero()) {
      this.t('，与上年持平');
      return this;
    }
    const d: Fig = { value: diff.abs(), cells: [...cur.cells, ...prior.cells], note: '本年 − 上年' };
    this.t(`，较上年${diff.isNegative() ? '减少' : '增加'} `).wan(d, '本年 − 上年').t(' 万元');
    if (opts.growth) {
      if (prior.value.isZero()) this.t('（上年无此项）');
      else this.t(`，${diff.isNegative() ? '下降' : '增长'} `).pct(diff.abs().dividedBy(prior.value.abs()).times(100), d.cells, '(本年 − 上年) ÷ 上年').t('%');
    }
    if (opts.reason !== false) this.t('，主要原因是').ph();
    return this;
  }

  done(): NarrativeParagraph {
    return { text: this.text, numbers: this.numbers, placeholders: this.placeholders };
  }
}

function section(id: string, title: string, level: 1 | 2, paragraphs: (P | NarrativeParagraph)[]): NarrativeSection {
  return { id, title, level, paragraphs: paragraphs.map((p) => (p instanceof P ? p.done() : p)) };
}

function get(id: string, d: Disclosure): Fig | undefined {
  return figureById(id).get(d);
}

/** Last year's figure: from last year's Disclosure, else from the 上年 columns of this year's tables. */
function priorOf(id: string, d: Disclosure, prior: Disclosure | null | undefined): Fig | undefined {
  const def = figureById(id);
  if (prior) return def.get(prior);
  return def.prior?.(d);
}

const ZERO_FIG = (cells: string[]): Fig => ({ value: new Decimal(0), cells });

/** A figure that is missing from the tables is written as 0 with no cell only when its table says so. */
function must(f: Fig | undefined): Fig {
  return f ?? ZERO_FIG([]);
}

function subjectOf(d: Disclosure): string {
  return d.profile.id === 'shaanxi' ? '本单位' : '本部门';
}

// ---------------------------------------------------------------------------------------------
// Shared builders
// ---------------------------------------------------------------------------------------------

function detailRows(t: Table | undefined, level: number): Row[] {
  if (!t) return [];
  return t.rows.filter((r) => !r.isTotal && r.level === level && r.code && r.amounts.total && !r.amounts.total.value.isZero());
}

function priorRow(prior: Disclosure | null | undefined, kind: 'gp_func' | 'gp_econ', code: string): Fig | undefined {
  if (!prior) return undefined;
  const t = primary(prior, kind);
  const r = t?.rows.find((x) => x.code === code);
  if (r) return fig(r.amounts.total);
  return t ? ZERO_FIG([]) : undefined;
}

/** 政府经济分类 类 totals from the 经济 detail table's 政府经济科目编码 column (505 ← 50501 + 50502). */
function govEconClasses(t: Table | undefined): { code: string; name: string; fig: Fig }[] {
  if (!t) return [];
  const out = new Map<string, { code: string; name: string; figs: Fig[] }>();
  for (const r of t.rows) {
    if (r.isTotal || !r.code2 || r.level === 0 || !r.amounts.total) continue;
    const cls = r.code2.slice(0, 3);
    const e = out.get(cls) ?? { code: cls, name: '', figs: [] };
    e.figs.push(fig(r.amounts.total)!);
    out.set(cls, e);
  }
  return [...out.values()]
    .map((e) => ({ code: e.code, name: e.name, fig: sumFigs(e.figs, e.figs.length > 1 ? `Σ ${e.figs.length} 行（政府经济科目 ${e.code}）` : undefined)! }))
    .filter((e) => !e.fig.value.isZero());
}

const GOV_ECON_NAMES: Record<string, string> = {
  '501': '机关工资福利支出',
  '502': '机关商品和服务支出',
  '503': '机关资本性支出（一）',
  '504': '机关资本性支出（二）',
  '505': '对事业单位经常性补助',
  '506': '对事业单位资本性补助',
  '507': '对企业补助',
  '508': '对企业资本性支出',
  '509': '对个人和家庭的补助',
  '510': '对社会保障基金补助',
  '511': '债务利息及费用支出',
  '512': '债务还本支出',
  '513': '转移性支出',
  '514': '预备费及预留',
  '599': '其他支出',
};

// ---------------------------------------------------------------------------------------------
// 陕西 单位综合预算 (seeds 000, 003): 四 (一)–(五), 五, 七, 八, 九
// ---------------------------------------------------------------------------------------------

function shaanxi(d: Disclosure, prior: Disclosure | null | undefined, notes: string[]): NarrativeSection[] {
  const who = subjectOf(d);
  const S: NarrativeSection[] = [];
  const pr = (id: string) => priorOf(id, d, prior);
  const hasPrior = !!prior;

  // (一) 收支预算总体情况
  const inc = get('income.total', d);
  const exp = get('expense.total', d);
  if (inc && exp) {
    const p = new P().t(`按照综合预算的原则，${who}所有收入和支出均纳入部门预算管理。${who}当年预算收入 `).wan(inc).t(' 万元，其中一般公共预算拨款收入 ').wan(must(get('income.gp', d))).t(' 万元、政府性基金拨款收入 ').wan(must(get('income.fund', d))).t(' 万元');
    p.change(inc, hasPrior ? pr('income.total') : undefined);
    p.t(`；${who}当年预算支出 `).wan(exp).t(' 万元，其中一般公共预算拨款支出 ').wan(must(get('expense.gp', d))).t(' 万元、政府性基金拨款支出 ').wan(must(get('expense.fund', d))).t(' 万元');
    p.change(exp, hasPrior ? pr('expense.total') : undefined).t('。');
    S.push(section('shaanxi.4.1', '（一）收支预算总体情况', 2, [p]));
  } else notes.push('未找到收支总表的本年收入合计/本年支出合计，未生成“收支预算总体情况”。');

  // (二) 财政拨款收支情况
  const fi = get('fiscal.income', d);
  const fe = get('fiscal.expense', d);
  if (fi && fe) {
    const p = new P().t(`${who}当年财政拨款收入 `).wan(fi).t(' 万元，其中一般公共预算拨款收入 ').wan(must(get('income.gp', d))).t(' 万元、政府性基金拨款收入 ').wan(must(get('income.fund', d))).t(' 万元');
    p.change(fi, hasPrior ? pr('fiscal.income') : undefined);
    p.t(`；${who}当年财政拨款支出 `).wan(fe).t(' 万元，其中一般公共预算拨款支出 ').wan(must(get('expense.gp', d))).t(' 万元、政府性基金拨款支出 ').wan(must(get('expense.fund', d))).t(' 万元');
    p.change(fe, hasPrior ? pr('fiscal.expense') : undefined).t('。');
    S.push(section('shaanxi.4.2', '（二）财政拨款收支情况', 2, [p]));
  } else notes.push('未找到财政拨款收支总表，未生成“财政拨款收支情况”。');

  // (三) 一般公共预算拨款支出明细情况
  const gp = get('expense.gp', d);
  const func = primary(d, 'gp_func');
  const econ = primary(d, 'gp_econ');
  if (gp) {
    const paras: NarrativeParagraph[] = [];
    paras.push(new P().t('1、一般公共预算当年拨款规模变化情况').done());
    paras.push(new P().t(`${who}当年一般公共预算拨款支出 `).wan(gp).t(' 万元').change(gp, hasPrior ? pr('expense.gp') : undefined).t('。').done());
    const items = detailRows(func, 2);
    if (items.length) {
      paras.push(new P().t('2、支出按功能科目分类的明细情况').done());
      paras.push(new P().t(`${who}当年一般公共预算支出 `).wan(gp).t(' 万元，其中：').done());
      items.forEach((r, i) => {
        const f = fig(r.amounts.total)!;
        const p = new P().t(`（${i + 1}）${r.name}（${r.code}）`).wan(f).t(' 万元');
        shaanxiItemParts(p, r);
        p.change(f, hasPrior ? priorRow(prior, 'gp_func', r.code!) : undefined);
        p.t(i === items.length - 1 ? '。' : '；');
        paras.push(p.done());
      });
    }
    const classes = detailRows(econ, 0);
    const gov = govEconClasses(econ);
    if (classes.length || gov.length) {
      paras.push(new P().t('3、支出按经济科目分类的明细情况').done());
      if (classes.length) {
        paras.push(new P().t('（1）按照部门预算支出经济分类的类级科目说明').done());
        paras.push(new P().t(`${who}当年一般公共预算支出 `).wan(gp).t(' 万元，其中：').done());
        classes.forEach((r, i) => {
          const f = fig(r.amounts.total)!;
          const p = new P().t(`${r.name}（${r.code}）`).wan(f).t(' 万元');
          p.change(f, hasPrior ? priorRow(prior, 'gp_econ', r.code!) : undefined);
          p.t(i === classes.length - 1 ? '。' : '；');
          paras.push(p.done());
        });
      }
      if (gov.length) {
        paras.push(new P().t('（2）按照政府预算支出经济分类的类级科目说明').done());
        paras.push(new P().t(`${who}当年一般公共预算支出 `).wan(gp).t(' 万元，其中：').done());
        const priorGov = prior ? govEconClasses(primary(prior, 'gp_econ')) : [];
        gov.forEach((g, i) => {
          const p = new P().t(`${GOV_ECON_NAMES[g.code] ?? g.name ?? g.code}（${g.code}）`).wan(g.fig, g.fig.note).t(' 万元');
          p.change(g.fig, hasPrior ? priorGov.find((x) => x.code === g.code)?.fig ?? ZERO_FIG([]) : undefined);
          p.t(i === gov.length - 1 ? '。' : '；');
          paras.push(p.done());
        });
      }
    }
    S.push(section('shaanxi.4.3', '（三）一般公共预算拨款支出明细情况', 2, paras));
  } else notes.push('未找到一般公共预算支出明细表，未生成“一般公共预算拨款支出明细情况”。');

  // (四) 政府性基金, (五) 国有资本经营
  const fundT = primary(d, 'fund');
  const fundFig = get('expense.fund', d);
  if (!hasData(fundT) && isZeroOrMissing(fundFig)) {
    S.push(section('shaanxi.4.4', '（四）政府性基金预算支出情况', 2, [new P().t(`${who}无当年政府性基金预算收支，并已公开空表。`)]));
  } else {
    const p = new P().t(`${who}当年政府性基金预算拨款支出 `).wan(must(fundFig)).t(' 万元').change(must(fundFig), hasPrior ? pr('expense.fund') : undefined).t('。');
    S.push(section('shaanxi.4.4', '（四）政府性基金预算支出情况', 2, [p]));
  }
  const state = get('income.state', d);
  if (isZeroOrMissing(state) && !hasData(primary(d, 'state_capital'))) {
    S.push(section('shaanxi.4.5', '（五）国有资本经营预算拨款收支情况', 2, [new P().t(`${who}无当年国有资本经营预算收支，并已公开空表。`)]));
  } else {
    S.push(section('shaanxi.4.5', '（五）国有资本经营预算拨款收支情况', 2, [new P().t(`${who}当年国有资本经营预算收入 `).wan(must(state)).t(' 万元').change(must(state), hasPrior ? pr('income.state') : undefined).t('。')]));
  }
  S.unshift({ id: 'shaanxi.4', title: '四、收支说明', level: 1, paragraphs: [] });

  // 五 “三公”经费及会议费、培训费
  S.push(threePublicSection(d, prior, 'shaanxi.5', '五、“三公”经费及会议费、培训费情况说明', who, true));

  // 七 政府采购
  S.push(procurementSection(d, prior, 'shaanxi.7', '七、政府采购情况说明', who));

  // 八 绩效目标
  const pg = get('perf.gp', d);
  if (pg) {
    const p = new P().t(`${who}绩效目标管理全覆盖，涉及当年一般公共预算当年拨款 `).wan(pg).t(' 万元，当年政府性基金预算当年拨款 ').wan(must(get('perf.fund', d))).t(' 万元，当年国有资本经营预算拨款 ').wan(must(get('perf.state', d))).t(' 万元（详见公开报表中的绩效目标表）。');
    S.push(section('shaanxi.8', '八、绩效目标情况说明', 1, [p]));
  }

  // 九 公用经费
  const pub = get('public', d);
  if (pub) {
    const p = new P().t(`${who}当年公用经费预算安排 `).wan(pub).t(' 万元').change(pub, hasPrior ? pr('public') : undefined).t('。');
    S.push(section('shaanxi.9', '九、公用经费情况说明', 1, [p]));
  } else notes.push('未找到公用经费合计，未生成“公用经费情况说明”。');
  return S;
}

/**
 * 陕西 功能科目 item: when a 项 has more than one of 人员经费 / 公用经费 / 专项业务费, the published
 * text states them (“社会保险经办机构（2080109）118.40 万元，其中：人员经费 … 万元、公用经费 … 万元”).
 */
function shaanxiItemParts(p: P, r: Row): void {
  const parts = (
    [
      ['personnel', '人员经费'],
      ['public', '公用经费'],
      ['special', '专项业务费'],
    ] as const
  )
    .map(([k, name]) => ({ name, f: fig(r.amounts[k]) }))
    .filter((x): x is { name: '人员经费' | '公用经费' | '专项业务费'; f: Fig } => !!x.f && !new Decimal(formatWan(x.f.value)).isZero());
  if (parts.length < 2) return;
  p.t('，其中：');
  parts.forEach((x, i) => p.t(`${i ? '、' : ''}${x.name} `).wan(x.f).t(' 万元'));
}

function threePublicSection(d: Disclosure, prior: Disclosure | null | undefined, id: string, title: string, who: string, withMeetings: boolean): NarrativeSection {
  const t = primary(d, 'three_public');
  const cur = (k: string) => get(`three.${k}`, d);
  const pre = (k: string) => priorOf(`three.${k}`, d, prior);
  const total = cur('total');
  if (!t || !hasData(t) || !total) {
    const what = withMeetings ? '“三公”经费、会议费和培训费' : '财政拨款“三公”经费';
    const p = new P().t(`${who}当年一般公共预算未安排${what}预算${t && t.rows.length === 0 ? '，并已公开空表' : ''}。`);
    return section(id, title, 1, [p]);
  }
  const p = new P().t(`${who}当年一般公共预算“三公”经费预算支出 `).wan(total).t(' 万元').change(total, pre('total'), { growth: true });
  p.t('。其中：');
  const parts: [string, string][] = [
    ['abroad', '因公出国（境）费'],
    ['reception', '公务接待费'],
    ['car_buy', '公务用车购置费'],
    ['car_run', '公务用车运行维护费'],
  ];
  parts.forEach(([k, name], i) => {
    const f = must(cur(k));
    p.t(`${name} `).wan(f).t(' 万元').change(f, pre(k), { growth: true });
    p.t(i === parts.length - 1 ? '。' : '；');
  });
  const paras = [p];
  if (withMeetings) {
    for (const [k, name] of [
      ['meeting', '会议费'],
      ['training', '培训费'],
    ] as const) {
      const f = cur(k);
      if (!f) continue;
      paras.push(new P().t(`${who}当年一般公共预算${name}预算支出 `).wan(f).t(' 万元').change(f, pre(k), { growth: true }).t('。'));
    }
  }
  return section(id, title, 1, paras);
}

function procurementSection(d: Disclosure, prior: Disclosure | null | undefined, id: string, title: string, who: string): NarrativeSection {
  const t = primary(d, 'procurement');
  const f = get('procurement', d);
  if (!hasData(t) || !f || f.value.isZero()) {
    return section(id, title, 1, [new P().t(`${who}当年无政府采购预算${t ? '，并已公开空表' : ''}。`)]);
  }
  const p = new P().t(`${who}当年政府采购预算 `).wan(f).t(' 万元').change(f, priorOf('procurement', d, prior), { growth: true }).t('。');
  return section(id, title, 1, [p]);
}

/** “其他收入 N 万元” when the 部门 has money besides 财政拨款: the 其中 list must add up to the total. */
function otherIncome(p: P, d: Disclosure, sep: string): P {
  const other = get('income.other', d);
  if (other && !other.value.isZero()) p.t(`${sep}其他收入 `).wan(other).t(' 万元');
  return p;
}

// ---------------------------------------------------------------------------------------------
// 河北 部门预算 (seed 004): 二 总体情况, 三 机关运行经费, 四 “三公”经费
// ---------------------------------------------------------------------------------------------

function hebei(d: Disclosure, prior: Disclosure | null | undefined, notes: string[]): NarrativeSection[] {
  const who = subjectOf(d);
  const S: NarrativeSection[] = [];
  const hasPrior = !!prior;
  const pr = (id: string) => (hasPrior ? priorOf(id, d, prior) : undefined);
  const inc = get('income.total', d);
  const exp = get('expense.total', d);
  if (inc && exp) {
    const p1 = new P().t(`${who}当年收入预算 `).wan(inc).t(' 万元，其中：一般公共预算拨款收入 ').wan(must(get('income.gp', d))).t(' 万元，政府性基金预算拨款收入 ').wan(must(get('income.fund', d))).t(' 万元，国有资本经营预算拨款收入 ').wan(must(get('income.state', d))).t(' 万元');
    otherIncome(p1, d, '，').change(inc, pr('income.total'), { growth: true }).t('。');
    const p2 = new P().t(`${who}当年支出预算 `).wan(exp).t(' 万元');
    const basic = get('basic', d);
    const project = get('project', d);
    if (basic && project) p2.t('，其中：基本支出 ').wan(basic).t(' 万元，项目支出 ').wan(project).t(' 万元');
    p2.change(exp, pr('expense.total'), { growth: true }).t('。');
    S.push(section('hebei.2', '二、部门预算安排的总体情况', 1, [p1, p2]));
  } else notes.push('未找到部门预算收支总表的本年收入合计/本年支出合计，未生成“部门预算安排的总体情况”。');

  const pub = get('public', d);
  if (pub) {
    const p = new P().t(`${who}当年机关运行经费预算 `).wan(pub).t(' 万元').change(pub, pr('public'), { growth: true }).t('。');
    S.push(section('hebei.3', '三、机关运行经费安排情况', 1, [p]));
  } else {
    S.push(section('hebei.3', '三、机关运行经费安排情况', 1, [new P().t(`${who}当年机关运行经费预算 `).ph('【请填写：未找到一般公共预算基本支出表的公用经费合计】').t('。')]));
    notes.push('未找到公用经费合计（一般公共预算财政拨款基本支出表），机关运行经费留作占位符。');
  }
  S.push(threePublicSection(d, prior, 'hebei.4', '四、财政拨款“三公”经费预算情况及增减变化原因', who, false));
  return S;
}

// ---------------------------------------------------------------------------------------------
// 湖北 部门预算 (seed 002): 一 预算收支 … 六 政府性基金
// ---------------------------------------------------------------------------------------------

function hubei(d: Disclosure, prior: Disclosure | null | undefined, notes: string[]): NarrativeSection[] {
  const who = subjectOf(d);
  const S: NarrativeSection[] = [];
  const hasPrior = !!prior;
  const pr = (id: string) => (hasPrior ? priorOf(id, d, prior) : undefined);
  const inc = get('income.total', d);
  const exp = get('expense.total', d);
  if (inc && exp) {
    const p1 = new P().t(`${who}当年收入预算总额为 `).wan(inc).t(' 万元').change(inc, pr('income.total'), { growth: true, reason: false });
    p1.t('，其中：一般公共预算财政拨款收入 ').wan(must(get('income.gp', d))).t(' 万元；政府性基金拨款收入 ').wan(must(get('income.fund', d))).t(' 万元');
    otherIncome(p1, d, '；').t('。');
    const p2 = new P().t(`${who}当年支出预算总额为 `).wan(exp).t(' 万元').change(exp, pr('expense.total'), { growth: true, reason: false });
    const basic = get('basic', d);
    const project = get('project', d);
    if (basic && project) p2.t('，其中：基本支出 ').wan(basic).t(' 万元；项目支出 ').wan(project).t(' 万元');
    p2.t('。');
    const paras = [p1, p2];
    if (hasPrior && !new Decimal(formatWan(inc.value)).eq(new Decimal(formatWan(must(pr('income.total')).value)))) paras.push(new P().t('增减变化的主要原因：').ph().t('。'));
    S.push(section('hubei.1', '一、预算收支安排及增减变化情况说明', 1, paras));
  } else notes.push('未找到部门收支总表，未生成“预算收支安排及增减变化情况说明”。');
  const pub = get('public', d);
  S.push(
    section('hubei.2', '二、机关运行经费安排及增减变化情况说明', 1, [
      pub ? new P().t(`${who}当年机关运行经费预算 `).wan(pub).t(' 万元').change(pub, pr('public'), { growth: true }).t('。') : new P().t(`${who}当年机关运行经费预算 `).ph('【请填写机关运行经费】').t('。'),
    ]),
  );
  const three = threePublicSection(d, prior, 'hubei.3', '三、“三公”经费安排及增减变化情况说明', who, false);
  S.push(three);
  S.push(procurementSection(d, prior, 'hubei.4', '四、政府采购预算安排及增减变化情况说明', who));
  S.push(section('hubei.5', '五、国有资产占用及增减变化情况说明', 1, [new P().t('截至上年 12 月 31 日，').ph('【请填写车辆及大型设备情况】').t('。')]));
  const fund = get('expense.fund', d);
  S.push(
    section('hubei.6', '六、政府性基金预算支出情况说明', 1, [
      isZeroOrMissing(fund) ? new P().t(`${who}无当年政府性基金预算收支，并已公开空表。`) : new P().t(`${who}当年政府性基金预算拨款支出 `).wan(fund!).t(' 万元').change(fund!, pr('expense.fund'), { growth: true }).t('。'),
    ]),
  );
  return S;
}

// ---------------------------------------------------------------------------------------------

export function generateNarrative(d: Disclosure, prior?: Disclosure | null, opts: { profiles?: Profile[] } = {}): Narrative {
  const notes: string[] = [];
  let sections: NarrativeSection[];
  let title: string;
  const unit = d.unitName ? d.unitName : d.profile.id === 'shaanxi' ? '本单位' : '本部门';
  // A province folder's own template, when its profile has one.
  const template = (opts.profiles ?? BUILTIN_PROFILES).find((p) => p.id === d.profile.id)?.narrative;
  switch (template ? '' : d.profile.id) {
    case '':
      sections = template!.sections(d, prior, notes);
      title = template!.title(d.unitName);
      break;
    case 'hebei':
      sections = hebei(d, prior, notes);
      title = `${unit}部门预算信息公开情况说明`;
      break;
    case 'hubei':
      sections = hubei(d, prior, notes);
      title = `${unit}部门预算编制情况及说明`;
      break;
    case 'shaanxi':
      sections = shaanxi(d, prior, notes);
      title = `${unit}单位预算公开说明（收支情况及其他情况）`;
      break;
    default:
      // Any other profile (the national layer, a province without a template of its own).
      sections = nationalNarrative(d, prior, notes, subjectOf(d));
      title = `${d.unitName ?? '本部门'}部门预算公开说明`;
  }
  if (!prior) notes.push('未提供上年数据（--prior），较上年增减处留有占位符；“三公”经费的上年数取自本表的上年栏。');
  for (const m of d.missing) notes.push(`缺少“${m.title}”，相关说明未生成。`);
  const placeholders = sections.reduce((a, s) => a + s.paragraphs.reduce((b, p) => b + p.placeholders, 0), 0);
  return { source: d.source, profile: d.profile, title, sections, placeholders, hasPrior: !!prior, notes };
}

void blockRows;
void columnTotal;

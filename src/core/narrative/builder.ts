/**
 * The pieces every 说明 template is written with: a paragraph builder P that records each number's
 * cells, the figure lookups, and the sections several provinces share (“三公”经费, 政府采购). Every
 * number is written from a cell with formatWan (万元, 2 decimals, half-up) and keeps its cells;
 * changes say 增加 / 减少 / 持平 by sign, with no percentage when last year was 0 and no “增加 0 万元”.
 * A change that needs a reason gets the visible placeholder 【请填写原因】, counted in `placeholders`.
 * The templates themselves live with their province: src/core/profiles/<province>/narrative.ts.
 */
import Decimal from 'decimal.js';
import { Disclosure, Row, Table } from '../disclosure';
import { formatWan, ROUNDING } from '../money';
import { Fig, fig, figureById, hasData, primary, sumFigs } from './figures';
import { NarrativeNumber, NarrativeParagraph, NarrativeSection, PLACEHOLDER_REASON } from './types';

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

export function section(id: string, title: string, level: 1 | 2, paragraphs: (P | NarrativeParagraph)[]): NarrativeSection {
  return { id, title, level, paragraphs: paragraphs.map((p) => (p instanceof P ? p.done() : p)) };
}

export function get(id: string, d: Disclosure): Fig | undefined {
  return figureById(id).get(d);
}

/** Last year's figure: from last year's Disclosure, else from the 上年 columns of this year's tables. */
export function priorOf(id: string, d: Disclosure, prior: Disclosure | null | undefined): Fig | undefined {
  const def = figureById(id);
  if (prior) return def.get(prior);
  return def.prior?.(d);
}

export const ZERO_FIG = (cells: string[]): Fig => ({ value: new Decimal(0), cells });

/** A figure that is missing from the tables is written as 0 with no cell only when its table says so. */
export function must(f: Fig | undefined): Fig {
  return f ?? ZERO_FIG([]);
}

export function subjectOf(d: Disclosure): string {
  return d.profile.id === 'shaanxi' ? '本单位' : '本部门';
}

// ---------------------------------------------------------------------------------------------
// Shared builders
// ---------------------------------------------------------------------------------------------

export function detailRows(t: Table | undefined, level: number): Row[] {
  if (!t) return [];
  return t.rows.filter((r) => !r.isTotal && r.level === level && r.code && r.amounts.total && !r.amounts.total.value.isZero());
}

export function priorRow(prior: Disclosure | null | undefined, kind: 'gp_func' | 'gp_econ', code: string): Fig | undefined {
  if (!prior) return undefined;
  const t = primary(prior, kind);
  const r = t?.rows.find((x) => x.code === code);
  if (r) return fig(r.amounts.total);
  return t ? ZERO_FIG([]) : undefined;
}

/** 政府经济分类 类 totals from the 经济 detail table's 政府经济科目编码 column (505 ← 50501 + 50502). */
export function govEconClasses(t: Table | undefined): { code: string; name: string; fig: Fig }[] {
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

export const GOV_ECON_NAMES: Record<string, string> = {
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

export function threePublicSection(d: Disclosure, prior: Disclosure | null | undefined, id: string, title: string, who: string, withMeetings: boolean): NarrativeSection {
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

export function procurementSection(d: Disclosure, prior: Disclosure | null | undefined, id: string, title: string, who: string): NarrativeSection {
  const t = primary(d, 'procurement');
  const f = get('procurement', d);
  if (!hasData(t) || !f || f.value.isZero()) {
    return section(id, title, 1, [new P().t(`${who}当年无政府采购预算${t ? '，并已公开空表' : ''}。`)]);
  }
  const p = new P().t(`${who}当年政府采购预算 `).wan(f).t(' 万元').change(f, priorOf('procurement', d, prior), { growth: true }).t('。');
  return section(id, title, 1, [p]);
}

/** “其他收入 N 万元” when the 部门 has money besides 财政拨款: the 其中 list must add up to the total. */
export function otherIncome(p: P, d: Disclosure, sep: string): P {
  const other = get('income.other', d);
  if (other && !other.value.isZero()) p.t(`${sep}其他收入 `).wan(other).t(' 万元');
  return p;
}


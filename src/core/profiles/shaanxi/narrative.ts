/**
 * 陕西 单位综合预算 说明 (seeds 000, 003): 四 (一)–(五), 五, 七, 八, 九.
 */
import Decimal from 'decimal.js';
import { Disclosure, Row } from '../../disclosure';
import { formatWan } from '../../money';
import { Fig, fig, hasData, isZeroOrMissing, primary } from '../../narrative/figures';
import { NarrativeParagraph, NarrativeSection } from '../../narrative/types';
import type { NarrativeTemplate } from '../../recognise/profile';
import { GOV_ECON_NAMES, P, ZERO_FIG, detailRows, get, govEconClasses, must, priorOf, priorRow, procurementSection, section, subjectOf, threePublicSection } from '../../narrative/builder';

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

export const SHAANXI_NARRATIVE: NarrativeTemplate = {
  title: (unitName) => `${unitName ?? '本单位'}单位预算公开说明（收支情况及其他情况）`,
  sections: shaanxi,
};

/**
 * 河北 部门预算 说明 (seed 004): 二 总体情况, 三 机关运行经费, 四 “三公”经费.
 */
import { Disclosure } from '../../disclosure';
import { NarrativeSection } from '../../narrative/types';
import type { NarrativeTemplate } from '../../recognise/profile';
import { P, get, must, otherIncome, priorOf, section, subjectOf, threePublicSection } from '../../narrative/builder';

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

export const HEBEI_NARRATIVE: NarrativeTemplate = {
  title: (unitName) => `${unitName ?? '本部门'}部门预算信息公开情况说明`,
  sections: hebei,
};

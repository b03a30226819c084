/**
 * 湖北 部门预算 说明 (seed 002): 一 预算收支 … 六 政府性基金.
 */
import Decimal from 'decimal.js';
import { Disclosure } from '../../disclosure';
import { formatWan } from '../../money';
import { isZeroOrMissing } from '../../narrative/figures';
import { NarrativeSection } from '../../narrative/types';
import type { NarrativeTemplate } from '../../recognise/profile';
import { P, get, must, otherIncome, priorOf, procurementSection, section, subjectOf, threePublicSection } from '../../narrative/builder';

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

export const HUBEI_NARRATIVE: NarrativeTemplate = {
  title: (unitName) => `${unitName ?? '本部门'}部门预算编制情况及说明`,
  sections: hubei,
};

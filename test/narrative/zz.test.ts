import { checkNarrative, extract } from '../../src/core/narrative';
test('x', () => {
  for (const p of [['当期全国政府采购规模为21070.5亿元,首次突破2万亿元,比上年增加3765.2亿元,增长21.8%。'], ['中央一般公共预算本级支出38,000亿元,增长4.0%。中央对地方转移支付10.2万亿元,其中:一般性转移支付91,000亿元,专项转移支付11,000亿元。'], ['全省一般公共预算收入3,215.60亿元,比上年增加158.90亿元,增长5.20%。全国一般公共预算收入21.7万亿元,增长6.4%。'], ['全省一般公共预算收入3,215.60亿元,比上年增加158.90亿元,增长5.20%。中央对地方转移支付10.2万亿元,增加3,500亿元。']]) {
  const x = extract(p);
  console.log(JSON.stringify(x.statements.map((s) => [s.subject, s.amount.raw, s.change?.raw, s.growth?.raw, s.partOf ? s.partOf.total.amount.raw : null])), JSON.stringify(checkNarrative(p, null).filter(f=>f.severity!=='info').map((f) => [f.severity, f.message])));
  }
});

import { extract, checkNarrative } from '../../src/core/narrative';
import { passage } from './corpusKey';
test('dbg', () => {
  for (const f of (process.env.DBG ?? '').split(',')) {
    const { paragraphs } = passage(f);
    const x = extract(paragraphs);
    if (process.env.P) console.log(x.paragraphs.join('\n'));
    console.log(x.statements.map((s) => `${s.id} [${s.subject}] ${s.amount.raw} ch=${s.change?.raw ?? ''} pr=${s.prior?.raw ?? ''} g=${s.growth?.raw ?? ''} part=${s.partOf ? s.partOf.total.id : ''}`).join('\n'));
    console.log(x.changeOnly.map((c) => `CO [${c.subject}] ${c.change.raw} g=${c.growth?.raw ?? ''}`).join('\n'));
    console.log(checkNarrative(paragraphs, null).map((f) => `${f.severity} ${f.rule} ${f.message}`).join('\n'));
  }
});

import { loadKey, scoreFile } from './corpusKey';
test('audit', () => {
  const out: string[] = [];
  for (const kf of loadKey()) {
    const s = scoreFile(kf);
    for (const c of s.found) out.push(`${kf.file.slice(0, 2)} ${c.stated} <= ${s.findings.filter((f) => f.severity === 'error').map((f) => f.rule + ':' + f.message.slice(0, 90)).join(' || ')}`);
  }
  console.log(out.join('\n'));
});

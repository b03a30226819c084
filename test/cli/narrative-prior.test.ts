/**
 * `check --narrative 说明 --prior 上年.xlsx`: the 说明's 较上年 changes are checked against last year's
 * workbook, and only when one is given. Last year here is seed 000 with every amount ×0.95.
 */
import * as os from 'os';
import * as path from 'path';
import { promises as fs } from 'fs';
import { buildPrior000, xlsxBytes } from '../excel/priorFixture';
import { runMain } from './helpers';

const CURRENT = path.join(__dirname, '../../examples/子洲县工伤保险经办中心-2024单位预算公开-已修正.xlsx');

test('较上年 figures are checked against --prior, and not at all without it', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-prior-'));
  try {
    const prior = path.join(dir, '上年.xlsx');
    await fs.writeFile(prior, await xlsxBytes(buildPrior000()));
    const text = path.join(dir, '说明.txt');
    const g = await runMain(['narrative', CURRENT, '--prior', prior, '--out', text]);
    expect(g.code).toBe(0);
    const written = await fs.readFile(text, 'utf8');
    expect(written).toMatch(/较上年增加 [\d.]+ 万元/);
    // against the right last year: the 说明 holds
    const ok = await runMain(['check', CURRENT, '--narrative', text, '--prior', prior, '--json']);
    const okDoc = JSON.parse(ok.stdout);
    expect(okDoc.files[0].findings.filter((f: { rule: string; severity: string }) => f.rule.startsWith('narrative.') && f.severity === 'error')).toEqual([]);
    // against the wrong last year (this year's own workbook): the 较上年 figures do not match it
    const bad = await runMain(['check', CURRENT, '--narrative', text, '--prior', CURRENT, '--json']);
    const badErrors = JSON.parse(bad.stdout).files[0].findings.filter((f: { rule: string; severity: string }) => f.rule.startsWith('narrative.') && f.severity === 'error');
    expect(badErrors.length).toBeGreaterThan(0);
    // without --prior nothing about last year is checked
    const none = await runMain(['check', CURRENT, '--narrative', text, '--json']);
    expect(JSON.parse(none.stdout).files[0].findings.filter((f: { rule: string; severity: string }) => f.rule.startsWith('narrative.') && f.severity === 'error')).toEqual([]);
    // --prior alone is refused in Chinese
    const alone = await runMain(['check', CURRENT, '--prior', prior]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('需与 --narrative 一起使用');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

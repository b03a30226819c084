/**
 * The real 说明 text printed with the two real-b tables (test/corpus/real-b/narrative: 衢江区 and 施甸县
 * 2016 三公 决算), against the rebuilt workbooks. Key: real-b/narrative/key.json, computed by its
 * verify.py with Python's Decimal from the .txt and .xlsx files, never by this engine.
 *
 * 衢江's text gives 公车购置及运行费 995 (38 + 958) where the table prints 996 (37 + 959): the key calls
 * each a contradiction; two whole figures one unit apart in the last digit are reported as warnings
 * (a truncation would explain them, docs/narrative.md), so each must be a finding at its cell, and
 * nothing in these texts may be an error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/file/read';
import { checkGrid } from '../../src/core/engine';
import { checkNarrative, splitParagraphs } from '../../src/core/narrative';

const DIR = path.join(__dirname, '../corpus/real-b');
interface Relation {
  id: string;
  scope: string;
  verdict: string;
  cells: string[];
}
const key = JSON.parse(fs.readFileSync(path.join(DIR, 'narrative/key.json'), 'utf8')) as { files: { file: string; workbook: string; relations: Relation[] }[] };

describe('real-b: the real 说明 against its table', () => {
  test.each(key.files.map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    const r = checkGrid((await readWorkbookFile(path.join(DIR, f.workbook))).grid);
    const findings = checkNarrative(splitParagraphs(fs.readFileSync(path.join(DIR, 'narrative', f.file), 'utf8')), r.disclosure);
    expect(findings.filter((x) => x.severity === 'error').map((x) => x.message)).toEqual([]);
    for (const rel of f.relations.filter((x) => x.verdict === 'CONTRADICTION' && x.scope === 'text-table')) {
      const hit = findings.some((x) => x.severity === 'warning' && x.cells.some((c) => rel.cells.includes(c)));
      expect([rel.id, hit]).toEqual([rel.id, true]);
    }
  });

  test('the key holds 衢江’s three contradictions', () => {
    const qj = key.files.find((f) => f.file.startsWith('zhejiang'))!;
    expect(qj.relations.filter((x) => x.verdict === 'CONTRADICTION').map((x) => x.cells[0])).toEqual(['三公经费决算对比!E5', '三公经费决算对比!F5', '三公经费决算对比!G5']);
  });
});

/**
 * Every rule id the engine emits is listed, with that severity, in its family's table (or in the
 * recognition / shared tables): the tables are load-bearing, not documentation that may drift.
 * Run over every shipped example, every corpus workbook, and single-cell changes of them, so that
 * failing checks are emitted too.
 */
import { checkGrid } from '../../src/core/engine';
import { RULE_FAMILIES } from '../../src/core/rules';
import { RECOGNITION_RULES, SHARED_RULES } from '../../src/core/rules/recognition';
import { RuleInfo } from '../../src/core/rules/types';
import { readWorkbookFile } from '../../src/file/read';
import { Finding } from '../../src/core/finding';
import { repositoryWorkbooks } from '../helpers/workbooks';

const listed = new Map<string, RuleInfo>();
for (const r of [...RULE_FAMILIES.flatMap((f) => f.rules), ...RECOGNITION_RULES, ...SHARED_RULES]) listed.set(r.id, r);

test('every emitted rule id and severity is listed in a rule table', async () => {
  const emitted: Finding[] = [];
  for (const file of repositoryWorkbooks()) {
    const grid = (await readWorkbookFile(file)).grid;
    emitted.push(...checkGrid(grid).findings);
    // and with one figure changed on every table, so that the failing side of checks is seen
    const d = checkGrid(grid).disclosure;
    for (const t of d?.tables ?? []) {
      const a = [...t.rows.flatMap((r) => Object.values(r.amounts)), ...(t.blocks ?? []).flatMap((b) => b.rows.flatMap((r) => Object.values(r.amounts)))].find((x) => x && !x.blank);
      if (!a) continue;
      const [sheetName, ref] = a.cell.split('!');
      const sheet = grid.sheets.find((s) => s.name === sheetName)!;
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const cell = sheet.rows[Number(m[2]) - 1][col - 1]!;
      const before = cell.v;
      cell.v = Number(before) * 10000;
      emitted.push(...checkGrid(grid).findings);
      cell.v = before;
    }
  }
  expect(emitted.length).toBeGreaterThan(100);
  const problems = new Set<string>();
  for (const f of emitted) {
    const info = listed.get(f.rule);
    if (!info) problems.add(`${f.rule}: not listed`);
    else if (!info.severity.split('|').includes(f.severity)) problems.add(`${f.rule}: emits ${f.severity}, listed as ${info.severity}`);
  }
  expect([...problems]).toEqual([]);
});

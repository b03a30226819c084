/**
 * A family that lists its `checks` (for the diagnosis, which re-runs them one by one) must give,
 * through them, exactly the findings its `run` gives: a check added to `run` and forgotten in
 * `checks` would make the diagnosis blind to it. Run over the shipped examples (their published
 * versions fail many cross-table checks) and the corpus workbooks.
 */
import * as path from 'path';
import { RULE_FAMILIES } from '../../src/core/rules';
import { recognise } from '../../src/core/recognise/recognise';
import { BUILTIN_PROFILES } from '../../src/core/recognise/profiles';
import { builtinCatalogue } from '../../src/core/codes/catalogue';
import { readWorkbookFile } from '../../src/file/read';
import { Finding } from '../../src/core/finding';
import { Grid } from '../../src/core/grid';
import { Disclosure } from '../../src/core/disclosure';
import { repositoryWorkbooks } from '../helpers/workbooks';
import { restrictTable } from '../../src/core/rules/scope';

const key = (f: Finding) => JSON.stringify([f.rule, f.severity, f.cells, f.expected, f.actual, f.difference, f.message]);

/** Every workbook here, read and recognised once for all the tests below. */
let recognised: Promise<{ file: string; grid: Grid; d: Disclosure }[]> | undefined;
function workbooks() {
  recognised ??= (async () => {
    const out: { file: string; grid: Grid; d: Disclosure }[] = [];
    for (const file of repositoryWorkbooks(/\.xlsx?$/)) {
      const grid = (await readWorkbookFile(file)).grid;
      const d = recognise(grid, BUILTIN_PROFILES).disclosure;
      if (d) out.push({ file: file, grid, d });
    }
    return out;
  })();
  return recognised;
}

test('the cross family lists its checks', () => {
  const cross = RULE_FAMILIES.find((f) => f.id === 'cross');
  expect(cross?.checks?.length).toBeGreaterThanOrEqual(14);
});

test("a family's checks together give exactly what its run gives", async () => {
  const codes = builtinCatalogue();
  let compared = 0;
  let findings = 0;
  for (const { file, grid, d } of await workbooks()) {
    for (const fam of RULE_FAMILIES) {
      if (!fam.checks) continue;
      const ctx = { disclosure: d, codes, grid };
      const whole = fam.run(ctx).map(key).sort();
      const parts = fam.checks.flatMap((c) => c.run(ctx)).map(key).sort();
      expect({ file: file, family: fam.id, findings: parts }).toEqual({ file: file, family: fam.id, findings: whole });
      compared++;
      findings += whole.length;
    }
  }
  expect(compared).toBeGreaterThanOrEqual(9);
  // The published examples break cross-table checks: the comparison is not between two empty lists.
  expect(findings).toBeGreaterThan(5);
});

test('a scoped check gives, column by column, row by row or block by block, exactly its findings on the whole table', async () => {
  const codes = builtinCatalogue();
  let views = 0;
  let findings = 0;
  /** Blocks compared, and the findings of block-scoped checks (the published 陕西 examples break summary.block). */
  let blocks = 0;
  let blockFindings = 0;
  for (const { file, grid, d } of await workbooks()) {
    for (const fam of RULE_FAMILIES) {
      for (const check of fam.checks ?? []) {
        if (!check.scope) continue;
        expect(fam.perTable).toBe(true);
        for (const t of d.tables) {
          const ctx = (tables: typeof d.tables) => ({ disclosure: { ...d, tables }, codes, grid });
          const whole = check.run(ctx([t])).map(key).sort();
          const parts =
            check.scope === 'column'
              ? [...new Set(t.rows.flatMap((r) => Object.keys(r.amounts)))].map((k) => new Set([k]))
              : check.scope === 'block'
                ? (t.blocks ?? []).map((_, bi) => new Set([bi]))
                : t.rows.map((_, ri) => new Set([ri]));
          const pieces = parts.flatMap((p) => check.run(ctx([restrictTable(t, check.scope!, p)]))).map(key).sort();
          expect({ file: file, table: t.title, check: check.name, findings: pieces }).toEqual({ file: file, table: t.title, check: check.name, findings: whole });
          views += parts.length;
          findings += whole.length;
          if (check.scope === 'block') {
            blocks += parts.length;
            blockFindings += whole.length;
          }
        }
      }
    }
  }
  expect(views).toBeGreaterThan(1000);
  expect(findings).toBeGreaterThan(5);
  expect(blocks).toBeGreaterThan(20);
  expect(blockFindings).toBeGreaterThan(0);
});

test('a per-table family gives no finding on a table it says it does not check', async () => {
  const codes = builtinCatalogue();
  let skipped = 0;
  let checked = 0;
  for (const { file, grid, d } of await workbooks()) {
    for (const fam of RULE_FAMILIES) {
      if (!fam.checksTable) continue;
      expect(fam.perTable).toBe(true);
      for (const t of d.tables) {
        const findings = fam.run({ disclosure: { ...d, tables: [t] }, codes, grid });
        if (fam.checksTable(t)) {
          checked += findings.length;
          continue;
        }
        expect({ file, family: fam.id, table: t.title, findings }).toEqual({ file, family: fam.id, table: t.title, findings: [] });
        skipped++;
      }
    }
  }
  // Both families skip tables (sums skip summary tables, 收支总表平衡 every other table), and what
  // they do check gives findings on the published examples.
  expect(skipped).toBeGreaterThan(100);
  expect(checked).toBeGreaterThan(5);
});

/**
 * The diagnosis's watched copy of a Disclosure (src/core/causes/track.ts): it answers every field
 * as the original does, the rules find the same on it, and it notes the cells that are read.
 */
import { checkGrid } from '../../src/core/engine';
import { Amount, Disclosure, Row } from '../../src/core/disclosure';
import { RULE_FAMILIES } from '../../src/core/rules';
import { builtinCatalogue } from '../../src/core/codes/catalogue';
import { gridFromWorkbook } from '../../src/file/read';
import { AMOUNT_FIELDS, ROW_FIELDS, ReadLog, watchedDisclosure } from '../../src/core/causes/track';
import { buildShaanxi000, buildShaanxi003 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';

const published: [string, () => Disclosure][] = [
  ['陕西 000', () => checkGrid(gridFromWorkbook(buildShaanxi000('published'), '000.xlsx').grid, { diagnose: false }).disclosure!],
  ['陕西 003', () => checkGrid(gridFromWorkbook(buildShaanxi003('published'), '003.xlsx').grid, { diagnose: false }).disclosure!],
  ['河北 004', () => checkGrid(gridFromWorkbook(buildHebei004('published'), '004.xlsx').grid, { diagnose: false }).disclosure!],
];

function sameAmount(w: Amount | undefined, a: Amount | undefined): void {
  if (!a) return expect(w).toBeUndefined();
  for (const k of Object.keys(AMOUNT_FIELDS) as (keyof Amount)[]) expect(w![k]).toBe(a[k]);
}

function sameRow(w: Row, r: Row): void {
  for (const k of Object.keys(ROW_FIELDS) as (keyof Row)[]) {
    if (k === 'amounts') continue;
    expect(w[k]).toBe(r[k]);
  }
  expect(Object.keys(w.amounts).sort()).toEqual(Object.keys(r.amounts).sort());
  for (const k of Object.keys(r.amounts)) sameAmount(w.amounts[k], r.amounts[k]);
  // A field the original has and the list does not name would be missing from the copy.
  for (const k of Object.keys(r)) expect(k in ROW_FIELDS).toBe(true);
}

describe.each(published)('%s', (_name, load) => {
  const d = load();
  const log = new ReadLog();
  const w = watchedDisclosure(d, log);

  test('every row, block line and form field answers as the original', () => {
    let rows = 0;
    d.tables.forEach((t, ti) => {
      const wt = w.tables[ti];
      expect(wt.title).toBe(t.title);
      expect(wt.number).toBe(t.number);
      t.rows.forEach((r, ri) => {
        sameRow(wt.rows[ri], r);
        rows++;
      });
      (t.blocks ?? []).forEach((b, bi) => b.rows.forEach((r, ri) => sameRow(wt.blocks![bi].rows[ri], r)));
      (t.fields ?? []).forEach((f, fi) => sameAmount(wt.fields![fi].amount, f.amount));
    });
    expect(rows).toBeGreaterThan(50);
    // Nobody was being tracked: nothing noted.
    expect(log.readers.size).toBe(0);
  });

  test('every rule family finds the same on the watched copy', () => {
    const codes = builtinCatalogue();
    for (const fam of RULE_FAMILIES) {
      expect(fam.run({ disclosure: w, codes })).toEqual(fam.run({ disclosure: d, codes }));
    }
  });

  test('reading a figure, a code, a name or a 表号 notes its cell; structure notes none', () => {
    const log2 = new ReadLog();
    const w2 = watchedDisclosure(d, log2);
    log2.current = 3;
    const ti = d.tables.findIndex((t) => t.rows.some((r) => r.code && r.codeCell && r.nameCell && Object.values(r.amounts).some(Boolean)));
    const ri = d.tables[ti].rows.findIndex((r) => r.code && r.codeCell && r.nameCell && Object.values(r.amounts).some(Boolean));
    const row = w2.tables[ti].rows[ri];
    const orig = d.tables[ti].rows[ri];
    void row.level;
    void row.isTotal;
    void row.codeCell;
    expect(log2.readers.size).toBe(0);
    void row.code;
    expect([...log2.readers.keys()]).toEqual([orig.codeCell]);
    void row.name;
    expect(log2.readers.has(orig.nameCell!)).toBe(true);
    const [key, a] = Object.entries(orig.amounts).find(([, x]) => x)!;
    void row.amounts[key]!.value;
    expect(log2.readers.get(a!.cell)).toEqual(new Set([3]));
    log2.current = 5;
    void row.amounts[key]!.decimals;
    expect(log2.readers.get(a!.cell)).toEqual(new Set([3, 5]));
    // 河北's tables carry no 表号; the 陕西 ones do.
    const numbered = d.tables.findIndex((t) => t.number && t.numberCell);
    expect(numbered >= 0).toBe(_name.startsWith('陕西'));
    if (numbered < 0) return;
    void w2.tables[numbered].number;
    expect(log2.readers.get(d.tables[numbered].numberCell!)).toEqual(new Set([5]));
  });
});

/**
 * The engine against the sample workbooks built from the seeds: on each published workbook every
 * known inconsistency (test/fixtures/known) must be reported with one of its cells, and no error or
 * warning may be reported that no known inconsistency explains; on each repaired workbook there
 * must be no error and no warning at all.
 */
import ExcelJS from 'exceljs';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { gridFromWorkbook } from '../../src/file/read';
import { KnownError, explains } from '../fixtures/common';
import { buildShaanxi000, buildShaanxi000OneSheet, buildShaanxi003 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';
import { KNOWN_SHAANXI_000, KNOWN_SHAANXI_000_ONESHEET } from '../fixtures/known/shaanxi-000';
import { KNOWN_SHAANXI_003 } from '../fixtures/known/shaanxi-003';
import { HEBEI_004_KNOWN } from '../fixtures/known/hebei-004';

async function check(wb: ExcelJS.Workbook, name: string): Promise<CheckResult> {
  // Round-trip through .xlsx bytes, as a user's file would be read.
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return checkGrid(gridFromWorkbook(back, name).grid);
}

const CASES: { name: string; profile: string; build: (v: 'published' | 'repaired') => ExcelJS.Workbook; known: KnownError[]; tables: number }[] = [
  { name: '000', profile: 'shaanxi', build: buildShaanxi000, known: KNOWN_SHAANXI_000, tables: 15 },
  { name: '000-onesheet', profile: 'shaanxi', build: buildShaanxi000OneSheet, known: KNOWN_SHAANXI_000_ONESHEET, tables: 15 },
  { name: '003', profile: 'shaanxi', build: buildShaanxi003, known: KNOWN_SHAANXI_003, tables: 15 },
  { name: '004', profile: 'hebei', build: buildHebei004, known: HEBEI_004_KNOWN, tables: 10 },
];

const serious = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info');

describe.each(CASES)('sample workbook $name', ({ name, profile, build, known, tables }) => {
  let published: CheckResult;
  let repaired: CheckResult;
  beforeAll(async () => {
    published = await check(build('published'), `${name}-published.xlsx`);
    repaired = await check(build('repaired'), `${name}-repaired.xlsx`);
  });

  test('is recognised with its profile and all its tables', () => {
    expect(published.profile?.id).toBe(profile);
    expect(new Set(published.tables.map((t) => t.id)).size).toBeGreaterThanOrEqual(tables);
    expect(published.missing).toEqual([]);
  });

  test.each(known.filter((k) => k.required !== false).map((k) => [k.id, k] as const))('published: finds %s', (_id, k) => {
    const hit = published.findings.find((f) => explains(k, f));
    expect(hit).toBeDefined();
    expect(hit!.cells.length).toBeGreaterThan(0);
  });

  test('published: every error and warning is a known inconsistency', () => {
    const unexplained = serious(published).filter((f) => !known.some((k) => explains(k, f)));
    expect(unexplained.map((f) => `${f.rule} ${f.cells.join(' ')} ${f.message}`)).toEqual([]);
  });

  test('repaired: no error and no warning', () => {
    expect(serious(repaired).map((f) => `${f.rule} ${f.cells.join(' ')} ${f.message}`)).toEqual([]);
  });

  test('every finding names its cells as "<sheet>!A1" and gives figures when it compares', () => {
    for (const f of published.findings) {
      for (const c of f.cells) expect(c).toMatch(/^.+![A-Z]+\d+$/);
      if (f.expected !== undefined && /^-?\d/.test(f.expected) && f.actual !== undefined && f.difference !== undefined) {
        expect(Number(f.actual) - Number(f.expected)).toBeCloseTo(Number(f.difference), 2);
      }
    }
  });
});

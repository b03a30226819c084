/**
 * Causes on the shipped sample workbooks: every published mistake documented in docs/fixtures.md
 * (test/fixtures/known) is the cause of its findings, with the documented fix as the suggested
 * value, and there is one cause per documented mistake — except for the mistakes listed in
 * UNEXPLAINABLE below, whose fix is not a change of existing cells (their findings must then stay
 * without a cause rather than get a made-up suggestion).
 */
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { Cause, Change } from '../../src/core/causes';
import { gridFromWorkbook } from '../../src/file/read';
import { KnownError, explains } from '../fixtures/common';
import { buildShaanxi000, buildShaanxi000OneSheet, buildShaanxi003 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';
import { KNOWN_SHAANXI_000, KNOWN_SHAANXI_000_ONESHEET } from '../fixtures/known/shaanxi-000';
import { KNOWN_SHAANXI_003 } from '../fixtures/known/shaanxi-003';
import { HEBEI_004_KNOWN } from '../fixtures/known/hebei-004';

async function check(wb: ExcelJS.Workbook, name: string): Promise<CheckResult> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return checkGrid(gridFromWorkbook(back, name).grid);
}

/** Documented mistakes no change of existing cells can fix, and why. */
const UNEXPLAINABLE: Record<string, string> = {
  // The fix adds two rows (人员经费 132.50, 公用经费 2.64) to 表14; changing 表14's 金额合计 alone
  // would break 表14's own 合计 = Σ rows, and 表5's total is confirmed by 表1–表4.
  '000-t14-overall-covers-projects-only': 'adds rows',
  // The fix marks 表12 empty in the 目录 AND writes a reason (free text nobody can derive); marking
  // it empty alone raises catalogue.reason.
  '003-catalogue-t12-empty': 'needs a reason text',
};

/**
 * Documented repairs that are one of several equally valid values: E7 (10月底 cumulative plan) was
 * repaired to 330, but any figure between 6月底 (280) and the 预算数 (372) satisfies every check; the
 * engine suggests the smallest change (372).
 */
const FREE_VALUES = new Set(['项目绩效目标表4!E7', '单位项目绩效目标表4!E7']);

const CASES: { name: string; build: (v: 'published' | 'repaired') => ExcelJS.Workbook; known: KnownError[] }[] = [
  { name: '000', build: buildShaanxi000, known: KNOWN_SHAANXI_000 },
  { name: '000-onesheet', build: buildShaanxi000OneSheet, known: KNOWN_SHAANXI_000_ONESHEET },
  { name: '003', build: buildShaanxi003, known: KNOWN_SHAANXI_003 },
  { name: '004', build: buildHebei004, known: HEBEI_004_KNOWN },
];

/** A documented value and a suggested one agree: amounts as numbers, text exactly. */
function same(documented: string | number | null, ch: Change): boolean {
  if (ch.suggested === undefined) return false;
  if (ch.unit === 'text') return String(documented) === ch.suggested;
  const doc = documented === null ? '0' : String(documented).replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(doc) && new Decimal(doc).eq(new Decimal(ch.suggested));
}

function allChanges(c: Cause): Change[] {
  return (c.options ?? [c.changes]).flat();
}

describe.each(CASES)('causes in sample workbook $name', ({ name, build, known }) => {
  let r: CheckResult;
  let repaired: CheckResult;
  beforeAll(async () => {
    r = await check(build('published'), `${name}-published.xlsx`);
    repaired = await check(build('repaired'), `${name}-repaired.xlsx`);
  });
  const required = known.filter((k) => k.required !== false);
  const explainable = required.filter((k) => !UNEXPLAINABLE[k.id]);

  test.each(explainable.map((k) => [k.id, k] as const))('%s is the cause of its findings, with the documented fix', (_id, k) => {
    const findings = r.findings.filter((f) => f.severity !== 'info' && explains(k, f));
    expect(findings.length).toBeGreaterThan(0);
    const causeIds = new Set(findings.map((f) => f.cause));
    // One cause for all the findings of this mistake.
    expect([...causeIds]).toHaveLength(1);
    const cause = r.causes!.find((c) => c.id === [...causeIds][0]);
    expect(cause).toBeDefined();
    // The documented repair of every cell the findings name is suggested.
    const named = new Set(findings.flatMap((f) => f.cells));
    const values = (k.values ?? []).filter((v) => v.published !== v.repaired && (named.has(v.cell) || allChanges(cause!).some((c) => c.cell === v.cell)));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      const ch = allChanges(cause!).find((c) => c.cell === v.cell);
      expect(ch).toBeDefined();
      if (!FREE_VALUES.has(v.cell)) expect({ cell: v.cell, ok: same(v.repaired, ch!), suggested: ch!.suggested }).toEqual({ cell: v.cell, ok: true, suggested: ch!.suggested });
    }
    // The cause's message names the cell to change and what it should hold.
    expect(cause!.message).toContain(cause!.changes[0].cell);
    expect(cause!.message).toMatch(/应为/);
  });

  test('one cause per documented mistake (those that a change can fix)', () => {
    const causes = r.causes!;
    // A mistake printed in several parts is one mistake (KnownError.mistake).
    const mistakeOf = (k: KnownError) => k.mistake ?? k.id;
    const mistakes = [...new Set(known.map(mistakeOf))];
    // Each cause belongs to exactly one documented mistake …
    const owners = causes.map((c) => {
      const fs = c.findings.map((id) => r.findings.find((f) => f.id === id)!);
      return mistakes.filter((m) => fs.every((f) => known.some((k) => mistakeOf(k) === m && explains(k, f))));
    });
    for (const o of owners) expect(o).toHaveLength(1);
    // … and each such mistake has exactly one cause.
    const expected = [...new Set(explainable.map(mistakeOf))];
    expect(owners.map((o) => o[0]).sort()).toEqual(expected.sort());
    expect(causes).toHaveLength(expected.length);
  });

  test('mistakes no change can fix stay findings without a suggestion', () => {
    for (const k of required.filter((x) => UNEXPLAINABLE[x.id])) {
      const fs = r.findings.filter((f) => f.severity !== 'info' && explains(k, f));
      expect(fs.length).toBeGreaterThan(0);
      for (const f of fs) expect(f.cause).toBeUndefined();
    }
  });

  test('every finding has a stable id, unique in the result', () => {
    const ids = r.findings.map((f) => f.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 1)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(r.findings.filter((f) => f.cause).every((f) => r.causes!.some((c) => c.id === f.cause && c.findings.includes(f.id!)))).toBe(true);
  });

  test('the repaired workbook has no cause', () => {
    expect(repaired.causes).toEqual([]);
  });
});

test('finding ids are the same on every run', async () => {
  const a = await check(buildShaanxi000('published'), 'a.xlsx');
  const b = await check(buildShaanxi000('published'), 'a.xlsx');
  expect(a.findings.map((f) => f.id)).toEqual(b.findings.map((f) => f.id));
  expect(a.causes).toEqual(b.causes);
});

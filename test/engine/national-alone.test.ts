/**
 * The national layer alone on the seed workbooks: as if 陕西, 河北 and 湖北 had no profile of their own
 * (a workbook of another province laid out the same way). It must not raise a false error on the
 * repaired workbooks, every error or warning on the published ones must be a known mistake, and it
 * should find most of those mistakes. The share found is printed and held to a floor.
 */
import ExcelJS from 'exceljs';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { gridFromWorkbook } from '../../src/file/read';
import { NATIONAL } from '../../src/core/profiles/national/tables';
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
  return checkGrid(gridFromWorkbook(back, name).grid, { profiles: [NATIONAL] });
}

const CASES: { name: string; build: (v: 'published' | 'repaired') => ExcelJS.Workbook; known: KnownError[] }[] = [
  { name: '000', build: buildShaanxi000, known: KNOWN_SHAANXI_000 },
  { name: '000-onesheet', build: buildShaanxi000OneSheet, known: KNOWN_SHAANXI_000_ONESHEET },
  { name: '003', build: buildShaanxi003, known: KNOWN_SHAANXI_003 },
  { name: '004', build: buildHebei004, known: HEBEI_004_KNOWN },
];

const serious = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info');
const found: { name: string; hit: number; of: number }[] = [];

describe.each(CASES)('national layer alone: $name', ({ name, build, known }) => {
  let published: CheckResult;
  let repaired: CheckResult;
  beforeAll(async () => {
    published = await check(build('published'), `${name}-published.xlsx`);
    repaired = await check(build('repaired'), `${name}-repaired.xlsx`);
  });

  test('reads the standard tables', () => {
    expect(published.profile?.id).toBe('national');
    for (const kind of ['summary', 'fiscal_summary', 'gp_func', 'basic_econ', 'three_public']) expect(published.tables.map((t) => t.kind)).toContain(kind);
  });

  test('repaired: no error and no warning', () => {
    expect(serious(repaired).map((f) => `${f.rule} ${f.cells.join(' ')} ${f.message}`)).toEqual([]);
  });

  test('published: every error and warning is a known mistake', () => {
    const unexplained = serious(published).filter((f) => !known.some((k) => explains(k, f)));
    expect(unexplained.map((f) => `${f.rule} ${f.cells.join(' ')} ${f.message}`)).toEqual([]);
    const req = known.filter((k) => k.required !== false);
    found.push({ name, hit: req.filter((k) => published.findings.some((f) => explains(k, f))).length, of: req.length });
  });
});

afterAll(() => {
  const hit = found.reduce((n, f) => n + f.hit, 0);
  const of = found.reduce((n, f) => n + f.of, 0);
  // eslint-disable-next-line no-console
  console.log(`全国通用层单独识别种子工作簿：找到已知错误 ${hit}/${of}（${found.map((f) => `${f.name} ${f.hit}/${f.of}`).join('，')}）`);
  expect(hit / of).toBeGreaterThanOrEqual(0.85);
});

/**
 * Writing the generated 说明 into the 公开说明 sheet through the fake Excel, on the 陕西 seed-000
 * workbook (子洲县工伤保险经办中心, as published): layout, traceability of every number to the
 * cell it came from, replacing without stacking, refusing a sheet that is not ours, asking before
 * overwriting the user's edits, and reading the sheet back as the engine does.
 */
import { checkGrid, CheckResult } from '../../src/core/engine';
import { Grid, parseRef } from '../../src/core/grid';
import { MoneyUnit, formatWan, parseAmount, toYuan } from '../../src/core/money';
import { generateNarrative, narrativeFromGrid, narrativeParagraphs, Narrative } from '../../src/core/narrative';
import { createWorkbookApi } from '../../src/excel/api';
import { NARRATIVE_MARKER, NARRATIVE_SHEET, compactRefs, narrativeSheetRows, writeNarrativeSheet } from '../../src/excel/narrative';
import { readOpenWorkbook } from '../../src/excel/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { FakeExcel } from './fakeExcel';
import { fakeAndFileGrid } from './helpers';

const FILE = '子洲县工伤保险经办中心-2024单位预算公开.xlsx';

async function setup(): Promise<{ fake: FakeExcel; result: CheckResult; n: Narrative; fileGrid: Grid }> {
  const { fake, fileGrid } = await fakeAndFileGrid(buildShaanxi000('published'), FILE);
  const result = checkGrid(fileGrid);
  const n = generateNarrative(result.disclosure!);
  return { fake, result, n, fileGrid };
}

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const ours = (fake: FakeExcel) => fake.sheet(NARRATIVE_SHEET)!;
const column = (fake: FakeExcel, col: 'A' | 'B') => {
  const s = ours(fake);
  const rows = Object.keys(s.cells).map((a) => Number(a.replace(/^[A-Z]+/, '')));
  const last = Math.max(...rows);
  return Array.from({ length: last }, (_, i) => String(s.cells[`${col}${i + 1}`]?.value ?? ''));
};

describe('公开说明 sheet', () => {
  test('writes one paragraph per row, bold headings, a 来源单元格 column; every number traces to the cell it came from', async () => {
    const { fake, result, n, fileGrid } = await setup();
    const others = copy(fake.model.sheets);
    fake.resetCounters();
    const out = await writeNarrativeSheet(fake.host(), n);
    expect(out).toEqual({ status: 'written', sheet: NARRATIVE_SHEET, rows: 1 + narrativeParagraphs(n).length, replaced: false, syncs: 2 });
    expect(fake.runOptions).toEqual([{ delayForCellEdit: true }]);
    // other sheets untouched, ours added last and activated
    expect(fake.model.sheets.slice(0, -1)).toEqual(others);
    expect(fake.model.sheets.map((s) => s.name).at(-1)).toBe(NARRATIVE_SHEET);
    expect(fake.model.activeSheet).toBe(NARRATIVE_SHEET);

    const s = ours(fake);
    expect(column(fake, 'A')).toEqual([n.title, ...narrativeParagraphs(n)]);
    expect(s.cells.A1).toMatchObject({ value: '子洲县工伤保险经办中心单位预算公开说明（收支情况及其他情况）', bold: true, numberFormat: '@' });
    expect(s.cells.B1).toMatchObject({ value: '来源单元格', bold: true });
    const heading = Object.entries(s.cells).find(([, c]) => c.value === '（一）收支预算总体情况')!;
    expect(heading[1].bold).toBe(true);
    const body = Object.entries(s.cells).find(([, c]) => String(c.value).startsWith('按照综合预算的原则'))!;
    expect(body[1].bold).toBeFalsy();
    const row = body[0].replace(/^A/, '');
    expect(String(s.cells[`A${row}`].value)).toContain('本单位当年预算收入 150.94 万元');
    expect(String(s.cells[`B${row}`].value).split('\n')[0]).toBe('150.94 万元：表1!B36');
    // 505 is a sum of 11 rows of 表6: written as two ranges, with how it was computed
    const row505 = Object.entries(s.cells).find(([, c]) => String(c.value).startsWith('对事业单位经常性补助（505）'))![0].replace(/^A/, '');
    expect(s.cells[`B${row505}`].value).toBe('150.94 万元：表6!E7:E15、表6!E17:E18（Σ 11 行（政府经济科目 505））');
    expect(s.frozenRows).toBe(1);
    // the marker: a hidden name scoped to the sheet, over what was written
    expect(s.names?.[NARRATIVE_MARKER]).toMatchObject({ reference: `=${NARRATIVE_SHEET}!A1:B${out.status === 'written' ? out.rows : 0}`, visible: false });

    // every single-cell number in column B is the rounded value of that cell in the workbook
    const unitOf = new Map(result.tables.map((t) => [t.sheet, t.unit]));
    let traced = 0;
    for (const p of n.sections.flatMap((x) => x.paragraphs)) {
      for (const num of p.numbers) {
        if (num.note || num.cells.length !== 1 || num.unit !== '万元') continue;
        const ref = parseRef(num.cells[0])!;
        const sheet = fileGrid.sheets.find((x) => x.name === ref.sheet)!;
        const a = parseAmount(sheet.rows[ref.row - 1]?.[ref.col - 1]?.v);
        expect(a.kind).toBe('amount');
        if (a.kind !== 'amount') continue;
        expect([num.cells[0], formatWan(toYuan(a.value, unitOf.get(ref.sheet) as MoneyUnit))]).toEqual([num.cells[0], num.text]);
        traced++;
      }
    }
    expect(traced).toBeGreaterThan(15);
  });

  test('writing again replaces the sheet: no stacking, no rows left over from a longer text', async () => {
    const { fake, n } = await setup();
    await writeNarrativeSheet(fake.host(), n);
    const first = copy(ours(fake));
    fake.resetCounters();
    const again = await writeNarrativeSheet(fake.host(), n);
    expect(again).toMatchObject({ status: 'written', replaced: true, syncs: 3 });
    expect(fake.model.sheets.filter((s) => s.name.startsWith(NARRATIVE_SHEET))).toHaveLength(1);
    expect(ours(fake)).toEqual(first);

    const shorter: Narrative = { ...n, sections: n.sections.slice(0, 2) };
    const out = await writeNarrativeSheet(fake.host(), shorter);
    expect(out).toMatchObject({ status: 'written', rows: 1 + narrativeParagraphs(shorter).length, replaced: true });
    expect(column(fake, 'A')).toEqual([n.title, ...narrativeParagraphs(shorter)]);
  });

  test('a 公开说明 sheet the user made is refused and left exactly as it was', async () => {
    const { fake, n } = await setup();
    fake.model.sheets.push({ name: NARRATIVE_SHEET, cells: { A1: { value: '我们自己写的说明' }, A2: { value: '本单位当年预算收入 150.94 万元。' } }, merges: [], notes: {} });
    const before = copy(fake.model);
    const out = await writeNarrativeSheet(fake.host(), n);
    expect(out.status).toBe('foreign');
    expect(out.status === 'foreign' && out.message).toContain('不是本加载项写入的');
    expect(fake.model).toEqual(before);

    // also when the user deletes our sheet and makes a new one of the same name: the marker went with ours
    const { fake: f2 } = await setup();
    await writeNarrativeSheet(f2.host(), n);
    f2.model.sheets = f2.model.sheets.filter((s) => s.name !== NARRATIVE_SHEET);
    f2.model.sheets.push({ name: NARRATIVE_SHEET, cells: { A1: { value: '新表' } }, merges: [], notes: {} });
    expect((await writeNarrativeSheet(f2.host(), n)).status).toBe('foreign');
    expect(f2.sheet(NARRATIVE_SHEET)!.cells).toEqual({ A1: { value: '新表' } });
  });

  test('our sheet edited by the user (a reason filled in, a row added) is not overwritten without confirmation', async () => {
    const { fake, n } = await setup();
    await writeNarrativeSheet(fake.host(), n);
    const s = ours(fake);
    const [addr] = Object.entries(s.cells).find(([, c]) => String(c.value).includes('【请填写较上年增减情况】'))!;
    s.cells[addr].value = String(s.cells[addr].value).replace('【请填写较上年增减情况】', '增加 3.20 万元，主要原因是人员增加');
    const edited = copy(fake.model);
    const out = await writeNarrativeSheet(fake.host(), n);
    expect(out.status).toBe('edited');
    expect(fake.model).toEqual(edited);

    const forced = await writeNarrativeSheet(fake.host(), n, { overwrite: true });
    expect(forced).toMatchObject({ status: 'written', replaced: true });
    expect(column(fake, 'A')).toEqual([n.title, ...narrativeParagraphs(n)]);

    // a row of the user's own below ours counts as an edit too
    const last = column(fake, 'A').length;
    ours(fake).cells[`A${last + 2}`] = { value: '附：联系人 张三' };
    expect((await writeNarrativeSheet(fake.host(), n)).status).toBe('edited');
    // fills (marks) are not edits: only values count
    const { fake: f2 } = await setup();
    await writeNarrativeSheet(f2.host(), n);
    ours(f2).cells.A3.fill = { color: '#DDEBF7', pattern: 'Solid' };
    expect((await writeNarrativeSheet(f2.host(), n)).status).toBe('written');
  });

  test('read back through Excel, the sheet gives the same paragraphs; the engine then checks it and finds only the placeholders', async () => {
    const { fake, n, result } = await setup();
    await writeNarrativeSheet(fake.host(), n);
    const { grid } = await readOpenWorkbook(fake.host());
    const back = narrativeFromGrid(grid)!;
    expect(back.sheet).toBe(NARRATIVE_SHEET);
    expect(back.paragraphs).toEqual([n.title, ...narrativeParagraphs(n)]);
    expect(back.cells).toEqual(back.paragraphs.map((_, i) => `${NARRATIVE_SHEET}!A${i + 1}`));

    const again = checkGrid(grid);
    const isText = (r: string) => r.startsWith('narrative.');
    // the tables are recognised exactly as before: the new sheet is not taken for a table
    expect(again.tables.map((t) => t.id)).toEqual(result.tables.map((t) => t.id));
    expect(again.findings.filter((f) => !isText(f.rule))).toEqual(result.findings.filter((f) => !isText(f.rule)));
    // the generated text agrees with the tables: no error, no warning; the 【请填写…】 are left for the
    // user, and the six 功能 items rounded one by one add up to 0.01 万元 more than the rounded total
    const text = again.findings.filter((f) => isText(f.rule));
    expect(text.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(text.filter((f) => f.rule === 'narrative.placeholder').length).toBeGreaterThan(0);
    const rounding = text.filter((f) => f.rule !== 'narrative.placeholder');
    expect(rounding.map((f) => [f.rule, f.expected, f.actual])).toEqual([['narrative.sum', '150.94', '150.95']]);
    expect(text.every((f) => f.cells[0]?.startsWith(`${NARRATIVE_SHEET}!A`))).toBe(true);
  });

  test('WorkbookApi.writeNarrative runs exclusively and reports Excel errors in Chinese', async () => {
    const { fake, n } = await setup();
    const api = createWorkbookApi(fake.host(), checkGrid);
    const seen: boolean[] = [];
    api.subscribe((st) => seen.push(st.busy));
    const out = await api.writeNarrative(n);
    expect(out.status).toBe('written');
    expect(seen).toEqual([true, false]);
    // a protected workbook structure: Excel refuses to add the sheet
    const broken = { ...fake.host(), run: () => Promise.reject(Object.assign(new Error('x'), { code: 'AccessDenied' })) };
    const api2 = createWorkbookApi(broken, checkGrid);
    await expect(api2.writeNarrative(n)).rejects.toThrow();
    expect(api2.state().error).toMatch(/^写入公开说明失败：Excel 拒绝了本次操作/);
  });

  test('compactRefs joins runs of cells in one column or row', () => {
    expect(compactRefs(['表6!E7', '表6!E8', '表6!E9', '表6!E11', '表5!C5', '表5!D5', '表5!E5', '表1!B8'])).toEqual(['表6!E7:E9', '表6!E11', '表5!C5:E5', '表1!B8']);
    expect(compactRefs(['表1!B36', '表1!B8'])).toEqual(['表1!B36', '表1!B8']);
  });

  test('the layout has the title, every heading and every paragraph, headings in bold', async () => {
    const { n } = await setup();
    const { rows, bold } = narrativeSheetRows(n);
    expect(rows.length).toBe(1 + narrativeParagraphs(n).length);
    expect(bold.map((r) => rows[r - 1][0])).toEqual([n.title, ...n.sections.map((s) => s.title)]);
  });
});

import { CheckResult, checkGrid } from '../../src/core/engine';
import { Finding } from '../../src/core/finding';
import { MARK_COLOR, NOTE_PREFIX } from '../../src/core/marks';
import { MarkError, STRUCTURE_PROTECTED_MESSAGE, clearMarks } from '../../src/excel/marks';
import { RECORD_NAMESPACE, stateFromXml } from '../../src/excel/record';
import { applyWpsMarks, clearWpsMarks, fromHex, selectWpsCells, toHex } from '../../src/wps/marks';
import { readWpsWorkbook } from '../../src/wps/read';
import { RECORD_SHEET } from '../../src/wps/store';
import { FakeExcel, FakeWorkbookModel } from '../excel/fakeExcel';
import { smallWorkbook } from '../excel/helpers';
import { FakeWpsApp, WpsFakeOptions, fakeWps } from './fakeWps';
import { wpsAndFileGrid, wpsAndFileGridFromFile } from './helpers';
import * as path from 'path';

const S1 = '表1 收支总表';
const S2 = '表2 收入总表';

const result = (findings: Finding[]): CheckResult => ({ source: '小样.xlsx', profile: { id: 'test', name: '测试模板' }, tables: [], missing: [], findings, disclosure: null });

const F_SUM: Finding = {
  rule: 'summary.block',
  severity: 'error',
  message: '本年收入合计应等于各项收入之和',
  cells: [`${S1}!B6`, `${S1}!B4`, `${S1}!B5`],
  expected: '4322262.00',
  actual: '4322000.00',
  difference: '-262.00',
  table: '收支总表',
};
const F_CODE: Finding = { rule: 'code.format', severity: 'info', message: '科目编码以文本保存', cells: [`${S2}!C4:D4`], table: '收入总表' };

async function setup(options: WpsFakeOptions = {}): Promise<FakeWpsApp> {
  const { app } = await wpsAndFileGrid(smallWorkbook(), '小样.xlsx', options);
  const s1 = app.model.sheets[0];
  s1.notes['B4'] = '会计备注：已核对'; // the user's own 批注 on a flagged cell
  s1.cells['B6'].fill = { color: '#C6E0B4', pattern: 'Solid', tintAndShade: 0.4 }; // a tinted fill on a flagged cell
  return app;
}

/** Everything a user can see or the file keeps, to compare before and after. */
const snapshot = (m: FakeWorkbookModel) => JSON.parse(JSON.stringify({ sheets: m.sheets, customXml: m.customXml ?? [] }));
const reopen = (m: FakeWorkbookModel, options: WpsFakeOptions = {}) => fakeWps(JSON.parse(JSON.stringify(m)), options);
const recordOf = (m: FakeWorkbookModel) => {
  const part = (m.customXml ?? []).find((p) => p.xml.includes(`xmlns="${RECORD_NAMESPACE}"`));
  return part ? stateFromXml(part.xml) : null;
};

describe('WPS marks', () => {
  test('BGR colours convert both ways', () => {
    expect(fromHex('#FFC7CE')).toBe(0xcec7ff);
    expect(toHex(0xcec7ff)).toBe('#FFC7CE');
    expect(toHex(fromHex('#0A0B0C'))).toBe('#0A0B0C');
  });

  test('apply paints, adds 批注 only where the cell has none, writes 校验结果; clear after reopening restores every fill exactly', async () => {
    const app = await setup();
    const before = snapshot(app.model);
    const summary = applyWpsMarks(app, result([F_SUM, F_CODE]));
    expect(summary.cells).toBe(5);
    const s1 = app.model.sheets.find((s) => s.name === S1)!;
    expect(s1.cells['B6'].fill).toEqual({ color: MARK_COLOR.error, pattern: 'Solid' });
    expect(s1.cells['B5'].fill).toMatchObject({ color: MARK_COLOR.error, pattern: 'Solid' });
    expect(s1.notes['B4']).toBe('会计备注：已核对');
    expect(s1.notes['B6'].startsWith(NOTE_PREFIX)).toBe(true);
    expect(summary.notes).toBe(4);
    const rs = app.model.sheets.find((s) => s.name === '校验结果')!;
    expect(rs.cells['D4'].value).toBe(F_SUM.message);
    expect(rs.cells['H4'].hyperlink?.documentReference).toBe(`'${S1}'!B6`);
    const rec = recordOf(app.model)!;
    expect(rec.pending).toBeUndefined();
    expect(rec.marks.find((m) => m.address === 'B5')?.original).toEqual({ color: '#DDEBF7', pattern: 'Checker', patternColor: '#00B050' });
    expect(rec.marks.find((m) => m.address === 'B6')?.original).toEqual({ color: '#C6E0B4', pattern: 'Solid', tintAndShade: 0.4 });
    // the reader does not see our own sheets
    expect(readWpsWorkbook(app).grid.sheets.map((s) => s.name)).not.toContain('校验结果');

    const later = reopen(app.model);
    const cleared = clearWpsMarks(later);
    expect(cleared).toMatchObject({ restored: 5, keptUserChanges: 0, notesRemoved: 4, resultsSheetRemoved: true });
    expect(snapshot(later.model)).toEqual(before);
  });

  test('a cell the user refilled after marking keeps the user’s fill; a second check keeps the first originals', async () => {
    const app = await setup();
    const before = snapshot(app.model);
    applyWpsMarks(app, result([F_SUM, F_CODE]));
    applyWpsMarks(app, result([F_SUM])); // C4:D4 no longer flagged: restored now
    expect(snapshot(app.model).sheets.find((s: { name: string }) => s.name === S2).cells).toEqual(before.sheets.find((s: { name: string }) => s.name === S2).cells);
    app.model.sheets[0].cells['B4'].fill = { color: '#FFFF00', pattern: 'Solid' }; // the user's change
    const out = clearWpsMarks(app);
    expect(out.keptUserChanges).toBe(1);
    expect(app.model.sheets[0].cells['B6'].fill).toEqual({ color: '#C6E0B4', pattern: 'Solid', tintAndShade: 0.4 });
    expect(app.model.sheets.map((s) => s.name)).toEqual(before.sheets.map((s: { name: string }) => s.name));
  });

  test.each([
    ['the third paint', { op: 'Interior.Color', after: 3 }],
    ['the second 批注', { op: 'AddComment', after: 1 }],
    ['adding 校验结果', { op: 'Worksheets.Add' }],
    ['the final record', { op: 'CustomXMLParts.Add', after: 1 }],
  ] as const)('a failure at %s leaves the workbook exactly as before', async (_n, fail) => {
    const app = await setup({ fail: { ...fail } });
    const before = snapshot(app.model);
    expect(() => applyWpsMarks(app, result([F_SUM, F_CODE]))).toThrow(/已恢复为检查前的样子/);
    expect(snapshot(app.model)).toEqual(before);
  });

  test('when even the undo fails, nothing is painted without a record: 清除标记 takes it all off', async () => {
    const app = await setup({ fail: { op: 'Interior.Color', after: 2, repeat: true } });
    const before = snapshot(app.model);
    let err: unknown;
    try {
      applyWpsMarks(app, result([F_SUM, F_CODE]));
    } catch (e) {
      err = e;
    }
    expect((err as MarkError).code).toBe('failedNotRolledBack');
    const rec = recordOf(app.model)!;
    expect(rec.pending).toBe(true);
    const painted = app.model.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => Object.values(MARK_COLOR).includes(c.fill?.color ?? '')).map(([a]) => `${s.name}!${a}`));
    expect(painted.length).toBeGreaterThan(0);
    for (const p of painted.filter((x) => !x.startsWith('校验结果'))) expect(rec.marks.map((m) => `${m.sheet}!${m.address}`)).toContain(p);
    const later = reopen(app.model);
    clearWpsMarks(later);
    expect(snapshot(later.model)).toEqual(before);
  });

  test('a protected workbook structure: a Chinese message and no paint', async () => {
    const app = await setup();
    app.model.structureProtected = true;
    const before = snapshot(app.model);
    expect(() => applyWpsMarks(app, result([F_SUM]))).toThrow(STRUCTURE_PROTECTED_MESSAGE);
    expect(snapshot(app.model)).toEqual(before);
  });

  test('without CustomXMLParts the record lives in a very hidden sheet, and goes with 清除标记', async () => {
    const app = await setup({ noCustomXml: true });
    const before = snapshot(app.model);
    applyWpsMarks(app, result([F_SUM, F_CODE]));
    const hidden = app.model.sheets.find((s) => s.name === RECORD_SHEET)!;
    expect(hidden.visibility).toBe('VeryHidden');
    expect(readWpsWorkbook(app).grid.sheets.map((s) => s.name)).not.toContain(RECORD_SHEET);
    const later = reopen(app.model, { noCustomXml: true });
    expect(clearWpsMarks(later).restored).toBe(5);
    expect(snapshot(later.model)).toEqual(before);
  });

  test('marks put on in WPS come off in Excel (one record, one namespace)', async () => {
    const app = await setup();
    const before = snapshot(app.model);
    applyWpsMarks(app, result([F_SUM, F_CODE]));
    const excel = new FakeExcel(JSON.parse(JSON.stringify(app.model)), { apiVersion: 18 });
    const out = await clearMarks(excel.host());
    expect(out.restored).toBe(5);
    expect(snapshot(excel.model).sheets.map((s: { name: string; cells: unknown }) => [s.name, s.cells])).toEqual(before.sheets.map((s: { name: string; cells: unknown }) => [s.name, s.cells]));
  });

  test('a real example: check, mark, clear leaves it as it was', async () => {
    const file = path.resolve(__dirname, '../../examples/沧州经开区组织人事部-2024部门预算-原样.xlsx');
    const { app } = await wpsAndFileGridFromFile(file, 'x.xlsx');
    const before = snapshot(app.model);
    const r = checkGrid(readWpsWorkbook(app).grid, {});
    expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
    const m = applyWpsMarks(app, r);
    expect(m.cells).toBeGreaterThan(0);
    const again = reopen(app.model);
    clearWpsMarks(again);
    expect(snapshot(again.model)).toEqual(before);
  });

  test('select activates the sheet and selects the cells', async () => {
    const app = await setup();
    selectWpsCells(app, [`${S2}!C4`]);
    expect(app.model.activeSheet).toBe(S2);
    expect(app.selection).toEqual({ sheet: S2, address: 'C4' });
  });
});

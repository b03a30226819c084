import { CheckResult } from '../../src/core/engine';
import { Finding } from '../../src/core/finding';
import { MARK_COLOR, MarkError, MarkState, NOTE_PREFIX, STRUCTURE_PROTECTED_MESSAGE, applyMarks, clearMarks, selectCells } from '../../src/excel/marks';
import { STATE_SETTING } from '../../src/excel/host';
import { RECORD_NAMESPACE, stateFromXml } from '../../src/excel/record';
import { FakeExcel } from './fakeExcel';
import { fakeAndFileGrid, smallWorkbook } from './helpers';

const S1 = '表1 收支总表';
const S2 = '表2 收入总表';

function result(findings: Finding[]): CheckResult {
  return {
    source: '小样.xlsx',
    profile: { id: 'test', name: '测试模板' },
    tables: [],
    missing: [],
    findings,
    disclosure: null,
  };
}

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
const F_TEXT: Finding = { rule: 'read.not_number', severity: 'warning', message: '金额以文本形式保存', cells: [`${S1}!B5`], table: '收支总表' };
const F_CODE: Finding = { rule: 'code.format', severity: 'info', message: '科目编码以文本保存', cells: [`${S2}!C4:D4`], table: '收入总表' };

async function setup(apiVersion = 18): Promise<FakeExcel> {
  const { fake } = await fakeAndFileGrid(smallWorkbook(), '小样.xlsx', apiVersion);
  // the user's own note on a cell that will be flagged, and a fill on a cell that will not
  fake.sheet(S1)!.notes['B4'] = '会计备注：已核对';
  fake.sheet(S1)!.cells['A4'].fill = { color: '#F2F2F2', pattern: 'Solid' };
  return fake;
}

/** The mark record as stored in the workbook (a custom XML part in our namespace). */
function storedState(fake: FakeExcel): MarkState | null {
  const parts = (fake.model.customXml ?? []).filter((p) => p.xml.includes(`xmlns="${RECORD_NAMESPACE}"`));
  expect(parts.length).toBeLessThanOrEqual(1);
  return parts[0] ? stateFromXml(parts[0].xml) : null;
}

const snapshot = (fake: FakeExcel) => JSON.parse(JSON.stringify({ fills: fake.fills(), contents: fake.contents(), notes: fake.model.sheets.map((s) => [s.name, s.notes]) }));

describe('applyMarks / clearMarks', () => {
  test('marks fill the flagged cells by worst severity, add notes, and write 校验结果 with links', async () => {
    const fake = await setup();
    const before = snapshot(fake);
    const summary = await applyMarks(fake.host(), result([F_SUM, F_TEXT, F_CODE]));
    expect(summary.cells).toBe(5); // B6, B4, B5 and C4:D4
    expect(summary.syncs).toBe(4); // no record yet: 1 (sheets, record), 3 (fills), 4 (record + 校验结果), 5 (paints)
    const fills = fake.fills();
    expect(fills[`${S1}!B5`]).toEqual({ color: MARK_COLOR.error, pattern: 'Solid', patternColor: '#00B050' });
    expect(fills[`${S1}!B5`].color).toBe(MARK_COLOR.error); // error beats warning
    expect(fills[`${S2}!D4`].color).toBe(MARK_COLOR.info);
    expect(fills[`${S1}!A4`]).toEqual(before.fills[`${S1}!A4`]); // not flagged: untouched
    // notes: ours where there was none, the user's own note left alone
    expect(fake.sheet(S1)!.notes['B6']).toContain(NOTE_PREFIX);
    expect(fake.sheet(S1)!.notes['B6']).toContain('本年收入合计应等于各项收入之和');
    expect(fake.sheet(S1)!.notes['B4']).toBe('会计备注：已核对');
    // values the user typed are never changed
    const after = snapshot(fake).contents;
    for (const [k, v] of Object.entries(before.contents)) expect(after[k]).toEqual(v);
    // the results sheet
    const rs = fake.sheet('校验结果')!;
    expect(rs.cells['A1'].value).toBe('预算公开校验结果');
    expect(String(rs.cells['A2'].value)).toContain('错误 1 个，警告 1 个，提示 1 个');
    expect(rs.cells['B4'].value).toBe('错误');
    expect(rs.cells['E4'].value).toBe('4,322,262.00');
    expect(rs.cells['G4'].value).toBe('-262.00');
    expect(rs.cells['H4'].hyperlink).toEqual({ documentReference: `'${S1}'!B6`, textToDisplay: `${S1}!B6`, screenTip: '转到该单元格' });
    expect(rs.cells['H6'].hyperlink?.documentReference).toBe(`'${S2}'!C4`);
    expect(fake.runOptions.every((o) => (o as { delayForCellEdit: boolean }).delayForCellEdit)).toBe(true);
  });

  test('清除标记 restores every format exactly (colour, pattern, none where none) and removes our notes and sheet', async () => {
    const fake = await setup();
    const before = snapshot(fake);
    await applyMarks(fake.host(), result([F_SUM, F_TEXT, F_CODE]));
    expect(snapshot(fake)).not.toEqual(before);
    const cleared = await clearMarks(fake.host());
    expect(cleared).toMatchObject({ restored: 5, keptUserChanges: 0, notesRemoved: 4, resultsSheetRemoved: true, syncs: 4 });
    expect(snapshot(fake)).toEqual(before);
    expect(fake.fills()[`${S1}!B5`]).toEqual({ color: '#DDEBF7', pattern: 'Checker', patternColor: '#00B050' });
    expect(fake.fills()[`${S1}!B6`]).toBeUndefined();
    expect(fake.sheet('校验结果')).toBeUndefined();
    expect(fake.model.settings[STATE_SETTING]).toBeUndefined();
    expect(fake.model.customXml).toBeUndefined();
  });

  test('re-running replaces the marks instead of stacking them, and clear still restores the originals', async () => {
    const fake = await setup();
    const before = snapshot(fake);
    await applyMarks(fake.host(), result([F_SUM, F_TEXT, F_CODE]));
    await applyMarks(fake.host(), result([F_SUM, F_TEXT, F_CODE]));
    await applyMarks(fake.host(), result([F_TEXT])); // fewer findings: B4, B6 and C4:D4 go back
    expect(fake.model.sheets.filter((s) => s.name.startsWith('校验结果'))).toHaveLength(1);
    const state = storedState(fake)!;
    expect(state.pending).toBeUndefined();
    expect(state.marks).toEqual([{ sheet: S1, address: 'B5', original: { color: '#DDEBF7', pattern: 'Checker', patternColor: '#00B050', tintAndShade: 0 }, mark: MARK_COLOR.warning, note: true }]);
    expect(fake.fills()[`${S1}!B4`]).toEqual(before.fills[`${S1}!B4`]);
    expect(fake.fills()[`${S1}!B6`]).toBeUndefined();
    expect(fake.fills()[`${S1}!B5`].color).toBe(MARK_COLOR.warning);
    expect(fake.sheet(S1)!.notes['B6']).toBeUndefined();
    await clearMarks(fake.host());
    expect(snapshot(fake)).toEqual(before);
  });

  test('清除标记 works in a later session (state saved in the workbook) and keeps fills the user changed', async () => {
    const fake = await setup();
    const before = snapshot(fake);
    await applyMarks(fake.host(), result([F_SUM]));
    fake.sheet(S1)!.cells['B6'].fill = { color: '#00FF00', pattern: 'Solid' }; // user refills a marked cell
    const reopened = new FakeExcel(JSON.parse(JSON.stringify(fake.model)));
    const cleared = await clearMarks(reopened.host());
    expect(cleared.keptUserChanges).toBe(1);
    expect(reopened.fills()[`${S1}!B6`]).toEqual({ color: '#00FF00', pattern: 'Solid' });
    expect(reopened.fills()[`${S1}!B4`]).toEqual(before.fills[`${S1}!B4`]);
    expect(reopened.fills()[`${S1}!B5`]).toEqual(before.fills[`${S1}!B5`]);
    expect(reopened.sheet('校验结果')).toBeUndefined();
  });

  test('without notes support (ExcelApi < 1.18) marks and clears without notes', async () => {
    const fake = await setup(12);
    const before = snapshot(fake);
    const s = await applyMarks(fake.host(), result([F_SUM]));
    expect(s.notes).toBe(0);
    expect(fake.sheet(S1)!.notes['B6']).toBeUndefined();
    expect(fake.fills()[`${S1}!B6`].color).toBe(MARK_COLOR.error);
    await clearMarks(fake.host());
    expect(snapshot(fake)).toEqual(before);
  });

  test('references to missing or protected sheets are skipped with a reason, the rest is marked', async () => {
    const fake = await setup();
    fake.sheet(S2)!.protected = true;
    const s = await applyMarks(fake.host(), result([F_SUM, F_CODE, { ...F_TEXT, cells: ['不存在的表!A1'] }]));
    expect(s.cells).toBe(3);
    expect(s.skipped.map((x) => x.reason)).toEqual(['工作表“表2 收入总表”受保护，无法标记', '工作表“表2 收入总表”受保护，无法标记', '工作表“不存在的表”不存在']);
  });

  test('a user sheet already named 校验结果 is never replaced', async () => {
    const fake = await setup();
    fake.model.sheets.push({ name: '校验结果', cells: { A1: { value: '我的表' } }, merges: [], notes: {} });
    const s = await applyMarks(fake.host(), result([F_SUM]));
    expect(s.resultsSheet).toBe('校验结果2');
    await applyMarks(fake.host(), result([F_SUM]));
    await clearMarks(fake.host());
    expect(fake.sheet('校验结果')!.cells['A1'].value).toBe('我的表');
    expect(fake.sheet('校验结果2')).toBeUndefined();
  });

  test('selectCells activates the sheet of the first cell and selects the cells on it', async () => {
    const fake = await setup();
    await selectCells(fake.host(), [`${S2}!C4`, `${S1}!B6`, `${S2}!D4`]);
    expect(fake.model.activeSheet).toBe(S2);
    expect(fake.model.selection).toEqual({ sheet: S2, address: 'C4,D4' });
    await selectCells(fake.host(), [`${S1}!B6`]);
    expect(fake.model.selection).toEqual({ sheet: S1, address: 'B6' });
  });
});

/** Everything a run may change: fills, values, notes, sheets, settings and custom XML parts. */
const whole = (fake: FakeExcel) =>
  JSON.parse(JSON.stringify({ ...snapshot(fake), sheets: fake.model.sheets.map((s) => s.name), settings: fake.model.settings, xml: fake.model.customXml ?? null }));

describe('a failed run leaves nothing behind', () => {
  const cases: [string, Parameters<FakeExcel['failOn']>[0]][] = [
    ['the 3rd paint', { op: 'fill', after: 2 }],
    ['the 2nd note', { op: 'note', after: 1 }],
    ['the 校验结果 values', { op: 'values', after: 0 }],
    ['the final record', { op: 'customXml.write', after: 1 }],
  ];
  for (const [what, rule] of cases) {
    test(`failing at ${what}: the workbook is exactly as before, first run and re-run`, async () => {
      const fake = await setup();
      const before = whole(fake);
      fake.failOn(rule);
      const err = await applyMarks(fake.host(), result([F_SUM, F_TEXT, F_CODE])).catch((e) => e);
      expect(err).toBeInstanceOf(MarkError);
      expect(err.message).toContain('工作簿已恢复为检查前的样子');
      expect(whole(fake)).toEqual(before);

      // a workbook already marked: the failed re-run puts the earlier marks and record back
      await applyMarks(fake.host(), result([F_SUM]));
      const marked = whole(fake);
      fake.failOn(rule.op === 'customXml.write' ? { ...rule, after: 0 } : rule);
      await expect(applyMarks(fake.host(), result([F_TEXT, F_CODE]))).rejects.toBeInstanceOf(MarkError);
      expect(whole(fake)).toEqual(marked);
      await clearMarks(fake.host());
      expect(whole(fake)).toEqual(before);
    });
  }

  test('when even the undo fails, the pending record lets 清除标记 take every paint off', async () => {
    const fake = await setup();
    const before = whole(fake);
    fake.failOn({ op: 'note', after: 1 });
    fake.failOn({ op: 'fill', after: 4 }); // fills: 校验结果 header, B6, B4, B5, then the note on B5 fails; the undo's first fill fails
    const err = await applyMarks(fake.host(), result([F_SUM, F_TEXT, F_CODE])).catch((e) => e);
    expect(err.message).toContain('请点击“清除标记”恢复原样');
    expect(storedState(fake)?.pending).toBe(true);
    await clearMarks(fake.host());
    expect(whole(fake)).toEqual(before);
  });

  test.each([
    ['ExcelApi 1.7+ (workbook protection readable)', 18],
    ['ExcelApi 1.6 (only the failing sheet add tells)', 6],
  ])('a workbook with protected structure: a Chinese message and no paint — %s', async (_label, api) => {
    const fake = await setup(api);
    fake.model.structureProtected = true;
    const before = whole(fake);
    const err = await applyMarks(fake.host(), result([F_SUM, F_TEXT])).catch((e) => e);
    expect(err).toBeInstanceOf(MarkError);
    expect(err.message).toBe(STRUCTURE_PROTECTED_MESSAGE);
    expect(whole(fake)).toEqual(before);
    expect(fake.violations).toEqual([]);
  });
});

describe('marks on older hosts and older records', () => {
  test('Excel 2019 (ExcelApi 1.8): colour-only fills, no notes, no API above 1.8, clear puts the colours back', async () => {
    const { fake } = await fakeAndFileGrid(smallWorkbook(), '小样.xlsx');
    const old = new FakeExcel(fake.model, { sets: { ExcelApi: '1.8', AddinCommands: '1.1' } });
    old.sheet(S1)!.cells['A4'].fill = { color: '#F2F2F2', pattern: 'Solid' };
    const before = whole(old);
    const s = await applyMarks(old.host(), result([F_SUM, F_TEXT]));
    expect(s.notes).toBe(0);
    expect(s.degraded.join('')).toContain('ExcelApi 1.9');
    expect(old.fills()[`${S1}!B6`].color).toBe(MARK_COLOR.error);
    expect(old.runOptions.length).toBeGreaterThan(0);
    expect(old.runOptions.every((o) => !('delayForCellEdit' in (o as object)))).toBe(true); // not below ExcelApi 1.11
    await clearMarks(old.host());
    const after = whole(old);
    // solid fills and no fill come back exactly; the patterned B5 comes back as its colour, solid (documented)
    expect(after.fills[`${S1}!B4`]).toEqual(before.fills[`${S1}!B4`]);
    expect(after.fills[`${S1}!B6`]).toBeUndefined();
    expect(after.fills[`${S1}!B5`]).toEqual({ color: '#DDEBF7', pattern: 'Solid', patternColor: '#00B050' });
    expect(old.violations).toEqual([]);
    expect(old.sheet('校验结果')).toBeUndefined();
  });

  test('a record written by an earlier version in the workbook settings is still cleared', async () => {
    const fake = await setup();
    const before = whole(fake);
    await applyMarks(fake.host(), result([F_SUM]));
    // as the earlier version stored it: the same record in the add-in's settings
    fake.model.settings[STATE_SETTING] = JSON.stringify({ ...storedState(fake)!, version: 1 });
    delete fake.model.customXml;
    const cleared = await clearMarks(fake.host());
    expect(cleared.restored).toBe(3);
    expect(whole(fake)).toEqual(before);
  });

  test('the record does not depend on the add-in id: it lives in a custom XML part, not in the settings', async () => {
    const fake = await setup();
    await applyMarks(fake.host(), result([F_SUM]));
    expect(fake.model.settings).toEqual({});
    // another manifest (another <Id>) sees no settings of ours but the same workbook parts
    const other = new FakeExcel({ ...JSON.parse(JSON.stringify(fake.model)), settings: {} });
    expect((await clearMarks(other.host())).restored).toBe(3);
  });

  test('two record parts in the workbook (a copied part): the newest is used and both go with 清除标记', async () => {
    const fake = await setup();
    const before = whole(fake);
    await applyMarks(fake.host(), result([F_SUM]));
    const part = fake.model.customXml![0];
    fake.model.customXml!.unshift({ id: '{old}', xml: part.xml.replace('"marks":[', '"marks":[{"sheet":"不存在","address":"A1","original":null,"mark":"#FFC7CE","note":false},') });
    const cleared = await clearMarks(fake.host());
    expect(cleared.restored).toBe(3);
    expect(whole(fake)).toEqual(before);
  });

  test('without RangeAreas.select (ExcelApi < 1.18) the first area is selected and the caller is told', async () => {
    const { fake } = await fakeAndFileGrid(smallWorkbook(), '小样.xlsx', 17);
    const out = await selectCells(fake.host(), [`${S2}!C4`, `${S1}!B6`, `${S2}!D4`]);
    expect(out).toEqual({ selected: 'C4', firstOf: 2 });
    expect(fake.model.selection).toEqual({ sheet: S2, address: 'C4' });
    expect(fake.violations).toEqual([]);
  });
});

describe('校验结果 rows', () => {
  test('amounts are printed with thousands separators; codes and 表号 in figure fields are printed as they are', async () => {
    const { resultRows } = await import('../../src/excel/marks');
    const { formatFigure } = await import('../../taskpane/format');
    const rows = resultRows(
      result([
        F_SUM,
        { rule: 'cross.unit_code', severity: 'error', message: '单位编码不一致', cells: [`${S2}!C4`], expected: '115002', actual: '115004' },
        { rule: 'table.number', severity: 'error', message: '表号重复', cells: [`${S1}!A1`], expected: '表6', actual: '表8' },
      ]),
      new Date(2024, 0, 15, 9, 30),
    );
    expect(rows.rows.map((r) => r.slice(4, 7))).toEqual([
      ['4,322,262.00', '4,322,000.00', '-262.00'],
      ['115002', '115004', ''],
      ['表6', '表8', ''],
    ]);
    expect(rows.summary).toContain('检查时间 2024-01-15 09:30');
    expect(formatFigure('1400400.00', undefined)).toBe('1,400,400.00 元');
    expect(formatFigure('115002', undefined)).toBe('115002');
    expect(formatFigure('12.5', '万元')).toBe('12.50 万元');
  });
});

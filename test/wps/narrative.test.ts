import { checkGrid } from '../../src/core/engine';
import { generateNarrative, narrativeFromGrid } from '../../src/core/narrative';
import { NARRATIVE_MARKER, NARRATIVE_SHEET, narrativeSheetRows } from '../../src/excel/narrative';
import { writeWpsNarrative } from '../../src/wps/narrative';
import { readWpsWorkbook } from '../../src/wps/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { wpsAndFileGrid } from './helpers';

async function setup() {
  const { app, fileGrid } = await wpsAndFileGrid(buildShaanxi000('published'), '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
  const n = generateNarrative(checkGrid(fileGrid).disclosure!);
  return { app, n };
}

describe('公开说明 in WPS', () => {
  test('written as in Excel (rows, 来源单元格, hidden marker), read back as the engine reads it; replaced without stacking', async () => {
    const { app, n } = await setup();
    const out = writeWpsNarrative(app, n);
    expect(out).toMatchObject({ status: 'written', replaced: false });
    const s = app.model.sheets.find((x) => x.name === NARRATIVE_SHEET)!;
    const { rows } = narrativeSheetRows(n);
    expect(s.cells['A1'].value).toBe(rows[0][0]);
    expect(s.cells['B1'].value).toBe('来源单元格');
    expect(s.names?.[NARRATIVE_MARKER]?.visible).toBe(false);
    expect(app.model.activeSheet).toBe(NARRATIVE_SHEET);
    // the engine reads the sheet back (the 来源单元格 column skipped): same paragraphs
    const back = narrativeFromGrid(readWpsWorkbook(app).grid);
    expect(back?.paragraphs.length).toBeGreaterThan(5);
    expect(writeWpsNarrative(app, n)).toMatchObject({ status: 'written', replaced: true });
    expect(app.model.sheets.filter((x) => x.name.startsWith(NARRATIVE_SHEET))).toHaveLength(1);
  });

  test('an edited sheet asks first; a sheet of that name that is not ours is never touched', async () => {
    const { app, n } = await setup();
    writeWpsNarrative(app, n);
    const s = app.model.sheets.find((x) => x.name === NARRATIVE_SHEET)!;
    s.cells['A5'] = { value: '用户填写的原因', type: 'String' };
    expect(writeWpsNarrative(app, n).status).toBe('edited');
    expect(app.model.sheets.find((x) => x.name === NARRATIVE_SHEET)!.cells['A5'].value).toBe('用户填写的原因');
    expect(writeWpsNarrative(app, n, { overwrite: true }).status).toBe('written');
    delete app.model.sheets.find((x) => x.name === NARRATIVE_SHEET)!.names;
    const before = JSON.parse(JSON.stringify(app.model.sheets));
    expect(writeWpsNarrative(app, n).status).toBe('foreign');
    expect(app.model.sheets).toEqual(before);
  });
});

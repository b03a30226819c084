/**
 * Two pages, one workbook: in WPS the ribbon (main.js) and the task pane are separate pages with a
 * session each. What one does reaches the other through the workbook: the mark record with the
 * short result of the last check, and the kept 科目表 — in CustomXMLParts or in the very hidden sheet.
 */
import { checkGrid } from '../../src/core/engine';
import { codesFromCsv } from '../../src/excel/codes';
import { createWpsApi } from '../../src/wps/api';
import { loadWpsCodes } from '../../src/wps/codes';
import { RECORD_SHEET, xmlStore } from '../../src/wps/store';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { wpsAndFileGrid } from './helpers';

const check = (grid: Parameters<typeof checkGrid>[0], o?: Parameters<typeof checkGrid>[1]) => checkGrid(grid, o ?? {});

describe.each([
  ['CustomXMLParts', false],
  ['a very hidden sheet', true],
])('ribbon page and pane page share through the workbook (%s)', (_name, noCustomXml) => {
  test('the pane sees the ribbon’s check; a 科目表 imported in the pane is used by the ribbon’s next check; clear leaves no trace', async () => {
    const { app } = await wpsAndFileGrid(buildShaanxi000('published'), '子洲县.xlsx', { noCustomXml });
    const before = JSON.parse(JSON.stringify(app.model.sheets));
    const ribbon = createWpsApi(() => app, check);
    const pane = createWpsApi(() => app, check);

    const out = await ribbon.check({ activateResults: true });
    await pane.refreshSaved();
    expect(pane.state().saved?.summary?.counts).toEqual({
      error: out.result.findings.filter((f) => f.severity === 'error').length,
      warning: out.result.findings.filter((f) => f.severity === 'warning').length,
      info: out.result.findings.filter((f) => f.severity === 'info').length,
    });

    // 2080505 under another name: the ribbon's next check must report the name mismatch the list causes
    const codes = codesFromCsv('我的科目表.csv', ['编码,名称,类别', '2080505,测试用的另一个名称,功能'].join('\n'));
    await pane.setCodes(codes);
    expect(loadWpsCodes(app)?.rows).toEqual(codes.rows);
    const second = await ribbon.check();
    expect(second.result.findings.length).toBeGreaterThan(out.result.findings.length);
    expect(second.result.findings.some((f) => f.message.includes('测试用的另一个名称'))).toBe(true);

    await pane.setCodes(undefined);
    await pane.clearMarks();
    expect(app.model.sheets).toEqual(before);
    expect(app.model.customXml ?? []).toEqual([]);
  });
});

test('the hidden-sheet store keeps a document longer than a cell can hold, in pieces', async () => {
  const { app } = await wpsAndFileGrid(buildShaanxi000('published'), 'x.xlsx', { noCustomXml: true });
  const store = xmlStore(app);
  expect(store.kind).toBe('hiddenSheet');
  const long = `<doc xmlns="urn:test">${'数'.repeat(70000)}</doc>`;
  store.set('urn:test', long);
  store.set('urn:other', '<o/>');
  const sheet = app.model.sheets.find((s) => s.name === RECORD_SHEET)!;
  expect(Object.values(sheet.cells).every((c) => String(c.value).length <= 32767)).toBe(true);
  expect(xmlStore(app).get('urn:test')).toBe(long);
  store.set('urn:test', '<short/>');
  expect(xmlStore(app).get('urn:test')).toBe('<short/>');
  expect(xmlStore(app).get('urn:other')).toBe('<o/>');
  store.set('urn:test', undefined);
  store.set('urn:other', undefined);
  expect(app.model.sheets.some((s) => s.name === RECORD_SHEET)).toBe(false);
});

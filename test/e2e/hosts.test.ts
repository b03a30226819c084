/**
 * The pane in headless Chromium on older hosts and old browsers:
 *  - a browser that cannot run the bundle (as IE11/Trident, forced) shows the Chinese
 *    WebView2 / 更新 Office message at once, never an endless 正在加载;
 *  - Excel 2019's requirement sets (ExcelApi 1.7, no shared runtime): the ribbon's 检查本工作簿
 *    works on a cold click, the pane checks, a multi-cell finding selects its first area and says
 *    so, 清除标记 restores; nothing calls an API above 1.8;
 *  - a 江苏 corpus workbook (test/corpus/jiangsu): its 12 tables recognised, screenshot at 320 px;
 *  - a workbook lacking most of its template's tables: one card names them all.
 * Screenshots: test-artifacts/boot-old-browser.png, excel2019.png, jiangsu.png, missing-tables.png.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { build000, buildShaanxi000 } from '../fixtures/shaanxi';
import { modelFromExcelJS } from '../excel/fakeFromExcelJS';
import { roundTrip } from '../excel/helpers';
import { HOST_PROFILES } from '../excel/hostProfiles';
import { CHROMIUM, artifact, chromiumThere, openPane } from './harness';
import { checkGrid } from '../../src/core/engine';
import { foldNotFound } from '../../src/core/missing';
import { gridFromWorkbook } from '../../src/file/read';

const maybe = chromiumThere ? describe : describe.skip;
if (!chromiumThere) console.warn(`跳过浏览器测试：找不到 Chromium（${CHROMIUM}）。`);
jest.setTimeout(240000);

type W = { __fake: { fills(): object; violations: string[]; model: { selection?: { address: string }; activeSheet?: string; sheets: { name: string }[] } }; __actions: Record<string, (e: { completed(): void }) => Promise<void>>; __done?: number };

maybe('older hosts in headless Chromium', () => {
  test('a browser that cannot run the bundle gets the WebView2 / 更新 Office message at once', async () => {
    const model = modelFromExcelJS(await roundTrip(buildShaanxi000('published')), 'x.xlsx');
    const pane = await openPane(model, undefined, { __forceOldBrowser: true });
    try {
      await pane.page.locator('#boot-message').waitFor({ timeout: 10000 });
      const text = await pane.page.locator('#boot-message').innerText();
      expect(text).toContain('需要 Microsoft Edge WebView2');
      expect(text).toContain('将 Office 更新到最新版本');
      expect(await pane.page.locator('#loading').count()).toBe(0);
      // the ribbon buttons explain the same in a dialog instead of doing nothing
      await pane.page.waitForFunction(() => !!(window as unknown as W).__actions?.checkWorkbook && document.readyState === 'complete');
      const shown = await pane.page.evaluate(() => {
        const w = window as unknown as W & { __dialogs?: string[] };
        let done = 0;
        w.__actions.checkWorkbook({ completed: () => void done++ });
        return { done, dialogs: w.__dialogs ?? [] };
      });
      expect(shown.done).toBe(1);
      expect(shown.dialogs).toHaveLength(1);
      expect(decodeURIComponent(shown.dialogs[0])).toContain('message.html?m=需要 Microsoft Edge WebView2');
      await pane.page.screenshot({ path: artifact('boot-old-browser.png') });
    } finally {
      await pane.close();
    }
  });

  test('Excel 2019 (ExcelApi 1.7): cold ribbon click, pane check, first-area selection with a note, clear', async () => {
    const model = modelFromExcelJS(await roundTrip(buildShaanxi000('published')), '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    const before = JSON.stringify(model.sheets.map((s) => [s.name, Object.fromEntries(Object.entries(s.cells).filter(([, c]) => c.fill).map(([a, c]) => [a, c.fill]))]));
    const sets = HOST_PROFILES.find((p) => p.name.startsWith('Excel 2019'))!.sets;
    const pane = await openPane(model, undefined, { __FAKE_SETS__: sets });
    const { page } = pane;
    try {
      // the ribbon, clicked as soon as the commands bundle has run (the pane has not been used)
      await page.waitForFunction(() => !!(window as unknown as W).__actions?.checkWorkbook);
      await page.evaluate(() => {
        const w = window as unknown as W;
        return w.__actions.checkWorkbook({ completed: () => void (w.__done = (w.__done ?? 0) + 1) });
      });
      expect(await page.evaluate(() => (window as unknown as W).__done)).toBe(1);
      expect(await page.evaluate(() => (window as unknown as W).__fake.model.activeSheet)).toBe('校验结果');

      await page.getByRole('button', { name: '重新检查' }).or(page.getByRole('button', { name: '检查', exact: true })).first().click();
      await page.getByRole('button', { name: '重新检查' }).waitFor({ timeout: 30000 });
      await page.locator('[data-notice="host-limits"]').getByText(/不支持批注/).waitFor();
      // a finding naming two cells on one sheet: only the first is selected, and the pane says so
      const card = page.locator('[data-rule="summary.block"]').filter({ hasText: '1,400,400.00' });
      await card.locator('[data-finding]').click();
      await page.getByText(/一次只能选中一个区域/).waitFor({ timeout: 10000 });
      const sel = await page.evaluate(() => (window as unknown as W).__fake.model.selection!.address);
      expect(sel.includes(',')).toBe(false);
      const [k303] = knownOf();
      expect(k303).toBeDefined();
      await page.screenshot({ path: artifact('excel2019.png'), fullPage: true });

      await page.getByRole('button', { name: '清除标记' }).click();
      await page.getByText(/已清除标记/).waitFor({ timeout: 30000 });
      const after = await page.evaluate(() => {
        const w = window as unknown as W;
        return JSON.stringify(
          (w.__fake.model.sheets as unknown as { name: string; cells: Record<string, { fill?: unknown }> }[]).map((s) => [s.name, Object.fromEntries(Object.entries(s.cells).filter(([, c]) => c.fill).map(([a, c]) => [a, c.fill]))]),
        );
      });
      expect(after).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as W).__fake.violations)).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
      expect(pane.external).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  test('before the first check: the notice of what 检查 writes; 导入本地科目表 from a .csv is kept in the workbook and used', async () => {
    const model = modelFromExcelJS(await roundTrip(buildShaanxi000('published')), '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    const pane = await openPane(model);
    const { page } = pane;
    try {
      const notice = page.locator('[data-notice="before-first-check"]');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('新增“校验结果”工作表');
      await page.screenshot({ path: artifact('taskpane-before.png') });
      await page.getByLabel('科目表文件').setInputFiles({
        name: '本地科目表.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('编码,名称,类别\n2080505,测试用的另一个名称,功能\n', 'utf8'),
      });
      await page.locator('[data-codes-file]').waitFor({ timeout: 10000 });
      expect(await page.locator('[data-codes-file]').innerText()).toContain('本地科目表.csv（1 个编码）');
      const saved = await page.evaluate(() => ((window as unknown as { __fake: { model: { customXml?: { xml: string }[] } } }).__fake.model.customXml ?? []).map((p) => p.xml));
      expect(saved.some((x) => x.includes('urn:budget-disclosure-checker:codes') && x.includes('2080505'))).toBe(true);
      await page.getByRole('button', { name: '检查', exact: true }).click();
      await page.getByRole('button', { name: '重新检查' }).waitFor({ timeout: 30000 });
      expect(await page.locator('[data-finding]').count()).toBeGreaterThan(0);
      expect(pane.pageErrors).toEqual([]);
      expect(pane.external).toEqual([]);
    } finally {
      await pane.close();
    }
  });

  test('tables not found are one card with every title and the advice once (screenshot)', async () => {
    // The 陕西 template with only its cover and first three tables: the rest are not found.
    const wb = await roundTrip(buildShaanxi000('published'));
    for (const ws of [...wb.worksheets]) if (!['封面', '表1', '表2', '表3'].includes(ws.name)) wb.removeWorksheet(ws.id);
    const model = modelFromExcelJS(wb, '只有三张表.xlsx');
    const expected = checkGrid(gridFromWorkbook(wb, model.name).grid);
    const { groups, rest } = foldNotFound(expected.findings);
    expect(groups).toHaveLength(1);
    expect(groups[0].titles.length).toBeGreaterThan(8);
    const pane = await openPane(model);
    try {
      await pane.page.getByRole('button', { name: '检查', exact: true }).click();
      await pane.page.getByRole('button', { name: '重新检查' }).waitFor({ timeout: 60000 });
      expect(pane.pageErrors).toEqual([]);
      // The tables' own findings, then one card for all the tables not found.
      expect(await pane.page.locator('[data-finding]').count()).toBe(rest.length + 1);
      const section = pane.page.getByRole('region', { name: '未找到的报表' });
      await expect(section.locator('h2').innerText()).resolves.toBe(`未找到的报表（${groups[0].titles.length} 张）`);
      const card = section.locator('[data-rule="table.missing"]');
      expect(await card.count()).toBe(1);
      await card.getByText('展开全文').click();
      const text = await card.innerText();
      expect(text).toContain(`未找到 ${groups[0].titles.length} 张应有的表：${groups[0].titles.join('、')}。`);
      expect(text.match(/公开空表/g)).toHaveLength(1);
      await pane.page.screenshot({ path: artifact('missing-tables.png'), fullPage: true });
    } finally {
      await pane.close();
    }
  });

  const JIANGSU = path.join(__dirname, '../corpus/jiangsu/jiangsu-renda-2019.xlsx');
  (existsSync(JIANGSU) ? test : test.skip)('a 江苏 corpus workbook at 320 px (screenshot)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(JIANGSU);
    const model = modelFromExcelJS(wb, 'jiangsu-renda-2019.xlsx');
    const pane = await openPane(model);
    try {
      await pane.page.getByRole('button', { name: '检查', exact: true }).click();
      await pane.page.getByRole('button', { name: '重新检查' }).waitFor({ timeout: 60000 });
      await pane.page.screenshot({ path: artifact('jiangsu.png'), fullPage: true });
      expect(pane.pageErrors).toEqual([]);
      // read by the national layer: its 12 tables, and no error on its correct figures
      const text = await pane.page.locator('body').innerText();
      expect(text).toContain('识别表格 12 张');
      expect(text).toMatch(/错误\s*0/);
    } finally {
      await pane.close();
    }
  });
});

function knownOf() {
  return [build000('published').cells];
}

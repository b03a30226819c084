/**
 * Last year's workbook in the 说明 tab, in a real browser (production bundle, headless Chromium at
 * 320 px, fake office.js over the 陕西 seed-000 workbook): 选择上年工作簿… reads a picked .xlsx in the
 * page through the lazily loaded ExcelJS chunk (fetched from the add-in's own origin only then),
 * shows the file, template, unit and year, and the 说明 states 较上年 changes computed from both
 * workbooks, their sources labelled “上年：2023.xlsx …” and never selected. Wrong files are refused
 * with the file named; 清除上年 goes back to placeholders. Saves test-artifacts/prior.png (the top of the pane) and prior-full.png.
 */
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { Grid, cellAt, parseRef } from '../../src/core/grid';
import Decimal from 'decimal.js';
import { formatWan } from '../../src/core/money';
import { generateNarrative, Narrative } from '../../src/core/narrative';
import { PriorWorkbook, priorFromBytes } from '../../src/excel/prior';
import { gridFromWorkbook, readWorkbookBuffer } from '../../src/file/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { buildHebei004 } from '../fixtures/hebei';
import { FakeWorkbookModel } from '../excel/fakeExcel';
import { modelFromExcelJS } from '../excel/fakeFromExcelJS';
import { roundTrip } from '../excel/helpers';
import { buildPrior000, xlsxBytes } from '../excel/priorFixture';
import { CHROMIUM, PaneSession, artifact, chromiumThere, openPane } from './harness';

const maybe = chromiumThere ? describe : describe.skip;
if (!chromiumThere) console.warn(`跳过浏览器测试：找不到 Chromium（${CHROMIUM}）。`);

type W = { __fake: { model: FakeWorkbookModel } };
const fakeModel = (page: Page) => page.evaluate(() => (window as unknown as W).__fake.model);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function amountAt(grid: Grid, ref: string): Decimal {
  const p = parseRef(ref)!;
  return new Decimal(String(cellAt(grid.sheets.find((s) => s.name === p.sheet)!, p.row, p.col)?.v));
}

maybe('上年工作簿 in the 说明 tab (headless Chromium)', () => {
  let pane: PaneSession;
  let page: Page;
  let expected: CheckResult;
  let curGrid: Grid;
  let priorBytes: Buffer;
  let prior: PriorWorkbook;
  let n: Narrative;
  const requests: string[] = [];

  beforeAll(async () => {
    const wb = await roundTrip(buildShaanxi000('published'));
    const model = modelFromExcelJS(wb, '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    curGrid = gridFromWorkbook(wb, model.name).grid;
    expected = checkGrid(curGrid);
    priorBytes = await xlsxBytes(buildPrior000());
    prior = await priorFromBytes(new Uint8Array(priorBytes), '2023.xlsx', ExcelJS.Workbook);
    n = generateNarrative(expected.disclosure!, prior.disclosure);
    pane = await openPane(model);
    page = pane.page;
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  }, 240000);

  afterAll(async () => {
    await pane?.close();
  });

  const input = () => page.locator('input[type="file"]');
  const s41 = () => page.locator('[data-section="shaanxi.4.1"]');

  test('the picker is a keyboard-reachable button over an .xlsx file input; ExcelJS is not loaded before a file is picked', async () => {
    await page.getByRole('tab', { name: '说明', exact: true }).click();
    await page.getByRole('button', { name: '检查并生成说明' }).click();
    await page.locator('[data-section]').first().waitFor({ timeout: 30000 });
    // without last year: the change is a placeholder
    await expect(s41().innerText()).resolves.toContain('较上年【请填写较上年增减情况】');
    // Listen before anything else: Playwright turns file-chooser interception on when the first
    // listener is added, and a keypress that wins that race opens a native dialog instead (flaky).
    const chooser = new Promise<import('playwright-core').FileChooser>((resolve) => page.once('filechooser', resolve));
    const pick = page.getByRole('button', { name: '选择上年工作簿…' });
    await pick.focus();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('选择上年工作簿…');
    await expect(input().getAttribute('accept')).resolves.toContain('.xlsx');
    // Enter on the button opens the file chooser (the native input behind it)
    await page.keyboard.press('Enter');
    expect((await chooser).isMultiple()).toBe(false);
    expect(requests.filter((r) => /exceljs/.test(r))).toEqual([]);
  });

  test('picking last year’s workbook: file, year, template and unit shown; the 说明 states 较上年 changes from both workbooks', async () => {
    await input().setInputFiles({ name: '2023.xlsx', mimeType: XLSX, buffer: priorBytes });
    await page.locator('[data-prior="loaded"]').waitFor({ timeout: 30000 });
    // the ExcelJS chunk came from the add-in's origin, only now
    expect(requests.filter((r) => /^\/exceljs\.[0-9a-f]+\.js$/.test(r))).toHaveLength(1);
    const kb = Math.round(priorBytes.length / 1024);
    await expect(page.locator('[data-prior-file]').innerText()).resolves.toBe(`2023.xlsx （2023 年，${kb} KB）`);
    await expect(page.locator('[data-prior-template]').innerText()).resolves.toBe(
      `模板：${expected.profile!.name} · 单位：子洲县工伤保险经办中心 · 识别表格 ${prior.result.tables.length} 张`,
    );
    // 收入: this year's 表1!B36 1,509,422 元, last year's 1,433,950.90 元 → 较上年增加 7.55 万元
    const priorGrid = (await readWorkbookBuffer(priorBytes, '2023.xlsx')).grid;
    const diff = formatWan(amountAt(curGrid, '表1!B36').minus(amountAt(priorGrid, '表1!B36')));
    expect(diff).toBe('7.55');
    await expect(s41().innerText()).resolves.toContain(`本单位当年预算收入 150.94 万元，其中一般公共预算拨款收入 150.94 万元、政府性基金拨款收入 0.00 万元，较上年增加 ${diff} 万元，主要原因是【请填写原因】`);
    await expect(s41().innerText()).resolves.not.toContain('【请填写较上年增减情况】');
    const change = s41().locator('[data-number]').nth(3);
    await expect(change.innerText()).resolves.toBe(diff);
    await expect(change.getAttribute('data-cells')).resolves.toBe('表1!B36,上年：2023.xlsx 表1!B36');
    await expect(change.getAttribute('title')).resolves.toBe('来源：表1!B36、上年：2023.xlsx 表1!B36（本年 − 上年）');
    // every number on the page is the generator's, from both workbooks
    const cells = await page.locator('[data-number]').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('data-cells')]));
    expect(cells).toEqual(n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.numbers.map((x) => [x.text, x.cells.join(',')]))));
    expect(cells.filter(([, c]) => c!.includes('上年：2023.xlsx')).length).toBeGreaterThan(10);
    await expect(page.locator('[data-placeholders]').innerText()).resolves.toBe(`尚有 ${n.placeholders} 处待填写（黄色标出）`);
  });

  test('a change number’s source lists last year’s cells as text; Enter selects only this year’s cell', async () => {
    await page.evaluate(() => (window as unknown as W).__fake.model.selection = undefined as never);
    const change = s41().locator('[data-number]').nth(3);
    await change.focus();
    const source = s41().locator('[data-source]');
    await expect(source.innerText()).resolves.toContain('表1!B36');
    await expect(source.locator('[data-prior-cells]').innerText()).resolves.toBe('上年：2023.xlsx 表1!B36');
    await expect(source.getByRole('button', { name: '定位到 表1!B36' }).count()).resolves.toBe(1);
    await expect(source.getByRole('button', { name: /上年/ }).count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as W).__fake.model.activeSheet === '表1');
    expect((await fakeModel(page)).selection).toEqual({ sheet: '表1', address: 'B36' });
    // 505 (11 rows of 表6 each year): 6 links and 6 of last year's, each with its count
    const p505 = page.locator('[data-paragraph]').filter({ hasText: '对事业单位经常性补助（505）' });
    await p505.locator('[data-number]').nth(1).hover();
    const src505 = p505.locator('[data-source]');
    await expect(src505.getByRole('button', { name: /^定位到 / }).count()).resolves.toBe(6);
    await expect(src505.locator('[data-prior-cells]').innerText()).resolves.toBe('上年：2023.xlsx 表6!E7、表6!E8、表6!E9、表6!E10、表6!E11、表6!E12 等 11 个单元格');
    await change.focus();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact('prior.png') });
    await page.screenshot({ path: artifact('prior-full.png'), fullPage: true });
  });

  test('写入“公开说明” lists last year’s sources with the file name', async () => {
    await page.getByRole('button', { name: '写入“公开说明”工作表' }).click();
    await page.getByText(/已写入“公开说明”工作表/).waitFor({ timeout: 30000 });
    const sheet = (await fakeModel(page)).sheets.find((s) => s.name === '公开说明')!;
    expect(Object.values(sheet.cells).some((c) => String(c.value).includes('7.55 万元：表1!B36、上年：2023.xlsx 表1!B36（本年 − 上年）'))).toBe(true);
  });

  test('the choice survives switching tabs; wrong files are refused naming the file; 清除上年 restores the placeholders', async () => {
    await page.getByRole('tab', { name: '检查', exact: true }).click();
    await page.getByRole('tab', { name: '说明', exact: true }).click();
    await page.locator('[data-prior="loaded"]').waitFor();
    await expect(s41().innerText()).resolves.toContain('较上年增加 7.55 万元');

    // not a workbook
    await input().setInputFiles({ name: '说明.xlsx', mimeType: XLSX, buffer: Buffer.from('这不是工作簿') });
    await page.locator('[data-prior="error"]').waitFor({ timeout: 30000 });
    await expect(page.locator('[data-prior]').innerText()).resolves.toContain('文件“说明.xlsx”不是 .xlsx 工作簿（文件内容不是 Excel 格式）。');
    await expect(s41().innerText()).resolves.toContain('较上年【请填写较上年增减情况】');

    // another template: read, shown, refused
    await input().setInputFiles({ name: '河北2023.xlsx', mimeType: XLSX, buffer: await xlsxBytes(buildHebei004('published')) });
    await page.locator('[data-prior="loaded"]').waitFor({ timeout: 30000 });
    await expect(page.locator('[data-prior]').innerText()).resolves.toMatch(/上年工作簿“河北2023\.xlsx”是“.+”模板，与本年的“.+”模板不同，无法逐项比较，未使用。/);
    await expect(s41().innerText()).resolves.toContain('较上年【请填写较上年增减情况】');

    // this year's own file: used, with a warning
    const own = await xlsxBytes(buildShaanxi000('published'));
    await input().setInputFiles({ name: '2024.xlsx', mimeType: XLSX, buffer: own });
    await page.getByText('上年工作簿“2024.xlsx”的收入合计、支出合计与本年完全相同，请确认没有选成本年的文件。').waitFor({ timeout: 30000 });
    await expect(s41().innerText()).resolves.toContain('与上年持平');

    await page.getByRole('button', { name: '清除上年' }).click();
    await page.locator('[data-prior="none"]').waitFor();
    await expect(s41().innerText()).resolves.toContain('较上年【请填写较上年增减情况】');
    await expect(page.locator('[data-placeholders]').innerText()).resolves.toBe(`尚有 ${generateNarrative(expected.disclosure!).placeholders} 处待填写（黄色标出）`);
    expect(pane.pageErrors).toEqual([]);
    expect(pane.external).toEqual([]);
  });
});

/**
 * The 说明 tab in a real browser (production bundle, headless Chromium at 320 px, fake office.js
 * over the 陕西 seed-000 workbook as published): 检查, the generated 说明 by section with its
 * figures and their source cells, 复制, 写入“公开说明”工作表, and 核对 of the published 说明 text
 * (with its real rounding mistakes). Saves test-artifacts/narrative.png and narrative-check.png.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { checkGrid, CheckResult } from '../../src/core/engine';
import { builtinCatalogue } from '../../src/core/codes/catalogue';
import { checkNarrative, generateNarrative, narrativeParagraphs, Narrative, splitParagraphs } from '../../src/core/narrative';
import { gridFromWorkbook } from '../../src/file/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { FakeWorkbookModel } from '../excel/fakeExcel';
import { modelFromExcelJS } from '../excel/fakeFromExcelJS';
import { roundTrip } from '../excel/helpers';
import { CHROMIUM, PaneSession, artifact, chromiumThere, openPane } from './harness';

const maybe = chromiumThere ? describe : describe.skip;
if (!chromiumThere) console.warn(`跳过浏览器测试：找不到 Chromium（${CHROMIUM}）。`);

type W = { __fake: { model: FakeWorkbookModel } };
const fakeModel = (page: Page) => page.evaluate(() => (window as unknown as W).__fake.model);
const waitActive = (page: Page, sheet: string) => page.waitForFunction((s) => (window as unknown as W).__fake.model.activeSheet === s, sheet);

maybe('说明 tab in headless Chromium', () => {
  let pane: PaneSession;
  let page: Page;
  let expected: CheckResult;
  let n: Narrative;
  let sheetsBefore: string[];

  beforeAll(async () => {
    const wb = await roundTrip(buildShaanxi000('published'));
    const model = modelFromExcelJS(wb, '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    sheetsBefore = model.sheets.map((s) => s.name);
    expected = checkGrid(gridFromWorkbook(wb, model.name).grid);
    n = generateNarrative(expected.disclosure!);
    pane = await openPane(model);
    page = pane.page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pane.base });
  }, 240000);

  afterAll(async () => {
    await pane?.close();
  });

  test('before a check the tab offers to check; then the generated 说明 is shown by section with its figures', async () => {
    await page.getByRole('tab', { name: '说明', exact: true }).click();
    await page.getByRole('button', { name: '检查并生成说明' }).click();
    await page.locator('[data-section]').first().waitFor({ timeout: 30000 });
    // every section heading, in order
    const headings = await page.locator('[data-section] h2, [data-section] h3').allInnerTexts();
    expect(headings).toEqual(n.sections.map((s) => s.title));
    expect(headings).toEqual(expect.arrayContaining(['四、收支说明', '（一）收支预算总体情况', '九、公用经费情况说明']));
    // the known total, 150.94 万元 (1,509,422 元), from 表1!B36
    const total = page.locator('[data-section="shaanxi.4.1"] [data-number]').first();
    await expect(total.innerText()).resolves.toBe('150.94');
    await expect(total.getAttribute('data-cells')).resolves.toBe('表1!B36');
    await expect(total.getAttribute('title')).resolves.toBe('来源：表1!B36');
    // every number of the generator is there, with its cells
    const cells = await page.locator('[data-number]').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('data-cells')]));
    expect(cells).toEqual(n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.numbers.map((x) => [x.text, x.cells.join(',')]))));
    // placeholders: counted, and marked in the text
    expect(n.placeholders).toBeGreaterThan(0);
    await expect(page.locator('[data-placeholders]').innerText()).resolves.toBe(`尚有 ${n.placeholders} 处待填写（黄色标出）`);
    await expect(page.locator('[data-placeholder]').count()).resolves.toBe(n.placeholders);
  });

  test('focusing a number shows its source cells; Enter selects them in the workbook; a cell link selects one cell', async () => {
    const total = page.locator('[data-section="shaanxi.4.1"] [data-number]').first();
    await total.focus();
    const source = page.locator('[data-section="shaanxi.4.1"] [data-source]');
    await expect(source.innerText()).resolves.toContain('表1!B36');
    await page.keyboard.press('Enter');
    await waitActive(page, '表1');
    expect((await fakeModel(page)).selection).toEqual({ sheet: '表1', address: 'B36' });
    // 505 is a sum of 11 rows of 表6: its source lists them, a link selects one
    const p505 = page.locator('[data-paragraph]').filter({ hasText: '对事业单位经常性补助（505）' });
    await p505.locator('[data-number]').hover();
    await expect(p505.locator('[data-source]').innerText()).resolves.toContain('等 11 个单元格');
    await p505.getByRole('button', { name: '定位到 表6!E7' }).click();
    await waitActive(page, '表6');
    expect((await fakeModel(page)).selection).toEqual({ sheet: '表6', address: 'E7' });
  });

  test('复制 copies a section (a part heading with its sub-sections)', async () => {
    await page.getByRole('button', { name: '复制（一）收支预算总体情况' }).click();
    await page.locator('[data-section="shaanxi.4.1"] [data-copy]').filter({ hasText: '已复制' }).waitFor();
    const s41 = n.sections.find((s) => s.id === 'shaanxi.4.1')!;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe([s41.title, ...s41.paragraphs.map((p) => p.text)].join('\n'));
    await page.getByRole('button', { name: '复制四、收支说明' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('四、收支说明');
    expect(copied).toContain('（五）国有资本经营预算拨款收支情况');
    expect(copied).not.toContain('五、“三公”经费');
    // the button goes back to 复制 after two seconds
    await page.locator('[data-section="shaanxi.4.1"] [data-copy]').filter({ hasText: /^复制$/ }).waitFor({ timeout: 5000 });
  });

  test('写入“公开说明”工作表 writes the paragraphs and their source cells; writing again replaces it', async () => {
    await page.getByRole('button', { name: '写入“公开说明”工作表' }).click();
    await page.getByText(/已写入“公开说明”工作表/).waitFor({ timeout: 30000 });
    let m = await fakeModel(page);
    expect(m.sheets.map((s) => s.name)).toEqual([...sheetsBefore, '校验结果', '公开说明']);
    const sheet = () => m.sheets.find((s) => s.name === '公开说明')!;
    const colA = () => Array.from({ length: 1 + narrativeParagraphs(n).length }, (_, i) => sheet().cells[`A${i + 1}`]?.value);
    expect(colA()).toEqual([n.title, ...narrativeParagraphs(n)]);
    expect(sheet().cells.B1.value).toBe('来源单元格');
    expect(Object.values(sheet().cells).some((c) => String(c.value).startsWith('150.94 万元：表1!B36'))).toBe(true);
    expect(m.activeSheet).toBe('公开说明');

    await page.getByRole('button', { name: '写入“公开说明”工作表' }).click();
    await page.getByText(/已重新写入“公开说明”工作表/).waitFor({ timeout: 30000 });
    m = await fakeModel(page);
    expect(m.sheets.map((s) => s.name)).toEqual([...sheetsBefore, '校验结果', '公开说明']);
    expect(colA()).toEqual([n.title, ...narrativeParagraphs(n)]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact('narrative.png'), fullPage: true });
  });

  test('an edited 公开说明 is not overwritten without 仍然覆盖; a sheet the user made is refused', async () => {
    // the user fills in a reason in the sheet
    await page.evaluate(() => {
      const s = (window as unknown as W).__fake.model.sheets.find((x) => x.name === '公开说明')!;
      const cell = Object.values(s.cells).find((c) => String(c.value).includes('【请填写较上年增减情况】'))!;
      cell.value = String(cell.value).replace('【请填写较上年增减情况】', '增加 3.20 万元');
    });
    await page.getByRole('button', { name: '写入“公开说明”工作表' }).click();
    await page.getByText(/已被修改/).waitFor({ timeout: 30000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact('narrative-overwrite.png') });
    const edited = (await fakeModel(page)).sheets.find((s) => s.name === '公开说明')!;
    expect(Object.values(edited.cells).some((c) => String(c.value).includes('增加 3.20 万元'))).toBe(true);
    await page.getByRole('button', { name: '仍然覆盖' }).click();
    await page.getByText(/已重新写入/).waitFor({ timeout: 30000 });
    const again = (await fakeModel(page)).sheets.find((s) => s.name === '公开说明')!;
    expect(Object.values(again.cells).some((c) => String(c.value).includes('增加 3.20 万元'))).toBe(false);

    // a 公开说明 of the user's own (ours deleted, theirs made): refused, untouched
    await page.evaluate(() => {
      const m = (window as unknown as W).__fake.model;
      m.sheets = m.sheets.filter((x) => x.name !== '公开说明');
      m.sheets.push({ name: '公开说明', cells: { A1: { value: '本单位自己的说明' } }, merges: [], notes: {} });
    });
    await page.getByRole('button', { name: '写入“公开说明”工作表' }).click();
    await page.getByText(/不是本加载项写入的/).waitFor({ timeout: 30000 });
    expect((await fakeModel(page)).sheets.find((s) => s.name === '公开说明')!.cells).toEqual({ A1: { value: '本单位自己的说明' } });
  });

  test('核对说明: the published 说明 text against the tables lists its findings; a cell link selects the table cell', async () => {
    const text = readFileSync(path.join(__dirname, '../narrative/fixtures/000_published.txt'), 'utf8');
    const want = checkNarrative(splitParagraphs(text), expected.disclosure, { codes: builtinCatalogue() });
    await page.getByRole('tab', { name: '核对说明' }).click();
    await page.getByRole('textbox', { name: '说明文字（每段一行）' }).fill(text);
    await page.getByRole('button', { name: '核对', exact: true }).click();
    const n2 = { error: 0, warning: 0, info: 0 };
    for (const f of want) n2[f.severity]++;
    await expect(page.locator('[data-check-summary]').innerText()).resolves.toBe(`发现 ${want.length} 条：错误 ${n2.error}，警告 ${n2.warning}，提示 ${n2.info}。`);
    const list = page.getByRole('list', { name: '核对结果' });
    await expect(list.locator('[data-finding]').count()).resolves.toBe(want.length);
    // the published 2.71 万元 for 事业单位医疗: 27,177 元 rounds to 2.72
    const item = list.locator('li').filter({ hasText: '事业单位医疗（2101102）2.71 万元' }).filter({ has: page.locator('[data-rule="narrative.mismatch"]') });
    await expect(item.count()).resolves.toBe(1);
    // Its figures in the unit the 说明 writes (万元), exactly: 27,177 元 is 2.7177 万元.
    await expect(item.innerText()).resolves.toContain('2.7177 万元');
    await item.getByRole('button', { name: '定位到 表5!C16', exact: true }).click();
    await waitActive(page, '表5');
    expect((await fakeModel(page)).selection).toEqual({ sheet: '表5', address: 'C16' });
    // the paragraph link selects the excerpt in the pasted text
    await item.locator('[data-excerpt] button').click();
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    });
    expect(selected).toBe('事业单位医疗（2101102）2.71 万元');
    await page.screenshot({ path: artifact('narrative-check.png'), fullPage: true });
    expect(pane.pageErrors).toEqual([]);
    expect(pane.external).toEqual([]);
  });
});

maybe('说明 tab: figures copied from cells the check found wrong', () => {
  let pane: PaneSession;
  let page: Page;

  beforeAll(async () => {
    // The real 子洲 医疗 workbook as published: 06经济明细!F15 (商品和服务支出) is 20,200 元 short.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(__dirname, '../../examples/子洲县医疗保险经办中心-2024单位预算公开-原样.xlsx'));
    pane = await openPane(modelFromExcelJS(wb, '子洲县医疗保险经办中心-2024单位预算公开-原样.xlsx'));
    page = pane.page;
  }, 240000);

  afterAll(async () => {
    await pane?.close();
  });

  test('a warning above the 说明 names the figure, its cell (a link) and what the check says it should be', async () => {
    await page.getByRole('tab', { name: '说明', exact: true }).click();
    await page.getByRole('button', { name: '检查并生成说明' }).click();
    await page.locator('[data-section]').first().waitFor({ timeout: 30000 });
    const bar = page.locator('[data-suspects]');
    await expect(bar.locator('.fui-MessageBarTitle').innerText()).resolves.toBe('说明中有 1 个数字取自检查发现有问题的单元格');
    await expect(bar.locator('li').allInnerTexts()).resolves.toEqual([
      '“（三）一般公共预算拨款支出明细情况”中的 40.52 万元取自 06经济明细!F15，检查认为该单元格应为 425,400.00 元（现为 405,200.00 元）。',
    ]);
    // not repeated among the notes
    await expect(page.getByLabel('说明概况').locator('li').allInnerTexts()).resolves.not.toContainEqual(expect.stringContaining('06经济明细!F15'));
    // the cell is a link into the workbook
    await bar.getByRole('button', { name: '定位到 06经济明细!F15' }).click();
    await page.waitForFunction(() => (window as unknown as W).__fake.model.activeSheet === '06经济明细');
    expect((await fakeModel(page)).selection).toEqual({ sheet: '06经济明细', address: 'F15' });
    await page.screenshot({ path: artifact('narrative-suspects.png') });
    expect(pane.pageErrors).toEqual([]);
    expect(pane.external).toEqual([]);
  });
});

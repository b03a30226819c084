/**
 * Real browser test of the task pane: the production bundle (dist/) served on 127.0.0.1, opened
 * in headless Chromium (system /usr/bin/chromium through playwright-core) at the default pane
 * width of 320 px, with office.js routed to the fake Excel over the 陕西 seed-000 workbook.
 * Clicks 检查, checks the findings against the engine, clicks a finding, then 清除标记.
 */
import { readFileSync, readdirSync } from 'fs';
import * as http from 'http';
import * as path from 'path';
import { Page } from 'playwright-core';
import { checkGrid } from '../../src/core/engine';
import { gridFromWorkbook } from '../../src/file/read';
import { build000, buildShaanxi000 } from '../fixtures/shaanxi';
import { knownErrors000 } from '../fixtures/known/shaanxi-000';
import { FakeFill, FakeWorkbookModel } from '../excel/fakeExcel';
import { modelFromExcelJS } from '../excel/fakeFromExcelJS';
import { roundTrip } from '../excel/helpers';
import { CHROMIUM, DIST, PaneSession, ROOT, artifact, chromiumThere, openPane } from './harness';

const maybe = chromiumThere ? describe : describe.skip;
if (!chromiumThere) console.warn(`跳过浏览器测试：找不到 Chromium（${CHROMIUM}）。`);

maybe('task pane in headless Chromium', () => {
  let pane: PaneSession;
  let page: Page;
  let base: string;
  let model: FakeWorkbookModel;
  let fillsBefore: Record<string, FakeFill>;
  let external: string[];
  let pageErrors: string[];
  let expected: ReturnType<typeof checkGrid>;

  beforeAll(async () => {
    const wb = await roundTrip(buildShaanxi000('published'));
    model = modelFromExcelJS(wb, '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    expected = checkGrid(gridFromWorkbook(wb, model.name).grid);
    fillsBefore = {};
    for (const s of model.sheets) for (const [a, c] of Object.entries(s.cells)) if (c.fill) fillsBefore[`${s.name}!${a}`] = c.fill;
    pane = await openPane(model);
    ({ page, base, external, pageErrors } = pane);
  }, 240000);

  afterAll(async () => {
    await pane?.close();
  });

  test('every URL in manifest.xml is served from the production build', async () => {
    const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const urls = [...new Set([...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map((m) => m[1]))];
    expect(urls).toEqual(expect.arrayContaining(['taskpane.html', 'help.html', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-80.png']));
    for (const u of urls) {
      const status = await new Promise<number>((resolve) => http.get(`${base}/${u}`, (r) => (r.resume(), resolve(r.statusCode ?? 0))));
      expect([u, status]).toEqual([u, 200]);
    }
    // the main bundle carries the engine but not ExcelJS: its browser build is a separate chunk,
    // loaded only when a 上年 workbook is picked in the 说明 tab (test/e2e/prior.test.ts)
    const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    const main = files.filter((f) => f.startsWith('taskpane.'));
    expect(main).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('exceljs.'))).toHaveLength(1);
    const js = readFileSync(path.join(DIST, main[0]), 'utf8');
    expect(js).not.toMatch(/ExcelJS|xl\/worksheets|sharedStrings/);
  });

  test('检查 shows the engine’s findings grouped by table with counts by severity', async () => {
    // the ribbon functions were registered at load (shared runtime)
    expect(await page.evaluate(() => Object.keys((window as unknown as { __actions: object }).__actions))).toEqual(['checkWorkbook', 'clearMarks']);
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByRole('button', { name: '重新检查' }).waitFor({ timeout: 30000 });
    const cards = page.locator('[data-finding]');
    expect(await cards.count()).toBe(expected.findings.length);
    expect(expected.findings.length).toBeGreaterThan(3);
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of expected.findings) n[f.severity]++;
    for (const [s, label] of [['error', '错误'], ['warning', '警告'], ['info', '提示']] as const) {
      await expect(page.locator(`[data-severity="${s}"]`).innerText()).resolves.toContain(`${n[s]}\n${label}`);
    }
    await expect(page.getByText('模板：陕西 单位/部门综合预算公开报表').isVisible()).resolves.toBe(true);
    // the published 303 mistake, with its figures
    const card303 = page.locator('[data-rule="summary.block"]').filter({ hasText: '1,400,400.00' });
    await expect(card303.count()).resolves.toBe(1);
    await expect(card303.innerText()).resolves.toContain('1,351,422.00');
    // marks were written into the workbook
    const marked = await page.evaluate(() => Object.keys((window as unknown as { __fake: { fills(): object } }).__fake.fills()).length);
    expect(marked).toBeGreaterThan(Object.keys(fillsBefore).length);
    expect(external).toEqual([]);
  });

  test('causes come first: clicking one selects only the cell to change; it expands to its findings', async () => {
    const causes = expected.causes!;
    expect(causes.length).toBeGreaterThan(3);
    expect(await page.locator('[data-cause]').count()).toBe(causes.length);
    const top = causes[0];
    expect(top.changes.map((c) => c.cell)).toEqual(['表4!F10']);
    const card = page.locator(`[data-cause="${top.id}"]`);
    await expect(card.innerText()).resolves.toContain('表4!F10 应为 0.00（现为 48,978.00）');
    await card.locator('[role="button"]').first().click();
    await page.waitForFunction(() => (window as unknown as { __fake: { model: { activeSheet: string } } }).__fake.model.activeSheet === '表4');
    const model = await page.evaluate(() => (window as unknown as { __fake: { model: { selection: unknown } } }).__fake.model);
    expect(model.selection).toEqual({ sheet: '表4', address: 'F10' });
    // only the suspect is red; a cell it was compared with is pale
    const fills = await page.evaluate(() => (window as unknown as { __fake: { fills(): Record<string, { color: string }> } }).__fake.fills());
    expect(fills['表4!F10'].color).toBe('#FFC7CE');
    expect(fills['表1!F10'].color).toBe('#FCE4EC');
    await card.getByRole('button', { name: /展开/ }).click();
    expect(await card.locator('[data-finding]').count()).toBe(top.findings.length);
    await page.locator('section[aria-label="需修改的单元格"]').screenshot({ path: artifact('taskpane-causes.png') });
    await card.getByRole('button', { name: /收起/ }).click();
    expect(await card.locator('[data-finding]').count()).toBe(0);
  });

  test('clicking a finding activates its sheet and selects its cells; a cell link selects that cell', async () => {
    const [k303] = knownErrors000(build000('published').cells);
    const card = page.locator('[data-rule="summary.block"]').filter({ hasText: '1,400,400.00' });
    await card.locator('[data-finding]').click();
    const f = expected.findings.find((x) => x.rule === 'summary.block' && x.expected === '1400400.00')!;
    const sheet = f.cells[0].split('!')[0];
    const sel = () => page.evaluate(() => (window as unknown as { __fake: { model: { selection: unknown; activeSheet: string } } }).__fake.model);
    await page.waitForFunction((s) => (window as unknown as { __fake: { model: { activeSheet: string } } }).__fake.model.activeSheet === s, sheet);
    const m1 = await sel();
    expect(m1.activeSheet).toBe(sheet);
    expect((m1.selection as { address: string }).address.split(',')).toEqual(f.cells.filter((c) => c.startsWith(`${sheet}!`)).map((c) => c.split('!')[1]));
    expect(f.cells).toContain(k303.cells[1]);
    // the other end of a cross-table pair is one click away
    const cross = expected.findings.find((x) => x.rule.startsWith('cross.') && new Set(x.cells.map((c) => c.split('!')[0])).size > 1)!;
    const other = cross.cells.find((c) => c.split('!')[0] !== cross.cells[0].split('!')[0])!;
    await page.locator(`[data-rule="${cross.rule}"]`).first().getByRole('button', { name: `定位到 ${other}` }).click();
    await page.waitForFunction((s) => (window as unknown as { __fake: { model: { activeSheet: string } } }).__fake.model.activeSheet === s, other.split('!')[0]);
    expect((await sel()).selection).toEqual({ sheet: other.split('!')[0], address: other.split('!')[1] });
    await page.screenshot({ path: artifact('taskpane.png'), fullPage: true });
  });

  test('severity filter hides and shows findings; keyboard reaches the findings', async () => {
    const all = await page.locator('[data-finding]').count();
    const errors = expected.findings.filter((f) => f.severity === 'error').length;
    await page.locator('[data-severity="error"]').click();
    await expect(page.locator('[data-finding]').count()).resolves.toBe(all - errors);
    await page.locator('[data-severity="error"]').click();
    await expect(page.locator('[data-finding]').count()).resolves.toBe(all);
    await page.locator('[data-finding]').first().focus();
    await page.keyboard.press('Enter');
    const first = expected.findings[0].cells[0].split('!')[0];
    await page.waitForFunction((s) => (window as unknown as { __fake: { model: { activeSheet: string } } }).__fake.model.activeSheet === s, first);
  });

  test('清除标记 puts every fill back as it was and removes 校验结果', async () => {
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除标记/).waitFor({ timeout: 30000 });
    const after = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { fills(): object; model: { sheets: { name: string }[]; settings: object } } }).__fake;
      return { fills: fake.fills(), sheets: fake.model.sheets.map((s) => s.name), settings: fake.model.settings };
    });
    expect(after.fills).toEqual(fillsBefore);
    expect(after.sheets).toEqual(model.sheets.map((s) => s.name));
    expect(after.settings).toEqual({});
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
  });
});

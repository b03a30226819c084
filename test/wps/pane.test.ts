/**
 * The task pane under the WPS host in headless Chromium: the WPS build (webpack.wps.config.js,
 * unminified into a temporary folder when stale) served on 127.0.0.1, taskpane.html opened at
 * 320 px with `window.Application` set to the WPS fake (test/wps/fakeWps.ts compiled to a plain
 * script) over the 陕西 seed-000 workbook. No office.js is requested.
 * 检查 → the engine's findings; click a finding → its sheet and cells selected in the fake;
 * 写入公开说明 → the 公开说明 sheet; 清除标记 → every fill as it was.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { AddressInfo } from 'net';
import { Browser, Page, chromium } from 'playwright-core';
import * as http from 'http';
import { checkGrid } from '../../src/core/engine';
import { gridFromWorkbook } from '../../src/file/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';
import { FakeFill, FakeWorkbookModel } from '../excel/fakeExcel';
import { modelFromExcelJS } from '../excel/fakeFromExcelJS';
import { roundTrip } from '../excel/helpers';
import { CHROMIUM, ROOT, artifact, chromiumThere, serve } from '../e2e/harness';

const OUT = path.join(os.tmpdir(), `budget-check-wps-e2e-${Buffer.from(ROOT).toString('hex').slice(-24)}`);

function newest(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...require('fs').readdirSync(p).map((f: string) => newest(path.join(p, f))));
}

function ensureWpsBuild(): void {
  const page = path.join(OUT, 'taskpane.html');
  const inputs = ['src', 'taskpane', 'wps', 'webpack.wps.config.js', 'webpack.common.js'].map((p) => path.join(ROOT, p));
  if (existsSync(page) && statSync(page).mtimeMs > Math.max(...inputs.map(newest))) return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--config', 'webpack.wps.config.js', '--mode', 'development', '--env', `out=${OUT}`], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 300000,
  });
}

function fakeWpsScript(): string {
  const src = readFileSync(path.join(__dirname, 'fakeWps.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () { var exports = {}; ${js}\n var app = exports.fakeWps(window.__FAKE_MODEL__); window.__fake = app; window.Application = app; })();`;
}

type W = { __fake: { model: FakeWorkbookModel; selection?: { sheet: string; address: string } } };
const fills = (m: FakeWorkbookModel) => {
  const out: Record<string, FakeFill> = {};
  for (const s of m.sheets) for (const [a, c] of Object.entries(s.cells)) if (c.fill) out[`${s.name}!${a}`] = c.fill;
  return out;
};

const maybe = chromiumThere ? describe : describe.skip;

maybe('task pane under the WPS host (headless Chromium)', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let model: FakeWorkbookModel;
  let expected: ReturnType<typeof checkGrid>;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWpsBuild();
    const wb = await roundTrip(buildShaanxi000('published'));
    model = modelFromExcelJS(wb, '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    expected = checkGrid(gridFromWorkbook(wb, model.name).grid);
    server = await serve(OUT);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.addInitScript((m) => ((window as unknown as { __FAKE_MODEL__: unknown }).__FAKE_MODEL__ = m), model);
    await page.addInitScript({ content: fakeWpsScript() });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
  }, 320000);

  afterAll(async () => {
    await browser?.close();
    if (server) await new Promise((r) => server.close(r));
  });

  test('the build holds what WPS loads: index.html → main.js with window.ribbon, ribbon.xml, jsplugins.xml/publish.xml for type et', async () => {
    expect(readFileSync(path.join(OUT, 'index.html'), 'utf8')).toMatch(/<script src="?main\.js"?>/);
    for (const f of ['ribbon.xml', 'main.js', 'taskpane.html', 'images/icon-32.png', 'offline/publish.xml']) expect([f, existsSync(path.join(OUT, f))]).toEqual([f, true]);
    expect(readFileSync(path.join(OUT, 'jsplugins.xml'), 'utf8')).toContain('<jspluginonline name="budget-check" type="et" url="http://127.0.0.1:3889/" />');
    // the ribbon page: a click on 检查本工作簿 runs the check on the workbook and activates 校验结果
    const ribbonPage = await browser.newPage();
    await ribbonPage.addInitScript((m) => ((window as unknown as { __FAKE_MODEL__: unknown }).__FAKE_MODEL__ = m), JSON.parse(JSON.stringify(model)));
    await ribbonPage.addInitScript({ content: fakeWpsScript() });
    await ribbonPage.goto(page.url().replace(/taskpane\.html.*$/, 'index.html'));
    const ran = await ribbonPage.evaluate(async () => {
      const w = window as unknown as { ribbon: { OnAction(c: { Id: string }): Promise<void>; GetImage(c: { Id: string }): string } } & W;
      await w.ribbon.OnAction({ Id: 'btnCheckWorkbook' });
      return { active: w.__fake.model.activeSheet, image: w.ribbon.GetImage({ Id: 'btnShowPane' }) };
    });
    expect(ran).toEqual({ active: '校验结果', image: 'images/icon-32.png' });
    await ribbonPage.close();
  });

  test('检查, click a finding, 写入公开说明, 清除标记 — the same pane, on WPS’s object model', async () => {
    const before = fills(model);
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByRole('button', { name: '重新检查' }).waitFor({ timeout: 30000 });
    expect(await page.locator('[data-finding]').count()).toBe(expected.findings.length);
    const marked = await page.evaluate(() => Object.values((window as unknown as W).__fake.model.sheets).reduce((n, s) => n + Object.values(s.cells).filter((c) => c.fill?.color === '#FFC7CE').length, 0));
    expect(marked).toBeGreaterThan(0);

    // a finding: its sheet activated, its cells selected
    const f = expected.findings.find((x) => x.rule === 'summary.block' && x.expected === '1400400.00')!;
    await page.locator('[data-rule="summary.block"]').filter({ hasText: '1,400,400.00' }).locator('[data-finding]').click();
    const sheet = f.cells[0].split('!')[0];
    await page.waitForFunction((s) => (window as unknown as W).__fake.model.activeSheet === s, sheet);
    const sel = await page.evaluate(() => (window as unknown as W).__fake.selection);
    expect(sel?.sheet).toBe(sheet);
    expect(f.cells.map((c) => c.split('!')[1])).toContain(sel!.address.split(',')[0]);
    await page.screenshot({ path: artifact('wps-taskpane.png'), fullPage: true });

    // 说明 → 写入公开说明
    await page.getByRole('tab', { name: '说明', exact: true }).click();
    // the check just run already carries the 说明 (the button shows only before a check)
    const gen = page.getByRole('button', { name: '检查并生成说明' });
    if (await gen.isVisible()) await gen.click();
    await page.locator('[data-section]').first().waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: '写入“公开说明”工作表' }).click();
    await page.getByText(/已写入“公开说明”工作表/).waitFor({ timeout: 30000 });
    const narrative = await page.evaluate(() => (window as unknown as W).__fake.model.sheets.find((s) => s.name === '公开说明'));
    expect(narrative?.cells['B1'].value).toBe('来源单元格');
    expect(Object.keys(narrative?.names ?? {})).toEqual(['BudgetCheck_Narrative']);
    await page.screenshot({ path: artifact('wps-taskpane-narrative.png'), fullPage: true });

    // 清除标记
    await page.getByRole('tab', { name: '检查', exact: true }).click();
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText(/已清除标记/).waitFor({ timeout: 30000 });
    const after = await page.evaluate(() => (window as unknown as W).__fake.model);
    const { 公开说明: _n, ...fillsAfter } = Object.fromEntries(Object.entries(fills(after)).map(([k, v]) => [k, v])) as Record<string, FakeFill>;
    void _n;
    expect(Object.fromEntries(Object.entries(fillsAfter).filter(([k]) => !k.startsWith('公开说明!')))).toEqual(before);
    expect(after.sheets.map((s) => s.name)).toEqual([...model.sheets.map((s) => s.name), '公开说明']);
    expect((after.customXml ?? []).length).toBe(0);

    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([]);
    expect(requests.some((u) => /office\.js/.test(u))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});

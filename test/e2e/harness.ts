/**
 * Shared harness of the browser tests: builds the production bundle when it is stale (one build
 * at a time, so two test files started together do not both run webpack into dist/), serves dist/
 * on 127.0.0.1, and opens the task pane in headless Chromium at the default pane width of 320 px
 * with office.js routed to the fake Excel over a workbook model. Any request leaving 127.0.0.1
 * (other than office.js) is aborted and recorded in `external`.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { FakeWorkbookModel } from '../excel/fakeExcel';
import { fakeOfficeScript } from './fakeOfficeScript';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const chromiumThere = existsSync(CHROMIUM);

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function fresh(): boolean {
  const page = path.join(DIST, 'taskpane.html');
  const inputs = ['src', 'taskpane', 'commands', 'assets', 'manifest.xml', 'webpack.config.js', 'webpack.common.js'].map((p) => path.join(ROOT, p));
  return existsSync(page) && statSync(page).mtimeMs > Math.max(...inputs.filter(existsSync).map(newestMtime));
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ unless it is newer than every input of the bundle; one build at a time. */
export function ensureBuild(): void {
  if (fresh()) return;
  const lock = path.join(os.tmpdir(), `budget-check-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another test file is building: wait for it (a lock older than 10 minutes is stale)
      try {
        if (Date.now() - statSync(lock).mtimeMs > 600000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      sleep(500);
    }
  }
  try {
    if (fresh()) return;
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe', timeout: 300000 });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface PaneSession {
  server: http.Server;
  browser: Browser;
  page: Page;
  base: string;
  /** Requests that tried to leave 127.0.0.1 (aborted). */
  external: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds if needed, serves dist/ and opens taskpane.html over the fake Excel holding `model`. */
export async function openPane(
  model: FakeWorkbookModel,
  viewport = { width: 320, height: 900 },
  /** Window globals set before the page loads: __FAKE_SETS__ (a host profile's requirement sets), __forceOldBrowser. */
  init: Record<string, unknown> = {},
): Promise<PaneSession> {
  ensureBuild();
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport });
  const external: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript((m) => ((window as unknown as { __FAKE_MODEL__: unknown }).__FAKE_MODEL__ = m), model);
  await page.addInitScript((g) => Object.assign(window, g), init);
  const fake = fakeOfficeScript();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: fake });
    if (url.startsWith(base)) return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.goto(`${base}/taskpane.html`);
  return {
    server,
    browser,
    page,
    base,
    external,
    pageErrors,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

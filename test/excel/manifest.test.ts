/**
 * Offline validation of manifest.xml (office-addin-manifest validate needs the network):
 * element order, resources, id and string lengths, shared-runtime wiring, FunctionNames bound
 * in code, and URLs that the webpack build emits. The real dist/ is checked again in test/e2e.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { REQUIRED_API } from '../../src/excel/host';

const ROOT = path.resolve(__dirname, '../..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

type Node = Record<string, unknown>;
const ordered = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '@' }).parse(xml) as Node[];
const plain = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);

/** Element names of a preserveOrder node's children. */
function childNames(node: Node): string[] {
  const key = Object.keys(node).find((k) => k !== ':@')!;
  return (node[key] as Node[]).map((c) => Object.keys(c).find((k) => k !== ':@')!).filter((k) => k !== '#text');
}
function child(node: Node, name: string): Node {
  const key = Object.keys(node).find((k) => k !== ':@')!;
  return (node[key] as Node[]).find((c) => name in c)!;
}
/** Every element (with its attributes) in document order. */
function walk(nodes: Node[], out: { name: string; attrs: Record<string, string>; text?: string }[] = []) {
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ':@')!;
    if (name === '#text') continue;
    const kids = n[name] as Node[];
    const text = kids.find((k) => '#text' in k)?.['#text'];
    out.push({ name, attrs: (n[':@'] as Record<string, string>) ?? {}, text: text === undefined ? undefined : String(text) });
    walk(kids, out);
  }
  return out;
}

const officeApp = ordered.find((n) => 'OfficeApp' in n)!;
const all = walk([officeApp]);

/** The schema's sequence for OfficeApp (TaskPaneApp), in order; optional ones may be absent. */
const OFFICEAPP_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'];

function inOrder(names: string[], schema: string[]): boolean {
  const idx = names.map((n) => schema.indexOf(n));
  return idx.every((i) => i >= 0) && idx.every((i, k) => k === 0 || i > idx[k - 1]);
}

describe('manifest.xml', () => {
  test('top-level elements are present and in schema order; Chinese defaults; ReadWriteDocument', () => {
    const names = childNames(officeApp);
    expect(inOrder(names, OFFICEAPP_ORDER)).toBe(true);
    const app = plain.OfficeApp;
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.DefaultLocale).toBe('zh-CN');
    expect(app.DisplayName['@DefaultValue']).toBe('预算公开校验助手');
    expect(app.Permissions).toBe('ReadWriteDocument');
    expect(app.Hosts.Host['@Name']).toBe('Workbook');
    expect(app.DisplayName['@DefaultValue'].length).toBeLessThanOrEqual(125);
    expect(app.Description['@DefaultValue'].length).toBeLessThanOrEqual(250);
  });

  test('VersionOverrides, Host and DesktopFormFactor children are in schema order', () => {
    const vo = child(officeApp, 'VersionOverrides');
    expect(inOrder(childNames(vo), ['Description', 'Requirements', 'Hosts', 'Resources'])).toBe(true);
    const host = child(child(vo, 'Hosts'), 'Host');
    expect(inOrder(childNames(host), ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'])).toBe(true);
    const dff = child(host, 'DesktopFormFactor');
    expect(inOrder(childNames(dff), ['GetStarted', 'FunctionFile', 'ExtensionPoint'])).toBe(true);
    for (const control of all.filter((e) => e.name === 'Control')) expect(control.attrs['@xsi:type']).toBe('Button');
    const resources = child(vo, 'Resources');
    expect(inOrder(childNames(resources), ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'])).toBe(true);
  });

  test('base requirement: only the ExcelApi version the core needs (≤ 1.8, so Excel 2019 installs it); nothing else', () => {
    const sets = [plain.OfficeApp.Requirements.Sets.Set].flat();
    expect(sets).toEqual([{ '@Name': REQUIRED_API.name, '@MinVersion': REQUIRED_API.version }]);
    expect(Number(REQUIRED_API.version.split('.')[1])).toBeLessThanOrEqual(8);
  });

  test('every resid is defined once, in the right resource kind, with ids and strings within limits', () => {
    const defs = new Map<string, string>();
    for (const kind of ['bt:Image', 'bt:Url', 'bt:String']) {
      for (const e of all.filter((x) => x.name === kind && x.attrs['@id'])) {
        const id = e.attrs['@id'];
        expect(defs.has(id)).toBe(false);
        expect(id.length).toBeLessThanOrEqual(32);
        defs.set(id, kind);
      }
    }
    const shortIds = new Set(walkChildren('bt:ShortStrings'));
    const longIds = new Set(walkChildren('bt:LongStrings'));
    for (const id of shortIds) defs.set(id, 'short');
    for (const id of longIds) defs.set(id, 'long');
    for (const e of all.filter((x) => x.name === 'bt:String')) {
      const limit = shortIds.has(e.attrs['@id']) ? 125 : 250;
      expect(e.attrs['@DefaultValue'].length).toBeLessThanOrEqual(limit);
    }
    const uses = all.filter((e) => e.attrs['@resid']);
    expect(uses.length).toBeGreaterThan(20);
    for (const u of uses) {
      const kind = defs.get(u.attrs['@resid']);
      expect([u.name, u.attrs['@resid'], kind]).toEqual([u.name, u.attrs['@resid'], expect.any(String)]);
      const expected =
        u.name === 'bt:Image'
          ? 'bt:Image'
          : ['SourceLocation', 'FunctionFile', 'Runtime', 'LearnMoreUrl'].includes(u.name)
            ? 'bt:Url'
            : u.name === 'Description'
              ? 'long'
              : 'short';
      expect([u.name, kind]).toEqual([u.name, expected]);
    }
    for (const e of all.filter((x) => ['Group', 'Control', 'OfficeTab'].includes(x.name))) {
      expect(e.attrs['@id'].length).toBeGreaterThan(0);
      expect(e.attrs['@id'].length).toBeLessThanOrEqual(125);
    }
    const ids = all.filter((x) => ['Group', 'Control'].includes(x.name)).map((x) => x.attrs['@id']);
    expect(new Set(ids).size).toBe(ids.length);
    function walkChildren(parent: string): string[] {
      const i = all.findIndex((x) => x.name === parent);
      const out: string[] = [];
      for (let k = i + 1; k < all.length && all[k].name === 'bt:String'; k++) out.push(all[k].attrs['@id']);
      return out;
    }
  });

  test('ribbon: group 预算公开 with 检查本工作簿 / 校验面板 / 清除标记, and shared-runtime wiring', () => {
    const strings = new Map(all.filter((e) => e.name === 'bt:String').map((e) => [e.attrs['@id'], e.attrs['@DefaultValue']]));
    const group = all.find((e) => e.name === 'Group')!;
    expect(group).toBeDefined();
    const labels = all.filter((e) => e.name === 'Label').map((e) => strings.get(e.attrs['@resid']));
    expect(labels).toEqual(['预算公开', '检查本工作簿', '校验面板', '清除标记']);
    const actions = all.filter((e) => e.name === 'Action').map((e) => e.attrs['@xsi:type']);
    expect(actions).toEqual(['ExecuteFunction', 'ShowTaskpane', 'ExecuteFunction']);
    // shared runtime: Runtime, FunctionFile and the pane all use the same resid
    const runtime = all.find((e) => e.name === 'Runtime')!;
    expect(runtime.attrs).toEqual({ '@resid': 'Taskpane.Url', '@lifetime': 'long' });
    expect(all.find((e) => e.name === 'FunctionFile')!.attrs['@resid']).toBe('Taskpane.Url');
    for (const s of all.filter((e) => e.name === 'SourceLocation' && e.attrs['@resid'])) expect(s.attrs['@resid']).toBe('Taskpane.Url');
  });

  test('each FunctionName is registered with Office.actions.associate under the exact name', () => {
    const names = all.filter((e) => e.name === 'FunctionName').map((e) => e.text);
    expect(names).toEqual(['checkWorkbook', 'clearMarks']);
    const code = readdirSync(path.join(ROOT, 'commands'))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(path.join(ROOT, 'commands', f), 'utf8'))
      .join('\n');
    for (const n of names) expect(code).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*'${n}'`));
    // the commands entry registers them at its top level (not inside Office.onReady, not after
    // the engine): a cold first click finds them (OfficeDev/office-js #5176, #3378, #2744)
    const entry = readFileSync(path.join(ROOT, 'commands/index.ts'), 'utf8');
    expect(entry).toMatch(/^registerCommands\(/m);
    expect(entry).not.toMatch(/^import (?!type)[^;]*(core\/engine|excel\/session|excel\/api)/m);
  });

  test('--env url=https://… gives dist/manifest.xml that address everywhere; http is refused', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
    const config = await makeConfig({ url: 'https://addins.example.gov.cn/budget-check' }, { mode: 'production' });
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
    const pat = copy.patterns.find((x: { to: string }) => x.to === 'manifest.xml');
    const out: string = pat.transform(readFileSync(path.join(ROOT, 'manifest.xml')));
    const urls = [...out.replace(/<!--[\s\S]*?-->/g, '').matchAll(/https:\/\/[^"<\s]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect([u, u.startsWith('https://addins.example.gov.cn/budget-check/') || u === 'https://addins.example.gov.cn']).toEqual([u, true]);
    expect(out.replace(/<!--[\s\S]*?-->/g, '')).not.toContain('localhost');
    expect(out).toContain('<AppDomain>https://addins.example.gov.cn</AppDomain>');
    expect(out).toContain(`<Id>${plain.OfficeApp.Id}</Id>`); // the same add-in id as in development
    await expect(makeConfig({ url: 'http://addins.example.gov.cn/' }, { mode: 'production' })).rejects.toThrow(/https/);
    // without --env url the manifest is copied as it is
    const dev = await makeConfig({}, { mode: 'production' });
    const devPat = dev.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin').patterns.find((x: { to: string }) => x.to === 'manifest.xml');
    expect(String(devPat.transform(readFileSync(path.join(ROOT, 'manifest.xml'))))).toBe(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  });

  test('every URL is a file the webpack build emits (HtmlWebpackPlugin pages and copied files)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
    const config = await makeConfig({}, { mode: 'production' });
    const emitted = new Set<string>();
    for (const p of config.plugins) {
      if (p.constructor.name === 'HtmlWebpackPlugin') emitted.add(p.userOptions.filename);
      if (p.constructor.name === 'CopyPlugin') {
        for (const pat of p.patterns) {
          const dir = path.dirname(pat.from);
          const re = new RegExp(`^${path.basename(pat.from).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
          for (const f of readdirSync(path.join(ROOT, dir)).filter((x) => re.test(x))) {
            const ext = path.extname(f);
            emitted.add(pat.to.replace('[name]', path.basename(f, ext)).replace('[ext]', ext));
          }
        }
      }
    }
    const urls = all.flatMap((e) => Object.values(e.attrs)).filter((v) => /^https:\/\//.test(v) && !/^https:\/\/localhost:3000$/.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) {
      const m = /^https:\/\/localhost:3000\/(.+)$/.exec(u);
      expect([u, !!m]).toEqual([u, true]);
      expect([u, emitted.has(m![1])]).toEqual([u, true]);
    }
    for (const f of ['icon-16.png', 'icon-32.png', 'icon-80.png', 'icon.svg']) expect(existsSync(path.join(ROOT, 'assets', f))).toBe(true);
  });

  test('office-addin-manifest info reads the manifest offline', () => {
    const cli = require.resolve('office-addin-manifest/cli.js');
    const out = execFileSync(process.execPath, [cli, 'info', 'manifest.xml'], { cwd: ROOT, encoding: 'utf8', timeout: 30000 });
    expect(out).toContain(`Id: ${plain.OfficeApp.Id}`);
    expect(out).toContain('Name: 预算公开校验助手');
    expect(out).toContain('Default Locale: zh-CN');
    expect(out).toContain('Permissions: ReadWriteDocument');
    expect(out).toContain('Hosts: Workbook');
  });
});

import { readFileSync } from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { checkGrid } from '../../src/core/engine';
import { createWpsApi } from '../../src/wps/api';
import { WpsGlobal, WpsTaskPane } from '../../src/wps/host';
import { BUTTONS, TASKPANE_ID_KEY, createRibbon } from '../../src/wps/ribbon';
import { RECORD_NAMESPACE } from '../../src/excel/record';
import { wpsAndFileGridFromFile } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

function fakeWpsGlobal() {
  const panes: (WpsTaskPane & { url: string })[] = [];
  const storage = new Map<string, string>();
  const g: WpsGlobal = {
    CreateTaskPane: (url) => {
      const p = { ID: `tp${panes.length + 1}`, Visible: false, url };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id) => panes.find((p) => p.ID === id),
    PluginStorage: { getItem: (k) => storage.get(k), setItem: (k, v) => void storage.set(k, v) },
  };
  return { g, panes, storage };
}

describe('WPS ribbon', () => {
  test('ribbon.xml names only callbacks window.ribbon has, and the three buttons of the 预算公开 group', () => {
    const xml = readFileSync(path.join(ROOT, 'wps/ribbon.xml'), 'utf8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const group = doc.customUI.ribbon.tabs.tab.group;
    expect(group.label).toBe('预算公开');
    expect(group.button.map((b: { id: string; label: string }) => [b.id, b.label])).toEqual(Object.entries(BUTTONS).map(([id, b]) => [id, b.label]));
    const ribbon = createRibbon({ api: () => undefined as never, wps: () => undefined, paneUrl: () => '', alert: () => undefined }) as unknown as Record<string, unknown>;
    const callbacks = [...xml.matchAll(/(?:onLoad|onAction|getImage|getEnabled)="ribbon\.(\w+)"/g)].map((m) => m[1]);
    for (const c of callbacks) expect([c, typeof ribbon[c]]).toEqual([c, 'function']);
  });

  test('检查本工作簿 marks and activates 校验结果; 校验面板 opens the pane once and then toggles it; 清除标记 takes it all off', async () => {
    const file = path.join(ROOT, 'examples/沧州经开区组织人事部-2024部门预算-原样.xlsx');
    const { app } = await wpsAndFileGridFromFile(file, '沧州.xlsx');
    const before = JSON.stringify(app.model.sheets);
    const api = createWpsApi(() => app, (grid, o) => checkGrid(grid, o ?? {}));
    const { g, panes, storage } = fakeWpsGlobal();
    const alerts: string[] = [];
    const ribbon = createRibbon({ api: () => api, wps: () => g, paneUrl: () => 'https://x/taskpane.html', alert: (t) => alerts.push(t) });

    await ribbon.OnAction({ Id: 'btnCheckWorkbook' });
    expect(alerts).toEqual([]);
    expect(app.model.activeSheet).toBe('校验结果');
    expect((app.model.customXml ?? []).some((p) => p.xml.includes(RECORD_NAMESPACE))).toBe(true);
    expect(api.state().outcome!.result.findings.length).toBeGreaterThan(0);

    await ribbon.OnAction({ Id: 'btnShowPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ url: 'https://x/taskpane.html', Visible: true });
    expect(storage.get(TASKPANE_ID_KEY)).toBe('tp1');
    await ribbon.OnAction({ Id: 'btnShowPane' });
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(false);

    await ribbon.OnAction({ Id: 'btnClearMarks' });
    expect(JSON.stringify(app.model.sheets)).toBe(before);
  });

  test('a failing check tells the user in Chinese', async () => {
    const file = path.join(ROOT, 'examples/通城县人社局-2024部门预算-示例.xlsx');
    const { app } = await wpsAndFileGridFromFile(file, 't.xlsx');
    app.model.structureProtected = true;
    const api = createWpsApi(() => app, (grid, o) => checkGrid(grid, o ?? {}));
    const alerts: string[] = [];
    const ribbon = createRibbon({ api: () => api, wps: () => undefined, paneUrl: () => '', alert: (t) => alerts.push(t) });
    await ribbon.OnAction({ Id: 'btnCheckWorkbook' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^检查失败：工作簿结构受保护/);
  });
});

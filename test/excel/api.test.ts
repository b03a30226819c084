/**
 * The whole add-in flow over the fake Excel with the real engine and the 陕西 seed-000 fixture
 * (子洲县工伤保险经办中心, as published with its real mistakes).
 */
import { checkGrid } from '../../src/core/engine';
import { createWorkbookApi } from '../../src/excel/api';
import { MARK_COLOR } from '../../src/excel/marks';
import { checkWorkbookCommand, clearMarksCommand, registerCommands } from '../../commands/commands';
import { build000, buildShaanxi000 } from '../fixtures/shaanxi';
import { knownErrors000 } from '../fixtures/known/shaanxi-000';
import { FakeExcel } from './fakeExcel';
import { fakeAndFileGrid } from './helpers';

async function shaanxi(): Promise<FakeExcel> {
  return (await fakeAndFileGrid(buildShaanxi000('published'), '子洲县工伤保险经办中心-2024单位预算公开.xlsx')).fake;
}

const snapshot = (fake: FakeExcel) => JSON.parse(JSON.stringify({ fills: fake.fills(), contents: fake.contents(), sheets: fake.model.sheets.map((s) => [s.name, s.notes]), settings: fake.model.settings }));

describe('WorkbookApi on the seed-000 workbook', () => {
  test('检查 reads 16 sheets in 3 syncs, finds the published 303 mistake, marks its cells, 清除标记 restores everything', async () => {
    const fake = await shaanxi();
    const before = snapshot(fake);
    const api = createWorkbookApi(fake.host(), checkGrid);
    const stages: string[] = [];
    const out = await api.check({ onProgress: (p) => stages.push(p.stage) });
    expect(out.read.sheets).toBe(16);
    expect(out.read.syncs).toBeLessThanOrEqual(3);
    expect(stages).toEqual(expect.arrayContaining(['read', 'check', 'mark']));
    expect(out.result.profile?.id).toBe('shaanxi');

    // the known mistake: 表4 “(3)对个人和家庭的补助” 48,978.00 makes 人员经费和公用经费支出 1,400,400.00 ≠ 1,351,422.00
    const [k303] = knownErrors000(build000('published').cells);
    const f = out.result.findings.find((x) => x.rule === 'summary.block' && x.cells.includes(k303.cells[1]));
    expect(f).toBeDefined();
    expect(f!.expected).toBe('1400400.00');
    expect(f!.actual).toBe('1351422.00');
    // Only the cell to change is red (its cause, src/core/causes); the cells it was compared with are pale.
    expect(fake.fills()[k303.cells[0]]?.color).toBe(MARK_COLOR.error);
    for (const ref of k303.cells.slice(1)) expect(fake.fills()[ref]?.color).toBe(MARK_COLOR.related);

    // every finding's first cell is marked, and listed with a link on 校验结果
    for (const x of out.result.findings) expect(fake.fills()[x.cells[0]]).toBeDefined();
    const rs = fake.sheet('校验结果')!;
    const links = Object.values(rs.cells).filter((c) => c.hyperlink).map((c) => c.value);
    // a link per finding, then (below them) a link per cell a cause says to change
    expect(links).toEqual([...out.result.findings.map((x) => x.cells[0]), ...(out.result.causes ?? []).flatMap((c) => c.changes.map((ch) => ch.cell))]);
    expect(Object.values(rs.cells).some((c) => c.value === '1,400,400.00')).toBe(true);
    expect(api.state().outcome).toBe(out);

    const cleared = await api.clearMarks();
    expect(cleared.restored).toBe(out.marks.cells);
    expect(snapshot(fake)).toEqual(before);
    expect(api.state().outcome).toBeUndefined();
  });

  test('the ribbon commands run the same flow, always complete the event, and show the pane on failure', async () => {
    const fake = await shaanxi();
    const before = snapshot(fake);
    const api = createWorkbookApi(fake.host(), checkGrid);
    const completed = jest.fn();
    const showPane = jest.fn();
    await checkWorkbookCommand({ api, showPane }, { completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(showPane).not.toHaveBeenCalled();
    expect(fake.model.activeSheet).toBe('校验结果'); // the short result, without opening the pane
    expect(String(fake.sheet('校验结果')!.cells['A2'].value)).toMatch(/错误 \d+ 个/);
    await clearMarksCommand({ api, showPane }, { completed });
    expect(completed).toHaveBeenCalledTimes(2);
    expect(snapshot(fake)).toEqual({ ...before });

    const broken = createWorkbookApi(fake.host(), () => {
      throw new Error('引擎故障');
    });
    await checkWorkbookCommand({ api: broken, showPane }, { completed });
    expect(completed).toHaveBeenCalledTimes(3);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(broken.state().error).toBe('检查失败：引擎故障');
  });

  test('registerCommands associates exactly the manifest FunctionNames', () => {
    const associate = jest.fn();
    (globalThis as unknown as { Office: unknown }).Office = { actions: { associate } };
    registerCommands({ api: createWorkbookApi(new FakeExcel({ name: 'x', sheets: [], settings: {} }).host(), checkGrid) });
    expect(associate.mock.calls.map((c) => c[0])).toEqual(['checkWorkbook', 'clearMarks']);
  });
});

/**
 * The ribbon works before the pane was ever shown: commands/index.ts (the commands bundle) is
 * loaded alone, as Office loads the function file on a cold first click; its functions are
 * registered synchronously at load, and 检查本工作簿 runs the whole check (the engine is loaded on
 * the first call) and completes its event. The pane's code (React, taskpane/) is never loaded.
 */
import { FakeExcel } from './fakeExcel';
import { fakeAndFileGrid } from './helpers';
import { buildShaanxi000 } from '../fixtures/shaanxi';

describe('commands bundle, cold', () => {
  test('registered at load, before Office.onReady fires; the first 检查本工作簿 click checks and marks', async () => {
    const { fake } = await fakeAndFileGrid(buildShaanxi000('published'), '子洲县工伤保险经办中心-2024单位预算公开.xlsx');
    const actions: Record<string, (e: { completed(): void }) => Promise<void>> = {};
    const calls: string[] = [];
    let ready: (() => void) | undefined;
    const g = globalThis as unknown as Record<string, unknown>;
    delete g.__budgetCheckSession__;
    g.Excel = { run: (o: unknown, b?: never) => (typeof o === 'function' ? fake.run(undefined, o as never) : fake.run(o, b!)) };
    g.Office = {
      onReady: (cb: () => void) => void (ready = cb), // never fired during this test: the click comes first
      actions: { associate: (name: string, fn: never) => void (actions[name] = fn) },
      context: { requirements: { isSetSupported: (n: string, v: string) => fake.isSetSupported(n, v) } },
      addin: { showAsTaskpane: async () => void calls.push('showPane'), setStartupBehavior: async (b: string) => void calls.push(`startup:${b}`) },
      StartupBehavior: { load: 'load', none: 'none' },
    };
    await jest.isolateModulesAsync(async () => {
      await import('../../commands/index');
    });
    expect(Object.keys(actions)).toEqual(['checkWorkbook', 'clearMarks']);
    expect(ready).toBeDefined();
    const loaded = Object.keys(require.cache);
    expect(loaded.some((f) => /[\\/]taskpane[\\/]/.test(f) || /node_modules[\\/]react-dom/.test(f))).toBe(false);

    const completed = jest.fn();
    await actions.checkWorkbook({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.model.activeSheet).toBe('校验结果');
    expect(Object.keys(fake.fills()).length).toBeGreaterThan(0);
    expect(calls).toEqual(['startup:load']); // the workbook now loads the add-in when opened: the next first click is warm
    await actions.clearMarks({ completed });
    expect(completed).toHaveBeenCalledTimes(2);
    expect(fake.sheet('校验结果')).toBeUndefined();
    expect(calls).toEqual(['startup:load', 'startup:none']);
    delete g.Office;
    delete g.Excel;
    delete g.__budgetCheckSession__;
    expect(FakeExcel).toBeDefined();
  });
});

/**
 * The WorkbookApi of the task pane (src/excel/api.ts) over WPS 表格: the pane and the ribbon
 * receive this object and cannot tell it from Excel's. Session state works as in Excel without a
 * shared runtime: in WPS the ribbon functions (wps/main.js) and the task pane are separate pages,
 * each with its own session; they share the mark record (with the short result of the last check),
 * the kept 科目表 and the 校验结果 sheet through the workbook (refreshSaved).
 *
 * The WPS object model is synchronous; each step yields to the page first so the progress shows.
 */
import type { CheckFn, CheckOutcome, CheckRunOptions, Progress, SessionState, WorkbookApi } from '../excel/api';
import type { Capabilities } from '../excel/host';
import { describeError } from '../excel/errors';
import { loadWpsCodes, saveWpsCodes } from './codes';
import type { WpsApplication } from './model';
import { applyWpsMarks, clearWpsMarks, readWpsMarkState, selectWpsCells } from './marks';
import { writeWpsNarrative } from './narrative';
import { readWpsWorkbook } from './read';

/** What WPS does that the Excel support matrix tracks: everything, in one runtime per page. */
export const WPS_CAPABILITIES: Capabilities = {
  mergedAreas: true,
  notes: true,
  cellProperties: true,
  multiSelect: true,
  hyperlinks: true,
  delayForCellEdit: true,
  sharedRuntime: false,
};

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

export function createWpsApi(app: () => WpsApplication, checkFn: CheckFn): WorkbookApi {
  let state: SessionState = { busy: false };
  const listeners = new Set<(s: SessionState) => void>();
  const set = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const progress = (p: Progress, external?: (p: Progress) => void) => {
    set({ progress: p });
    external?.(p);
  };
  /** Runs one step; its error goes into the session state in Chinese and is rethrown. */
  const step = async <T>(action: string, busy: boolean, fn: () => T | Promise<T>, after?: (v: T) => Partial<SessionState>): Promise<T> => {
    if (busy) set({ busy: true, error: undefined });
    try {
      const v = await fn();
      set({ ...(busy ? { busy: false, progress: undefined } : {}), ...(after?.(v) ?? {}) });
      return v;
    } catch (e) {
      set({ busy: false, progress: undefined, error: describeError(e, action) });
      throw e;
    }
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check(opts: CheckRunOptions = {}) {
      return exclusive(() =>
        step(
          '检查',
          true,
          async (): Promise<CheckOutcome> => {
            set({ cleared: undefined });
            progress({ stage: 'read', label: '正在读取工作簿…', fraction: 0 }, opts.onProgress);
            await yieldToUi();
            const { grid, stats } = readWpsWorkbook(app());
            progress({ stage: 'check', label: `正在检查 ${grid.sheets.length} 张工作表…`, fraction: 0.55 }, opts.onProgress);
            await yieldToUi();
            const codes = loadWpsCodes(app());
            if (codes?.label !== state.codes?.label || codes?.rows.length !== state.codes?.rows.length) set({ codes });
            const result = codes ? checkFn(grid, { codes: codes.catalogue }) : checkFn(grid);
            progress({ stage: 'mark', label: '正在标记单元格…', fraction: 0.8 }, opts.onProgress);
            await yieldToUi();
            const marks = applyWpsMarks(app(), result, { activateResults: opts.activateResults });
            return {
              result,
              read: { syncs: 0, sheets: stats.sheets, cells: stats.cells, chunks: stats.blockReads, warnings: stats.warnings, capabilities: WPS_CAPABILITIES },
              marks,
            };
          },
          (outcome) => ({ outcome, saved: undefined, savedRead: false }),
        ),
      );
    },
    select(refs) {
      return step('定位单元格', false, () => selectWpsCells(app(), refs), () => ({ selectNote: undefined })).catch(() => undefined);
    },
    async refreshSaved() {
      try {
        const a = app();
        set({ saved: readWpsMarkState(a) ?? undefined, codes: loadWpsCodes(a) ?? undefined, savedRead: true });
      } catch {
        /* nothing saved or no workbook: the pane offers 检查 */
      }
    },
    setCodes(codes) {
      return exclusive(() => step(codes ? '保存科目表' : '移除科目表', false, () => saveWpsCodes(app(), codes), () => ({ codes, error: undefined })));
    },
    clearMarks() {
      return exclusive(() => {
        set({ progress: { stage: 'clear', label: '正在清除标记…' } });
        return step('清除标记', true, () => clearWpsMarks(app()), (cleared) => ({ outcome: undefined, cleared, saved: undefined }));
      });
    },
    writeNarrative(n, opts) {
      return exclusive(() => step('写入公开说明', true, () => writeWpsNarrative(app(), n, opts)));
    },
  };
}

/**
 * WorkbookApi: the one interface the task pane and the ribbon commands use. Components receive
 * it as a prop and never call office.js themselves. It also keeps the session state (last
 * result, busy flag, last error) that the pane and the ribbon share in the shared runtime: a
 * check started from the ribbon shows up in the pane when it is opened.
 */
import { CheckResult } from '../core/engine';
import { Grid } from '../core/grid';
import { ExcelHost } from './host';
import { ClearSummary, MarkSummary, MarkState, SelectOutcome, applyMarks, clearMarks, readMarkState, selectCells } from './marks';
import { ReadStats, readOpenWorkbook } from './read';
import { describeError } from './errors';
import type { Narrative } from '../core/narrative/types';
import { NarrativeWriteOptions, NarrativeWriteOutcome, writeNarrativeSheet } from './narrative';
import type { CodeCatalogue } from '../core/codes/catalogue';
import { UserCodes, loadSavedCodes, saveCodes } from './codes';

export type Stage = 'read' | 'check' | 'mark' | 'clear';

export interface Progress {
  stage: Stage;
  /** Chinese label for the progress bar. */
  label: string;
  /** 0..1, or undefined when indeterminate. */
  fraction?: number;
}

export interface CheckOutcome {
  result: CheckResult;
  read: ReadStats;
  marks: MarkSummary;
}

export interface SessionState {
  busy: boolean;
  progress?: Progress;
  outcome?: CheckOutcome;
  /** The last error, already in Chinese. */
  error?: string;
  /** Set after 清除标记. */
  cleared?: ClearSummary;
  /** A one-line note about the last 定位 (only the first of several areas could be selected). */
  selectNote?: string;
  /**
   * The record of a check this pane did not run (the ribbon's, in a separate runtime where the
   * host has no shared runtime, or before the workbook was reopened).
   */
  saved?: MarkState;
  /** The user's own 科目表 kept in this workbook (导入本地科目表), used by 检查 and 核对说明. */
  codes?: UserCodes;
  /** True once refreshSaved has read the workbook after the last check (so `saved` is current). */
  savedRead?: boolean;
}

export interface CheckRunOptions {
  onProgress?: (p: Progress) => void;
  /** Activate the 校验结果 sheet afterwards (ribbon command). */
  activateResults?: boolean;
}

export interface WorkbookApi {
  check(opts?: CheckRunOptions): Promise<CheckOutcome>;
  select(refs: string[]): Promise<SelectOutcome | undefined>;
  /** Reads the saved record of the last check and the kept 科目表 (see SessionState.saved, codes). */
  refreshSaved(): Promise<void>;
  /** Keeps the user's 科目表 in the workbook (undefined: removes it). The next 检查 uses it. */
  setCodes(codes: UserCodes | undefined): Promise<void>;
  clearMarks(): Promise<ClearSummary>;
  /** Writes the 说明 to the 公开说明 sheet (ours only; see src/excel/narrative.ts). */
  writeNarrative(n: Narrative, opts?: NarrativeWriteOptions): Promise<NarrativeWriteOutcome>;
  state(): SessionState;
  subscribe(listener: (s: SessionState) => void): () => void;
}

/** The engine as the adapter sees it (checkGrid from src/core/engine in production). */
export type CheckFn = (grid: Grid, opts?: { codes?: CodeCatalogue }) => CheckResult;

const yieldToUi = () => new Promise<void>((r) => setTimeout(r, 0));

export function createWorkbookApi(host: ExcelHost, checkFn: CheckFn): WorkbookApi {
  let state: SessionState = { busy: false };
  const listeners = new Set<(s: SessionState) => void>();
  const set = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };
  const progress = (p: Progress, external?: (p: Progress) => void) => {
    set({ progress: p });
    external?.(p);
  };
  /** One operation at a time: a second click while checking waits for the first. */
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check(opts = {}) {
      return exclusive(async () => {
        set({ busy: true, error: undefined, cleared: undefined });
        try {
          progress({ stage: 'read', label: '正在读取工作簿…', fraction: 0 }, opts.onProgress);
          const { grid, stats } = await readOpenWorkbook(host, {
            onProgress: (done, total) =>
              progress({ stage: 'read', label: `正在读取工作簿（${done}/${total}）…`, fraction: total ? (done / total) * 0.5 : 0.5 }, opts.onProgress),
          });
          progress({ stage: 'check', label: `正在检查 ${grid.sheets.length} 张工作表…`, fraction: 0.55 }, opts.onProgress);
          await yieldToUi();
          // The 科目表 kept in this workbook (it may have been imported in another runtime).
          const codes = (await loadSavedCodes(host).catch(() => undefined)) ?? undefined;
          if (codes?.label !== state.codes?.label || codes?.rows.length !== state.codes?.rows.length) set({ codes });
          const result = codes ? checkFn(grid, { codes: codes.catalogue }) : checkFn(grid);
          progress({ stage: 'mark', label: '正在标记单元格…', fraction: 0.8 }, opts.onProgress);
          await yieldToUi();
          const marks = await applyMarks(host, result, { activateResults: opts.activateResults });
          const outcome: CheckOutcome = { result, read: stats, marks };
          set({ busy: false, progress: undefined, outcome, saved: undefined, savedRead: false });
          return outcome;
        } catch (e) {
          set({ busy: false, progress: undefined, error: describeError(e, '检查') });
          throw e;
        }
      });
    },
    select(refs) {
      return selectCells(host, refs).then(
        (out) => {
          const note = out?.firstOf ? `此版本的 Excel 一次只能选中一个区域（需要 ExcelApi 1.18），已选中 ${out.firstOf} 个区域中的第一个：${out.selected}。` : undefined;
          if (note !== state.selectNote) set({ selectNote: note });
          return out;
        },
        (e) => {
          set({ error: describeError(e, '定位单元格') });
          return undefined;
        },
      );
    },
    async refreshSaved() {
      try {
        const [saved, codes] = await Promise.all([readMarkState(host), loadSavedCodes(host)]);
        set({ saved: saved ?? undefined, codes: codes ?? undefined, savedRead: true });
      } catch {
        /* nothing saved, or not readable: the pane simply offers 检查 */
      }
    },
    setCodes(codes) {
      return exclusive(async () => {
        try {
          await saveCodes(host, codes);
          set({ codes, error: undefined });
        } catch (e) {
          set({ error: describeError(e, codes ? '保存科目表' : '移除科目表') });
          throw e;
        }
      });
    },
    clearMarks() {
      return exclusive(async () => {
        set({ busy: true, error: undefined, progress: { stage: 'clear', label: '正在清除标记…' } });
        try {
          const cleared = await clearMarks(host);
          set({ busy: false, progress: undefined, outcome: undefined, cleared, saved: undefined });
          return cleared;
        } catch (e) {
          set({ busy: false, progress: undefined, error: describeError(e, '清除标记') });
          throw e;
        }
      });
    },
    writeNarrative(n, opts) {
      return exclusive(async () => {
        set({ busy: true, error: undefined });
        try {
          const out = await writeNarrativeSheet(host, n, opts);
          set({ busy: false });
          return out;
        } catch (e) {
          set({ busy: false, error: describeError(e, '写入公开说明') });
          throw e;
        }
      });
    },
  };
}

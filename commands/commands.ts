/**
 * Ribbon commands (ExecuteFunction). Each handler always calls event.completed() (in finally),
 * or Excel keeps the button busy.
 *
 * FunctionName values in manifest.xml: checkWorkbook, clearMarks. They are registered at the top
 * level of the commands bundle (commands/index.ts), before the engine is loaded: the WorkbookApi
 * comes from `api`, a value or a loader (the first command loads the engine chunk).
 */
import type { WorkbookApi } from '../src/excel/api';

export interface CommandDeps {
  /** The session, or how to load it. */
  api: WorkbookApi | (() => Promise<WorkbookApi>);
  /** Shows the task pane (Office.addin.showAsTaskpane, shared runtime only); used when a command fails. */
  showPane?: () => Promise<void> | void;
  /** Where the pane cannot be shown (no shared runtime): shows the Chinese error another way. */
  showMessage?: (text: string) => Promise<void> | void;
  /** Office.addin.setStartupBehavior: load the add-in with this workbook (true) or not (false). */
  startup?: (load: boolean) => Promise<void> | void;
}

const resolveApi = (deps: CommandDeps): Promise<WorkbookApi> => (typeof deps.api === 'function' ? deps.api() : Promise.resolve(deps.api));

/** 检查本工作簿: full check without opening the pane; the short result is the 校验结果 sheet, activated. */
export async function checkWorkbookCommand(deps: CommandDeps, event: { completed(): void }): Promise<void> {
  let api: WorkbookApi | undefined;
  try {
    api = await resolveApi(deps);
    await api.check({ activateResults: true });
    // The workbook now carries marks: load the add-in with it, so the next first click is warm.
    await quietly(() => deps.startup?.(true));
  } catch (e) {
    await failed(deps, api?.state().error ?? `检查失败：${(e as Error)?.message ?? String(e)}`);
  } finally {
    event.completed();
  }
}

/** 清除标记 */
export async function clearMarksCommand(deps: CommandDeps, event: { completed(): void }): Promise<void> {
  let api: WorkbookApi | undefined;
  try {
    api = await resolveApi(deps);
    await api.clearMarks();
    await quietly(() => deps.startup?.(false));
  } catch (e) {
    await failed(deps, api?.state().error ?? `清除标记失败：${(e as Error)?.message ?? String(e)}`);
  } finally {
    event.completed();
  }
}

/** The error is in the session state (Chinese): the pane shows it; without a pane, a message dialog. */
async function failed(deps: CommandDeps, message: string): Promise<void> {
  let shown = false;
  if (deps.showPane) {
    try {
      const r = deps.showPane();
      if (r !== undefined) {
        await r;
        shown = true;
      }
    } catch {
      /* no pane in this runtime */
    }
  }
  if (!shown) await quietly(() => deps.showMessage?.(message));
}

async function quietly(fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch {
    /* best effort */
  }
}

/** Registers the ribbon functions under the exact FunctionName of manifest.xml. */
export function registerCommands(deps: CommandDeps): void {
  const check = (event: Office.AddinCommands.Event) => checkWorkbookCommand(deps, event);
  const clear = (event: Office.AddinCommands.Event) => clearMarksCommand(deps, event);
  Office.actions.associate('checkWorkbook', check);
  Office.actions.associate('clearMarks', clear);
  // Older hosts without a shared runtime look the FunctionName up as a global function of the
  // function file (Microsoft's earlier template did `g.action = action`): both ways.
  const g = globalThis as unknown as Record<string, unknown>;
  g.checkWorkbook = check;
  g.clearMarks = clear;
}

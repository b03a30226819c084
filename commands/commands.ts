/**
 * Ribbon commands (ExecuteFunction). In the shared runtime they run in the task pane's page,
 * so they use the same WorkbookApi and session as the pane: a check started here shows up in
 * the pane. Each handler always calls event.completed() (in finally), or Excel keeps the button
 * busy.
 *
 * FunctionName values in manifest.xml: checkWorkbook, clearMarks.
 */
import type { WorkbookApi } from '../src/excel/api';

export interface CommandDeps {
  api: WorkbookApi;
  /** Shows the task pane (Office.addin.showAsTaskpane), used when a command fails. */
  showPane?: () => Promise<void> | void;
}

/** 检查本工作簿: full check without opening the pane; the short result is the 校验结果 sheet, activated. */
export async function checkWorkbookCommand(deps: CommandDeps, event: { completed(): void }): Promise<void> {
  try {
    await deps.api.check({ activateResults: true });
  } catch {
    // The error is in the session state (Chinese); the pane shows it.
    await showPaneQuietly(deps);
  } finally {
    event.completed();
  }
}

/** 清除标记 */
export async function clearMarksCommand(deps: CommandDeps, event: { completed(): void }): Promise<void> {
  try {
    await deps.api.clearMarks();
  } catch {
    await showPaneQuietly(deps);
  } finally {
    event.completed();
  }
}

async function showPaneQuietly(deps: CommandDeps): Promise<void> {
  try {
    await deps.showPane?.();
  } catch {
    /* showing the pane is best effort */
  }
}

/** Registers the ribbon functions under the exact FunctionName of manifest.xml. */
export function registerCommands(deps: CommandDeps): void {
  Office.actions.associate('checkWorkbook', (event: Office.AddinCommands.Event) => checkWorkbookCommand(deps, event));
  Office.actions.associate('clearMarks', (event: Office.AddinCommands.Event) => clearMarksCommand(deps, event));
}

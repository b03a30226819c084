/**
 * The one WorkbookApi of this JavaScript runtime. In the shared runtime (SharedRuntime 1.1) the
 * ribbon functions and the pane run in the same page and get the same object, so a check
 * started from the ribbon shows up in the pane. Where the host has no shared runtime (Excel
 * 2019) the function file and the pane are two runtimes, each with its own session; they share
 * what matters through the workbook: the mark record (src/excel/record.ts, with the short result
 * of the last check), the kept 科目表 (src/excel/codes.ts) and the 校验结果 sheet. The pane reads
 * them when it opens and when it regains focus (WorkbookApi.refreshSaved).
 *
 * Kept on globalThis as well as in this module so that the commands bundle and the pane bundle
 * find the same session even if a build ever gives them separate module registries.
 */
import { checkGrid } from '../core/engine';
import { WorkbookApi, createWorkbookApi } from './api';
import { officeHost } from './host';

const KEY = '__budgetCheckSession__';

export function sharedApi(): WorkbookApi {
  const g = globalThis as unknown as Record<string, WorkbookApi | undefined>;
  if (!g[KEY]) g[KEY] = createWorkbookApi(officeHost(), (grid, opts) => checkGrid(grid, opts ?? {}));
  return g[KEY]!;
}

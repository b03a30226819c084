/** The WorkbookApi of this WPS page (ribbon page or task pane), over window.Application and the engine. */
import { checkGrid } from '../core/engine';
import type { WorkbookApi } from '../excel/api';
import { createWpsApi } from './api';
import { wpsApplication } from './host';

const KEY = '__budgetCheckWpsSession__';

export function wpsSession(): WorkbookApi {
  const g = globalThis as unknown as Record<string, WorkbookApi | undefined>;
  if (!g[KEY]) g[KEY] = createWpsApi(() => wpsApplication(), (grid, opts) => checkGrid(grid, opts ?? {}));
  return g[KEY]!;
}

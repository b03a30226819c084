/**
 * The Office host as the adapter sees it. In Excel this is the real office.js (`Excel.run`,
 * `Office.context.requirements`); in tests it is the fake in test/excel/fakeExcel.ts.
 * Every other module in src/excel receives an ExcelHost and never reads globals itself,
 * which keeps the adapter testable without Office.
 */

export interface ExcelHost {
  /** `Excel.run` with options (we always pass `delayForCellEdit: true`). */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, minVersion: string): boolean;
}

/** The requirement set the manifest asks for; everything above it is detected at run time. */
export const REQUIRED_API = { name: 'ExcelApi', version: '1.9' } as const;

/** Optional capabilities, detected with isSetSupported, each with a graceful fallback. */
export interface Capabilities {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. Without it, merged areas are not read. */
  mergedAreas: boolean;
  /** ExcelApi 1.18: cell notes. Without it, findings are only on the 校验结果 sheet. */
  notes: boolean;
}

export function capabilities(host: ExcelHost): Capabilities {
  return {
    mergedAreas: safeSupported(host, 'ExcelApi', '1.13'),
    notes: safeSupported(host, 'ExcelApi', '1.18'),
  };
}

function safeSupported(host: ExcelHost, name: string, version: string): boolean {
  try {
    return host.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** The real host: only call inside Office (after Office.onReady). */
export function officeHost(): ExcelHost {
  return {
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** Options every batch runs with: wait while the user is editing a cell instead of failing. */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** Sheet names the add-in owns; never read as part of the disclosure. */
export const RESULTS_SHEET = '校验结果';
/** Workbook setting (saved inside the file) that remembers marks and the users' original formats. */
export const STATE_SETTING = 'budgetCheck.marks';

/**
 * `context.sync` that counts its round trips: every batch reports how many it took (a workbook
 * must be read and marked in a fixed number of syncs, whatever its number of sheets).
 */
export function countingSync(context: Excel.RequestContext): { sync: () => Promise<void>; readonly count: number } {
  let count = 0;
  return {
    sync: async () => {
      count++;
      await context.sync();
    },
    get count() {
      return count;
    },
  };
}

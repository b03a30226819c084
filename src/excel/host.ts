/**
 * The Office host as the adapter sees it. In Excel this is the real office.js (`Excel.run`,
 * `Office.context.requirements`); in tests it is the fake in test/excel/fakeExcel.ts.
 * Every other module in src/excel receives an ExcelHost and never reads globals itself,
 * which keeps the adapter testable without Office.
 *
 * Requirement sets: the manifest asks for BASE_API only (see docs/addin.md, "Support matrix");
 * everything above it is looked up here with isSetSupported and has a fallback.
 */

export interface ExcelHost {
  /** `Excel.run` with options (RUN_OPTIONS for this host: runOptions(host)). */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, minVersion: string): boolean;
}

/**
 * The requirement set the manifest asks for (its base <Requirements>). ExcelApi 1.5: workbook
 * settings and …OrNullObject (1.4) and custom XML parts (1.5), where the mark record lives so
 * that it is saved in the same batch as the paints. Excel 2019 (1.8) installs the add-in;
 * Excel 2016 MSI (1.1 only) cannot.
 */
export const BASE_API = { name: 'ExcelApi', version: '1.5' } as const;
/** @deprecated the old name of BASE_API */
export const REQUIRED_API = BASE_API;

/** Optional capabilities, detected with isSetSupported, each with a fallback. */
export interface Capabilities {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. Without it, merged areas are not read. */
  mergedAreas: boolean;
  /** ExcelApi 1.18: cell notes. Without it, findings are only on the 校验结果 sheet. */
  notes: boolean;
  /** ExcelApi 1.9: getCellProperties/setCellProperties (fill pattern, indent). Without it: colour only, no indents. */
  cellProperties: boolean;
  /** ExcelApi 1.18: RangeAreas.select (several areas at once). Without it the first area is selected. */
  multiSelect: boolean;
  /** ExcelApi 1.7: Range.hyperlink (校验结果 links), freezePanes, workbook protection. */
  hyperlinks: boolean;
  /** ExcelApi 1.11: RunOptions.delayForCellEdit. Without it a batch fails while a cell is being edited. */
  delayForCellEdit: boolean;
  /** SharedRuntime 1.1: the pane and the ribbon share one runtime (showAsTaskpane, startup behaviour). */
  sharedRuntime: boolean;
}

export function capabilities(host: ExcelHost): Capabilities {
  return {
    mergedAreas: safeSupported(host, 'ExcelApi', '1.13'),
    notes: safeSupported(host, 'ExcelApi', '1.18'),
    cellProperties: safeSupported(host, 'ExcelApi', '1.9'),
    multiSelect: safeSupported(host, 'ExcelApi', '1.18'),
    hyperlinks: safeSupported(host, 'ExcelApi', '1.7'),
    delayForCellEdit: safeSupported(host, 'ExcelApi', '1.11'),
    sharedRuntime: safeSupported(host, 'SharedRuntime', '1.1'),
  };
}

export function safeSupported(host: ExcelHost, name: string, version: string): boolean {
  try {
    return host.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** The real host: only call inside Office (after Office.onReady). */
export function officeHost(): ExcelHost {
  return {
    // Without options (hosts below ExcelApi 1.11) the plain Excel.run(batch) form, never Excel.run({}, batch).
    run: (options, batch) => (Object.keys(options).length ? Excel.run(options, batch) : Excel.run(batch)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/**
 * Options every batch runs with: wait while the user is editing a cell instead of failing
 * (ExcelApi 1.11; without it, no options and the edit-mode error is explained in Chinese).
 */
export function runOptions(host: ExcelHost): Excel.RunOptions {
  return safeSupported(host, 'ExcelApi', '1.11') ? { delayForCellEdit: true } : {};
}

/** Sheet names the add-in owns; never read as part of the disclosure. */
export { RESULTS_SHEET_NAME as RESULTS_SHEET } from '../core/marks';
/** The workbook setting where versions before the custom XML record kept the marks (read, then removed). */
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

/**
 * Checks one workbook file for the command line: read → checkGrid → (narrative) → (annotated copy).
 * Never throws: whatever goes wrong becomes a Chinese message on the file's report.
 */
import * as path from 'path';
import { readWorkbookFile, ReadError } from '../file/read';
import { annotatedPath, writeAnnotatedCopy, WriteError } from '../file/write';
import { checkGrid, CheckResult, TableSummary } from '../core/engine';
import { Finding, sortFindings } from '../core/finding';
import type { CodeCatalogue } from '../core/codes/catalogue';
import type { Cause } from '../core/causes';

/** What the CLI reports for one file (the JSON shape of one entry of `files`). */
export interface FileReport {
  file: string;
  profile: { id: string; name: string } | null;
  tables: TableSummary[];
  missing: CheckResult['missing'];
  findings: Finding[];
  /** The cell changes that explain the findings, most important first (each finding names its `cause`). */
  causes?: Cause[];
  /** Things noticed while reading (a sheet cut off at MAX_ROWS_PER_SHEET …). */
  warnings: string[];
  /** Set when the file could not be read or checked: a Chinese message naming the file. */
  error?: string;
  /** Path of the annotated copy, when --out was given and it was written. */
  annotated?: string;
  /** Set when --out was given but the copy could not be written (counts as a failure: exit code 2). */
  annotateError?: string;
}

export interface CheckFileOptions {
  codes?: CodeCatalogue;
  /** Directory for annotated copies (--out). */
  outDir?: string;
  /** The annotated copy's path, when the caller chose it (unique names in a batch); else <outDir>/<name>.checked.xlsx. */
  outFile?: string;
  /** Extra checks run on the result (the narrative check); their findings are added. */
  extra?: (result: CheckResult) => Promise<Finding[]>;
}

export interface CheckFileOutcome {
  report: FileReport;
  result?: CheckResult;
  /** Milliseconds spent reading (.xlsx → Grid) and in the engine (Grid → findings). */
  readMs: number;
  checkMs: number;
}

function emptyReport(file: string): FileReport {
  return { file, profile: null, tables: [], missing: [], findings: [], warnings: [] };
}

function messageOf(e: unknown, file: string): string {
  if (e instanceof ReadError || e instanceof WriteError) return e.message;
  const why = e instanceof Error ? e.message : String(e);
  return `检查文件“${path.basename(file)}”时出错：${why}`;
}

export async function checkFile(file: string, opts: CheckFileOptions = {}): Promise<CheckFileOutcome> {
  const report = emptyReport(file);
  const t0 = performance.now();
  let read;
  try {
    read = await readWorkbookFile(file);
  } catch (e) {
    report.error = messageOf(e, file);
    return { report, readMs: performance.now() - t0, checkMs: 0 };
  }
  const t1 = performance.now();
  report.warnings = read.warnings;
  let result: CheckResult;
  try {
    result = checkGrid(read.grid, opts.codes ? { codes: opts.codes } : {});
  } catch (e) {
    report.error = `检查文件“${path.basename(file)}”时程序出错（这是本工具的问题，请反馈）：${e instanceof Error ? e.message : String(e)}`;
    return { report, readMs: t1 - t0, checkMs: performance.now() - t1 };
  }
  const t2 = performance.now();
  report.profile = result.profile;
  report.tables = result.tables;
  report.missing = result.missing;
  report.findings = result.findings;
  report.causes = result.causes ?? [];
  if (opts.extra) {
    try {
      report.findings = sortFindings([...report.findings, ...(await opts.extra(result))]);
    } catch (e) {
      report.warnings.push(messageOf(e, file));
    }
  }
  if (opts.outDir) {
    try {
      const out = opts.outFile ?? annotatedPath(file, opts.outDir);
      const w = await writeAnnotatedCopy(file, out, report.findings, report.causes);
      report.annotated = w.output;
    } catch (e) {
      report.annotateError = messageOf(e, file);
    }
  }
  return { report, result, readMs: t1 - t0, checkMs: t2 - t1 };
}

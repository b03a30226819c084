/**
 * Checks one workbook file for the command line: read → checkGrid → (narrative) → (annotated copy).
 * Never throws: whatever goes wrong becomes a Chinese message on the file's report.
 */
import * as path from 'path';
import Decimal from 'decimal.js';
import { readWorkbookFile, ReadError, WorkbookFormat } from '../file/read';
import { checkGrid, CheckResult, TableSummary } from '../core/engine';
import { Finding, sortFindings } from '../core/finding';
import type { CodeCatalogue } from '../core/codes/catalogue';
import type { Cause } from '../core/causes';

/** One diagnosed cause (src/core/causes): which change explains which findings. */
export type CauseLike = Cause;

/** What the CLI reports for one entry (the JSON shape of one entry of `files`). */
export interface FileReport {
  file: string;
  /** checked: read and checked; unreadable: could not be read or checked (see error); skipped: not a workbook (see reason). */
  status: 'checked' | 'unreadable' | 'skipped';
  /** Why a folder entry was skipped (Chinese). */
  reason?: string;
  /** The format found in the file's bytes. */
  format?: WorkbookFormat;
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
  /** Set when the annotated copy is an .xlsx converted from an .xls (said in the report). */
  annotatedNote?: string;
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
  /** The file's bytes, already being loaded (loadWorkbookBytes). */
  bytes?: Promise<Buffer>;
}

export interface CheckFileOutcome {
  report: FileReport;
  result?: CheckResult;
  /** Milliseconds spent reading (file → Grid) and in the engine (Grid → findings). */
  readMs: number;
  checkMs: number;
}

export function emptyReport(file: string, status: FileReport['status'] = 'checked'): FileReport {
  return { file, status, profile: null, tables: [], missing: [], findings: [], warnings: [] };
}

export function skippedReport(file: string, reason: string): FileReport {
  return { ...emptyReport(file, 'skipped'), reason };
}

function messageOf(e: unknown, file: string): string {
  if (e instanceof ReadError) return e.message;
  if (e instanceof Error && e.name === 'WriteError') return e.message;
  const why = e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '程序内部错误（这是本工具的问题，请反馈）';
  return `检查文件“${path.basename(file)}”时出错：${why}`;
}

const AMOUNT = /^-?\d+(\.\d+)?$/;

/** 元 → 万元, exactly: at least 2 decimals, more only when the 元 figure needs them. */
function toWan(s: string): string {
  const d = new Decimal(s).div(10000);
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
}

/** The table a finding belongs to: by title and the sheet of its first cell. */
export function tableOf(f: Finding, tables: TableSummary[]): TableSummary | undefined {
  if (!f.table) return undefined;
  const sheet = f.cells[0]?.includes('!') ? f.cells[0].slice(0, f.cells[0].lastIndexOf('!')).replace(/^'|'$/g, '') : undefined;
  return tables.find((t) => t.title === f.table && t.sheet === sheet) ?? tables.find((t) => t.title === f.table);
}

/**
 * A finding's figures in its table's own unit: a rule that compared 万元 figures in 元 gives
 * expected/actual/difference in 元; the report (text and JSON) shows them in 万元, as printed,
 * with `unit` saying so. Figures already carrying a unit are left as they are.
 */
export function inTableUnit(f: Finding, tables: TableSummary[]): Finding {
  const t = tableOf(f, tables);
  const amounts = [f.expected, f.actual, f.difference].filter((x) => x !== undefined);
  if (amounts.length === 0) return f;
  if (t?.unit === '万元' && (f.unit === undefined || f.unit === '元') && amounts.every((x) => AMOUNT.test(x!))) {
    return {
      ...f,
      expected: f.expected === undefined ? undefined : toWan(f.expected),
      actual: f.actual === undefined ? undefined : toWan(f.actual),
      difference: f.difference === undefined ? undefined : toWan(f.difference),
      unit: '万元',
    };
  }
  if (f.unit === undefined && amounts.every((x) => AMOUNT.test(x!))) return { ...f, unit: '元' };
  return f;
}

export async function checkFile(file: string, opts: CheckFileOptions = {}): Promise<CheckFileOutcome> {
  const report = emptyReport(file);
  const t0 = performance.now();
  let read;
  try {
    read = await readWorkbookFile(file, opts.bytes);
  } catch (e) {
    report.status = 'unreadable';
    report.error = messageOf(e, file);
    return { report, readMs: performance.now() - t0, checkMs: 0 };
  }
  const t1 = performance.now();
  report.format = read.format;
  report.warnings = read.warnings;
  let result: CheckResult;
  try {
    result = checkGrid(read.grid, opts.codes ? { codes: opts.codes } : {});
  } catch (e) {
    report.status = 'unreadable';
    report.error = `检查文件“${path.basename(file)}”时程序出错（这是本工具的问题，请反馈）：${e instanceof Error ? e.message : String(e)}`;
    return { report, readMs: t1 - t0, checkMs: performance.now() - t1 };
  }
  const t2 = performance.now();
  report.profile = result.profile;
  report.tables = result.tables;
  report.missing = result.missing;
  let findings = result.findings;
  report.causes = result.causes ?? [];
  if (opts.extra) {
    try {
      findings = sortFindings([...findings, ...(await opts.extra(result))]);
    } catch (e) {
      report.warnings.push(messageOf(e, file));
    }
  }
  // The copy is annotated from the engine's figures; the report shows them in each table's unit.
  report.findings = findings.map((f) => inTableUnit(f, result.tables));
  if (opts.outDir) {
    try {
      const { annotatedPath, writeAnnotatedCopy } = await import('../file/write');
      const out = opts.outFile ?? annotatedPath(file, opts.outDir);
      const w = await writeAnnotatedCopy(file, out, report.findings, report.causes);
      report.annotated = w.output;
      if (w.convertedFrom === 'xls') report.annotatedNote = '原文件是 .xls，标注副本另存为 .xlsx（保留数值、公式、合并单元格和数字格式，字体和底色未保留）';
    } catch (e) {
      report.annotateError = messageOf(e, file);
    }
  }
  return { report, result, readMs: t1 - t0, checkMs: t2 - t1 };
}

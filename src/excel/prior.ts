/**
 * Last year's workbook for the 说明 tab: a file the user picks in the task pane, read entirely in
 * the browser (taskpane/priorWorkbook.ts loads ExcelJS on demand and calls priorFromBytes), checked
 * with the same engine, and handed to generateNarrative as `prior`.
 *
 * Its cells are relabelled before the 说明 is generated: "表1!B36" becomes
 * "上年：2023.xlsx 表1!B36", so every 较上年 figure lists this year's cells and last year's, and the
 * pane can tell them apart (last year's are shown, never selected: they are in another workbook).
 * No office.js here: the pane passes the result to NarrativeTab, which uses it to generate.
 */
import Decimal from 'decimal.js';
import { CheckResult, checkGrid } from '../core/engine';
import { Disclosure } from '../core/disclosure';
import { Grid } from '../core/grid';
import { figureById } from '../core/narrative/figures';
import { ReadError, WorkbookClass, gridFromXlsxBytes } from '../file/grid-from-exceljs';

export const PRIOR_PREFIX = '上年：';

/** The label in front of last year's cell references: "上年：2023.xlsx ". */
export function priorLabel(file: string): string {
  return `${PRIOR_PREFIX}${file} `;
}

export function isPriorRef(ref: string): boolean {
  return ref.startsWith(PRIOR_PREFIX);
}

/** "上年：2023.xlsx 表1!B36" → { file: "2023.xlsx", ref: "表1!B36" }; null for this year's cells. */
export function splitPriorRef(ref: string): { file: string; ref: string } | null {
  if (!isPriorRef(ref)) return null;
  const rest = ref.slice(PRIOR_PREFIX.length);
  const m = /^(.*?\.xls[xm]) (.+)$/i.exec(rest);
  if (m) return { file: m[1], ref: m[2] };
  const sp = rest.indexOf(' ');
  return sp < 0 ? { file: '', ref: rest } : { file: rest.slice(0, sp), ref: rest.slice(sp + 1) };
}

/** Keys of the Disclosure model that hold a "<sheet>!A1" reference. */
const isCellKey = (k: string) => k === 'cell' || k.endsWith('Cell');

/**
 * A copy of `d` whose every cell reference (Amount.cell, Row.codeCell, Table.titleCell …) and
 * table sheet name carries `label` in front, so figures built from it (also those that build a
 * reference from Table.sheet) name last year's file. Decimals are shared, not copied.
 */
export function relabelDisclosure(d: Disclosure, label: string): Disclosure {
  const walk = (x: unknown, key: string): unknown => {
    if (typeof x === 'string') return isCellKey(key) || key === 'sheet' ? label + x : x;
    if (x === null || typeof x !== 'object' || Decimal.isDecimal(x)) return x;
    if (Array.isArray(x)) return x.map((v) => walk(v, ''));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) out[k] = walk(v, k);
    return out;
  };
  return walk(d, '') as Disclosure;
}

/** The budget year a workbook states near the top of a sheet ("2023年单位综合预算公开报表"). */
export function yearOfGrid(grid: Grid): string | undefined {
  let fallback: string | undefined;
  for (const s of grid.sheets) {
    for (const row of s.rows.slice(0, 4)) {
      for (const c of row ?? []) {
        const v = c?.v;
        if (typeof v !== 'string') continue;
        const m = /((?:19|20)\d{2})\s*年(?:度)?/.exec(v);
        if (!m) continue;
        if (/预算|决算|公开/.test(v)) return m[1];
        fallback ??= m[1];
      }
    }
  }
  return fallback;
}

/** Last year's workbook as the 说明 tab holds it. */
export interface PriorWorkbook {
  /** The file's name as picked ("2023.xlsx"). */
  file: string;
  size: number;
  result: CheckResult;
  /** Recognised tables with every cell labelled "上年：<file> …"; null when not recognised. */
  disclosure: Disclosure | null;
  year?: string;
  /** Things to know about the read (a sheet cut off …). */
  warnings: string[];
}

/** Last year's workbook from a Grid (read from its file by the caller). */
export function priorFromGrid(grid: Grid, file: string, size: number, check: (g: Grid) => CheckResult = checkGrid): PriorWorkbook {
  const result = check(grid);
  return {
    file,
    size,
    result,
    disclosure: result.disclosure ? relabelDisclosure(result.disclosure, priorLabel(file)) : null,
    year: yearOfGrid(grid),
    warnings: [],
  };
}

/**
 * Reads last year's workbook from its bytes with the given ExcelJS Workbook class (the browser
 * build in the pane). Throws ReadError with a Chinese message naming the file.
 */
export async function priorFromBytes(bytes: Uint8Array, file: string, Workbook: WorkbookClass, check?: (g: Grid) => CheckResult): Promise<PriorWorkbook> {
  const { grid, warnings } = await gridFromXlsxBytes(bytes, file, file, Workbook);
  const prior = priorFromGrid(grid, file, bytes.length, check);
  prior.warnings.push(...warnings);
  return prior;
}

/** Why a picked file cannot serve as last year's, or what to check about it. */
export interface PriorAssessment {
  /** When set, the file is not used (Chinese, names the file). */
  error?: string;
  warnings: string[];
}

function sameFigure(id: string, a: Disclosure, b: Disclosure): boolean {
  const x = figureById(id).get(a);
  const y = figureById(id).get(b);
  return !!x && !!y && !x.value.isZero() && x.value.eq(y.value);
}

/** Whether last year's workbook fits this year's: same template (error otherwise), same unit, other figures. */
export function assessPrior(prior: PriorWorkbook, current: Disclosure | null): PriorAssessment {
  const warnings = [...prior.warnings];
  const name = prior.file;
  if (!prior.disclosure || !prior.result.profile) {
    return { error: `上年工作簿“${name}”中未识别出预算公开模板：没有找到“收支总表”等表格的标题，不能用作上年数据。`, warnings };
  }
  if (current && current.profile.id !== prior.disclosure.profile.id) {
    return {
      error: `上年工作簿“${name}”是“${prior.disclosure.profile.name}”模板，与本年的“${current.profile.name}”模板不同，无法逐项比较，未使用。`,
      warnings,
    };
  }
  if (current?.unitName && prior.disclosure.unitName && current.unitName !== prior.disclosure.unitName) {
    warnings.push(`上年工作簿的单位“${prior.disclosure.unitName}”与本年的“${current.unitName}”不同，请确认选择的文件。`);
  }
  if (current && sameFigure('income.total', current, prior.disclosure) && sameFigure('expense.total', current, prior.disclosure)) {
    warnings.push(`上年工作簿“${name}”的收入合计、支出合计与本年完全相同，请确认没有选成本年的文件。`);
  }
  return { warnings };
}

/** The Chinese message for anything thrown while reading the picked file. */
export function priorReadMessage(e: unknown, file: string): string {
  if (e instanceof ReadError) return e.message;
  return `无法读取上年工作簿“${file}”：${e instanceof Error ? e.message : String(e)}`;
}

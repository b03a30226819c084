/**
 * Writes an annotated copy of a checked workbook: the ORIGINAL file is loaded again with
 * ExcelJS (so values, formulas, fonts, borders, merges and column widths are kept), each
 * flagged cell gets a fill by severity and a note listing its findings, and a sheet
 * 校验结果 lists every finding with a hyperlink to each cell it names.
 *
 * The input file is never written: the copy goes to another path, and a copy path equal to
 * the input path is refused.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import { a1, parseRef } from '../core/grid';
import { Finding, Severity, SEVERITY_LABEL } from '../core/finding';
import { formatYuan } from '../core/money';
import { MARK_CAPS, markArgb } from '../core/marks';

/** The name of the sheet we add. A sheet of that name in the input is ours from an earlier run and is replaced. */
export const RESULT_SHEET = '校验结果';

/** Fill colours (ARGB) by severity: the add-in's colours (src/core/marks.ts), so both layers look the same. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: markArgb('error'),
  warning: markArgb('warning'),
  info: markArgb('info'),
};

/** At most this many cells of one range reference are marked (a range names a block, not a sheet). */
const MAX_RANGE_CELLS = MARK_CAPS.cellsPerRef; // the add-in's cap (src/core/marks.ts)

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The copy cannot be written; the message is Chinese and names the file. */
export class WriteError extends Error {
  constructor(
    public readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

export interface AnnotateResult {
  output: string;
  /** Cells that received a fill and a note. */
  marked: number;
  /** References that name a sheet or cell not in the workbook (listed on 校验结果 without a link). */
  unresolved: string[];
}

/** `<dir>/<name>.checked.xlsx` for an input file. */
export function annotatedPath(input: string, outDir: string): string {
  const base = path.basename(input).replace(/\.xlsx$/i, '');
  return path.join(outDir, `${base}.checked.xlsx`);
}

/**
 * Annotated-copy paths for a batch: `<name>.checked.xlsx`, and `<name> (2).checked.xlsx` … when
 * files in different folders share a name (县A/预算.xlsx, 县B/预算.xlsx), so no copy overwrites another.
 */
export function annotatedPaths(inputs: string[], outDir: string): string[] {
  const used = new Set<string>();
  return inputs.map((input) => {
    const base = path.basename(input).replace(/\.xlsx$/i, '');
    let name = `${base}.checked.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n}).checked.xlsx`;
    used.add(name.toLowerCase());
    return path.join(outDir, name);
  });
}

async function samePath(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const [x, y] = await Promise.all([fs.realpath(ra), fs.realpath(rb)]);
    return x === y;
  } catch {
    return false; // the output does not exist yet, so it is not the input
  }
}

/** HYPERLINK("#'Sheet'!A1","text") as formula text (no leading '='); double quotes are doubled. */
export function hyperlinkFormula(target: string, text: string): string {
  const q = (x: string) => `"${x.replace(/"/g, '""')}"`;
  return `HYPERLINK(${q(target)},${q(text)})`;
}

/** "#'Sheet name'!A1": an in-workbook hyperlink target (single quotes in a sheet name are doubled). */
export function internalLink(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}

function noteText(existing: ExcelJS.Comment['texts'] | string | undefined): string {
  if (!existing) return '';
  if (typeof existing === 'string') return existing;
  return existing.map((t) => t.text).join('');
}

function figureText(f: Finding, v: string | undefined): string {
  if (v === undefined) return '';
  if (f.unit === 'text') return `“${v}”`;
  if (f.unit && f.unit !== '元') return `${v} ${f.unit}`;
  try {
    return `${formatYuan(new Decimal(v))} 元`;
  } catch {
    return v;
  }
}

/** A decimal string as a number for the sheet when it survives the round trip; otherwise the string. */
function figureCell(v: string | undefined): string | number | null {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  if (Number.isFinite(n) && new Decimal(v).equals(new Decimal(n.toPrecision(15)))) return n;
  return v;
}

interface Mark {
  severity: Severity;
  lines: string[];
}

/** Expands a finding reference into worksheet + addresses (ranges capped at MAX_RANGE_CELLS). */
function resolveRef(wb: ExcelJS.Workbook, ref: string): { ws: ExcelJS.Worksheet; addresses: string[] } | null {
  const p = parseRef(ref);
  if (!p) return null;
  const ws = wb.getWorksheet(p.sheet);
  if (!ws || ws.name === RESULT_SHEET) return null;
  const addresses: string[] = [];
  const endRow = p.endRow ?? p.row;
  const endCol = p.endCol ?? p.col;
  for (let r = p.row; r <= endRow && addresses.length < MAX_RANGE_CELLS; r++) {
    for (let c = p.col; c <= endCol && addresses.length < MAX_RANGE_CELLS; c++) addresses.push(a1(r, c));
  }
  return { ws, addresses };
}

/**
 * Loads `input` again, marks the cells named by `findings`, adds the 校验结果 sheet and writes
 * the copy to `output`. Throws WriteError (Chinese message) when the copy cannot be written.
 */
export async function writeAnnotatedCopy(input: string, output: string, findings: Finding[]): Promise<AnnotateResult> {
  const inName = path.basename(input);
  if (await samePath(input, output)) {
    throw new WriteError(input, `拒绝写入：输出文件与原文件“${inName}”是同一个文件。标注副本不会覆盖原文件，请指定其他输出文件夹。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(input);
  } catch (e) {
    throw new WriteError(input, `无法重新读取“${inName}”以生成标注副本：${(e as Error).message}`);
  }

  // Our own sheet from an earlier run is replaced, never duplicated.
  const old = wb.getWorksheet(RESULT_SHEET);
  if (old) wb.removeWorksheet(old.id);

  // Collect marks per cell: the most severe finding decides the fill, the note lists them all.
  const marks = new Map<ExcelJS.Cell, Mark>();
  const unresolved: string[] = [];
  const links: string[][] = [];
  for (const f of findings) {
    const rowLinks: string[] = [];
    for (const ref of f.cells) {
      const res = resolveRef(wb, ref);
      if (!res) {
        unresolved.push(ref);
        rowLinks.push('');
        continue;
      }
      rowLinks.push(internalLink(res.ws.name, res.addresses[0]));
      for (const addr of res.addresses) {
        let cell = res.ws.getCell(addr);
        if (cell.isMerged && cell.master) cell = cell.master;
        const figs = f.message.includes('应为') ? '' : figuresLine(f);
        const line = `【${SEVERITY_LABEL[f.severity]}】${f.message}${figs ? `（${figs}）` : ''}〔${f.rule}〕`;
        const m = marks.get(cell);
        if (!m) marks.set(cell, { severity: f.severity, lines: [line] });
        else {
          if (ORDER[f.severity] < ORDER[m.severity]) m.severity = f.severity;
          if (!m.lines.includes(line)) m.lines.push(line);
        }
      }
    }
    links.push(rowLinks);
  }

  for (const [cell, m] of marks) {
    // A fresh style object: ExcelJS may share one style object between cells, and only this
    // cell must change. Font, border, alignment and number format are carried over as they are.
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[m.severity] } },
    };
    const before = noteText(cell.note as ExcelJS.Comment['texts'] | string | undefined);
    const ours = `预算公开校验：\n${m.lines.join('\n')}`;
    cell.note = before ? `${before}\n\n${ours}` : ours;
  }

  addResultSheet(wb, findings, links);

  await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true }).catch(() => undefined);
  const tmp = `${output}.${process.pid}.tmp`;
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, output);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new WriteError(output, `无法写入标注副本“${output}”：${(e as Error).message}`);
  }
  return { output, marked: marks.size, unresolved };
}

function addResultSheet(wb: ExcelJS.Workbook, findings: Finding[], links: string[][]): void {
  const ws = wb.addWorksheet(RESULT_SHEET);
  const maxCells = Math.max(1, ...findings.map((f) => f.cells.length));
  const header = ['序号', '严重程度', '规则', '表', '说明', '应为', '实为', '差额', '单位', '单元格'];
  for (let i = 1; i < maxCells; i++) header.push(`单元格${i + 1}`);
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const widths = [6, 9, 22, 30, 70, 16, 16, 16, 6];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (let i = 0; i < maxCells; i++) ws.getColumn(10 + i).width = 18;

  findings.forEach((f, i) => {
    const hasFigures = f.unit !== 'text' && [f.expected, f.actual].some((v) => v !== undefined && /^-?\d+(\.\d+)?$/.test(v));
    const row = ws.addRow([
      i + 1,
      SEVERITY_LABEL[f.severity],
      f.rule,
      f.table ?? '',
      f.message,
      f.unit === 'text' ? (f.expected ?? null) : figureCell(f.expected),
      f.unit === 'text' ? (f.actual ?? null) : figureCell(f.actual),
      f.unit === 'text' ? null : figureCell(f.difference),
      hasFigures ? (f.unit ?? '元') : '',
    ]);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = '#,##0.00';
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[f.severity] } };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    f.cells.forEach((ref, j) => {
      const target = links[i][j];
      const cell = row.getCell(10 + j);
      // A HYPERLINK formula rather than ExcelJS's hyperlink value: ExcelJS 4.4 writes internal links
      // as an external relationship plus a location, which WPS and some Excel builds open as a
      // file path (exceljs issues #749, #1893, #3027). HYPERLINK("#'Sheet'!A1") jumps inside the
      // workbook in Excel, WPS and LibreOffice alike; the cached result is the text shown.
      cell.value = target ? { formula: hyperlinkFormula(target, ref), result: ref } : ref;
      if (target) cell.font = { color: { argb: 'FF0563C1' }, underline: true };
    });
  });
  if (findings.length === 0) ws.addRow(['', '', '', '', '未发现问题。']);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

/** A one-line description of a finding's figures, for notes and text output. */
export function figuresLine(f: Finding): string {
  const parts: string[] = [];
  if (f.expected !== undefined) parts.push(`应为 ${figureText(f, f.expected)}`);
  if (f.actual !== undefined) parts.push(`实为 ${figureText(f, f.actual)}`);
  if (f.difference !== undefined) parts.push(`相差 ${figureText(f, f.difference)}`);
  return parts.join('，');
}

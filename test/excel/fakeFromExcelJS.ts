/**
 * Builds a FakeWorkbookModel from an ExcelJS workbook (Node only), the way Excel would show
 * the same file through office.js: formula cells show their cached result, dates are serial
 * numbers, errors are "#REF!"-style strings of type Error, fills become Excel.FillPattern names.
 */
import ExcelJS from 'exceljs';
import { FakeCell, FakeFill, FakeSheetModel, FakeWorkbookModel, addr } from './fakeExcel';

const PATTERNS: Record<string, string> = {
  solid: 'Solid',
  darkGray: 'Gray75',
  mediumGray: 'Gray50',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};

function argbToHex(c: Partial<ExcelJS.Color> | undefined, fallback: string): string {
  const argb = c?.argb;
  return argb && argb.length >= 6 ? `#${argb.slice(-6).toUpperCase()}` : fallback;
}

export function fillFromExcelJS(fill: ExcelJS.Fill | undefined): FakeFill | undefined {
  if (!fill || fill.type !== 'pattern' || !fill.pattern || fill.pattern === 'none') return undefined;
  if (fill.pattern === 'solid') return { color: argbToHex(fill.fgColor, '#000000'), pattern: 'Solid' };
  // OOXML pattern fills: fgColor draws the pattern, bgColor is the cell's background.
  return {
    color: argbToHex(fill.bgColor, '#FFFFFF'),
    pattern: PATTERNS[fill.pattern] ?? fill.pattern,
    patternColor: argbToHex(fill.fgColor, '#000000'),
  };
}

function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function shown(v: ExcelJS.CellValue): Pick<FakeCell, 'value' | 'type' | 'formula'> {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number') return { value: v, type: 'Double' };
  if (typeof v === 'string') return { value: v, type: 'String' };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  if (v instanceof Date) return { value: excelSerial(v), type: 'Double' };
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { value: String(o.error), type: 'Error' };
  if ('richText' in o) return { value: (o.richText as { text: string }[]).map((r) => r.text).join(''), type: 'String' };
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = shown((o.result ?? null) as ExcelJS.CellValue);
    return { ...inner, formula: `=${String(o.formula ?? o.sharedFormula)}` };
  }
  if ('text' in o) return { value: String(o.text), type: 'String' };
  return { value: String(v), type: 'String' };
}

export function modelFromExcelJS(wb: ExcelJS.Workbook, name: string): FakeWorkbookModel {
  const sheets: FakeSheetModel[] = [];
  wb.eachSheet((ws) => {
    const cells: Record<string, FakeCell> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const fc: FakeCell = { ...shown(cell.value) };
        if (fc.value === '' && !fc.formula) delete fc.type;
        if (cell.numFmt) fc.numberFormat = cell.numFmt;
        const fill = fillFromExcelJS(cell.fill);
        if (fill) fc.fill = fill;
        if (cell.alignment?.indent) fc.indent = cell.alignment.indent;
        if (fc.value === '' && !fc.formula && !fc.fill && !fc.numberFormat) return;
        cells[addr(r, c)] = fc;
      });
    });
    const raw = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
    const merges = Object.values(raw).map((m) => ({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right }));
    const visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    sheets.push({ name: ws.name, visibility, cells, merges, notes: {} });
  });
  return { name, sheets, settings: {}, activeSheet: sheets[0]?.name };
}

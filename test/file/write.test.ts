/**
 * The annotated copy of a real fixture, through the command line: check the published 河北 004
 * workbook (it holds the real mistakes of the seed), write <name>.checked.xlsx, reopen it and
 * compare it cell by cell with the original.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildHebei004 } from '../fixtures/hebei';
import { parseRef } from '../../src/core/grid';
import { Finding } from '../../src/core/finding';
import { RESULT_SHEET } from '../../src/file/write';
import { Cause, causeMarkKind } from '../../src/core/causes';
import { MarkKind, markArgb } from '../../src/core/marks';
import { runMain } from '../cli/helpers';
import { followLink } from './links';

let dir: string;
let input: string;
let outDir: string;
let inputHash: string;
let report: { file: string; findings: Finding[]; causes?: Cause[]; annotated?: string; error?: string };
let original: ExcelJS.Workbook;
let copy: ExcelJS.Workbook;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const ORDER: Record<MarkKind, number> = { error: 0, warning: 1, info: 2, related: 3 };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-write-'));
  input = path.join(dir, '河北004 公开.xlsx');
  outDir = path.join(dir, '标注', '副本'); // does not exist yet: the CLI creates it
  await buildHebei004('published').xlsx.writeFile(input);
  inputHash = sha(await fs.readFile(input));
  const r = await runMain(['check', '--json', '--out', outDir, input]);
  expect(r.code).not.toBe(2);
  report = JSON.parse(r.stdout).files[0];
  original = new ExcelJS.Workbook();
  await original.xlsx.readFile(input);
  copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(report.annotated!);
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Master address of every cell named by a finding, with the most severe severity and its messages. */
function flagged(): Map<string, { severity: MarkKind; messages: string[] }> {
  // A finding's cells are painted as its cause says (only the cells to change red), src/core/causes.
  const kindOf = causeMarkKind(report.causes ?? []);
  const out = new Map<string, { severity: MarkKind; messages: string[] }>();
  for (const f of report.findings) {
    for (const ref of f.cells) {
      const p = parseRef(ref);
      if (!p || p.endRow !== undefined) continue;
      const ws = original.getWorksheet(p.sheet);
      if (!ws) continue;
      let cell = ws.getCell(p.row, p.col);
      if (cell.isMerged && cell.master) cell = cell.master;
      const key = `${ws.name}!${cell.address}`;
      const m = out.get(key);
      const kind = kindOf(f, ref);
      if (!m) out.set(key, { severity: kind, messages: [f.message] });
      else {
        if (ORDER[kind] < ORDER[m.severity]) m.severity = kind;
        m.messages.push(f.message);
      }
    }
  }
  return out;
}

const styleOf = (c: ExcelJS.Cell) => JSON.stringify({ font: c.font, border: c.border, fill: c.fill, numFmt: c.numFmt, alignment: c.alignment });

test('the copy is written to <out>/<name>.checked.xlsx and the input bytes are unchanged', async () => {
  expect(report.error).toBeUndefined();
  expect(report.annotated).toBe(path.join(outDir, '河北004 公开.checked.xlsx'));
  expect(sha(await fs.readFile(input))).toBe(inputHash);
  expect(report.findings.some((f) => f.cells.length > 0 && f.severity !== 'info')).toBe(true);
});

test('flagged cells: fill by severity, a note with their findings, value, font and borders kept', () => {
  const marks = flagged();
  expect(marks.size).toBeGreaterThan(0);
  for (const [key, m] of marks) {
    const p = parseRef(key)!;
    const before = original.getWorksheet(p.sheet)!.getCell(p.row, p.col);
    const after = copy.getWorksheet(p.sheet)!.getCell(p.row, p.col);
    expect([key, (after.fill as ExcelJS.FillPattern)?.fgColor?.argb]).toEqual([key, markArgb(m.severity)]);
    const note = JSON.stringify(after.note ?? '');
    for (const msg of m.messages) expect(note).toContain(JSON.stringify(msg).slice(1, -1));
    expect([key, after.value]).toEqual([key, before.value]);
    expect([key, JSON.stringify(after.font ?? null)]).toEqual([key, JSON.stringify(before.font ?? null)]);
    expect([key, JSON.stringify(after.border ?? null)]).toEqual([key, JSON.stringify(before.border ?? null)]);
    expect([key, after.numFmt]).toEqual([key, before.numFmt]);
  }
});

test('every other cell: value and style unchanged, no note', () => {
  const marks = flagged();
  let compared = 0;
  original.eachSheet((ws) => {
    const ws2 = copy.getWorksheet(ws.name)!;
    expect(ws2).toBeDefined();
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const key = `${ws.name}!${cell.address}`;
        const master = cell.isMerged && cell.master ? `${ws.name}!${cell.master.address}` : key;
        if (marks.has(key) || marks.has(master)) return;
        const after = ws2.getCell(r, c);
        expect([key, JSON.stringify(after.value)]).toEqual([key, JSON.stringify(cell.value)]);
        expect([key, styleOf(after)]).toEqual([key, styleOf(cell)]);
        expect([key, after.note]).toEqual([key, cell.note]);
        compared++;
      });
    });
  });
  expect(compared).toBeGreaterThan(1000);
});

test('the 校验结果 sheet: a row per finding, links that land on the cells named', () => {
  const rs = copy.getWorksheet(RESULT_SHEET)!;
  expect(rs).toBeDefined();
  const causeRows = (report.causes ?? []).reduce((n, c) => n + c.changes.length, 0);
  // a row per finding, then the causes block (title, header, a row per change; the blank row is not counted)
  expect(rs.actualRowCount).toBe(1 + report.findings.length + (causeRows ? 2 + causeRows : 0));
  report.findings.forEach((f, i) => {
    const row = rs.getRow(i + 2);
    expect(row.getCell(1).value).toBe(i + 1);
    expect(row.getCell(3).value).toBe(f.rule);
    expect(row.getCell(5).value).toBe(f.message);
    if (f.expected !== undefined) expect(row.getCell(6).value).toBe(Number(f.expected));
    f.cells.forEach((ref, j) => {
      const v = row.getCell(10 + j).value as ExcelJS.CellFormulaValue;
      const p = parseRef(ref)!;
      if (!copy.getWorksheet(p.sheet)) return;
      const target = followLink(copy, v.formula);
      expect(target).not.toBeNull();
      expect(`${target!.sheet}!${target!.address}`).toBe(`${p.sheet}!${ref.slice(ref.lastIndexOf('!') + 1).split(':')[0]}`);
    });
  });
});

test('checking the copy again replaces its 校验结果 sheet instead of adding a second one', async () => {
  const again = path.join(dir, '再次');
  const r = await runMain(['check', '--json', '--out', again, report.annotated!]);
  const rep = JSON.parse(r.stdout).files[0];
  expect(rep.annotated).toBe(path.join(again, '河北004 公开.checked.checked.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(rep.annotated);
  expect(wb.worksheets.filter((w) => w.name === RESULT_SHEET)).toHaveLength(1);
  expect(wb.worksheets.length).toBe(copy.worksheets.length);
});

test('checking the copy again replaces our notes instead of stacking them; the user’s own note is kept', async () => {
  // a note of the user's own on a flagged cell of the copy, before it is checked again
  const [key] = [...flagged().keys()];
  const [sheet, address] = [key.slice(0, key.lastIndexOf('!')), key.slice(key.lastIndexOf('!') + 1)];
  const withNote = new ExcelJS.Workbook();
  await withNote.xlsx.readFile(report.annotated!);
  const cell = withNote.getWorksheet(sheet)!.getCell(address);
  const ours = String(cell.note);
  expect(ours.startsWith('预算公开校验：')).toBe(true);
  cell.note = `会计备注：已核对\n\n${ours}`;
  const edited = path.join(dir, '已加备注.xlsx');
  await withNote.xlsx.writeFile(edited);
  const again = path.join(dir, '第三次');
  const r = await runMain(['check', '--json', '--out', again, edited]);
  const rep = JSON.parse(r.stdout).files[0];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(rep.annotated);
  const note = (w: ExcelJS.Workbook) => {
    const n = w.getWorksheet(sheet)!.getCell(address).note as unknown;
    return typeof n === 'string' ? n : ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join('');
  };
  const text = note(wb);
  expect(text.startsWith('会计备注：已核对\n\n预算公开校验：')).toBe(true);
  expect(text.split('预算公开校验：')).toHaveLength(2);
  // the same finding lines as the first copy, once each
  expect(text.slice(text.indexOf('预算公开校验：'))).toBe(ours);
});

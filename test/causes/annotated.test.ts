/**
 * The annotated copy (check --out) on the shipped 工伤 example: the 8 cells that hold correct values
 * but take part in the failed comparisons are no longer red; only the cells to change are.
 */
import * as os from 'os';
import * as path from 'path';
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { checkFile } from '../../src/cli/check-file';
import { markArgb } from '../../src/core/marks';

const EXAMPLE = path.join(__dirname, '../../examples/子洲县工伤保险经办中心-2024单位预算公开-原样.xlsx');

test('only the cells a cause says to change are red; the others are pale with a note naming them', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-causes-'));
  try {
    const o = await checkFile(EXAMPLE, { outDir: dir });
    expect(o.report.annotateError).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(o.report.annotated!);
    const fill = (ref: string) => {
      const [sheet, addr] = ref.split('!');
      return ((wb.getWorksheet(sheet)!.getCell(addr).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb) ?? '';
    };
    const note = (ref: string) => {
      const [sheet, addr] = ref.split('!');
      const n = wb.getWorksheet(sheet)!.getCell(addr).note;
      return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
    };
    const red = markArgb('error');
    const suspects = new Set(o.report.causes!.filter((c) => c.certainty === 'sure').flatMap((c) => c.changes.map((ch) => ch.cell)));
    expect(suspects.has('表4!F10')).toBe(true);
    expect(fill('表4!F10')).toBe(red);
    expect(note('表4!F10')).toContain('表4!F10 应为 0.00');
    for (const ref of ['表1!F10', '表4!F7', '表4!F8', '表4!F9', '表4!F11']) {
      expect([ref, fill(ref)]).toEqual([ref, markArgb('related')]);
      expect(note(ref)).toContain('需修改的是 表4!F10');
    }
    // Every red cell is a cell to change, or a cell of a finding no change explains (表14 needs rows).
    const unexplained = new Set(o.report.findings.filter((f) => !f.cause && f.severity === 'error').flatMap((f) => f.cells));
    expect(unexplained.size).toBeLessThanOrEqual(2);
    for (const ws of wb.worksheets) {
      if (ws.name === '校验结果') continue;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const ref = `${ws.name}!${cell.address}`;
          if (((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? '') === red) expect([ref, suspects.has(ref) || unexplained.has(ref)]).toEqual([ref, true]);
        }),
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('校验结果 lists the causes below the findings: each cell to change, linked, with its suggested value', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bc-causes-'));
  try {
    const o = await checkFile(EXAMPLE, { outDir: dir });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(o.report.annotated!);
    const ws = wb.getWorksheet('校验结果')!;
    const rows: (string | number | null)[][] = [];
    const numbers: number[] = [];
    ws.eachRow((row, n) => {
      numbers.push(n);
      rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v.result as string) : (v as string))));
    });
    const head = rows.findIndex((r) => String(r[0] ?? '').startsWith('原因（共'));
    expect(head).toBeGreaterThan(o.report.findings.length); // below the list of findings
    expect(rows[head + 1]).toEqual(['原因', '把握', '要改的单元格', '现为', '应为', '单位', '说明']);
    const f10 = rows.slice(head + 2).find((r) => r[2] === '表4!F10')!;
    expect(f10.slice(1, 6)).toEqual(['确定', '表4!F10', '48,978.00', '0.00', '元']);
    expect(rows.slice(head + 2).filter((r) => String(r[0] ?? '').startsWith('原因 ')).length).toBe(o.report.causes!.length);
    // the cell is a link into the workbook
    const linkRow = numbers[rows.indexOf(f10)];
    expect(String((ws.getRow(linkRow).getCell(3).value as ExcelJS.CellFormulaValue).formula)).toContain("#'表4'!F10");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

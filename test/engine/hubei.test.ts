import { buildHubei002 } from '../fixtures/hubei';
import { readBack } from '../fixtures/common';
import { checkGrid } from '../../src/core/engine';

/**
 * The 部门 has 其他收入 (323 万元, in 2080799) besides 一般公共预算: its 一般公共预算支出表 may be less
 * than the 支出总表 code by code, not equal — the workbook must check clean.
 */
describe('湖北 部门预算 (seed 002 sample workbook)', () => {
  test('profile hubei, all 10 tables, no errors or warnings', async () => {
    const r = checkGrid(await readBack(buildHubei002(), 'hubei.xlsx'), {});
    expect(r.profile?.id).toBe('hubei');
    expect(r.tables.map((t) => t.kind)).toEqual(['summary', 'income', 'expenditure', 'fiscal_summary', 'gp_func', 'basic_econ', 'fund', 'gp_func', 'basic_econ', 'three_public']);
    expect(r.missing).toEqual([]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a changed cell (一般公共预算支出表 208 合计) is found with its cell', async () => {
    const wb = buildHubei002();
    const ws = wb.getWorksheet('一般公共预算支出表')!;
    expect(ws.getCell('A6').value).toBe('208');
    ws.getCell('C6').value = 1165.4;
    const r = checkGrid(await readBack(wb, 'hubei.xlsx'), {});
    const hits = r.findings.filter((f) => f.severity === 'error' && f.cells.includes('一般公共预算支出表!C6') && f.rule.startsWith('sum.'));
    expect(hits.length).toBeGreaterThan(0);
  });

  test('河北/陕西 examples are not taken by the 湖北 profile', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { gridFromWorkbook } = await import('../../src/file/read');
    for (const [file, id] of [
      ['沧州经开区组织人事部-2024部门预算-已修正.xlsx', 'hebei'],
      ['子洲县工伤保险经办中心-2024单位预算公开-已修正.xlsx', 'shaanxi'],
    ]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(`${__dirname}/../../examples/${file}`);
      const r = checkGrid(gridFromWorkbook(wb, file).grid, {});
      expect(r.profile?.id).toBe(id);
    }
  });
});

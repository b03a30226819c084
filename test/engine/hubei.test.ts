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

  test('the same tables without 八/九 (only the 财政部 standard titles, as 广东 prints them) are read by the national layer, not called 湖北', async () => {
    const wb = buildHubei002();
    for (const ws of [...wb.worksheets]) if (/按/.test(String(ws.getCell('A1').value))) wb.removeWorksheet(ws.id);
    const r = checkGrid(await readBack(wb, 'guangdong.xlsx'), {});
    expect(r.profile?.id).toBe('national');
    expect(r.tables).toHaveLength(8);
    // 湖北's own 八/九 are not demanded of it
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.message}`)).toEqual([]);
  });

  test('a 收入总表 with a flat header (合计 | 各项收入 | 上年结转, no 本年收入 小计) checks clean, and a changed source is found', async () => {
    const flat = async () => {
      const g = await readBack(buildHubei002(), 'hubei-flat.xlsx');
      const s = g.sheets.find((x) => x.name === '部门收入总表')!;
      expect([s.rows[2][3]?.v, s.rows[3][3]?.v]).toEqual(['本年收入', '小计']);
      // one header row: 科目编码 | 科目名称 | 合计 | the sources | 上年结转; the 小计 column gone
      s.rows[2] = ['科目编码', '科目名称', '合计', '一般公共预算拨款收入', '政府性基金预算拨款收入', '财政专户管理资金收入', '事业收入', '上级补助收入', '其他收入', '上年结转'].map((v) => ({ v }));
      s.rows.splice(3, 1);
      for (const row of s.rows.slice(3)) row?.splice(3, 1);
      s.merges = s.merges.filter((m) => m.top < 3);
      return g;
    };
    const r = checkGrid(await flat(), {});
    const income = r.disclosure!.tables.find((t) => t.kind === 'income')!;
    expect(income.columns.some((c) => c.key === 'subtotal')).toBe(false);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.message}`)).toEqual([]);
    expect(r.profile?.id).toBe('hubei');
    const g = await flat();
    const row = g.sheets.find((x) => x.name === '部门收入总表')!.rows[4];
    expect([row[1]?.v, row[3]?.v]).toEqual(['社会保障和就业支出', 1165.3]);
    row[3] = { v: 1165.5 }; // 一般公共预算 of 208
    const r2 = checkGrid(g, {});
    expect(r2.findings.some((f) => f.rule === 'sum.columns' && f.severity === 'error' && f.cells.includes('部门收入总表!D5'))).toBe(true);
  });
});

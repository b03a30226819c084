/**
 * Workbooks as they really come (found by a second reading of the engine): formula leftovers,
 * headers worded or laid out differently, a 说明 heading that names a table, project lists without
 * codes, project names starting with a year. The repaired seed workbook must stay clean, and a
 * real mistake must still be found.
 */
import { checkGrid } from '../../src/core/engine';
import { Grid } from '../../src/core/grid';
import { find, findings, repaired000, repaired004, set, sheet } from './helpers';

const serious = (g: Grid) => findings(g).filter((f) => f.severity !== 'info');

test('a formula leftover (1.455e-11) in a 万元 table neither crashes nor reports anything', async () => {
  const g = await repaired004();
  const c = find(g, '部门支出总表', '2080102');
  // 2080102 has no 经营支出: a formula there leaves 1.455e-11 instead of 0
  set(g, '部门支出总表', c.row, c.col + 5, 1.4551915228366852e-11);
  expect(() => checkGrid(g)).not.toThrow();
  expect(serious(g)).toEqual([]);
});

test('a formula leftover (5.82e-12) in a 元 table is zero, not “相差 0.00 元”', async () => {
  const g = await repaired000();
  const c = find(g, '表5', '20805');
  set(g, '表5', c.row, 5, 5.820760540231618e-12); // 公用经费, printed 0
  expect(serious(g)).toEqual([]);
});

test('“三公” table with consistent figures (当年 = 上年 + 增减) checks clean; a wrong 小计 is found', async () => {
  const g = await repaired000();
  const s = sheet(g, '表12');
  const hdr = find(g, '表12', '合计', 0);
  const prior = [15000, 0, 5000, 10000, 0, 10000, 2000, 3000, 20000];
  const cur = [13800, 0, 3800, 10000, 0, 10000, 2000, 3000, 18800];
  const chg = [-1200, 0, -1200, 0, 0, 0, 0, 0, -1200];
  const row = (code: string, name: string) => [{ v: code }, { v: name }, ...[...prior, ...cur, ...chg].map((v) => ({ v, fmt: '#,##0.00' }))];
  const first = s.rows.findIndex((r, i) => i > hdr.row && (r ?? []).some((c) => c?.v === '**'));
  s.rows[first] = row('合计', '');
  s.rows[first][0] = { v: '合计' };
  s.rows[first][1] = undefined;
  s.rows[first + 1] = row('115002', '子洲县工伤保险经办中心');
  // 目录 lists 表12 as empty in the repaired workbook; it now has data.
  const cat = find(g, '目录', '表12');
  set(g, '目录', cat.row, cat.col + 2, '否');
  set(g, '目录', cat.row, cat.col + 3, '');
  expect(serious(g).map((f) => `${f.rule} ${f.message}`)).toEqual([]);
  set(g, '表12', first + 2, 12, 13900); // 当年 小计 13,800 → 13,900
  expect(findings(g).some((f) => f.rule === 'sum.columns' && f.cells.includes('表12!L' + (first + 2)))).toBe(true);
});

test('a source column whose header the profile does not know stops the column sum instead of producing false errors', async () => {
  const g = await repaired000();
  const h = find(g, '表2', '上年实户资金余额');
  set(g, '表2', h.row, h.col, '财政专户管理资金');
  const fs = findings(g);
  expect(fs.filter((f) => f.severity !== 'info')).toEqual([]);
  const info = fs.find((f) => f.rule === 'table.columns');
  expect(info?.message).toContain('财政专户管理资金');
});

test('a 说明 heading that names a table is not a table, even on a sheet before the tables', async () => {
  for (const line of ['五、一般公共预算支出明细表（按功能科目）情况', '附件：部门综合预算收支总表']) {
    const g = await repaired000();
    g.sheets.splice(1, 0, { name: '说明', merges: [], rows: [[{ v: '2024年部门预算公开说明' }], [{ v: line }], [{ v: '2024年一般公共预算支出1,509,422.00元。' }]] });
    const r = checkGrid(g);
    expect(r.tables.filter((t) => t.sheet === '说明')).toEqual([]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  }
});

test('a summary header with its unit (“预算数（元）”) is still read: a wrong 本年收入合计 is found', async () => {
  const g = await repaired000();
  for (const row of sheet(g, '表1').rows) for (const c of row ?? []) if (c && c.v === '预算数') c.v = '预算数（元）';
  expect(serious(g)).toEqual([]);
  const l = find(g, '表1', '本年收入合计');
  const cell = set(g, '表1', l.row, l.col + 1, 999);
  expect(findings(g).some((f) => f.rule === 'summary.block' && f.cells[0] === cell)).toBe(true);
});

test('a 支出 block headed just “项目” is read as the 支出 side', async () => {
  const g = await repaired000();
  const h = find(g, '表1', '支出功能分科目（按大类）');
  set(g, '表1', h.row, h.col, '项目');
  expect(serious(g)).toEqual([]);
  const l = find(g, '表1', '本年支出合计', 0);
  const cell = set(g, '表1', l.row, l.col + 1, 999);
  expect(findings(g).some((f) => f.rule === 'summary.balance' && f.cells[0] === cell)).toBe(true);
});

test('a project list without 单位 code rows and with 合计 at the bottom is read, and a changed project found', async () => {
  const g = await repaired000();
  const s = sheet(g, '表10');
  const unit = find(g, '表10', '115');
  s.rows.splice(unit.row - 1, 2); // drop the two 单位 rows
  const tot = find(g, '表10', '合计', 0);
  const [totalRow] = s.rows.splice(tot.row - 1, 1);
  s.rows.push(totalRow);
  expect(serious(g)).toEqual([]);
  const p = find(g, '表10', '工会经费（上解部分）');
  const cell = set(g, '表10', p.row, p.col + 1, 3300);
  expect(findings(g).some((f) => f.cells.includes(cell))).toBe(true);
});

test('a project named “2024年…” is a name, not code 2024', async () => {
  const g = await repaired000();
  for (const s of g.sheets) for (const row of s.rows) for (const c of row ?? []) {
    if (c && typeof c.v === 'string' && c.v.includes('工会经费（留用部分）')) c.v = c.v.replace('工会经费（留用部分）', '2024年工会经费（留用部分）');
  }
  const r = checkGrid(g);
  const t10 = r.disclosure!.tables.find((t) => t.id === 't10')!;
  expect(t10.rows.find((x) => x.name === '2024年工会经费（留用部分）')?.code).toBeUndefined();
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('河北 资金支出计划 filled as percentages (header “%”), ending at 100, is accepted; decreasing is not', async () => {
  const g = await repaired004();
  const l = find(g, '项目绩效目标表2', '3月底');
  const vals = [30, 60, 90, 100];
  const cols = [l.col, l.col + 2, l.col + 3, l.col + 4];
  cols.forEach((c, i) => set(g, '项目绩效目标表2', l.row + 1, c, vals[i]));
  expect(serious(g)).toEqual([]);
  set(g, '项目绩效目标表2', l.row + 1, cols[1], 95);
  expect(findings(g).some((f) => f.rule === 'perf.plan_cumulative')).toBe(true);
});

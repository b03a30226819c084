/**
 * The human report's layout on hand-made reports: causes first when the engine gives them (the
 * diagnosis module adds `causes` to CheckResult and an `id` to each finding), what they explain
 * not repeated, the rest after; wrapping within 100 columns without breaking a figure.
 */
import { displayWidth, formatFile, formatFileLine, wrap } from '../../src/cli/format';
import type { FileReport } from '../../src/cli/check-file';
import type { Finding } from '../../src/core/finding';
import type { TableSummary } from '../../src/core/engine';

const table = (n: string, title: string, sheet: string, unit = '元'): TableSummary =>
  ({ id: n, kind: 'summary', title, number: n, sheet, titleCell: `${sheet}!A1`, unit, rows: 30, empty: false }) as TableSummary;

const T1 = table('表1', '部门综合预算收支总表', '表1');
const T4 = table('表4', '部门综合预算财政拨款收支总表', '表4');

const finding = (id: string, table: TableSummary, message: string, cells: string[], extra: Partial<Finding> = {}): Finding =>
  ({ id, rule: `sum.${id}`, severity: 'error', message, cells, table: table.title, ...extra }) as Finding;

function report(withCauses: boolean): FileReport {
  const findings = [
    finding('f1', T1, '表1“部门综合预算收支总表”本年收入合计应等于各项收入之和：应为 1,509,422.00 元，实为 1,500,000.00 元，相差 -9,422.00 元。', ['表1!B20', '表1!B6']),
    finding('f2', T4, '表4“部门综合预算财政拨款收支总表”收入合计应等于表1“部门综合预算收支总表”的财政拨款：应为 1,509,422.00 元，实为 1,500,000.00 元。', ['表4!B6', '表1!B6']),
    finding('f3', T4, '表4“部门综合预算财政拨款收支总表”“对个人和家庭的补助”没有填金额。', ['表4!F10'], { severity: 'warning', expected: '48978.00', actual: '0.00', difference: '-48978.00', unit: '元' }),
  ];
  const r: FileReport = {
    file: '/报表/子洲县.xlsx',
    status: 'checked',
    format: 'xlsx',
    profile: { id: 'shaanxi', name: '陕西 单位/部门综合预算公开报表' },
    tables: [T1, T4],
    missing: [],
    findings,
    warnings: [],
  };
  if (withCauses) {
    r.causes = [
      {
        id: 'c1',
        changes: [{ cell: '表1!B6', current: '1500000.00', suggested: '1509422.00', unit: '元' }],
        findings: ['f1', 'f2'],
        certainty: 'sure',
        kind: 'value',
        message: '表1!B6 一般公共预算拨款收入少填了 9,422.00 元：改为 1,509,422.00 元后，表1 的合计和表4 的对应数都对得上。',
      },
    ];
  }
  return r;
}

test('causes come first, with the change to make; the findings they explain are not listed again', () => {
  const out = formatFile(report(true));
  const lines = out.split('\n');
  expect(lines[0]).toBe('━━ 有错误  /报表/子洲县.xlsx');
  expect(lines[2]).toBe('   原因（1 项）：');
  expect(lines[3]).toMatch(/^ {3}1\. \[确定\] 表1!B6 一般公共预算拨款收入少填了 9,422\.00 元/);
  expect(out).toContain('改：表1!B6：1,500,000.00 元 → 改为 1,509,422.00 元');
  expect(out).toContain('解释了 2 个问题（--verbose 列出）');
  expect(out).toContain('   其他问题（1 个）：');
  expect(out).not.toContain('本年收入合计应等于各项收入之和');
  expect(out.indexOf('原因（1 项）')).toBeLessThan(out.indexOf('其他问题'));
  expect(out).toContain('“对个人和家庭的补助”没有填金额');
  // --verbose lists what the cause explains, with rule ids
  const v = formatFile(report(true), { verbose: true });
  expect(v).toContain('本年收入合计应等于各项收入之和');
  expect(v).toContain('〔sum.f1〕');
  expect(v).toContain('识别到 2 张表：');
  expect(formatFileLine(report(true))).toContain('原因 1');
});

test('without causes the findings follow the status line, grouped by table; a title spelled out once', () => {
  const out = formatFile(report(false));
  expect(out).not.toContain('原因');
  expect(out).toContain('【表1 部门综合预算收支总表】工作表“表1”');
  expect(out).toContain('【表4 部门综合预算财政拨款收支总表】工作表“表4”');
  // after the headings, messages use 表号 + short name
  expect(out).not.toMatch(/“部门综合预算收支总表”/);
  expect(out).not.toMatch(/“部门综合预算财政拨款收支总表”/);
  expect(out).toContain('表4“财政拨款收支总表”收入合计应等于表1“收支总表”的财政拨款');
  expect(out).toContain('应为 48,978.00 元，实为 0.00 元，相差 -48,978.00 元');
  for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
});

test('wrap: within the width, Chinese counted double, never inside a figure, hanging indent kept', () => {
  const text = '表4部门预算支出经济分类部分“1、人员经费和公用经费支出”的金额应等于其下级之和：应为 1,400,400.00 元，实为 1,351,422.00 元，相差 -48,978.00 元。';
  for (const width of [40, 60, 80, 100]) {
    const lines = wrap(text, '   [错误] ', '          ', width);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    for (const l of lines.slice(1)) expect(l.startsWith('          ')).toBe(true);
    const joined = lines.map((l, i) => (i === 0 ? l.slice('   [错误] '.length) : l.trimStart())).join('');
    expect(joined.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    for (const fig of ['1,400,400.00', '1,351,422.00', '-48,978.00']) expect(lines.some((l) => l.includes(fig))).toBe(true);
  }
});

test('skipped and unreadable entries: one status line and the reason', () => {
  const skipped: FileReport = { file: '/报表/~$a.xlsx', status: 'skipped', reason: '临时锁定文件', profile: null, tables: [], missing: [], findings: [], warnings: [] };
  expect(formatFile(skipped)).toBe('── 跳过  /报表/~$a.xlsx\n   临时锁定文件\n');
  expect(formatFileLine(skipped)).toBe('跳过    /报表/~$a.xlsx  临时锁定文件');
  const bad: FileReport = { ...skipped, file: '/报表/b.xlsx', status: 'unreadable', reason: undefined, error: '文件“b.xlsx”已加密。' };
  expect(formatFile(bad)).toBe('━━ 无法读取  /报表/b.xlsx\n   文件“b.xlsx”已加密。\n');
});

test('tables not found: one line lists them with the advice said once; each note only with --verbose', () => {
  const notFound = (title: string, severity: Finding['severity']): Finding =>
    ({ id: title, rule: 'table.missing', severity, message: `未找到财政部标准公开表中的“${title}”（各省模板不尽相同；若本省要求公开此表，即使无数据也应公开空表）。`, cells: [], table: title }) as Finding;
  const unreadHeader = { id: 'h', rule: 'table.missing', severity: 'warning', message: '表4!A1 有“财政拨款收支总表”的标题，但其下的表头无法识别，该表未检查。', cells: ['表4!A1'], table: '财政拨款收支总表' } as Finding;
  const r: FileReport = {
    ...report(false),
    missing: [
      { id: 'n_summary', kind: 'summary', title: '部门收支总表' },
      { id: 'n_income', kind: 'income', title: '部门收入总表' },
      { id: 'n_fiscal_summary', kind: 'fiscal_summary', title: '财政拨款收支总表' },
    ],
    findings: [notFound('部门收支总表', 'info'), notFound('部门收入总表', 'info'), unreadHeader],
  };
  const out = formatFile(r);
  expect(out).toContain('缺少 3 张应有的表：部门收支总表、部门收入总表、财政拨款收支总表');
  expect(out.match(/各省模板不尽相同/g)).toHaveLength(1);
  expect(out).not.toContain('未找到财政部标准公开表中的');
  // A table that was found but not read names its cell: still listed.
  expect(out).toContain('表头无法识别');
  expect(out).toContain('表4!A1');
  const verbose = formatFile(r, { verbose: true });
  expect(verbose.match(/未找到财政部标准公开表中的/g)).toHaveLength(2);
  for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
});

/**
 * Tables not found, said once (src/core/missing.ts): on a real template with most sheets
 * removed, the not-found notes fold into one group per severity with every missing title, and
 * everything else (a title whose header cannot be read, the tables' own findings) stays as it was.
 */
import { checkGrid } from '../../src/core/engine';
import { foldNotFound, isNotFound, notFoundSentence } from '../../src/core/missing';
import { gridFromWorkbook } from '../../src/file/read';
import { buildShaanxi000 } from '../fixtures/shaanxi';

function partOf000(keep: (name: string) => boolean) {
  const grid = gridFromWorkbook(buildShaanxi000('repaired'), '000.xlsx').grid;
  return { ...grid, sheets: grid.sheets.filter((s) => keep(s.name)) };
}

test('a workbook with three of the 陕西 tables: one group with every missing title, in order', () => {
  const r = checkGrid(partOf000((n) => ['封面', '表1', '表2', '表3'].includes(n)));
  expect(r.profile?.id).toMatch(/shaanxi/);
  expect(r.missing.length).toBeGreaterThan(8);
  const { groups, rest } = foldNotFound(r.findings);
  expect(groups).toHaveLength(1);
  expect(groups[0].severity).toBe('warning');
  expect(groups[0].titles).toEqual(r.missing.map((m) => m.title));
  expect(groups[0].notes.every(isNotFound)).toBe(true);
  expect(rest.some(isNotFound)).toBe(false);
  expect(rest.length + groups[0].notes.length).toBe(r.findings.length);
  const s = notFoundSentence(groups[0]);
  expect(s.startsWith(`未找到 ${r.missing.length} 张应有的表：${r.missing[0].title}、`)).toBe(true);
  expect(s.match(/公开空表/g)).toHaveLength(1);
});

test('national set: an info group; a table whose header cannot be read names its cell and is not folded', () => {
  const grid = partOf000((n) => ['封面', '表1', '表2'].includes(n));
  // 表2 (收入总表) keeps its title; the words of its three header rows go.
  const t2 = grid.sheets.find((s) => s.name === '表2')!;
  expect(t2.rows[1][0]?.v).toBe('部门综合预算收入总表');
  for (const i of [3, 4, 5]) t2.rows[i] = t2.rows[i].map((c) => (c && typeof c.v === 'string' ? { ...c, v: '？' } : c));
  const r = checkGrid(grid);
  const { groups, rest } = foldNotFound(r.findings);
  expect(groups.map((g) => g.severity)).toEqual(['info']);
  expect(groups[0].titles).toEqual(r.missing.map((m) => m.title));
  expect(notFoundSentence(groups[0])).toContain('财政部标准公开表');
  const unread = rest.filter((f) => f.rule === 'table.unread');
  expect(unread.map((f) => f.cells)).toEqual([['表2!A2']]);
});

test('nothing missing: no group, every finding kept', () => {
  const r = checkGrid(gridFromWorkbook(buildShaanxi000('published'), '000.xlsx').grid);
  const { groups, rest } = foldNotFound(r.findings);
  expect(groups).toEqual([]);
  expect(rest).toEqual(r.findings);
});

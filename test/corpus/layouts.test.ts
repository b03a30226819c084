/**
 * The same real figures in the layouts other provinces use. Each 江苏 corpus workbook (all checks
 * hold, see jiangsu/KEY.md) is re-laid out in memory the way other templates print the same tables:
 *   - titles carrying the 部门's name, the year and a 表号 ("表3 江苏省XX2019年支出预算总表"),
 *   - amounts stored as text with thousands separators, zero as "-",
 *   - the 合计 row below the detail instead of above it,
 *   - 科目编码 printed in three columns 类 | 款 | 项 (款 and 项 as two-digit text),
 *   - every table stacked on one sheet.
 * The national layer must read every table in every variant, raise no error, and still report a
 * changed figure on its cell.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkGrid } from '../../src/core/engine';
import { CellData, Grid, Sheet } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/file/read';

const DIR = path.join(__dirname, 'jiangsu');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));

type Transform = (g: Grid) => Grid;

const clone = (g: Grid): Grid => structuredClone(g);

function fmt(n: number): string {
  const [i, f] = n.toFixed(2).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** Titles with the 部门's name, the year and a 表号 in front. */
const retitle: Transform = (g0) => {
  const g = clone(g0);
  const r = checkGrid(g0);
  const who = r.disclosure?.unitName ?? '某部门';
  r.tables.forEach((t, i) => {
    const [sheet, ref] = t.titleCell.split('!');
    const s = g.sheets.find((x) => x.name === sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const cell = s.rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]!;
    cell.v = `表${i + 1} ${who}${r.disclosure?.year ?? 2019}年${t.title.replace(/^\d{4}年/, '')}`;
  });
  return g;
};

/** Every number as text "1,234.56"; zero as "-". */
const textNumbers: Transform = (g0) => {
  const g = clone(g0);
  for (const s of g.sheets) for (const row of s.rows) for (const c of row ?? []) if (c && typeof c.v === 'number') c.v = c.v === 0 ? '-' : fmt(c.v);
  return g;
};

/** Code tables: the 合计 row (first row after the header) moved below the last row. */
const totalLast: Transform = (g0) => {
  const g = clone(g0);
  const r = checkGrid(g0);
  for (const t of r.disclosure!.tables) {
    if (!t.scheme || t.rows.length < 2 || !t.rows[0].isTotal) continue;
    const s = g.sheets.find((x) => x.name === t.sheet)!;
    const from = t.rows[0].row;
    const to = t.rows[t.rows.length - 1].row;
    const moved = s.rows[from - 1];
    s.rows.splice(from - 1, 1);
    s.rows.splice(to - 1, 0, moved);
    // merges on the moved row go with it; those below it move up one row
    s.merges = s.merges.map((mg) => {
      if (mg.top === from && mg.bottom === from) return { ...mg, top: to, bottom: to };
      if (mg.top > from && mg.top <= to) return { ...mg, top: mg.top - 1, bottom: mg.bottom - 1 };
      return mg;
    });
  }
  return g;
};

/** Single code columns of 功能 tables printed as 类 | 款 | 项. */
const codeParts: Transform = (g0) => {
  const g = clone(g0);
  const r = checkGrid(g0);
  for (const t of r.disclosure!.tables) {
    if (t.scheme !== 'func') continue;
    const codeCol = t.columns.find((c) => c.key === 'code');
    if (!codeCol || t.rows.every((x) => !x.code)) continue;
    const s: Sheet = g.sheets.find((x) => x.name === t.sheet)!;
    const at = codeCol.col - 1;
    s.rows.forEach((row, i) => {
      if (!row) return;
      const r1 = i + 1;
      let parts: (CellData | undefined)[] = [undefined, undefined];
      const cell = row[at];
      if (r1 >= t.headerTop && r1 <= t.headerBottom && cell && typeof cell.v === 'string' && /编码|代码/.test(cell.v)) {
        cell.v = '类';
        parts = [{ v: '款' }, { v: '项' }];
      } else if (r1 > t.headerBottom && cell && /^\d{3,7}$/.test(String(cell.v))) {
        const code = String(cell.v);
        cell.v = code.slice(0, 3);
        parts = [code.length >= 5 ? { v: code.slice(3, 5) } : undefined, code.length >= 7 ? { v: code.slice(5, 7) } : undefined];
      }
      while (row.length < at + 1) row.push(undefined);
      row.splice(at + 1, 0, ...parts);
    });
    s.merges = s.merges.map((mg) => ({
      ...mg,
      left: mg.left > codeCol.col ? mg.left + 2 : mg.left,
      right: mg.right >= codeCol.col ? mg.right + 2 : mg.right,
    }));
  }
  return g;
};

/**
 * 北京 style: code and name in one cell ("201 一般公共服务支出") under one header that names the
 * classification (功能分类科目 / 经济分类科目, or just 科目 or 项目); the name column is gone.
 */
const oneLabel =
  (head: (scheme: 'func' | 'econ') => string): Transform =>
  (g0) => {
    const g = clone(g0);
    const r = checkGrid(g0);
    for (const t of r.disclosure!.tables) {
      if (t.scheme !== 'func' && t.scheme !== 'econ') continue;
      const codeCol = t.columns.find((c) => c.key === 'code');
      const nameCol = t.columns.find((c) => c.key === 'name');
      if (!codeCol || !nameCol || nameCol.col !== codeCol.col + 1) continue;
      const s = g.sheets.find((x) => x.name === t.sheet)!;
      const at = codeCol.col - 1;
      const last = t.rows[t.rows.length - 1].row;
      s.rows.forEach((row, i) => {
        const r1 = i + 1;
        if (!row || r1 < t.headerTop || r1 > last) return;
        if (r1 <= t.headerBottom) {
          if (row[at]) row[at]!.v = head(t.scheme as 'func' | 'econ');
        } else {
          const v = [row[at]?.v, row[at + 1]?.v].filter((x) => x !== undefined && x !== null && String(x).trim() !== '').join(' ');
          if (v) row[at] = { ...(row[at] ?? {}), v };
        }
        row.splice(at + 1, 1);
      });
      s.merges = s.merges
        .filter((m) => !(m.left === nameCol.col && m.right === nameCol.col))
        .map((m) => ({ ...m, left: m.left > nameCol.col ? m.left - 1 : m.left, right: m.right >= nameCol.col ? m.right - 1 : m.right }));
    }
    return g;
  };

/** All sheets stacked on one, two blank rows between tables. */
const oneSheet: Transform = (g0) => {
  const rows: Sheet['rows'] = [];
  const merges: Sheet['merges'] = [];
  for (const s of g0.sheets) {
    const off = rows.length;
    rows.push(...structuredClone(s.rows));
    merges.push(...s.merges.map((m) => ({ top: m.top + off, bottom: m.bottom + off, left: m.left, right: m.right })));
    rows.push([], []);
  }
  return { source: g0.source, sheets: [{ name: '公开报表', rows, merges }] };
};

/**
 * A table printed over several pages, turned back into a sheet (上海 普陀 2025): its header rows
 * repeated part-way down, after the third line of every 科目 table.
 */
const pageBreaks: Transform = (g0) => {
  const g = clone(g0);
  const r = checkGrid(g0);
  const tables = r.disclosure!.tables.filter((t) => t.scheme && t.rows.length >= 4 && t.headerBottom >= t.headerTop);
  // Bottom up, so that the rows of the tables still to do do not move.
  tables.sort((a, b) => b.rows[3].row - a.rows[3].row);
  for (const t of tables) {
    const s = g.sheets.find((x) => x.name === t.sheet)!;
    const at = t.rows[3].row; // the header goes in before this row
    const height = t.headerBottom - t.headerTop + 1;
    const copy = structuredClone(s.rows.slice(t.headerTop - 1, t.headerBottom));
    while (s.rows.length < at - 1) s.rows.push([]);
    s.rows.splice(at - 1, 0, ...copy);
    const own = s.merges.filter((m) => m.top >= t.headerTop && m.bottom <= t.headerBottom).map((m) => ({ ...m, top: m.top - t.headerTop + at, bottom: m.bottom - t.headerTop + at }));
    s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + height, bottom: m.bottom + height } : m)).concat(own);
  }
  return g;
};

type Result = ReturnType<typeof checkGrid>;
/** What the variant must visibly have changed, so that a transform that does nothing fails. */
const changed: Record<string, (r: Result) => boolean> = {
  retitle: (r) => r.tables.every((t) => /^表\d+$/.test(t.number ?? '')),
  text: (r) => r.disclosure!.tables.some((t) => t.rows.some((x) => Object.values(x.amounts).some((a) => a?.text))),
  last: (r) => r.disclosure!.tables.filter((t) => t.scheme === 'func' && t.rows.length > 1).every((t) => t.rows[t.rows.length - 1].isTotal),
  parts: (r) => r.disclosure!.tables.some((t) => t.columns.some((c) => c.key === 'code_class')),
  one: (r) => new Set(r.tables.map((t) => t.sheet)).size === 1,
  breaks: (r) => r.disclosure!.tables.some((t) => t.scheme && t.rows.some((x, i) => i > 0 && x.row - t.rows[i - 1].row > 1)),
  label: (r) =>
    r.disclosure!.tables.some((t) => t.scheme === 'func' && t.rows.some((x) => x.code) && !t.columns.some((c) => c.key === 'code') && t.rows.some((x) => x.code && x.codeCell === x.nameCell)),
};

const VARIANTS: [string, Transform, string[]][] = [
  ['titles with 部门 name, year and 表号', retitle, ['retitle']],
  ['amounts as text, zero as "-"', textNumbers, ['text']],
  ['合计 row last', totalLast, ['last']],
  ['codes as 类 | 款 | 项', codeParts, ['parts']],
  ['one sheet', oneSheet, ['one']],
  ['header repeated at a page break', pageBreaks, ['breaks']],
  ['code and name in one cell under 功能分类科目 / 经济分类科目', oneLabel((s) => (s === 'func' ? '功能分类科目' : '经济分类科目')), ['label']],
  ['code and name in one cell under 科目', oneLabel(() => '科目'), ['label']],
  ['code and name in one cell under 项目', oneLabel(() => '项目'), ['label']],
  ['all of these at once', (g) => oneSheet(pageBreaks(codeParts(totalLast(textNumbers(retitle(g)))))), ['retitle', 'text', 'last', 'parts', 'one', 'breaks']],
];

const grids = new Map<string, Grid>();
beforeAll(async () => {
  for (const f of FILES) grids.set(f, (await readWorkbookFile(path.join(DIR, f))).grid);
});

describe.each(VARIANTS)('江苏 figures, %s', (_name, transform, marks) => {
  test.each(FILES)('%s: every table read, no error', (file) => {
    const base = checkGrid(grids.get(file)!);
    const r = checkGrid(transform(grids.get(file)!));
    for (const m of marks) expect({ variant: m, applied: changed[m](r) }).toEqual({ variant: m, applied: true });
    // Every row of every table, not only the tables: a header not understood must not cut a table short.
    const rows = (x: Result) => x.disclosure!.tables.map((t) => `${t.kind}: ${t.rows.length}`).sort();
    expect(rows(r)).toEqual(rows(base));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  test('a changed figure is still reported on its cell', () => {
    let hit = 0;
    let n = 0;
    for (const file of FILES) {
      const g = transform(grids.get(file)!);
      const d = checkGrid(g).disclosure!;
      for (const t of d.tables) {
        const a = t.rows.map((r) => r.amounts.total ?? Object.values(r.amounts)[0]).find((x) => x && !x.blank && !x.value.isZero());
        if (!a) continue;
        const [sheet, ref] = a.cell.split('!');
        const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
        const cell = g.sheets.find((s) => s.name === sheet)!.rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]!;
        const before = cell.v;
        const num = typeof before === 'number' ? before : Number(String(before).replace(/,/g, ''));
        cell.v = typeof before === 'number' ? num + 1 : fmt(num + 1);
        n++;
        if (checkGrid(g).findings.some((f) => f.severity !== 'info' && f.cells.includes(a.cell))) hit++;
        cell.v = before;
      }
    }
    expect(n).toBeGreaterThan(20);
    expect(hit / n).toBeGreaterThanOrEqual(0.9);
  });
});

test('a label column with no header at all: the rows it cannot read are said to be unread, and no table lacking them is blamed', () => {
  for (const file of FILES) {
    const base = checkGrid(grids.get(file)!);
    const r = checkGrid(oneLabel(() => '')(grids.get(file)!));
    const unread = r.findings.filter((f) => f.rule === 'table.rows_unread');
    // Each 科目 table cut short says where the reading stopped; every table 江苏 prints by 科目 has rows.
    const cut = base.disclosure!.tables.filter((t) => (t.scheme === 'func' || t.scheme === 'econ') && t.columns.some((c) => c.key === 'code') && t.rows.length > 2);
    expect(cut.length).toBeGreaterThan(2);
    expect(unread.map((f) => f.table).sort()).toEqual(cut.map((t) => t.title).sort());
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  }
});

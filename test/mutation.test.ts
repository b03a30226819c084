/**
 * Mutation test: does the engine notice a single wrong cell?
 *
 * Start from the repaired fixture workbooks (every figure consistent), read them into Grids,
 * and with a fixed seed make single-cell changes of three kinds:
 *   - amount: an amount cell changed by a random non-zero amount (at least one unit of its
 *     last printed digit, so 万元 tables are not changed below what they can show);
 *   - code:   one digit of a 科目编码 / 单位编码 cell replaced by another digit;
 *   - unit:   a figure typed in the wrong unit: ÷10000 in a 元 table (元 figure entered as 万元),
 *             ×10000 in a 万元 table (万元 figure entered as 元).
 * Candidate cells are the cells the engine reads as amounts / codes in the repaired workbook
 * (the Disclosure); numeric cells it does not read at all are counted separately as a coverage
 * figure, because no rule can catch a change in a cell that is never read.
 *
 * DETECTED (the asserted rate): after the change, checkGrid reports an error or warning that was
 * not reported for the unchanged workbook (compared by rule, cells, expected and actual) and whose
 * cells include the changed cell. A finding naming only other cells does not count, even if it is
 * caused by the change: the user must be led to the wrong cell. Findings list every cell that
 * takes part in the comparison (the total AND its addends), so "a cell the changed one must agree
 * with" is precisely: a cell named in the same finding as the changed cell.
 * NOTICED (printed, not asserted): any new error or warning at all. The gap between the two
 * points at rules that do not name all the cells they compare.
 * ROOT CAUSE (asserted floor, target 90%): the top cause of the changed workbook (src/core/causes)
 * changes exactly the changed cell, back to its original value, and is not `ambiguous`. Ambiguous
 * top causes are counted separately (and whether one of their options is the right one).
 */
import seedrandom from 'seedrandom';
import ExcelJS from 'exceljs';
import { checkGrid } from '../src/core/engine';
import { Finding } from '../src/core/finding';
import { CellData, Grid, cellRef, parseRef } from '../src/core/grid';
import { Amount, Table } from '../src/core/disclosure';
import Decimal from 'decimal.js';
import { gridFromWorkbook } from '../src/file/read';
import { buildHebei004 } from './fixtures/hebei';

type Kind = 'amount' | 'code' | 'unit';

interface Subject {
  name: string;
  grid: Grid;
}

interface Mutation {
  subject: string;
  kind: Kind;
  cell: string;
  before: string;
  after: string;
  table: string;
}

interface Outcome extends Mutation {
  detected: boolean;
  noticed: boolean;
  rules: string[];
  /** The top cause changes exactly this cell back to its original value (and is not ambiguous). */
  rootCause: boolean;
  ambiguous: boolean;
  /** For ambiguous top causes: one of the options is the right one. */
  ambiguousRight: boolean;
  top: string;
}

const SEED = 'budget-check mutation v1';
/** Asserted floor of the root-cause share (the target is 0.9). */
const ROOT_CAUSE_FLOOR = 0.93;
/** Mutations per kind over all workbooks (330 in all), shared equally between the workbooks. */
const TOTAL_PER_KIND: Record<Kind, number> = { amount: 180, code: 75, unit: 75 };
let PER_KIND: Record<Kind, number> = { ...TOTAL_PER_KIND };

/**
 * Workbook builders, by name. The 陕西 builders are loaded when their module exists
 * (test/fixtures/shaanxi.ts is written alongside this test).
 */
function subjects(): Subject[] {
  const builders: [string, () => ExcelJS.Workbook][] = [['hebei004', () => buildHebei004('repaired')]];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sx = require('./fixtures/shaanxi');
    if (typeof sx.buildShaanxi000 === 'function') builders.unshift(['shaanxi000', () => sx.buildShaanxi000('repaired')]);
    if (typeof sx.buildShaanxi003 === 'function') builders.splice(1, 0, ['shaanxi003', () => sx.buildShaanxi003('repaired')]);
  } catch {
    // not there yet
  }
  return builders.map(([name, build]) => ({ name, grid: gridFromWorkbook(build(), `${name}.xlsx`).grid }));
}

/** A copy of the grid sharing everything but the one row that changes. */
function withCell(grid: Grid, ref: string, cell: CellData | undefined): Grid {
  const p = parseRef(ref)!;
  return {
    source: grid.source,
    sheets: grid.sheets.map((s) => {
      if (s.name !== p.sheet) return s;
      const rows = s.rows.slice();
      const row = (rows[p.row - 1] ?? []).slice();
      row[p.col - 1] = cell;
      rows[p.row - 1] = row;
      return { ...s, rows };
    }),
  };
}

function cellOf(grid: Grid, ref: string): CellData | undefined {
  const p = parseRef(ref)!;
  return grid.sheets.find((s) => s.name === p.sheet)?.rows[p.row - 1]?.[p.col - 1];
}

/** The number a cell shows, and how it is stored (number, or text with separators). */
function numberIn(c: CellData | undefined): { n: number; text: boolean; decimals: number } | null {
  if (!c || c.v === null || c.v === undefined) return { n: 0, text: false, decimals: 2 };
  if (typeof c.v === 'number') return { n: c.v, text: false, decimals: 2 };
  if (typeof c.v === 'string') {
    const s = c.v.replace(/[,\s\u3000]/g, '');
    if (s === '' || /^[-—–/]+$/.test(s)) return { n: 0, text: true, decimals: 2 };
    if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
    return { n: Number(s), text: true, decimals: s.includes('.') ? s.split('.')[1].length : 0 };
  }
  return null;
}

function withNumber(c: CellData | undefined, n: number, asText: boolean, decimals: number): CellData {
  const rounded = Number(n.toFixed(Math.max(decimals, 0)));
  if (asText) {
    const [i, f] = Math.abs(rounded).toFixed(decimals).split('.');
    const s = `${rounded < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? '.' + f : ''}`;
    return { ...c, v: s };
  }
  return { ...(c ?? {}), v: rounded };
}

function show(c: CellData | undefined): string {
  if (!c || c.v === null) return '（空）';
  return typeof c.v === 'object' ? c.v.error : String(c.v);
}

function key(f: Finding): string {
  return `${f.rule}|${f.severity}|${f.cells.join(',')}|${f.expected ?? ''}|${f.actual ?? ''}`;
}

const INEQUALITY_ONLY = /^plan_(03|06|10)$/;

interface Candidates {
  amounts: { a: Amount; table: Table }[];
  codes: { cell: string; table: Table }[];
  unread: string[];
}

function candidates(grid: Grid): Candidates {
  const d = checkGrid(grid, { diagnose: false }).disclosure;
  const amounts: Candidates['amounts'] = [];
  const codes: Candidates['codes'] = [];
  const read = new Set<string>();
  for (const t of d?.tables ?? []) {
    const rows = [...t.rows, ...(t.blocks ?? []).flatMap((b) => b.rows)];
    for (const r of rows) {
      for (const a of Object.values(r.amounts)) {
        if (!a) continue;
        read.add(a.cell);
        amounts.push({ a, table: t });
      }
      for (const c of [r.codeCell, r.code2Cell]) {
        if (c) {
          read.add(c);
          codes.push({ cell: c, table: t });
        }
      }
    }
    for (const f of t.fields ?? []) {
      if (f.amount) {
        read.add(f.amount.cell);
        // 资金支出计划 at 3月底/6月底/10月底 is bound only by inequalities (cumulative, at most the
        // 12月底 figure): a change that keeps the order is not a mistake, so these cells are not
        // amount-mutation targets. 12月底 must equal the 资金总额 and stays in.
        if (!INEQUALITY_ONLY.test(f.key)) amounts.push({ a: f.amount, table: t });
      }
    }
  }
  // Numeric cells nobody reads (below row 3, so titles and dates are left out; 栏次 rows and
  // 序号 columns — small integers in front of a row's label — are not amounts either).
  const unread: string[] = [];
  for (const s of grid.sheets) {
    s.rows.forEach((row, ri) => {
      const first = row.find((c) => c && c.v !== null);
      if (ri < 3 || (first && typeof first.v === 'string' && /^(栏次|序号)$/.test(first.v.trim()))) return;
      row.forEach((c, ci) => {
        if (!c) return;
        const num = typeof c.v === 'number' || (typeof c.v === 'string' && /^-?[\d,]+\.\d{2}$/.test(c.v.trim()));
        if (!num || c === first && typeof c.v === 'number' && Number.isInteger(c.v) && c.v < 1000) return;
        const ref = cellRef(s.name, ri + 1, ci + 1);
        if (!read.has(ref)) unread.push(ref);
      });
    });
  }
  return { amounts, codes, unread };
}

function pick<T>(rng: seedrandom.PRNG, list: T[], n: number): T[] {
  const pool = list.slice();
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  return out;
}

function mutations(rng: seedrandom.PRNG, s: Subject, cand: Candidates): { m: Mutation; grid: Grid }[] {
  const out: { m: Mutation; grid: Grid }[] = [];
  // amount: a non-zero change of 1 to 10^6 units of the last printed digit (blank cells included).
  for (const { a, table } of pick(rng, cand.amounts, PER_KIND.amount)) {
    const c = cellOf(s.grid, a.cell);
    const num = numberIn(c);
    if (!num) continue;
    const decimals = table.unit === '元' ? 2 : Math.max(a.decimals, 2);
    const unit = Math.pow(10, -decimals);
    const size = Math.ceil(Math.pow(10, rng() * 6));
    const sign = rng() < 0.5 && num.n > size * unit ? -1 : 1;
    const cell = withNumber(c, num.n + sign * size * unit, num.text, num.text ? num.decimals : decimals);
    out.push({ m: { subject: s.name, kind: 'amount', cell: a.cell, before: show(c), after: show(cell), table: table.title }, grid: withCell(s.grid, a.cell, cell) });
  }
  // code: one digit replaced by another.
  for (const { cell: ref, table } of pick(rng, cand.codes, PER_KIND.code)) {
    const c = cellOf(s.grid, ref);
    if (!c || c.v === null || typeof c.v === 'object') continue;
    const text = String(c.v);
    const digits = [...text].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
    if (digits.length === 0) continue;
    const at = digits[Math.floor(rng() * digits.length)];
    const old = Number(text[at]);
    const nd = (old + 1 + Math.floor(rng() * 9)) % 10;
    const changed = text.slice(0, at) + nd + text.slice(at + 1);
    const cell: CellData = { ...c, v: typeof c.v === 'number' ? Number(changed) : changed };
    out.push({ m: { subject: s.name, kind: 'code', cell: ref, before: show(c), after: show(cell), table: table.title }, grid: withCell(s.grid, ref, cell) });
  }
  // unit: a non-trivial figure entered in the wrong unit.
  const big = cand.amounts.filter(({ a, table }) => !a.blank && a.value.abs().gte(table.unit === '元' ? 100 : 10_000));
  for (const { a, table } of pick(rng, big, PER_KIND.unit)) {
    const c = cellOf(s.grid, a.cell);
    const num = numberIn(c);
    if (!num) continue;
    const factor = table.unit === '元' ? 1 / 10_000 : 10_000;
    const cell = withNumber(c, num.n * factor, num.text, table.unit === '元' ? 2 : num.decimals);
    out.push({ m: { subject: s.name, kind: 'unit', cell: a.cell, before: show(c), after: show(cell), table: table.title }, grid: withCell(s.grid, a.cell, cell) });
  }
  return out;
}

const results: Outcome[] = [];
const coverage: { subject: string; amounts: number; codes: number; unread: string[] }[] = [];

beforeAll(() => {
  const rng = seedrandom(SEED);
  const all = subjects();
  PER_KIND = {
    amount: Math.ceil(TOTAL_PER_KIND.amount / all.length),
    code: Math.ceil(TOTAL_PER_KIND.code / all.length),
    unit: Math.ceil(TOTAL_PER_KIND.unit / all.length),
  };
  for (const s of all) {
    const cand = candidates(s.grid);
    coverage.push({ subject: s.name, amounts: cand.amounts.length, codes: cand.codes.length, unread: cand.unread });
    const base = new Set(checkGrid(s.grid, { diagnose: false }).findings.map(key));
    for (const { m, grid } of mutations(rng, s, cand)) {
      const result = checkGrid(grid);
      const fresh = result.findings.filter((f) => f.severity !== 'info' && !base.has(key(f)));
      const naming = fresh.filter((f) => f.cells.includes(m.cell));
      const top = result.causes?.[0];
      const restores = (changes: { cell: string; suggested?: string; unit: string }[]) =>
        changes.length === 1 && changes[0].cell === m.cell && sameValue(m.before, changes[0].suggested, changes[0].unit);
      results.push({
        ...m,
        detected: naming.length > 0,
        noticed: fresh.length > 0,
        rules: [...new Set((naming.length ? naming : fresh).map((f) => f.rule))],
        rootCause: !!top && top.certainty !== 'ambiguous' && restores(top.changes),
        ambiguous: top?.certainty === 'ambiguous',
        ambiguousRight: top?.certainty === 'ambiguous' && (top.options ?? []).some(restores),
        top: top ? top.message : '（无根因）',
      });
    }
  }
  const lines: string[] = ['变更检测率（mutation test, seed "' + SEED + '"）'];
  for (const c of coverage) {
    lines.push(`  ${c.subject}: 引擎读取金额单元格 ${c.amounts} 个、编码单元格 ${c.codes} 个；未读取的数值单元格 ${c.unread.length} 个${c.unread.length ? '（' + c.unread.slice(0, 8).join('，') + (c.unread.length > 8 ? ' …' : '') + '）' : ''}`);
  }
  for (const kind of ['amount', 'code', 'unit', 'all'] as const) {
    const rs = results.filter((r) => kind === 'all' || r.kind === kind);
    const det = rs.filter((r) => r.detected).length;
    const not = rs.filter((r) => r.noticed).length;
    lines.push(`  ${kind.padEnd(6)} ${String(rs.length).padStart(4)} 次变更：指出变更单元格 ${det}（${pct(det, rs.length)}），有新问题 ${not}（${pct(not, rs.length)}）`);
  }
  const root = results.filter((r) => r.rootCause).length;
  const amb = results.filter((r) => r.ambiguous);
  const detected = results.filter((r) => r.detected);
  lines.push(
    `  根因定位：首要根因恰好把变更的单元格改回原值 ${root}/${results.length}（${pct(root, results.length)}；在指出变更的 ${detected.length} 次中 ${detected.filter((r) => r.rootCause).length}，${pct(detected.filter((r) => r.rootCause).length, detected.length)}）；` +
      `首要根因为 ambiguous ${amb.length} 次（其中选项含正确改法 ${amb.filter((r) => r.ambiguousRight).length} 次）`,
  );
  for (const kind of ['amount', 'code', 'unit'] as const) {
    const rs = results.filter((r) => r.kind === kind);
    lines.push(`    ${kind.padEnd(6)} ${pct(rs.filter((r) => r.rootCause).length, rs.length)}，ambiguous ${rs.filter((r) => r.ambiguous).length}`);
  }
  const wrong = results.filter((r) => r.detected && !r.rootCause);
  if (wrong.length) {
    lines.push(`  指出了变更、但首要根因不是改回原值的（${wrong.length}）：`);
    for (const r of wrong.slice(0, 40)) lines.push(`    [${r.kind}] ${r.subject} ${r.cell} ${r.before} → ${r.after}：${r.top}`);
  }
  const missed = results.filter((r) => !r.detected);
  if (missed.length) {
    lines.push(`  未指出的变更（${missed.length}）：`);
    for (const r of missed.slice(0, 60)) {
      lines.push(`    [${r.kind}] ${r.subject} ${r.cell} ${r.before} → ${r.after}（${r.table}）${r.noticed ? ' 其他单元格报出：' + r.rules.join(',') : ' 无任何新问题'}`);
    }
  }
  console.log(lines.join('\n'));
}, 300_000);

/** The suggested value equals the cell's original content (amounts as numbers, codes as text). */
function sameValue(before: string, suggested: string | undefined, unit: string): boolean {
  if (suggested === undefined) return false;
  if (unit === 'text') return before === suggested;
  const b = before === '（空）' ? '0' : before.replace(/[,\s\u3000]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(b) || !/^-?\d+(\.\d+)?$/.test(suggested)) return false;
  return new Decimal(b).eq(new Decimal(suggested));
}

function pct(a: number, b: number): string {
  return b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`;
}

function rate(kind?: Kind): number {
  const rs = results.filter((r) => !kind || r.kind === kind);
  return rs.length === 0 ? 0 : rs.filter((r) => r.detected).length / rs.length;
}

test('at least 300 single-cell changes were made', () => {
  expect(results.length).toBeGreaterThanOrEqual(300);
});

test('changed amounts are pointed at', () => {
  expect(rate('amount')).toBeGreaterThanOrEqual(0.95);
});

test('figures in the wrong unit are pointed at', () => {
  expect(rate('unit')).toBeGreaterThanOrEqual(0.95);
});

test('changed codes are pointed at', () => {
  expect(rate('code')).toBeGreaterThanOrEqual(0.9);
});

test('the top cause restores the changed cell (root cause), ambiguity counted apart', () => {
  const share = results.filter((r) => r.rootCause).length / results.length;
  expect(share).toBeGreaterThanOrEqual(ROOT_CAUSE_FLOOR);
  // An ambiguous top cause must list the right change among its options at least as often as not.
  const amb = results.filter((r) => r.ambiguous);
  expect(amb.filter((r) => r.ambiguousRight).length * 2).toBeGreaterThanOrEqual(amb.length);
});

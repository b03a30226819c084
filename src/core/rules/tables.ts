/**
 * Tables as a set:
 * - table.number: 表号 printed twice, or different from the template's numbering;
 * - catalogue.*: the 目录 agrees with the tables (是否空表, 理由, 表号);
 * - perf.fund_total: in each 绩效目标表, 资金总额 = 财政拨款 + 其他资金.
 */
import { Amount, CatalogueEntry, Disclosure, Table } from '../disclosure';
import { Grid, cellRef, parseRef } from '../grid';
import { canonicalTitle } from '../recognise/titles';
import { Finding } from '../finding';
import { normalise } from '../recognise/profile';
import { RuleContext, RuleFamily } from './types';
import { checkEqual, checkSum, shown } from './compare';
import Decimal from 'decimal.js';
import { fromYuan } from '../money';
import { figures } from '../finding';

function numbers(d: Disclosure, out: Finding[]): void {
  const byNumber = new Map<string, Table[]>();
  for (const t of d.tables) {
    if (!t.number) continue;
    // Repeated tables (one 绩效目标表 per project) legitimately share a 表号 ("表13").
    byNumber.set(t.number, [...(byNumber.get(t.number) ?? []), t]);
  }
  for (const [num, ts] of byNumber) {
    const kinds = new Set(ts.map((t) => t.id));
    if (kinds.size < 2) continue;
    for (const t of ts) {
      if (t.expectedNumber && t.expectedNumber === num) continue;
      out.push({
        rule: 'table.number',
        severity: 'error',
        message: `表号“${num}”重复：“${t.title}”与“${ts.find((o) => o !== t)!.title}”都标为${num}${t.expectedNumber ? `，按模板“${t.title}”应为${t.expectedNumber}` : ''}。`,
        cells: [t.numberCell ?? t.titleCell, ...ts.filter((o) => o !== t).map((o) => o.numberCell ?? o.titleCell)],
        expected: t.expectedNumber,
        actual: num,
        unit: 'text',
        table: t.title,
      });
    }
  }
  for (const t of d.tables) {
    if (!t.number || !t.expectedNumber || t.number === t.expectedNumber) continue;
    if (t.number.split('-')[0] === t.expectedNumber) continue; // 表13-1, 表13-2 …
    if ((byNumber.get(t.number) ?? []).some((o) => o.id !== t.id)) continue; // reported above
    out.push({
      rule: 'table.number',
      severity: 'warning',
      message: `“${t.title}”标为${t.number}，按模板应为${t.expectedNumber}。`,
      cells: [t.numberCell ?? t.titleCell],
      expected: t.expectedNumber,
      actual: t.number,
        unit: 'text',
      table: t.title,
    });
  }
}

function titleKey(s: string): string {
  return normalise(s).replace(/^(部门|单位)/, '').replace(/^(综合预算|预算)/, '');
}

/** A cell outside the 目录's own rows whose text names the listed table (its title as printed). */
function titleInGrid(grid: Grid | undefined, e: CatalogueEntry, listing: CatalogueEntry[]): string | undefined {
  const key = titleKey(e.title);
  if (!grid || key.length < 4) return undefined;
  const listed = new Set(listing.map((x) => { const p = parseRef(x.cell); return p ? `${p.sheet}|${p.row}` : ''; }));
  for (const sheet of grid.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      for (const [c, cell] of (sheet.rows[r] ?? []).entries()) {
        if (!cell || typeof cell.v !== 'string' || cell.v.length > 120) continue;
        if (listed.has(`${sheet.name}|${r + 1}`)) continue; // the 目录's own listing rows
        const k = titleKey(canonicalTitle(cell.v).stripped);
        if (k === key || (k.endsWith(key) && k.length - key.length <= 12)) return cellRef(sheet.name, r + 1, c + 1);
      }
    }
  }
  return undefined;
}

function catalogue(d: Disclosure, out: Finding[], grid?: Grid): void {
  if (!d.catalogue) return;
  const seen = new Map<string, string>();
  for (const e of d.catalogue) {
    if (seen.has(e.number)) {
      out.push({ rule: 'catalogue.number', severity: 'error', message: `目录中表号“${e.number}”出现两次。`, cells: [e.cell, seen.get(e.number)!] });
    }
    seen.set(e.number, e.cell);
    // The listed title, else the listed number, identifies the table; an exact title wins over a suffix match.
    const key = titleKey(e.title);
    const exact = key ? d.tables.filter((t) => titleKey(t.title) === key) : [];
    const loose = key ? d.tables.filter((t) => titleKey(t.title).endsWith(key) || key.endsWith(titleKey(t.title))) : [];
    const byNumber = d.tables.filter((t) => t.number && t.number.split('-')[0] === e.number);
    const tables = exact.length ? exact : loose.length === 1 ? loose : byNumber;
    const t = tables[0];
    const printed = !t ? titleInGrid(grid, e, d.catalogue) : undefined;
    if (!t && printed) {
      // The table is there (its title is printed) but could not be read: nothing is proven missing.
      out.push({
        rule: 'catalogue.missing_table',
        severity: 'info',
        message: `目录列出的${e.number}“${e.title}”在 ${printed} 有标题，但未能识别其表格，未核对目录与该表是否一致。`,
        cells: [e.cell, printed],
      });
      continue;
    }
    if (!t) {
      out.push({
        rule: 'catalogue.missing_table',
        severity: e.declaredEmpty ? 'warning' : 'error',
        message: `目录列出的${e.number}“${e.title}”在工作簿中没有找到${e.declaredEmpty ? '（即使是空表也应公开）' : ''}。`,
        cells: [e.cell],
      });
      continue;
    }
    if (t.number && t.number.split('-')[0] !== e.number) {
      out.push({
        rule: 'catalogue.number',
        severity: 'warning',
        message: `目录中“${e.title}”为${e.number}，但表上标为${t.number}。`,
        cells: [t.numberCell ?? t.titleCell, e.cell],
        expected: e.number,
        actual: t.number,
        unit: 'text',
        table: t.title,
      });
    }
    const hasData = tables.some((x) => !x.empty);
    if (e.declaredEmpty === true && hasData) {
      out.push({
        rule: 'catalogue.empty',
        severity: 'error',
        message: `目录称${e.number}“${e.title}”为空表，但该表有数据。`,
        cells: [e.flagCell ?? e.cell, e.cell, t.titleCell],
        table: t.title,
      });
    }
    if (e.declaredEmpty === false && !hasData) {
      out.push({
        rule: 'catalogue.empty',
        severity: 'error',
        message: `目录称${e.number}“${e.title}”不是空表，但该表没有数据。若确无数据，应在目录中标为空表并说明理由。`,
        cells: [e.flagCell ?? e.cell, e.cell, t.titleCell],
        table: t.title,
      });
    }
    if (e.declaredEmpty === true && !e.reason) {
      out.push({
        rule: 'catalogue.reason',
        severity: 'warning',
        message: `目录中${e.number}“${e.title}”标为空表，但没有填写公开空表理由。`,
        cells: [e.cell],
      });
    }
  }
}

/**
 * An empty table (no figure, or only zeros) is published with its reason: a 注 under it (“注：本部门无
 * 该项目”), a line saying 本部门（单位）无…, or the 目录's 理由. Without any, a 提示.
 */
function emptyNotes(d: Disclosure, grid: Grid | undefined, out: Finding[]): void {
  if (!grid) return;
  for (const t of d.tables) {
    if (!t.empty || t.kind === 'catalogue' || t.kind === 'perf_project') continue;
    const listed = d.catalogue?.find((e) => e.declaredEmpty && e.reason && titleKey(e.title) && titleKey(t.title).endsWith(titleKey(e.title)));
    if (listed) continue;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    let noted = false;
    for (let r = t.headerTop; r <= Math.min(sheet.rows.length, t.lastRow + 3) && !noted; r++) {
      for (const c of sheet.rows[r - 1] ?? []) {
        const v = c && typeof c.v === 'string' ? normalise(c.v) : '';
        if (/^(注|说明|备注)[:：]?/.test(v) || /本(部门|单位)(没有|无|未)|无(此|该)(项|类)|不涉及|空表/.test(v)) {
          noted = true;
          break;
        }
      }
    }
    if (noted) continue;
    out.push({
      rule: 'table.empty_note',
      severity: 'info',
      message: `“${t.title}”是空表，但表下没有注明原因（如“注：本部门无该项收支”）；公开空表应说明理由。`,
      cells: [t.titleCell],
      table: t.title,
    });
  }
}

/**
 * A footnote that calls a table with figures empty (上海 普陀 万里街道 2024: “注：本部门2024年无“三公”经费
 * 和机关运行经费预算，故本表为空表。” under 47.91 and 443.18 万元): the note or the figures are left from
 * another year's or unit's document. Which of them is wrong is not known: a warning naming both.
 * Only the 注/说明/备注 lines right below the table are its footnotes: any other text (the next table's
 * title) ends them.
 */
function emptyNoteWithData(d: Disclosure, grid: Grid | undefined, out: Finding[]): void {
  if (!grid) return;
  for (const t of d.tables) {
    if (t.empty || t.kind === 'catalogue') continue;
    const figure = firstFigure(t);
    if (!figure) continue;
    const sheet = grid.sheets.find((s) => s.name === t.sheet);
    if (!sheet) continue;
    // (The table's extent may already take in its footnotes: from its last line on.)
    let lastLine = t.headerBottom;
    for (const x of t.rows) if (x.row > lastLine) lastLine = x.row;
    for (let r = lastLine + 1; r <= Math.min(Math.max(t.lastRow, lastLine) + 3, sheet.rows.length); r++) {
      const c = (sheet.rows[r - 1] ?? []).findIndex((x) => x && typeof x.v === 'string' && x.v.trim());
      if (c < 0) continue;
      const raw = String(sheet.rows[r - 1][c]!.v).trim();
      const v = normalise(raw);
      // Footnotes open with 注/说明/备注; anything else below the table (the next table's title) ends them.
      if (!/^(注|说明|备注)/.test(v)) break;
      if (!/空表/.test(v) || !/无|没有|未安排|未发生|不涉及/.test(v)) continue;
      const note = cellRef(t.sheet, r, c + 1);
      out.push({
        rule: 'table.empty_note_data',
        severity: 'warning',
        message: `“${t.title}”有数据（如 ${figure.cell}），表下的注却说本表为空表（“${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”）：注或数据之一是从别的年度或单位的表中留下的，请核对。`,
        cells: [note, figure.cell],
        table: t.title,
      });
      break;
    }
  }
}

/** The table's first figure that is not blank or 0, row by row. */
function firstFigure(t: Table): Amount | undefined {
  for (const r of t.rows) {
    for (const k in r.amounts) {
      const a = r.amounts[k];
      if (a && !a.blank && !a.value.isZero()) return a;
    }
  }
  return undefined;
}

function perf(d: Disclosure, out: Finding[]): void {
  for (const t of d.tables) {
    if (t.kind !== 'perf_project' && t.kind !== 'perf_fund') continue;
    const get = (k: string) => t.fields?.find((f) => f.key === k)?.amount;
    const total = get('total');
    const parts = [get('fiscal'), get('other')].filter((a): a is NonNullable<typeof a> => !!a);
    if (!total || parts.length === 0) continue;
    const project = t.fields?.find((f) => f.key === 'project')?.text ?? '';
    const f = checkSum({
      rule: 'perf.fund_total',
      table: t,
      total,
      parts,
      what: () => `绩效目标表“${project}”的资金总额应等于财政拨款与其他资金之和`,
    });
    if (f) out.push(f);
  }
}

const PLAN_KEYS: [string, string][] = [
  ['plan_03', '3月底'],
  ['plan_06', '6月底'],
  ['plan_10', '10月底'],
  ['plan_12', '12月底'],
];

/** 资金支出计划 is cumulative: it never decreases, and the last period equals the 预算数. */
function plan(d: Disclosure, out: Finding[]): void {
  for (const t of d.tables) {
    if (t.kind !== 'perf_project') continue;
    const get = (k: string) => t.fields?.find((f) => f.key === k)?.amount;
    const total = get('total');
    const periods = PLAN_KEYS.map(([k, label]) => ({ label, a: get(k) })).filter((p) => p.a);
    if (!total || periods.length === 0 || periods.every((p) => p.a!.blank)) continue;
    const project = t.fields?.find((f) => f.key === 'project')?.text ?? t.title;
    const shownAmt = (a: { value: Decimal }) => shown(a.value, t.unit);
    // The header says 资金支出计划（%）; most units fill cumulative amounts, some fill percentages.
    // Percentages are recognised by the header and a last period of exactly 100.
    const lastValue = [...periods].reverse().find((p) => !p.a!.blank)?.a;
    const percent =
      /%/.test(t.fields?.find((f) => f.key === 'plan_header')?.label ?? '') && !!lastValue && fromYuan(lastValue.value, t.unit).eq(100);
    let prev: { label: string; a: NonNullable<ReturnType<typeof get>> } | undefined;
    for (const p of periods) {
      const a = p.a!;
      if (prev && !a.blank && a.value.lt(prev.a.value)) {
        out.push({
          rule: 'perf.plan_cumulative',
          severity: 'error',
          message: `绩效目标表“${project}”的资金支出计划是累计数，${p.label}（${percent ? `${fromYuan(a.value, t.unit).toFixed()}%` : shownAmt(a)}）不应小于${prev.label}（${percent ? `${fromYuan(prev.a.value, t.unit).toFixed()}%` : shownAmt(prev.a)}）。`,
          cells: [a.cell, prev.a.cell],
          ...figures(prev.a.value, a.value),
          table: t.title,
        });
      }
      if (!a.blank) prev = { label: p.label, a };
    }
    const last = periods[periods.length - 1];
    const lastA = last.a!;
    if (percent) continue; // cumulative percentages ending at 100%
    if (lastA.blank) {
      out.push({
        rule: 'perf.plan_cumulative',
        severity: 'error',
        message: `绩效目标表“${project}”的资金支出计划${last.label}为空，累计计划应在年底达到预算数 ${shownAmt(total)}。`,
        cells: [lastA.cell, total.cell, ...(prev ? [prev.a.cell] : [])],
        ...figures(total.value, lastA.value),
        table: t.title,
      });
    } else {
      const f = checkEqual({
        rule: 'perf.plan_cumulative',
        expected: total,
        expectedUnit: t.unit,
        actual: lastA,
        actualUnit: t.unit,
        what: () => `绩效目标表“${project}”的资金支出计划${last.label}累计数应等于预算数`,
        table: t.title,
      });
      if (f) out.push(f);
    }
  }
}

const collect =
  (check: (d: Disclosure, out: Finding[], grid?: Grid) => void) =>
  (d: Disclosure, grid?: Grid): Finding[] => {
    const out: Finding[] = [];
    check(d, out, grid);
    return out;
  };
/** The checks of tableRules, in the order of their findings. */
const TABLE_CHECKS: [string, (d: Disclosure, grid?: Grid) => Finding[]][] = [
  ['numbers', collect(numbers)],
  ['catalogue', collect(catalogue)],
  ['emptyNotes', collect((d, out, grid) => emptyNotes(d, grid, out))],
  ['emptyNoteWithData', collect((d, out, grid) => emptyNoteWithData(d, grid, out))],
  ['perf', collect(perf)],
  ['plan', collect(plan)],
];

export const tableRules: RuleFamily = {
  id: 'tables',
  title: '目录、表号与绩效目标表',
  rules: [
    { id: 'table.number', title: '表号不重复，与模板一致', severity: 'error|warning' },
    { id: 'catalogue.missing_table', title: '目录列出的表都已公开（有标题而未能识别时仅提示）', severity: 'error|warning|info' },
    { id: 'catalogue.number', title: '目录表号与表上表号一致', severity: 'error|warning' },
    { id: 'catalogue.empty', title: '目录“是否空表”与表中数据相符', severity: 'error' },
    { id: 'table.empty_note', title: '空表注明了原因（表下的“注”、“本部门无…”或目录中的理由）', severity: 'info' },
    { id: 'table.empty_note_data', title: '有数据的表，表下的注不说“本表为空表”', severity: 'warning' },
    { id: 'catalogue.reason', title: '空表在目录中写明理由', severity: 'warning' },
    { id: 'perf.fund_total', title: '绩效目标表资金总额等于财政拨款与其他资金之和', severity: 'error|warning' },
    { id: 'perf.plan_cumulative', title: '资金支出计划逐期累计不减少，年底等于预算数', severity: 'error|warning' },
  ],
  run(ctx) {
    return TABLE_CHECKS.flatMap(([, check]) => check(ctx.disclosure, ctx.grid));
  },
  // The same checks one by one, for the diagnosis: a changed figure re-runs only the checks that
  // read it (the empty-table checks read a table's first figures, 表号 checks none).
  checks: TABLE_CHECKS.map(([name, check]) => ({ name, run: ({ disclosure, grid }: RuleContext) => check(disclosure, grid) })),
};


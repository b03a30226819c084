/**
 * Human-readable (Chinese) output of the command line, for a reviewer scanning hundreds of
 * workbooks: per workbook one status line, then the causes (when the engine diagnoses them) and
 * the findings grouped by table, then — only with --verbose — the rule ids and the tables
 * recognised. Every line fits in LINE_WIDTH characters (long messages wrap with a hanging
 * indent); a table is named in full once and by 表号 + short name after that. Figures are in the
 * table's own unit (check-file.ts converts them). Pure string building; main.ts writes the strings.
 */
import { foldNotFound } from '../core/missing';
import { countBySeverity, figureText, Finding, Severity, SEVERITY_LABEL } from '../core/finding';
import type { TableSummary } from '../core/engine';
import type { MoneyUnit } from '../core/money';
import type { CauseLike, FileReport } from './check-file';
import { tableOf } from './check-file';

/** Longest line of the report, in terminal columns (a Chinese character takes two). */
export const LINE_WIDTH = 100;

/** Columns a character takes in a terminal: 2 for CJK and full-width forms (and Chinese quotes), else 1. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026 ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000
  ) return 2;
  return 1;
}

/** Terminal columns of a string. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

export interface Totals {
  /** Entries listed: checked + unreadable + skipped. */
  files: number;
  checked: number;
  skipped: number;
  withErrors: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
}

export interface FormatOptions {
  /** Rule ids after each finding, the findings behind each cause, and the tables recognised. */
  verbose?: boolean;
}

export function emptyTotals(): Totals {
  return { files: 0, checked: 0, skipped: 0, withErrors: 0, unreadable: 0, error: 0, warning: 0, info: 0 };
}

/** Adds one entry's report to the totals. */
export function addToTotals(t: Totals, r: FileReport): void {
  t.files++;
  if (r.status === 'skipped') {
    t.skipped++;
    return;
  }
  if (r.status === 'unreadable' || r.error) {
    t.unreadable++;
    return;
  }
  t.checked++;
  const c = countBySeverity(r.findings);
  if (c.error > 0) t.withErrors++;
  t.error += c.error;
  t.warning += c.warning;
  t.info += c.info;
}

export function totalsOf(reports: FileReport[]): Totals {
  const t = emptyTotals();
  for (const r of reports) addToTotals(t, r);
  return t;
}

const isBreakAfter = (ch: string) => '，。；：、）」” '.includes(ch);
const wide = (ch: string | undefined) => ch !== undefined && ch.charCodeAt(0) > 0x2e80;

/**
 * Wraps `text` to LINE_WIDTH characters: the first line starts with `first`, the others with
 * `rest` (a hanging indent). Breaks after Chinese punctuation or a space when one is near the
 * end of the line, else between Chinese characters, and only as a last resort inside a word.
 */
export function wrap(text: string, first: string, rest: string, width = LINE_WIDTH): string[] {
  const out: string[] = [];
  let chars = Array.from(text);
  let prefix = first;
  while (chars.length > 0) {
    const room = Math.max(20, width - displayWidth(prefix));
    // How many characters fit in `room` columns.
    let fit = 0;
    for (let w = 0; fit < chars.length; fit++) {
      w += charWidth(chars[fit]);
      if (w > room) break;
    }
    if (fit >= chars.length) {
      out.push(prefix + chars.join(''));
      break;
    }
    // A line of 1–3 characters ("0。") reads badly: then break a few characters earlier.
    const limit = chars.length - fit <= 3 ? fit - 4 : fit;
    let cut = -1;
    for (let i = limit; i > limit - 20 && i > 0; i--) {
      if (isBreakAfter(chars[i - 1])) {
        cut = i;
        break;
      }
    }
    if (cut < 0) for (let i = limit; i > limit - 20 && i > 0; i--) if (wide(chars[i - 1]) || wide(chars[i])) {
      cut = i;
      break;
    }
    if (cut < 0) cut = fit;
    out.push(prefix + chars.slice(0, cut).join('').trimEnd());
    chars = Array.from(chars.slice(cut).join('').trimStart());
    prefix = rest;
  }
  return out;
}

function countsText(c: Record<Severity, number>): string {
  return `错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`;
}

/** A table's name without the words every table of the set starts with: "部门综合预算财政拨款收支总表" → "财政拨款收支总表". */
export function shortName(title: string): string {
  const short = title.replace(/^(部门综合预算|单位综合预算|部门预算|单位预算|部门|单位)/, '');
  const chars = Array.from(short.length >= 3 ? short : title);
  return chars.length > 16 ? chars.slice(0, 15).join('') + '…' : chars.join('');
}

/** 表号 + short name, for mentions after the first: "表4 财政拨款收支总表"; without a 表号, the short name. */
function shortTitle(t: { number?: string; title: string; part?: string }): string {
  if (t.number) return `${/表/.test(t.number) ? t.number : `表${t.number}`} ${shortName(t.title)}`;
  return shortName(t.title);
}

function fullTitle(t: TableSummary): string {
  const num = t.number ? `${/表/.test(t.number) ? t.number : `表${t.number}`} ` : '';
  return `${num}${t.title}`;
}

/**
 * Shortens repeated mentions of a table inside messages: once 表4“部门综合预算财政拨款收支总表” has
 * been named in full (in a heading or a message), later mentions read 表4.
 */
function mentionShortener(tables: TableSummary[]): { mentioned(t: TableSummary): void; message(m: string): string } {
  const seen = new Set<string>();
  const titles = new Set(tables.map((t) => t.title));
  const key = (num: string, title: string) => `${num}\u0000${title}`;
  return {
    mentioned(t) {
      if (t.number) seen.add(key(/表/.test(t.number) ? t.number : `表${t.number}`, t.title));
    },
    message(m) {
      return m.replace(/(表[0-9０-９一二三四五六七八九十]+(?:-\d+)?)“([^”]+)”/g, (all, num: string, title: string) => {
        if (!titles.has(title)) return all;
        const k = key(num, title);
        if (seen.has(k)) {
          const short = shortName(title);
          return short === title ? num : `${num}“${short}”`;
        }
        seen.add(k);
        return all;
      });
    },
  };
}

const CERTAINTY: Record<CauseLike['certainty'], string> = { sure: '确定', likely: '很可能', ambiguous: '有多种可能' };

const figure = (s: string, unit: string): string => figureText(s, (unit || '元') as Finding['unit'] | MoneyUnit);

/** The status word of a report. */
function statusWord(r: FileReport): string {
  if (r.status === 'skipped') return '跳过';
  if (r.status === 'unreadable' || r.error) return '无法读取';
  const c = countBySeverity(r.findings);
  return c.error > 0 ? '有错误' : c.warning > 0 ? '有警告' : '通过';
}

function findingLines(f: Finding, o: FormatOptions, indent: string): string[] {
  const out: string[] = [];
  const head = `${indent}[${SEVERITY_LABEL[f.severity]}] `;
  const hang = indent + '       ';
  out.push(...wrap(f.message + (o.verbose ? ` 〔${f.rule}〕` : ''), head, hang));
  if (f.cells.length > 0) {
    const shown = f.cells.slice(0, 12).join('，');
    out.push(...wrap(`单元格：${shown}${f.cells.length > 12 ? ` 等 ${f.cells.length} 个` : ''}`, hang, hang));
  }
  if (f.text) out.push(...wrap(`说明第 ${f.text.paragraph} 段：“${f.text.excerpt}”`, hang, hang));
  // Most messages already state 应为/实为/相差; the figures line is for those that do not.
  if (!f.message.includes('应为')) {
    const parts: string[] = [];
    if (f.expected !== undefined) parts.push(`应为 ${f.unit === 'text' ? `“${f.expected}”` : figureText(f.expected, f.unit)}`);
    if (f.actual !== undefined) parts.push(`实为 ${f.unit === 'text' ? `“${f.actual}”` : figureText(f.actual, f.unit)}`);
    if (f.difference !== undefined && f.unit !== 'text') parts.push(`相差 ${figureText(f.difference, f.unit)}`);
    if (parts.length) out.push(...wrap(parts.join('，'), hang, hang));
  }
  return out;
}

/** The full report of one entry. */
export function formatFile(r: FileReport, o: FormatOptions = {}): string {
  const out: string[] = [];
  const status = statusWord(r);
  if (r.status === 'skipped') {
    out.push(`── 跳过  ${r.file}`);
    out.push(...wrap(r.reason ?? '', '   ', '   '));
    return out.join('\n') + '\n';
  }
  if (r.status === 'unreadable' || r.error) {
    out.push(`━━ ${status}  ${r.file}`);
    out.push(...wrap(r.error ?? '', '   ', '   '));
    return out.join('\n') + '\n';
  }
  const c = countBySeverity(r.findings);
  const profile = r.profile ? r.profile.name : '未识别出预算公开报表模板';
  const format = r.format === 'xls' ? '，.xls 格式' : '';
  // The status line: never wrapped (a path is copied whole); the counts follow on the next line.
  out.push(`━━ ${status}  ${r.file}`);
  out.push(...wrap(`${countsText(c)}；${profile}，${r.tables.length} 张表${format}`, '   ', '   '));
  const shorten = mentionShortener(r.tables);
  for (const w of r.warnings) out.push(...wrap(`读取提示：${w}`, '   ', '     '));
  if (r.missing.length > 0) out.push(...wrap(`缺少 ${r.missing.length} 张应有的表：${r.missing.map((m) => m.title).join('、')}`, '   ', '     '));
  // A table simply not found says no more than the line above (one note per table, the same
  // advice each time): its advice is said once here and the notes are listed only with --verbose.
  // Notes about a table that was found but could not be read name its cell and stay listed.
  const folded = foldNotFound(o.verbose ? [] : r.findings);
  const notFound = new Set(folded.groups.flatMap((g) => g.notes));
  for (const g of folded.groups) out.push(...wrap(`（${g.advice}各表的提示用 --verbose 列出）`, '     ', '     '));

  // Causes first: each explains several findings; what they explain is not listed again.
  const explained = new Set<string>();
  const causes = r.causes ?? [];
  if (causes.length > 0) {
    const byId = new Map<string, Finding>();
    for (const f of r.findings) {
      const id = (f as { id?: string }).id;
      if (id) byId.set(id, f);
    }
    out.push(`   原因（${causes.length} 项）：`);
    causes.forEach((cause, i) => {
      out.push(...wrap(cause.message, `   ${i + 1}. [${CERTAINTY[cause.certainty] ?? cause.certainty}] `, '        '));
      for (const ch of cause.changes) {
        out.push(...wrap(ch.suggested === undefined ? `${ch.cell}：${figure(ch.current, ch.unit)} 无法读取，应填入数字` : `${ch.cell}：${figure(ch.current, ch.unit)} → 改为 ${figure(ch.suggested, ch.unit)}`, '        改：', '            '));
      }
      const list = cause.findings.map((id) => byId.get(id)).filter((f): f is Finding => !!f);
      for (const id of cause.findings) explained.add(id);
      if (list.length > 0) {
        out.push(`        解释了 ${list.length} 个问题${o.verbose ? '：' : '（--verbose 列出）'}`);
        if (o.verbose) for (const f of list) out.push(...findingLines({ ...f, message: shorten.message(f.message) }, o, '        '));
      }
    });
  }
  const rest = r.findings.filter((f) => {
    const id = (f as { id?: string }).id;
    return !(id && explained.has(id)) && !notFound.has(f);
  });
  if (causes.length > 0 && rest.length > 0) out.push(`   其他问题（${rest.length} 个）：`);

  // Grouped by table in the order the tables were found; a table is named in full once.
  const groups = new Map<string, { table?: TableSummary; label: string; list: Finding[] }>();
  const named = new Set<string>();
  for (const f of rest) {
    const t = tableOf(f, r.tables);
    const key = t ? `${t.sheet}\u0000${t.title}` : f.table ?? (f.text ? '说明文字' : '（未归入具体表格）');
    if (!groups.has(key)) groups.set(key, { table: t, label: t ? '' : key, list: [] });
    groups.get(key)!.list.push(f);
  }
  const order = [...groups.entries()].sort(([, a], [, b]) => {
    const ia = a.table ? r.tables.indexOf(a.table) : Infinity;
    const ib = b.table ? r.tables.indexOf(b.table) : Infinity;
    return ia - ib;
  });
  for (const [, g] of order) {
    let header: string;
    if (g.table) {
      const t = g.table;
      const part = t.part ? `〔${t.part}〕` : '';
      const full = fullTitle(t);
      header = named.has(full) ? `【${shortTitle(t)}${part}】工作表“${t.sheet}”` : `【${full}${part}】工作表“${t.sheet}”`;
      named.add(full);
      shorten.mentioned(t);
    } else header = `【${g.label}】`;
    out.push(...wrap(header, '   ', '    '));
    for (const f of g.list) out.push(...findingLines({ ...f, message: shorten.message(f.message) }, o, '   '));
  }
  if (r.annotated) {
    out.push(`   标注副本：${r.annotated}`); // a path is never wrapped
    if (r.annotatedNote) out.push(...wrap(`（${r.annotatedNote}）`, '     ', '     '));
  }
  if (r.annotateError) out.push(...wrap(`标注副本未写出：${r.annotateError}`, '   ', '     '));
  if (o.verbose && r.tables.length > 0) {
    out.push(`   识别到 ${r.tables.length} 张表：`);
    const seen = new Set<string>();
    for (const t of r.tables) {
      const full = fullTitle(t);
      const name = seen.has(full) ? shortTitle(t) : full;
      seen.add(full);
      const part = t.part ? `〔${t.part}〕` : '';
      const empty = t.empty ? '（空表）' : '';
      const cell = t.titleCell.slice(t.titleCell.lastIndexOf('!') + 1);
      out.push(...wrap(`${name}${part}${empty} —— 工作表“${t.sheet}” ${cell}，单位：${t.unit || '未注明'}`, '     ', '       '));
    }
  }
  return out.join('\n') + '\n';
}

/** One line per entry, for --summary / --quiet with hundreds of files. */
export function formatFileLine(r: FileReport): string {
  const name = r.file;
  if (r.status === 'skipped') return `跳过    ${name}  ${r.reason ?? ''}`;
  if (r.status === 'unreadable' || r.error) return `无法读取  ${name}  ${r.error}`;
  const c = countBySeverity(r.findings);
  const status = c.error > 0 ? '有错误  ' : c.warning > 0 ? '有警告  ' : '通过    ';
  const profile = r.profile ? r.profile.name : '未识别模板';
  const extra = [
    r.format === 'xls' ? '.xls' : '',
    r.causes?.length ? `原因 ${r.causes.length}` : '',
    r.missing.length > 0 ? `缺表 ${r.missing.length}` : '',
    r.warnings.length > 0 ? `读取提示 ${r.warnings.length}` : '',
    r.annotateError ? '副本未写出' : '',
  ].filter(Boolean);
  return `${status}${name}  ${profile}  表 ${r.tables.length} 张  错误 ${c.error} 警告 ${c.warning} 提示 ${c.info}${extra.length ? '  ' + extra.join('，') : ''}`;
}

export function formatTotals(t: Totals): string {
  const parts = [`检查 ${t.checked} 个（${t.withErrors} 个有错误）`];
  if (t.skipped > 0) parts.push(`跳过 ${t.skipped} 个`);
  parts.push(`${t.unreadable} 个无法读取`);
  return `共 ${t.files} 个文件：${parts.join('，')}；合计错误 ${t.error} 项，警告 ${t.warning} 项，提示 ${t.info} 项。`;
}

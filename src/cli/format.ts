/**
 * Human-readable (Chinese) output of the command line: one block per workbook, a one-line form
 * for --summary, and the final totals line. Pure string building; main.ts writes the strings.
 */
import { countBySeverity, Finding, Severity, SEVERITY_LABEL } from '../core/finding';
import { figuresLine } from '../file/write';
import type { FileReport } from './check-file';

export interface Totals {
  files: number;
  withErrors: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
}

export function totalsOf(reports: FileReport[]): Totals {
  const t: Totals = { files: reports.length, withErrors: 0, unreadable: 0, error: 0, warning: 0, info: 0 };
  for (const r of reports) {
    if (r.error) {
      t.unreadable++;
      continue;
    }
    const c = countBySeverity(r.findings);
    if (c.error > 0) t.withErrors++;
    t.error += c.error;
    t.warning += c.warning;
    t.info += c.info;
  }
  return t;
}

function countsText(c: Record<Severity, number>): string {
  return `错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`;
}

const OTHER = '（未归入具体表格）';
const NARRATIVE = '说明文字';

/** The full report of one workbook. */
export function formatFile(r: FileReport): string {
  const out: string[] = [];
  out.push(`━━ ${r.file}`);
  if (r.error) {
    out.push(`  无法检查：${r.error}`);
    return out.join('\n') + '\n';
  }
  for (const w of r.warnings) out.push(`  读取提示：${w}`);
  out.push(`  模板：${r.profile ? r.profile.name : '未能识别（没有找到任何已知的预算公开表格）'}`);
  if (r.tables.length > 0) {
    out.push(`  识别到 ${r.tables.length} 张表：`);
    for (const t of r.tables) {
      const num = t.number ? `${t.number} ` : '';
      const part = t.part ? `〔${t.part}〕` : '';
      const empty = t.empty ? '（空表）' : '';
      out.push(`    ${num}${t.title}${part}${empty} —— 工作表“${t.sheet}” ${t.titleCell.slice(t.titleCell.lastIndexOf('!') + 1)}`);
    }
  }
  if (r.missing.length > 0) {
    out.push(`  缺少 ${r.missing.length} 张应有的表：${r.missing.map((m) => m.title).join('、')}`);
  }
  const c = countBySeverity(r.findings);
  out.push(`  结果：${countsText(c)}`);
  // Group by table, in the order the tables were found; findings without a table come last.
  const groups = new Map<string, Finding[]>();
  for (const t of r.tables) groups.set(t.title, []);
  for (const f of r.findings) {
    const key = f.table ?? (f.text ? NARRATIVE : OTHER);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(f);
  }
  for (const [table, list] of groups) {
    if (list.length === 0) continue;
    out.push(`  【${table}】`);
    for (const f of list) {
      out.push(`    [${SEVERITY_LABEL[f.severity]}] ${f.message}  〔${f.rule}〕`);
      if (f.cells.length > 0) {
        const shown = f.cells.slice(0, 12).join('，');
        out.push(`      单元格：${shown}${f.cells.length > 12 ? ` 等 ${f.cells.length} 个` : ''}`);
      }
      if (f.text) out.push(`      说明第 ${f.text.paragraph} 段：“${f.text.excerpt}”`);
      // Most messages already state 应为/实为/相差; the figures line is for those that do not.
      const figs = f.message.includes('应为') ? '' : figuresLine(f);
      if (figs) out.push(`      ${figs}`);
    }
  }
  if (r.annotated) out.push(`  标注副本：${r.annotated}`);
  if (r.annotateError) out.push(`  标注副本未写出：${r.annotateError}`);
  return out.join('\n') + '\n';
}

/** One line per file, for --summary / --quiet with hundreds of files. */
export function formatFileLine(r: FileReport): string {
  const name = r.file;
  if (r.error) return `无法读取  ${name}  ${r.error}`;
  const c = countBySeverity(r.findings);
  const status = c.error > 0 ? '有错误  ' : c.warning > 0 ? '有警告  ' : '通过    ';
  const profile = r.profile ? r.profile.name : '未识别模板';
  const extra = [
    r.missing.length > 0 ? `缺表 ${r.missing.length}` : '',
    r.warnings.length > 0 ? `读取提示 ${r.warnings.length}` : '',
    r.annotateError ? '副本未写出' : '',
  ].filter(Boolean);
  return `${status}${name}  ${profile}  表 ${r.tables.length} 张  错误 ${c.error} 警告 ${c.warning} 提示 ${c.info}${extra.length ? '  ' + extra.join('，') : ''}`;
}

export function formatTotals(t: Totals): string {
  return `共检查 ${t.files} 个文件：${t.withErrors} 个有错误，${t.unreadable} 个无法读取；合计错误 ${t.error} 项，警告 ${t.warning} 项，提示 ${t.info} 项。`;
}

/**
 * budget-check narrative <file.xlsx> [--prior <last-year.xlsx>] [--out <file.docx|.txt|.md>] [--json]
 *
 * Generates the 说明 from a workbook's tables (and last year's workbook of the same template).
 * Also provides checkNarrativeFile for `budget-check check --narrative <说明.docx|.txt>`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { readWorkbookFile, ReadError } from '../file/read';
import { NarrativeFileError, narrativeToDocx, readNarrativeFile } from '../file/docx';
import { checkGrid, CheckResult } from '../core/engine';
import { Finding, SEVERITY_LABEL, countBySeverity, sortFindings } from '../core/finding';
import type { CodeCatalogue } from '../core/codes/catalogue';
import type { Disclosure } from '../core/disclosure';
import { checkNarrative, generateNarrative, narrativeToText } from '../core/narrative';
import type { Narrative } from '../core/narrative/types';
import { wrap } from './format';
import { systemReason } from '../file/errors';

export interface NarrativeIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_UNREADABLE = 2;

/** Checks a separate 说明 file (.txt/.md/.docx) against a workbook's result (or alone when null). */
export async function checkNarrativeFile(file: string, result: CheckResult | null, codes?: CodeCatalogue, prior: Disclosure | null = null): Promise<Finding[]> {
  let paragraphs: string[];
  try {
    paragraphs = await readNarrativeFile(file);
  } catch (e) {
    return [{ rule: 'narrative.read', severity: 'error', message: (e as Error).message, cells: [] }];
  }
  const name = path.basename(file);
  return checkNarrative(paragraphs, result?.disclosure ?? null, { codes, source: name, prior }).map((f) => ({ ...f, message: `说明“${name}”${f.message}` }));
}

/** `check --narrative <file>` with no workbook: the text alone. Returns the exit code. */
export async function checkNarrativeOnly(file: string, io: NarrativeIo, json = false, verbose = false): Promise<number> {
  let paragraphs: string[];
  try {
    paragraphs = await readNarrativeFile(file);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n`);
    return EXIT_UNREADABLE;
  }
  const findings = sortFindings(checkNarrative(paragraphs, null));
  const counts = countBySeverity(findings);
  if (json) io.stdout.write(JSON.stringify({ narrative: file, paragraphs: paragraphs.length, findings, summary: counts }, null, 2) + '\n');
  else {
    io.stdout.write(`说明：${file}（${paragraphs.length} 段，未对照报表，只检查文字自身的计算和模板残留）\n`);
    for (const f of findings) {
      const lines = wrap(`${f.message}${verbose ? ` 〔${f.rule}〕` : ''}`, `  [${SEVERITY_LABEL[f.severity]}] `, '         ');
      if (f.text) lines.push(...wrap(`原文：“${f.text.excerpt}”（第 ${f.text.paragraph} 段第 ${f.text.start + 1}–${f.text.end} 字）`, '         ', '         '));
      io.stdout.write(lines.join('\n') + '\n');
    }
    io.stdout.write(`错误 ${counts.error} 个，警告 ${counts.warning} 个，提示 ${counts.info} 个。\n`);
  }
  return counts.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

/** The generated 说明 as JSON: every number carries its cells. */
export function narrativeJson(n: Narrative): unknown {
  return {
    source: n.source,
    profile: n.profile,
    title: n.title,
    hasPrior: n.hasPrior,
    placeholders: n.placeholders,
    notes: n.notes,
    suspects: n.suspects ?? [],
    sections: n.sections.map((s) => ({
      id: s.id,
      title: s.title,
      paragraphs: s.paragraphs.map((p) => ({ text: p.text, placeholders: p.placeholders, numbers: p.numbers })),
    })),
  };
}

export async function loadResult(file: string, io: NarrativeIo, what: string): Promise<CheckResult | null> {
  try {
    const { grid } = await readWorkbookFile(file);
    const r = checkGrid(grid);
    if (!r.disclosure) {
      io.stderr.write(`${what}“${path.basename(file)}”中没有识别出预算公开报表（不是已知的报表模板），无法生成说明。\n`);
      return null;
    }
    return r;
  } catch (e) {
    io.stderr.write(`${e instanceof ReadError ? e.message : `无法读取${what}“${file}”：文件内容无法识别。`}\n`);
    return null;
  }
}

export async function runNarrative(file: string, o: { prior?: string; out?: string; json?: boolean }, io: NarrativeIo): Promise<number> {
  const cur = await loadResult(file, io, '工作簿');
  if (!cur) return EXIT_UNREADABLE;
  let prior: CheckResult | null = null;
  if (o.prior) {
    prior = await loadResult(o.prior, io, '上年工作簿');
    if (!prior) return EXIT_UNREADABLE;
    if (prior.profile?.id !== cur.profile?.id) io.stderr.write(`提示：上年工作簿的模板（${prior.profile?.name}）与本年（${cur.profile?.name}）不同，上年数可能对不上。\n`);
  }
  const n = generateNarrative(cur.disclosure!, prior?.disclosure ?? null, { check: cur });
  if (o.out) {
    const ext = path.extname(o.out).toLowerCase();
    try {
      if (ext === '.docx') await fs.writeFile(o.out, await narrativeToDocx(n));
      else if (ext === '.txt' || ext === '.md') await fs.writeFile(o.out, narrativeToText(n, ext === '.md' ? 'md' : 'txt'), 'utf8');
      else if (ext === '.json') await fs.writeFile(o.out, JSON.stringify(narrativeJson(n), null, 2), 'utf8');
      else {
        io.stderr.write(`不支持的输出格式“${ext || o.out}”：请用 .docx、.txt、.md 或 .json。\n`);
        return EXIT_UNREADABLE;
      }
    } catch (e) {
      io.stderr.write(`无法写入“${o.out}”：${systemReason(e, 'write')}。\n`);
      return EXIT_UNREADABLE;
    }
    io.stderr.write(`已生成说明：${o.out}\n`);
  }
  if (o.json) io.stdout.write(JSON.stringify(narrativeJson(n), null, 2) + '\n');
  else if (!o.out) io.stdout.write(narrativeToText(n) + '\n');
  for (const note of n.notes) io.stderr.write(`提示：${note}\n`);
  if (n.placeholders > 0) io.stderr.write(`尚有 ${n.placeholders} 处【请填写…】需要人工补充。\n`);
  return EXIT_OK;
}

export function registerNarrativeCommand(
  program: Command,
  io: NarrativeIo = { stdout: process.stdout, stderr: process.stderr },
  setExit: (code: number) => void = (c) => {
    process.exitCode = c;
  },
): Command {
  return program
    .command('narrative')
    .description('根据报表生成预算公开说明（收支说明、“三公”经费等），每个数字都注明来源单元格')
    .usage('[选项] <file.xlsx>')
    .argument('<file.xlsx>', '本年的预算公开工作簿')
    .option('--prior <last-year.xlsx>', '上年同一模板的工作簿，用于写“较上年增减”')
    .option('-o, --out <file>', '写到文件：.docx（可直接粘贴到 Word）、.txt、.md 或 .json')
    .option('--json', '以 JSON 输出（每个数字带来源单元格）')
    .action(async (file: string, o: { prior?: string; out?: string; json?: boolean }) => {
      setExit(await runNarrative(file, o, io));
    });
}

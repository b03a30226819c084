/**
 * budget-check: the command line.
 *
 *   budget-check check <files or folders…> [--json] [--summary] [--out <dir>] [--codes <file>] [--narrative <file>]
 *
 * Exit codes: 0 no errors found; 1 errors found; 2 at least one file could not be read (or its
 * annotated copy could not be written), or the command line itself was wrong.
 * Nothing is thrown to the user: every failure becomes a Chinese message naming the file.
 */
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { collectInputs } from './inputs';
import { FileReport, skippedReport } from './check-file';
import { DEFAULT_WORKERS_FROM, checkFiles, cores, defaultJobs } from './pool';
import { addToTotals, emptyTotals, formatFile, formatFileLine, formatTotals, wrap } from './format';
import type { CodeCatalogue } from '../core/codes/catalogue';
import { SCHEMES, SCHEME_LABEL } from '../core/codes/catalogue';
import { checkNarrativeFile, checkNarrativeOnly, loadResult, registerNarrativeCommand } from './narrative';
import type { CheckResult } from '../core/engine';
import { systemReason } from '../file/errors';
import { tuneV8Compiler } from './v8-tuning';

export const VERSION = '0.1.0';

/** Where output goes; tests pass their own. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /**
   * Runs this same command again in a new node with --single-threaded-gc and gives its exit code;
   * undefined when it cannot (already so, or node could not be started). Only the real process
   * has one (see relaunchWithSingleThreadedGc); tests check in this process.
   */
  relaunch?: () => Promise<number | undefined>;
}

/**
 * From this many files on, a check runs in a node started with --single-threaded-gc. On this
 * 2-core machine V8's parallel garbage-collector helpers compete with the checking threads for the
 * cores: measured (published 工伤 copies, runs alternated) 1,200 files with two workers 14.1–14.9 s
 * → 12.6–13.1 s, 400 files one at a time 7.3–8.1 s → 6.9 s, 100 files 2.7 s either way. Starting a
 * second node costs about 0.06 s, so a single workbook or a small folder is checked as it is.
 * The flag exists only at start-up (v8.setFlagsFromString on a running node crashed it).
 */
export const SINGLE_THREADED_GC_FROM = 300;
const SINGLE_THREADED_GC = '--single-threaded-gc';

/** What a printed report's slot holds afterwards (the report itself is let go). */
const DONE = { file: '', status: 'checked', profile: null, tables: [], missing: [], findings: [], warnings: [] } as FileReport;

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

interface CheckCliOptions {
  json?: boolean;
  verbose?: boolean;
  summary?: boolean;
  quiet?: boolean;
  out?: string;
  codes?: string;
  codesMode?: 'replace' | 'extend';
  narrative?: string;
  /** Last year's workbook: the 说明's 较上年 and 上年 figures are checked against it (only with --narrative). */
  prior?: string;
  progress?: boolean;
  jobs?: number;
}

/** Commander's help in Chinese: titles, and the choices/default notes after an option. */
const HELP: Partial<Help> = {
  styleTitle: (s: string) => TITLES[s] ?? s,
  // "check [选项] [文件或文件夹...]" in the list of commands, not commander's "[options]".
  subcommandTerm: (cmd: Command) => `${cmd.name()}${cmd.alias() ? `|${cmd.alias()}` : ''} ${cmd.usage()}`.trim(),
  optionDescription: (opt: Option) => {
    const extra: string[] = [];
    if (opt.argChoices) extra.push(`可选：${opt.argChoices.join('、')}`);
    if (opt.defaultValue !== undefined && typeof opt.defaultValue !== 'boolean') extra.push(`默认：${String(opt.defaultValue)}`);
    return extra.length ? `${opt.description}（${extra.join('；')}）` : opt.description;
  },
} as Partial<Help>;

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** Commander's own (English) errors, in Chinese. */
function commanderMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      return `未知的选项 ${quoted}。运行 budget-check --help 查看用法。`;
    case 'commander.unknownCommand':
      return `未知的命令 ${quoted}。运行 budget-check --help 查看用法。`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}。运行 budget-check help <命令> 查看用法，例如 budget-check help narrative。`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 需要一个值。`;
    case 'commander.invalidArgument': {
      // Our own parsers explain in Chinese after "is invalid."; commander's choices list is rebuilt.
      const option = /option '([^']+)'/.exec(e.message)?.[1]?.split(/[ ,]+/).find((x) => x.startsWith('--')) ?? '';
      const value = /argument '([^']*)'/.exec(e.message)?.[1] ?? '';
      const ours = /is invalid\.\s*(.*)$/s.exec(e.message)?.[1] ?? '';
      if (/[\u4e00-\u9fff]/.test(ours)) return ours;
      const choices = /Allowed choices are (.*)\.$/.exec(ours)?.[1];
      if (choices) return `选项 ${option} 的值“${value}”无效：可选 ${choices.split(/,\s*/).join('、')}。`;
      return `选项 ${option} 的值“${value}”无效。运行 budget-check --help 查看用法。`;
    }
    case 'commander.excessArguments':
      return `参数过多。运行 budget-check --help 查看用法。`;
    default:
      return `命令行有误（${e.code}）。运行 budget-check --help 查看用法。`;
  }
}

async function runCheck(inputs: string[], o: CheckCliOptions, io: Io): Promise<number> {
  // The folders are listed once, before anything is printed: a large one is checked by a node started for it.
  const collected = inputs.length > 0 ? await collectInputs(inputs) : undefined;
  if (io.relaunch && collected && collected.files.length >= SINGLE_THREADED_GC_FROM) {
    const code = await io.relaunch();
    if (code !== undefined) return code;
  }
  let codes: CodeCatalogue | undefined;
  if (o.codes) {
    const { CodeFileError, loadCodeFile, loadedCodeFileInfo } = await import('../file/codes');
    const mode = o.codesMode ?? 'extend';
    try {
      codes = await loadCodeFile(o.codes, { mode });
    } catch (e) {
      const msg = e instanceof CodeFileError ? e.message : `无法读取科目表“${o.codes}”：文件内容无法识别。`;
      io.stderr.write(`${msg}\n`);
      return EXIT_UNREADABLE;
    }
    // Say which list is in use: a silent --codes looks like it was ignored.
    const info = loadedCodeFileInfo(codes);
    const counts = SCHEMES.map((sc) => [sc, codes!.entries?.(sc).length ?? 0] as const).filter(([, n]) => n > 0);
    const total = counts.reduce((a, [, n]) => a + n, 0);
    const how = mode === 'extend' ? '补充内置科目表（extend：文件中的编码加到内置科目表上）' : '替换内置科目表（replace：文件涉及的分类只用文件中的编码）';
    const line = `已载入科目表“${path.basename(o.codes)}”${info?.sheet ? `工作表“${info.sheet}”` : ''}：文件中 ${info?.rows ?? '?'} 行编码；用法：${how}；现用编码共 ${total} 个（${counts.map(([sc, n]) => `${SCHEME_LABEL[sc]} ${n} 个`).join('，')}）。`;
    if (!o.json) io.stderr.write(wrap(line, '', '  ').join('\n') + '\n');
  }
  if (o.out) {
    // --out must be a folder we can write to; say so before checking hundreds of files.
    const st = await fs.stat(o.out).catch(() => null);
    if (st && !st.isDirectory()) {
      io.stderr.write(`--out 应为文件夹，而“${o.out}”是一个文件。请给出要写标注副本的文件夹。\n`);
      return EXIT_UNREADABLE;
    }
    if (!st) {
      try {
        await fs.mkdir(o.out, { recursive: true });
      } catch (e) {
        io.stderr.write(`无法创建标注副本文件夹“${o.out}”：${systemReason(e, 'write')}。\n`);
        return EXIT_UNREADABLE;
      }
    }
  }
  if (!collected) {
    // `check --narrative 说明.docx` alone: the text's own arithmetic, without tables.
    if (o.narrative) return checkNarrativeOnly(o.narrative, io, !!o.json, !!o.verbose);
    io.stderr.write(`缺少参数：请给出要检查的 .xlsx 文件或文件夹。例如：budget-check check 报表文件夹/\n`);
    return EXIT_UNREADABLE;
  }
  const { entries, files } = collected;
  if (files.length === 0) {
    if (!o.json) for (const e of entries) io.stdout.write(formatFile(skippedReport(e.file, e.skip ?? '')));
    io.stderr.write(`在 ${inputs.map((i) => `“${i}”`).join('、')} 中没有找到工作簿（.xlsx、.xlsm 或 .xls 文件）${entries.length ? `；${entries.length} 个文件都已跳过，原因见上` : ''}。\n`);
    return EXIT_UNREADABLE;
  }
  if (o.narrative && files.length > 1) {
    io.stderr.write(`--narrative 只能与一个工作簿一起使用（说明“${o.narrative}”要与它所属单位的报表对照），现在给出了 ${files.length} 个文件。\n`);
    return EXIT_UNREADABLE;
  }
  const narrative = o.narrative;
  if (o.prior && !narrative) {
    io.stderr.write(`--prior 用于核对说明中的“较上年”和上年数，需与 --narrative 一起使用。\n`);
    return EXIT_UNREADABLE;
  }
  let prior: CheckResult | null = null;
  if (o.prior) {
    prior = await loadResult(o.prior, io, '上年工作簿');
    if (!prior) return EXIT_UNREADABLE;
  }
  const extra = narrative ? (result: CheckResult) => checkNarrativeFile(narrative, result, codes, prior?.disclosure ?? null) : undefined;

  const oneLine = o.summary || o.quiet;
  const useBar = files.length > 1 && !!io.stderr.isTTY && o.progress !== false;
  const cliProgress = useBar ? (await import('cli-progress')).default : undefined;
  // While the bar is drawn on a terminal shared with stdout, its line is cleared before each
  // report is printed, and its save/restore-cursor codes are dropped: restoring the cursor at the
  // end would jump back over the reports printed meanwhile.
  const sharedTerminal = useBar && !!io.stdout.isTTY;
  const barStream = sharedTerminal
    ? {
        isTTY: true,
        columns: (io.stderr as { columns?: number }).columns ?? 80,
        write: (s: string) => (s === '\x1B7' || s === '\x1B8' ? true : io.stderr.write(s)),
      }
    : io.stderr;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        {
          stream: barStream as unknown as NodeJS.WritableStream,
          format: '检查中 [{bar}] {value}/{total} {file}',
          hideCursor: true,
          clearOnComplete: true,
          barsize: 30,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(files.length, 0, { file: '' });
  const print = (s: string) => {
    if (sharedTerminal) io.stderr.write('\r\x1b[K');
    io.stdout.write(s);
  };

  // Files may finish out of order in worker threads; every entry (checked or skipped) is printed
  // in input order.
  const slots: (FileReport | undefined)[] = entries.map((e) => (e.skip ? skippedReport(e.file, e.skip) : undefined));
  const slotOf = entries.map((e, i) => (e.skip ? -1 : i)).filter((i) => i >= 0);
  let printed = 0;
  let finished = 0;
  // Each report is printed (or written into the JSON document) as soon as its turn comes, then
  // dropped: memory stays flat however many files the folder holds.
  const totals = emptyTotals();
  let annotateFailed = false;
  const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);
  if (o.json) io.stdout.write('{\n  "files": [');
  const flush = (): void => {
    while (printed < slots.length && slots[printed]) {
      const r = slots[printed]!;
      if (o.json) io.stdout.write(`${printed > 0 ? ',' : ''}\n    ${indent(JSON.stringify(r, null, 2), '    ')}`);
      else print(oneLine ? formatFileLine(r) + '\n' : formatFile(r, { verbose: o.verbose }) + '\n');
      addToTotals(totals, r);
      if (r.annotateError) annotateFailed = true;
      slots[printed] = DONE;
      printed++;
    }
  };
  const jobs = o.jobs ?? defaultJobs(files.length);
  const outFiles = o.out ? (await import('../file/write')).annotatedPaths(files, o.out) : undefined;
  flush();
  await checkFiles(files, { jobs, codes, codesFile: o.codes ? { file: o.codes, mode: o.codesMode ?? 'extend' } : undefined, outDir: o.out, outFiles, extra }, (i, outcome) => {
    slots[slotOf[i]] = outcome.report;
    finished++;
    flush();
    bar?.update(finished, { file: path.basename(files[i]) });
  });
  bar?.stop();

  if (o.json) {
    io.stdout.write(`\n  ],\n  "summary": ${indent(JSON.stringify(totals, null, 2), '  ')}\n}\n`);
  } else {
    io.stdout.write(formatTotals(totals) + '\n');
  }
  if (!o.json && totals.skipped > 0 && !oneLine) {
    io.stdout.write(`（跳过的 ${totals.skipped} 个不是工作簿，不影响退出码；原因见各自一行。）\n`);
  }
  if (totals.unreadable > 0 || annotateFailed) return EXIT_UNREADABLE;
  return totals.error > 0 ? EXIT_ERRORS : EXIT_OK;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('budget-check')
    .description('预算公开校验助手（命令行）：检查部门/单位预算公开 Excel 报表的表内、表间勾稽关系和科目编码。')
    .version(VERSION, '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp(HELP)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // reported in Chinese by main()
    })
    .exitOverride()
    .showSuggestionAfterError(false);

  program.usage('[命令] [选项]');
  program
    .command('check', { isDefault: true })
    .description('检查一个或多个工作簿（.xlsx、.xlsm、.xls），或文件夹中的所有工作簿（含子文件夹；其他文件列出并注明跳过的原因）')
    .usage('[选项] [文件或文件夹...]')
    .argument('[文件或文件夹...]', '要检查的工作簿或文件夹')
    .option('--json', '以 JSON 输出结果（标准输出上只有一个 JSON 文档）')
    .option('-v, --verbose', '同时列出规则编号、每个原因解释的问题和识别到的表')
    .option('-s, --summary', '每个文件只输出一行（适合一次检查几百个文件）')
    .option('-q, --quiet', '同 --summary')
    .option('-o, --out <dir>', '把标注副本 <文件名>.checked.xlsx 写到此文件夹（不修改原文件；.xls 的副本另存为 .xlsx）')
    .option('--codes <file>', '使用此科目表文件（.csv、.xlsx 或 .xls；列：编码、名称，可选“类别”）')
    .addOption(
      new Option('--codes-mode <mode>', '科目表的用法：extend 在内置科目表上补充，replace 替换内置科目表中文件涉及的分类')
        .choices(['extend', 'replace'])
        .default('extend'),
    )
    .option('--narrative <file>', '同时检查此预算公开说明（.docx、.txt 或 .md）：数字与报表是否一致、文字自身的计算；不给工作簿时只检查文字自身')
    .option('--prior <last-year.xlsx>', '与 --narrative 一起：上年同一模板的工作簿，说明中的“较上年”增减和上年数与它核对（不给时不核对这些数）')
    .option('--no-progress', '不显示进度条')
    .addOption(
      new Option('-j, --jobs <n>', `同时检查的文件数（工作线程数，本机 ${cores()} 核）；默认逐个检查，${DEFAULT_WORKERS_FROM} 个文件以上时用 2 个线程（只有 1 个核时仍逐个）；空闲的多核电脑上检查大量文件时可设为核数`).argParser((v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`--jobs 应为 1 到 64 的整数，而不是“${v}”。`);
        return n;
      }),
    )
    .action(async (inputs: string[], o: CheckCliOptions) => {
      setExit(await runCheck(inputs, o, io));
    });

  registerNarrativeCommand(program, io, setExit);
  return program;
}

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      io.stderr.write(commanderMessage(e) + '\n');
      return EXIT_UNREADABLE;
    }
    io.stderr.write(`程序出错（这是本工具的问题，请反馈）：${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_UNREADABLE;
  }
}

/** Run when loaded as the program (bin/budget-check.js, or `npx tsx src/cli/main.ts`), not when imported by tests. */
function isEntryPoint(): boolean {
  const entry = require.main?.filename ?? process.argv[1] ?? '';
  return require.main === module || /budget-check(\.js)?$/.test(entry);
}

/**
 * Io.relaunch of the real process: the same script and arguments in a node with
 * --single-threaded-gc, sharing this terminal (stdin, stdout, stderr); its exit code is ours.
 * Ctrl-C reaches both processes from the terminal, so this one ignores it and waits; a SIGTERM
 * sent to this one is passed on.
 */
export function relaunchWithSingleThreadedGc(script = process.argv[1], args = process.argv.slice(2)): Promise<number | undefined> {
  if (process.execArgv.includes(SINGLE_THREADED_GC) || !script) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let started = false;
    const child = spawn(process.execPath, [SINGLE_THREADED_GC, ...process.execArgv, script, ...args], { stdio: 'inherit' });
    const ignore = () => undefined;
    const pass = () => child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', pass);
    const done = (code: number | undefined) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', pass);
      resolve(code);
    };
    child.on('spawn', () => (started = true));
    // Could not start a node: check in this one.
    child.on('error', () => !started && done(undefined));
    child.on('exit', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : EXIT_UNREADABLE)));
  });
}

if (isEntryPoint()) {
  // Errors that escape everything (they should not) still end with a Chinese line, not a stack trace.
  const fatal = (e: unknown) => {
    process.stderr.write(`程序出错（这是本工具的问题，请反馈）：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(EXIT_UNREADABLE);
  };
  // `budget-check … | head` closes the pipe early: stop quietly, that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  tuneV8Compiler();
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, relaunch: () => relaunchWithSingleThreadedGc() }).then((code) => {
    process.exitCode = code;
  });
}

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
import cliProgress from 'cli-progress';
import * as path from 'path';
import { collectInputs } from './inputs';
import type { FileReport } from './check-file';
import { checkFiles, cores, defaultJobs } from './pool';
import { annotatedPaths } from '../file/write';
import { formatFile, formatFileLine, formatTotals, totalsOf } from './format';
import type { CodeCatalogue } from '../core/codes/catalogue';
import { CodeFileError, loadCodeFile } from '../file/codes';
import { checkNarrativeFile, checkNarrativeOnly, registerNarrativeCommand } from './narrative';
import type { CheckResult } from '../core/engine';

export const VERSION = '0.1.0';

/** Where output goes; tests pass their own. */
export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNREADABLE = 2;

interface CheckCliOptions {
  json?: boolean;
  summary?: boolean;
  quiet?: boolean;
  out?: string;
  codes?: string;
  codesMode?: 'replace' | 'extend';
  narrative?: string;
  progress?: boolean;
  jobs?: number;
}

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
      return `缺少参数：请给出要检查的 .xlsx 文件或文件夹。例如：budget-check check 报表文件夹/`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 需要一个值。`;
    case 'commander.invalidArgument':
      return `选项的值无效：${e.message.replace(/^error:\s*/, '')}`;
    case 'commander.excessArguments':
      return `参数过多。运行 budget-check --help 查看用法。`;
    default:
      return `命令行有误：${e.message.replace(/^error:\s*/, '')}`;
  }
}

async function runCheck(inputs: string[], o: CheckCliOptions, io: Io): Promise<number> {
  let codes: CodeCatalogue | undefined;
  if (o.codes) {
    try {
      codes = await loadCodeFile(o.codes, { mode: o.codesMode ?? 'extend' });
    } catch (e) {
      const msg = e instanceof CodeFileError ? e.message : `无法读取科目表“${o.codes}”：${(e as Error).message}`;
      io.stderr.write(`${msg}\n`);
      return EXIT_UNREADABLE;
    }
  }
  if (inputs.length === 0) {
    // `check --narrative 说明.docx` alone: the text's own arithmetic, without tables.
    if (o.narrative) return checkNarrativeOnly(o.narrative, io, !!o.json);
    io.stderr.write(`缺少参数：请给出要检查的 .xlsx 文件或文件夹。例如：budget-check check 报表文件夹/\n`);
    return EXIT_UNREADABLE;
  }
  const { files } = await collectInputs(inputs);
  if (files.length === 0) {
    io.stderr.write(`在 ${inputs.map((i) => `“${i}”`).join('、')} 中没有找到 .xlsx 文件。\n`);
    return EXIT_UNREADABLE;
  }
  if (o.narrative && files.length > 1) {
    io.stderr.write(`--narrative 只能与一个工作簿一起使用（说明“${o.narrative}”要与它所属单位的报表对照），现在给出了 ${files.length} 个文件。\n`);
    return EXIT_UNREADABLE;
  }
  const narrative = o.narrative;
  const extra = narrative ? (result: CheckResult) => checkNarrativeFile(narrative, result, codes) : undefined;

  const oneLine = o.summary || o.quiet;
  const useBar = files.length > 1 && !!io.stderr.isTTY && o.progress !== false;
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
  const bar = useBar
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

  // Files may finish out of order in worker threads; reports are printed in input order.
  const slots: (FileReport | undefined)[] = new Array(files.length);
  let printed = 0;
  let finished = 0;
  const jobs = o.jobs ?? defaultJobs();
  await checkFiles(files, { jobs, codes, codesFile: o.codes ? { file: o.codes, mode: o.codesMode ?? 'extend' } : undefined, outDir: o.out, outFiles: o.out ? annotatedPaths(files, o.out) : undefined, extra }, (i, outcome) => {
    slots[i] = outcome.report;
    finished++;
    while (printed < files.length && slots[printed]) {
      const r = slots[printed]!;
      if (!o.json) print(oneLine ? formatFileLine(r) + '\n' : formatFile(r) + '\n');
      printed++;
    }
    bar?.update(finished, { file: path.basename(files[i]) });
  });
  bar?.stop();
  const reports = slots as FileReport[];

  const totals = totalsOf(reports);
  if (o.json) {
    io.stdout.write(JSON.stringify({ files: reports, summary: totals }, null, 2) + '\n');
  } else {
    io.stdout.write(formatTotals(totals) + '\n');
  }
  if (totals.unreadable > 0 || reports.some((r) => r.annotateError)) return EXIT_UNREADABLE;
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
    .configureHelp({ styleTitle: (s: string) => TITLES[s] ?? s } as Partial<Help>)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined, // reported in Chinese by main()
    })
    .exitOverride()
    .showSuggestionAfterError(false);

  program
    .command('check', { isDefault: true })
    .description('检查一个或多个 .xlsx 文件，或文件夹中的所有 .xlsx 文件（含子文件夹）')
    .argument('[文件或文件夹...]', '要检查的 .xlsx 文件或文件夹')
    .option('--json', '以 JSON 输出结果（标准输出上只有一个 JSON 文档）')
    .option('-s, --summary', '每个文件只输出一行（适合一次检查几百个文件）')
    .option('-q, --quiet', '同 --summary')
    .option('-o, --out <dir>', '把标注副本 <文件名>.checked.xlsx 写到此文件夹（不修改原文件）')
    .option('--codes <file>', '使用此科目表文件（CSV 或 .xlsx）')
    .addOption(
      new Option('--codes-mode <mode>', '科目表的用法：extend 在内置科目表上补充（默认），replace 替换内置科目表')
        .choices(['extend', 'replace'])
        .default('extend'),
    )
    .option('--narrative <file>', '同时检查此预算公开说明（.docx、.txt 或 .md）：数字与报表是否一致、文字自身的计算；不给工作簿时只检查文字自身')
    .option('--no-progress', '不显示进度条')
    .addOption(
      new Option('-j, --jobs <n>', `同时检查的文件数（工作线程数，本机 ${cores()} 核）；默认 1 即逐个检查，空闲的多核电脑上检查大量文件时可设为核数`).argParser((v: string) => {
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

if (isEntryPoint()) {
  // Errors that escape everything (they should not) still end with a Chinese line, not a stack trace.
  const fatal = (e: unknown) => {
    process.stderr.write(`程序出错（这是本工具的问题，请反馈）：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(EXIT_UNREADABLE);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Checks many files, optionally in worker threads (--jobs): reading .xlsx is CPU-bound, so a
 * reviewer's folder of hundreds of workbooks on a machine with idle cores is checked faster.
 * Results come back through `onDone` as files finish; callers restore input order themselves.
 */
import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkFile, CheckFileOptions, CheckFileOutcome, FileReport } from './check-file';
import { loadWorkbookBytes } from '../file/read';
import type { WorkerSetup, WorkerTask } from './worker';

/** Below this many files the workers' start-up (each compiles the TypeScript again, about a second of CPU) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 20;

/**
 * Default: one file at a time. Measured on the 2-core build machine under load from other jobs,
 * two workers used ~45 % more CPU in all (each thread compiles the TypeScript and warms up the JIT
 * again) and finished later; on a machine with idle cores `--jobs <cores>` pays off for large batches.
 */
export function defaultJobs(): number {
  return 1;
}

/** Cores available to this process. */
export function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export interface PoolOptions extends CheckFileOptions {
  /** Worker threads to use; 1 checks in this thread. */
  jobs: number;
  /** The --codes file, for workers to load themselves (a catalogue cannot be sent to a thread). */
  codesFile?: { file: string; mode: 'replace' | 'extend' };
  /** Annotated-copy path per file (aligned with `files`), when --out is given. */
  outFiles?: string[];
  /** Use workers only from this many files on (default MIN_FILES_FOR_WORKERS). */
  minFiles?: number;
}

function crashed(file: string, why: string): CheckFileOutcome {
  const report: FileReport = {
    file,
    status: 'unreadable',
    profile: null,
    tables: [],
    missing: [],
    findings: [],
    warnings: [],
    error: `检查文件“${path.basename(file)}”时程序出错（这是本工具的问题，请反馈）：${why}`,
  };
  return { report, readMs: 0, checkMs: 0 };
}

export async function checkFiles(
  files: string[],
  opts: PoolOptions,
  onDone: (index: number, outcome: CheckFileOutcome) => void,
): Promise<void> {
  const jobs = Math.min(opts.jobs, files.length);
  // Extra checks (the narrative) run in this thread only; they come with a single workbook anyway.
  if (jobs <= 1 || files.length < (opts.minFiles ?? MIN_FILES_FOR_WORKERS) || opts.extra) {
    // The next file is loaded while this one is checked: the disk and the CPU work at once.
    const load = (i: number): Promise<Buffer> | undefined => {
      if (i >= files.length) return undefined;
      const p = loadWorkbookBytes(files[i]);
      p.catch(() => undefined); // its error is reported when the file's turn comes
      return p;
    };
    let next = load(0);
    for (let i = 0; i < files.length; i++) {
      const bytes = next;
      next = load(i + 1);
      onDone(i, await checkFile(files[i], { ...opts, outFile: opts.outFiles?.[i], bytes }));
    }
    return;
  }
  const setup: WorkerSetup = { outDir: opts.outDir, codes: opts.codesFile };
  // Built (dist-cli/worker.js beside dist-cli/main.js) or from the sources through tsx (worker-entry.js).
  const built = path.join(__dirname, 'worker.js');
  const entry = existsSync(built) ? built : path.join(__dirname, 'worker-entry.js');
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve) => {
    const start = (): void => {
      const w = new Worker(entry, { workerData: setup });
      let current: WorkerTask | undefined;
      const feed = (): void => {
        if (next >= files.length) {
          current = undefined;
          void w.terminate();
          return;
        }
        current = { index: next, file: files[next], outFile: opts.outFiles?.[next] };
        next++;
        w.postMessage(current);
      };
      w.on('message', (m: { index: number; report: FileReport; readMs: number; checkMs: number }) => {
        onDone(m.index, { report: m.report, readMs: m.readMs, checkMs: m.checkMs });
        done++;
        if (done === files.length) resolve();
        feed();
      });
      const fail = (why: string): void => {
        if (!current) return;
        const t = current;
        current = undefined;
        onDone(t.index, crashed(t.file, why));
        done++;
        if (done === files.length) resolve();
        else if (next < files.length) start(); // replace the lost worker
      };
      w.on('error', (e) => fail(e.message));
      w.on('exit', (code) => {
        if (code !== 0) fail(`工作线程异常退出（代码 ${code}）`);
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

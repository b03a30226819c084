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

/** Below this many files a worker's start-up (loading the code, warming up V8's compiler) costs more than it saves, even when asked for. */
export const MIN_FILES_FOR_WORKERS = 20;

/** From this many files on, two workers are the default (where there are two cores). */
export const DEFAULT_WORKERS_FROM = 100;

/**
 * Each worker's young generation, in MB (V8's default here is about 48: 3 × a 16 MB semi-space). A
 * check allocates many short-lived objects (Decimals, amended copies of the Disclosure in the
 * diagnosis); with room for more of them, fewer scavenges run, fewer objects survive into the old
 * generation, and on two cores the two workers' parallel scavenges contend less. Measured on 1,200
 * published 工伤 copies with --jobs 2, runs alternated with the same build: 13.5 / 13.5 / 14.1 s
 * with 96 against 15.2 / 14.0 / 15.0 s with the default (a first series: 48 MB 15.0 s, 64 MB
 * 13.5 s, 128 MB 14.3 s); peak memory 260–270 → 300–380 MB. The main thread's young generation is
 * fixed when node starts (v8.setFlagsFromString has no effect on it), so --jobs 1 keeps the
 * default; one worker with 96 MB was no faster than this thread on 100 and 400 files (its
 * scavenges run on the idle second core anyway).
 */
export const YOUNG_GENERATION_MB = 96;

/**
 * Default: one file at a time, two workers for a folder of DEFAULT_WORKERS_FROM files or more.
 * Each worker warms up V8's compiler on its own, and two threads on this 2-core machine each run
 * about 20–30 % slower than one alone (mostly V8's background compiling, see v8-tuning.ts), so
 * the second worker pays off only from some size on. Measured with the 陕西 工伤 example
 * (published, 6 findings each), `--jobs 1` against `--jobs 2`, with the workers' 96 MB young
 * generation and the compiler settings of v8-tuning.ts, two rounds:
 * 25 files 0.84–0.94 / 0.87–0.89 s, 50 files 1.37–1.39 / 1.33–1.43 s, 100 files 2.33–2.46 /
 * 2.18–2.20 s, 200 files 4.3 / 3.4–3.5 s; the repaired copies (no findings), 100 files 1.32 / 1.29 s.
 * Before those compiler settings each worker spent about 2 s of CPU compiling and the break-even
 * was near 300 files (200 files 3.8–4.3 / 4.1–4.2 s). Peak memory: about 170 MB one at a time,
 * 270–330 MB with two workers.
 */
export function defaultJobs(files: number): number {
  return files >= DEFAULT_WORKERS_FROM ? Math.min(2, cores()) : 1;
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
  /** The worker's script (tests start one that fails on purpose); default the CLI's own. */
  workerEntry?: string;
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
  const entry = opts.workerEntry ?? (existsSync(built) ? built : path.join(__dirname, 'worker-entry.js'));
  let next = 0;
  /** Tasks a crashed worker had: they go to a new worker. */
  const retry: WorkerTask[] = [];
  /** How many workers died while a file was the one being checked. */
  const crashes = new Map<number, number>();
  let done = 0;
  await new Promise<void>((resolve) => {
    /**
     * `careful`: a replacement worker takes one file at a time until one is done. A worker that
     * dies does not say which of its two files killed it (the queued one may have been loading): the
     * file being checked gets a second chance alone, and is reported only if it kills that one too.
     */
    const start = (careful = false): void => {
      const w = new Worker(entry, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      // Two tasks in flight: the worker loads the next file while it checks this one, and never
      // waits for the round trip to get its next task.
      const inFlight: WorkerTask[] = [];
      let solo = careful;
      let dead = false;
      const stop = (): void => void w.terminate();
      const feed = (): void => {
        if (dead) return;
        let task = retry.shift();
        if (!task && next < files.length) {
          task = { index: next, file: files[next], outFile: opts.outFiles?.[next] };
          next++;
        }
        if (!task) {
          if (inFlight.length === 0) stop();
          return;
        }
        inFlight.push(task);
        w.postMessage(task);
      };
      w.on('message', (m: { index: number; report: FileReport; readMs: number; checkMs: number }) => {
        const at = inFlight.findIndex((t) => t.index === m.index);
        // Not in flight (already given up with a dead worker): never reported twice.
        if (dead || at < 0) return;
        inFlight.splice(at, 1);
        onDone(m.index, { report: m.report, readMs: m.readMs, checkMs: m.checkMs });
        done++;
        if (done === files.length) resolve();
        feed();
        if (solo) {
          solo = false;
          feed();
        }
      });
      const fail = (why: string): void => {
        if (dead) return;
        dead = true;
        const [lost, ...waiting] = inFlight.splice(0);
        if (!lost) return;
        const n = (crashes.get(lost.index) ?? 0) + 1;
        crashes.set(lost.index, n);
        retry.unshift(...waiting);
        if (n < 2) retry.unshift(lost);
        else {
          onDone(lost.index, crashed(lost.file, why));
          done++;
        }
        if (done === files.length) resolve();
        else if (retry.length || next < files.length) start(true); // replace the lost worker
      };
      w.on('error', (e) => fail(e.message));
      w.on('exit', (code) => {
        if (code !== 0) fail(`工作线程异常退出（代码 ${code}）`);
        else dead = true;
      });
      feed();
      if (!careful) feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
}

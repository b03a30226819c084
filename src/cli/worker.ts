/**
 * Worker thread of the CLI pool: checks the files it is sent, one at a time, and posts back each
 * file's report. Started through worker-entry.js, which registers tsx first.
 */
import { parentPort, workerData } from 'worker_threads';
import { checkFile } from './check-file';
import { loadCodeFile } from '../file/codes';
import { loadWorkbookBytes } from '../file/read';
import type { CodeCatalogue } from '../core/codes/catalogue';

export interface WorkerSetup {
  outDir?: string;
  codes?: { file: string; mode: 'replace' | 'extend' };
}

export interface WorkerTask {
  index: number;
  file: string;
  outFile?: string;
}

const setup = workerData as WorkerSetup;
let codes: Promise<CodeCatalogue | undefined> | undefined;

/** Tasks sent and not yet done: the pool keeps two in flight, so the next file is loaded while this one is checked. */
const queue: { task: WorkerTask; bytes: Promise<Buffer> }[] = [];
let busy = false;
const drain = async () => {
  if (busy) return;
  busy = true;
  while (queue.length) {
    const { task, bytes } = queue[0];
    codes ??= setup.codes ? loadCodeFile(setup.codes.file, { mode: setup.codes.mode }) : Promise.resolve(undefined);
    const outcome = await checkFile(task.file, { codes: await codes, outDir: setup.outDir, outFile: task.outFile, bytes });
    queue.shift();
    parentPort!.postMessage({ index: task.index, report: outcome.report, readMs: outcome.readMs, checkMs: outcome.checkMs });
  }
  busy = false;
};
parentPort?.on('message', (task: WorkerTask) => {
  const bytes = loadWorkbookBytes(task.file);
  bytes.catch(() => undefined); // its error is reported in the file's turn
  queue.push({ task, bytes });
  void drain();
});

/**
 * Worker thread of the CLI pool: checks the files it is sent, one at a time, and posts back each
 * file's report. Started through worker-entry.js, which registers tsx first.
 */
import { parentPort, workerData } from 'worker_threads';
import { checkFile } from './check-file';
import { loadCodeFile } from '../file/codes';
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

parentPort?.on('message', async (task: WorkerTask) => {
  codes ??= setup.codes ? loadCodeFile(setup.codes.file, { mode: setup.codes.mode }) : Promise.resolve(undefined);
  const outcome = await checkFile(task.file, { codes: await codes, outDir: setup.outDir, outFile: task.outFile });
  parentPort!.postMessage({ index: task.index, report: outcome.report, readMs: outcome.readMs, checkMs: outcome.checkMs });
});

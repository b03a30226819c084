/** Runs the CLI in-process or as a child process and captures what it prints. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  return { code, stdout, stderr };
}

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'budget-check.js');

/** `node bin/budget-check.js …` as a user runs it. */
export function runBin(argv: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** True when the text contains Chinese characters. */
export const CHINESE = /[\u4e00-\u9fff]/;

/** A Node stack trace line ("    at foo (file.ts:1:2)"). */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m;

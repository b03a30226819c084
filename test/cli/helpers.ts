/**
 * Runs the CLI in-process or as a child process and captures what it prints. Every output of a
 * test file that uses these helpers is scanned for English sentences when the file's tests end
 * (the CLI speaks Chinese everywhere; rule ids, paths, option names and JSON keys are not sentences).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Everything the CLI printed in this test file, with the command that printed it. */
const printed: { argv: string[]; text: string }[] = [];

export async function runMain(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
  });
  printed.push({ argv, text: stdout }, { argv, text: stderr });
  return { code, stdout, stderr };
}

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'budget-check.js');

/** `node bin/budget-check.js …` as a user runs it: the compiled CLI, built first when the sources are newer. */
export function runBin(argv: string[], cwd = ROOT): Run {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(path.join(ROOT, 'bin', 'build-cli.js')) as { ensureBuilt(): boolean }).ensureBuilt();
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', timeout: 120_000 });
  printed.push({ argv, text: r.stdout ?? '' }, { argv, text: r.stderr ?? '' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** True when the text contains Chinese characters. */
export const CHINESE = /[\u4e00-\u9fff]/;

/** A Node stack trace line ("    at foo (file.ts:1:2)"). */
export const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Four or more English words in a row ("Cannot read properties of undefined"), or a library's error word. */
const SENTENCE = /\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){3,}\b/;
const LIBRARY_WORDS = /\b(?:Error|Cannot|cannot|Invalid|invalid|undefined|ENOENT|ENOTDIR|EACCES|EISDIR|EPIPE|JSZip)\b|https?:/;

/** The texts a reader sees: for a JSON document its human strings (messages, errors, reasons, warnings), else every line. */
function humanTexts(text: string): string[] {
  const t = text.trim();
  if (t.startsWith('{')) {
    try {
      const out: string[] = [];
      const walk = (v: unknown, key: string): void => {
        if (typeof v === 'string') {
          if (['message', 'error', 'reason', 'annotateError', 'annotatedNote', 'warnings', 'excerpt'].includes(key)) out.push(v);
        } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(JSON.parse(t), '');
      return out;
    } catch {
      // not JSON after all: scan the lines
    }
  }
  return text.split('\n');
}

/** Lines that read as English (for the scan below, and its own test). */
export function englishLines(text: string): string[] {
  return humanTexts(text)
    .map((line) => line.replace(/(?:\/[^\s“”，。；：（）]+)+/g, ' ')) // paths
    .filter((line) => SENTENCE.test(line) || LIBRARY_WORDS.test(line));
}

afterAll(() => {
  const found = printed.flatMap(({ argv, text }) => englishLines(text).map((line) => `${argv.join(' ')}\n    ${line}`));
  expect(found).toEqual([]);
});

import { setFlagsFromString } from 'v8';

/**
 * V8 compiler settings for the command line's checking threads, set once before any check runs
 * (V8's flags are the process's, so workers have them too).
 *
 * A check runs many large rule functions a few hundred times each. With V8's defaults (a function
 * is optimised after 132 KB of bytecode budget; up to 920 bytes of callees are inlined into it)
 * TurboFan compiled the big rules several times each at about 100 ms a time: one process spent
 * about 2 s of background-thread CPU over its first 200 workbooks, and with two workers on two
 * cores that time is taken from the checking threads. Optimising a little later and inlining less
 * keeps most of the steady-state speed at a fraction of the compiling. Measured on published 工伤
 * copies, runs alternated (docs/cli.md, 性能与限制): 400 files with two workers 7.0–7.3 s →
 * 5.3–5.5 s, 200 files one at a time 4.9 s → 4.5 s.
 *
 * Only compiler heuristics: the same code runs, and every result is the same. The flags are safe
 * to set on a running node (unlike --single-threaded-gc, see main.ts); unknown ones would be
 * ignored by V8, not fail.
 */
export const V8_COMPILER_FLAGS = ['--interrupt-budget=300000', '--max-inlined-bytecode-size-cumulative=200'];

export function tuneV8Compiler(): void {
  for (const flag of V8_COMPILER_FLAGS) setFlagsFromString(flag);
}

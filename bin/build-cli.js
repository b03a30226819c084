#!/usr/bin/env node
/**
 * Builds the command line into dist-cli/ (run by `npm ci` / `npm install` through `prepare`, and by
 * the CLI tests when the sources are newer). esbuild bundles our TypeScript into one CommonJS
 * file per entry; npm packages stay external (required from node_modules at run time), so the
 * build takes well under a second and start-up pays no TypeScript compilation.
 */
const path = require('path');
const fs = require('fs');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist-cli');

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
};

/** Newest modification time (ms) of the sources the CLI is built from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['src/cli', 'src/core', 'src/file', 'data']) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
  return newest;
}

/** Builds when dist-cli is missing or older than the sources; returns true when it built. */
function ensureBuilt() {
  const main = path.join(OUT, 'main.js');
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= newestSource()) return false;
  require('esbuild').buildSync(options);
  return true;
}

module.exports = { options, ensureBuilt, OUT };

if (require.main === module) {
  try {
    require('esbuild').buildSync(options);
  } catch (e) {
    process.stderr.write(`命令行构建失败：${e && e.message ? e.message : e}\n`);
    process.exit(1);
  }
}

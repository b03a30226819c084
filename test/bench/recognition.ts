/**
 * Recognition benchmark (part of `npm run bench`): recognise() alone and the whole engine (checkGrid)
 * on every real corpus workbook (test/corpus/*) and the shipped examples, REPEAT times each; median
 * and p95 in ms. Target: recognition within the engine's budget, ≤ 10 ms for a 15-table workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/file/read';
import { recognise } from '../../src/core/recognise/recognise';
import { BUILTIN_PROFILES } from '../../src/core/profiles';
import { checkGrid } from '../../src/core/engine';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

async function main(): Promise<void> {
  const root = path.join(__dirname, '..', '..');
  const files: string[] = [];
  for (const dir of ['examples', 'test/corpus/jiangsu', 'test/corpus/real']) {
    for (const f of fs.readdirSync(path.join(root, dir))) if (f.endsWith('.xlsx') && !f.includes('已修正')) files.push(path.join(root, dir, f));
  }
  console.log(`识别耗时（每个工作簿 ${REPEAT} 次，中位数 / p95，毫秒）`);
  console.log(`${'工作簿'.padEnd(44)} ${'表'.padStart(3)}  识别 median/p95   整个引擎 median/p95`);
  for (const file of files) {
    const grid = (await readWorkbookFile(file)).grid;
    const rec: number[] = [];
    const all: number[] = [];
    let tables = 0;
    for (let i = 0; i < REPEAT; i++) {
      let t = performance.now();
      const r = recognise(grid, BUILTIN_PROFILES);
      rec.push(performance.now() - t);
      tables = r.disclosure?.tables.length ?? 0;
      t = performance.now();
      checkGrid(grid);
      all.push(performance.now() - t);
    }
    const name = path.relative(root, file).replace(/^test\/corpus\//, '').slice(0, 44);
    console.log(`${name.padEnd(44)} ${String(tables).padStart(3)}  ${quantile(rec, 0.5).toFixed(1).padStart(6)} / ${quantile(rec, 0.95).toFixed(1).padEnd(6)}   ${quantile(all, 0.5).toFixed(1).padStart(6)} / ${quantile(all, 0.95).toFixed(1)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

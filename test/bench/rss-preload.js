// Loaded with `node --require` by the benchmark: at exit, writes the process's peak resident
// memory (KB, main thread and worker threads together) to the file named by BENCH_RSS_FILE. A
// large folder is checked by a second node the first one starts (src/cli/main.ts, --single-threaded-gc),
// which loads this file too: the larger of the two figures is kept.
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (!file) return;
  const fs = require('fs');
  let before = 0;
  try {
    before = Number(fs.readFileSync(file, 'utf8')) || 0;
  } catch {
    // first to write
  }
  fs.writeFileSync(file, String(Math.max(before, process.resourceUsage().maxRSS)));
});

// Loaded with `node --require` by the benchmark: at exit, writes the process's peak resident
// memory (KB, main thread and worker threads together) to the file named by BENCH_RSS_FILE.
process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});

#!/usr/bin/env node
// Entry point of the command line. The CLI is TypeScript run through tsx, so no build step is needed.
try {
  require('tsx/cjs');
  require('../src/cli/main.ts');
} catch (e) {
  // Only a broken installation gets here (the CLI itself reports every problem in Chinese).
  process.stderr.write(`预算公开校验助手无法启动：${e && e.message ? e.message : e}\n请在项目目录运行 npm ci 重新安装依赖。\n`);
  process.exit(2);
}

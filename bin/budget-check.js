#!/usr/bin/env node
// Entry point of the command line: runs the compiled JavaScript in dist-cli/ (built by `npm ci`
// through the `prepare` script, or `npm run build:cli`). A checkout without the build falls back
// to the TypeScript sources through tsx (slower start, same behaviour).
const path = require('path');
const fs = require('fs');
const built = path.join(__dirname, '..', 'dist-cli', 'main.js');
try {
  if (fs.existsSync(built)) {
    require(built);
  } else {
    require('tsx/cjs');
    require('../src/cli/main.ts');
  }
} catch (e) {
  // Only a broken installation gets here (the CLI itself reports every problem in Chinese).
  process.stderr.write(`预算公开校验助手无法启动：${e && e.message ? e.message : e}\n请在项目目录运行 npm ci 重新安装依赖。\n`);
  process.exit(2);
}

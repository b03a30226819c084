#!/usr/bin/env node
// Entry point of the command line. The CLI is TypeScript run through tsx, so no build step is needed.
require('tsx/cjs');
require('../src/cli/main.ts');

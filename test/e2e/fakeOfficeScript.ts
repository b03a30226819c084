/**
 * Makes the browser stand-in for office.js: the fake Excel (test/excel/fakeExcel.ts) compiled to
 * a plain script, plus Office/Excel globals over a workbook model that the test injects as
 * window.__FAKE_MODEL__. The e2e test routes https://appsforoffice.microsoft.com/…/office.js here.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** The engine modules fakeExcel.ts may import (self-contained ones only), by import path. */
const DEPENDENCIES: Record<string, string> = { '../../src/core/grid': '../../src/core/grid.ts' };

function transpile(file: string): string {
  const src = readFileSync(path.join(__dirname, file), 'utf8');
  return ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
}

export function fakeOfficeScript(): string {
  const js = transpile('../excel/fakeExcel.ts');
  // A tiny require() for those imports, each module compiled on its own.
  const modules = Object.entries(DEPENDENCIES)
    .map(([spec, file]) => `${JSON.stringify(spec)}: function () { var exports = {}; (function (exports) {\n${transpile(file)}\n})(exports); return exports; }`)
    .join(',\n');
  return `(function () {
  var __modules = {${modules}};
  var __cache = {};
  var require = function (spec) {
    if (!__modules[spec]) throw new Error('fakeOfficeScript: module not bundled: ' + spec);
    return __cache[spec] || (__cache[spec] = __modules[spec]());
  };
  var exports = {};
  ${js}
  var fake = new exports.FakeExcel(window.__FAKE_MODEL__, window.__FAKE_SETS__ ? { sets: window.__FAKE_SETS__ } : { apiVersion: 20 });
  window.__fake = fake;
  window.__actions = {};
  // Excel.run(batch) and Excel.run(options, batch), as office.js accepts both
  window.Excel = { run: function (a, b) { return typeof a === 'function' ? fake.run(undefined, a) : fake.run(a, b); } };
  window.Office = {
    HostType: { Excel: 'Excel' },
    onReady: function (cb) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve(info).then(function (i) { if (cb) cb(i); return i; });
    },
    context: {
      requirements: { isSetSupported: function (n, v) { return fake.isSetSupported(n, v); } },
      ui: { displayDialogAsync: function (url, options, cb) { (window.__dialogs = window.__dialogs || []).push(url); if (cb) cb({ status: 'succeeded' }); } },
    },
    actions: { associate: function (name, fn) { window.__actions[name] = fn; } },
    addin: {
      showAsTaskpane: function () { fake.requireSet('SharedRuntime', '1.1', 'Office.addin.showAsTaskpane'); window.__paneShown = (window.__paneShown || 0) + 1; return Promise.resolve(); },
      setStartupBehavior: function (b) { fake.requireSet('SharedRuntime', '1.1', 'Office.addin.setStartupBehavior'); window.__startup = b; return Promise.resolve(); },
    },
    StartupBehavior: { load: 'load', none: 'none' },
  };
})();`;
}

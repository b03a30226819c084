/**
 * Builds the WPS 表格 加载项 into dist-wps/ (`npm run build:wps`):
 *   index.html, main.js   — the hidden page WPS opens when it loads the add-in; main.js sets the
 *                           ribbon callbacks (window.ribbon) and holds the engine for 检查本工作簿.
 *   ribbon.xml            — the 预算公开 tab and group (检查本工作簿, 校验面板, 清除标记).
 *   taskpane.html + taskpane.[hash].js — the same React pane as in Excel, over the WPS host.
 *   exceljs.[hash].js     — ExcelJS's browser build, only when the user picks a file in the pane.
 *   images/icon-*.png
 *   jsplugins.xml         — online mode: put next to the add-in on the server; lists the add-in at `url`.
 *   publish.xml           — online mode, per machine: %APPDATA%\kingsoft\wps\jsaddons\publish.xml
 *                           (Linux: ~/.local/share/Kingsoft/wps/jsaddons/publish.xml), see docs/wps.md.
 *   offline/budget-check_<version>/ and offline/publish.xml — offline mode: the same files to be
 *                           compressed into budget-check.7z (docs/wps.md) and a publish.xml naming it.
 *
 * `npm run build:wps -- --env url=https://addins.example.gov.cn/budget-check-wps/` sets the address
 * the add-in is served from (default http://127.0.0.1:3889/, the local test server of docs/wps.md).
 * No network is used at build time.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addressFromEnv, typescriptRule } = require('./webpack.common');
const { version } = require('./package.json');

const DEV_URL = 'http://127.0.0.1:3889/';
const NAME = 'budget-check';

const addinUrl = (env) => addressFromEnv(env, DEV_URL, ['https:', 'http:'], 'WPS 在线加载项需要 http 或 https 地址');

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** One file emitted by the build from a string. */
class EmitPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EmitPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, text] of Object.entries(this.files)) compilation.emitAsset(name, new compiler.webpack.sources.RawSource(text));
      });
    });
  }
}

/** After the build: the offline folder holds a copy of every file of the add-in. */
class OfflineCopyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('OfflineCopyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'OfflineCopyPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const name of Object.keys(compilation.assets)) {
          if (name.startsWith('offline/') || name === 'jsplugins.xml' || name === 'publish.xml') continue;
          compilation.emitAsset(`offline/${NAME}_${version}/${name}`, compilation.assets[name]);
        }
      });
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  // test/wps/pane.test.ts: an unminified build without source maps into its own folder (quick)
  const e2e = !!(env && env.out);
  const url = addinUrl(env);
  const online = `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlEscape(url)}" />\n</jsplugins>\n`;
  const offline = `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" version="${version}" url="${xmlEscape(url)}${NAME}.7z" />\n</jsplugins>\n`;
  return {
    devtool: dev && !e2e ? 'source-map' : false,
    entry: { main: './wps/main.ts', taskpane: './wps/taskpane.tsx' },
    output: {
      path: e2e ? path.resolve(env.out) : path.resolve(__dirname, 'dist-wps'),
      // main.js keeps its name: WPS's index.html loads it by name
      filename: (pathData) => (pathData.chunk.name === 'main' ? 'main.js' : '[name].[contenthash:8].js'),
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [typescriptRule(dev)],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './wps/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/index.html', to: 'index.html' },
          { from: 'wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/icon-*.png', to: 'images/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
        ],
      }),
      new EmitPlugin({ 'jsplugins.xml': online, 'publish.xml': online, 'offline/publish.xml': offline }),
      new OfflineCopyPlugin(),
    ],
    performance: { hints: false },
  };
};

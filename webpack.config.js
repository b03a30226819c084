/**
 * Builds the Excel add-in into dist/:
 *   taskpane.html  — loads, in order: boot.js (ES5: a Chinese message where the bundle cannot run),
 *                    office.js, runtime.[hash].js, commands.[hash].js (the ribbon functions,
 *                    registered at the top level: small, so a cold first click finds them) and
 *                    taskpane.[hash].js (the pane). In the shared runtime this one page hosts both
 *                    the pane and the ribbon functions (FunctionFile = the pane's URL), one session.
 *   session.[hash].js — the engine and the Excel adapter, loaded by the first ribbon command when
 *                    the pane has not loaded them yet (same module registry: one runtime chunk).
 *   exceljs.[hash].js — ExcelJS's browser build, only when the user picks a file.
 *   message.html, help.html, assets/icon-*.png, manifest.xml
 *
 * `npm run build` (= webpack --mode production) needs no certificates.
 * `npm run build -- --env url=https://addins.example.gov.cn/budget-check/` writes dist/manifest.xml
 * with that address instead of https://localhost:3000/ (the source manifest.xml is not changed).
 * `npm run dev-server` (webpack serve, https://localhost:3000) uses office-addin-dev-certs'
 * trusted localhost certificate when it is installed (npx office-addin-dev-certs install).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addressFromEnv, typescriptRule } = require('./webpack.common');

const DEV_URL = 'https://localhost:3000/';

/** The production address: https only, ending in '/'. */
const productionUrl = (env) => addressFromEnv(env, DEV_URL, ['https:'], 'Office 加载项必须使用 https 地址');

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const base = productionUrl(env);
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: { commands: './commands/index.ts', taskpane: './taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [typescriptRule(dev)],
    },
    // One webpack runtime for both entries: the commands bundle and the pane share one module
    // registry, so they share one session (src/excel/session.ts).
    optimization: { runtimeChunk: 'single' },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['runtime', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
          { from: 'taskpane/message.html', to: 'message.html' },
          { from: 'taskpane/boot.js', to: 'boot.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            // URLs in attributes and element text (not the comments): "https://localhost:3000/x" → base + x,
            // the bare origin (AppDomain) → the production origin.
            transform: (content) =>
              base === DEV_URL
                ? content
                : content.toString().replace(/(["'>])https:\/\/localhost:3000(\/?)/g, (_m, q, slash) => q + (slash ? base : new URL(base).origin)),
          },
        ],
      }),
    ],
    performance: { hints: false },
  };
  if (dev) {
    let https;
    try {
      // Optional: trusted localhost certificates from office-addin-dev-certs (npx office-addin-dev-certs install).
      https = await require('office-addin-dev-certs').getHttpsServerOptions();
    } catch {
      https = undefined;
    }
    config.devServer = {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : 'https',
      static: { directory: path.resolve(__dirname, 'dist') },
    };
  }
  return config;
};

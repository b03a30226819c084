/**
 * Builds the Excel add-in into dist/:
 *   taskpane.html + taskpane.[hash].js  — the task pane AND the ribbon commands: with the shared
 *                                         runtime one page hosts both (Microsoft's "Configure your
 *                                         add-in to use a shared runtime": no separate commands.html)
 *   help.html, assets/icon-*.png, manifest.xml
 * `npm run build` (= webpack --mode production) needs no certificates.
 * `webpack serve` (dev server on https://localhost:3000) needs webpack-dev-server and
 * office-addin-dev-certs, which are not installed here; see docs/addin.md.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES modules so that Fluent UI and the engine tree-shake; type checking is `npm run typecheck`.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml' },
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

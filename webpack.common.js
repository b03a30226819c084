/**
 * What the Excel (webpack.config.js) and WPS (webpack.wps.config.js) builds share: the address the
 * add-in is served from, given with `--env url=…`, and the TypeScript rule.
 */

/**
 * `--env url=…` as an address ending in '/', or `fallback` when none is given; `protocols` are the
 * schemes the host accepts, `why` says so in the error.
 */
function addressFromEnv(env, fallback, protocols, why) {
  const url = env && env.url;
  if (!url) return fallback;
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--env url=${url}: 不是有效的网址`);
  }
  if (!protocols.includes(u.protocol)) throw new Error(`--env url=${url}: ${why}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** TypeScript through ts-loader as ES modules, so that Fluent UI and the engine tree-shake; type checking is `npm run typecheck`. */
function typescriptRule(dev) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', sourceMap: dev } } },
  };
}

module.exports = { addressFromEnv, typescriptRule };

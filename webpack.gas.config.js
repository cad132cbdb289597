/**
 * Builds dist/apps-script/: Code.js (the server, top-level functions via gas-webpack-plugin),
 * Sidebar.html (the panel inlined into ONE file: HtmlService serves a single file, no bundle URL),
 * appsscript.json. `clasp push` uploads that folder (.clasp.json.example: rootDir).
 */
const path = require('path');
const fs = require('fs');
const webpack = require('webpack');
const GasPlugin = require('gas-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

const out = path.resolve(__dirname, 'dist/apps-script');

// The core's async code must settle synchronously in Apps Script (see apps-script/sync-promise.ts):
// target ES2016 turns async/await into generators over the free name `Promise`, which ProvidePlugin
// points to SyncPromise in the server bundle only.
const serverTs = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: { transpileOnly: true, compilerOptions: { target: 'ES2016', module: 'ES2015', sourceMap: false } },
};
const browserTs = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: { transpileOnly: true, compilerOptions: { target: 'ES2019', module: 'ES2015', sourceMap: false } },
};

/** Writes Sidebar.html with the bundle and ui/panel.css inlined, then drops the separate bundle. */
class InlineSidebarPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlineSidebar', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InlineSidebar', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          const js = assets['sidebar.js']
            .source()
            .toString()
            .replace(/<\/script/gi, '<\\/script');
          const css = fs.readFileSync(path.resolve(__dirname, 'ui/panel.css'), 'utf8');
          const html = [
            '<!DOCTYPE html>',
            '<html lang="fr">',
            '<head>',
            '<base target="_top">',
            '<meta charset="utf-8">',
            '<title>Grilles E4</title>',
            `<style>${css}</style>`,
            '</head>',
            '<body>',
            '<main id="app"></main>',
            `<script>${js}</script>`,
            '</body>',
            '</html>',
          ].join('\n');
          compilation.emitAsset('Sidebar.html', new webpack.sources.RawSource(html));
          compilation.deleteAsset('sidebar.js');
        },
      );
    });
  }
}

const common = {
  context: __dirname,
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  performance: { hints: false },
};

module.exports = [
  {
    ...common,
    name: 'server',
    entry: './apps-script/main.ts',
    target: ['web', 'es2019'],
    output: { path: out, filename: 'Code.js', clean: false },
    module: { rules: [serverTs] },
    plugins: [
      new webpack.ProvidePlugin({
        Promise: [path.resolve(__dirname, 'apps-script/sync-promise.ts'), 'SyncPromise'],
      }),
      new GasPlugin({ autoGlobalExportsFiles: [] }),
      new CopyPlugin({ patterns: [{ from: 'appsscript.json', to: out }] }),
    ],
    optimization: { minimize: false },
  },
  {
    ...common,
    name: 'sidebar',
    entry: './apps-script/sidebar/main.ts',
    target: ['web', 'es2019'],
    output: { path: out, filename: 'sidebar.js', clean: false },
    // The reader of picked workbooks (xlsx/picked.ts: exceljs' browser build) is imported lazily, but
    // HtmlService serves one file: the import stays in the one bundle, evaluated only when used.
    resolve: { ...common.resolve, fallback: { fs: false, path: false, stream: false, crypto: false } },
    module: { rules: [browserTs] },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new InlineSidebarPlugin()],
  },
];

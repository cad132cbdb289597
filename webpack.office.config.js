/**
 * Excel add-in build: dist/office-addin/ holds taskpane.html, the JS chunks (exceljs in its own lazy
 * chunk, loaded only for the statistics), panel.css, manifest.xml and assets/. office.js is not
 * bundled: taskpane.html loads it from Microsoft's CDN.
 * The public HTTPS address of the folder (`npm run build -- --env url=https://exemple.fr/grilles-e4/`, or
 * GRILLES_E4_URL) is written into every URL of the built manifest; without it the manifest keeps
 * https://localhost:3000 for development (scripts/manifest-url.js).
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { parsePublicUrl, requestedUrl, rewriteManifest } = require('./scripts/manifest-url');
const { withCssFallbacks } = require('./scripts/css-fallbacks');
const { PAGES, helpPage } = require('./scripts/guide-html');

/** The user documents as help pages (aide.html is the manifest's SupportUrl and LearnMoreUrl). */
class HelpPagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('HelpPages', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'HelpPages', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [doc, page] of Object.entries(PAGES)) {
            const file = path.resolve(__dirname, 'docs', doc);
            compilation.fileDependencies.add(file);
            const html = helpPage(fs.readFileSync(file, 'utf8'));
            compilation.emitAsset(page, new compiler.webpack.sources.RawSource(html));
          }
        },
      );
    });
  }
}

/** The address for this build, checked before anything is built: a bad one stops with a French message. */
function publicUrl(env) {
  const url = requestedUrl(env, process.env);
  if (url === null) return null;
  try {
    parsePublicUrl(url);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  return url;
}

module.exports = (env, argv) => {
  const production = (argv && argv.mode) !== 'development';
  const url = publicUrl(env);
  return {
    entry: { taskpane: './office-addin/taskpane.ts' },
    // Excel 2016/2019 (MSI) show the pane in Internet Explorer 11 or EdgeHTML: every emitted script is ES5.
    target: ['web', 'es5'],
    devtool: production ? false : 'source-map',
    output: {
      path: path.resolve(__dirname, 'dist/office-addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // exceljs's browser build; jszip and the rest resolve their "browser" fields.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: {
            // target ES5 + downlevelIteration (tsconfig.office.json); core-js fills the library (polyfills.ts).
            configFile: 'tsconfig.office.json',
            transpileOnly: true,
            compilerOptions: { sourceMap: !production },
          },
        },
        {
          // exceljs ships an ES2015+ browser build (const, arrow functions, classes): down-levelled to ES5
          // by the same compiler, so the statistics chunk parses in IE 11 too.
          test: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/].*\.js$/,
          loader: 'ts-loader',
          options: {
            configFile: 'tsconfig.office.json',
            transpileOnly: true,
            compilerOptions: { allowJs: true, checkJs: false, sourceMap: false },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        template: './office-addin/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
      }),
      new CopyWebpackPlugin({
        patterns: [
          // IE 11 ignores var(): each such declaration gets a literal one before it.
          {
            from: 'ui/panel.css',
            to: 'panel.css',
            transform: (content) => withCssFallbacks(content.toString()),
          },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (url === null ? content : rewriteManifest(content.toString(), url)),
          },
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/*.js'] } },
          { from: 'docs/images', to: 'images' },
        ],
      }),
      new HelpPagesPlugin(),
    ],
    devServer: {
      static: path.resolve(__dirname, 'dist/office-addin'),
      port: 3000,
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};

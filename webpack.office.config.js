/**
 * Excel add-in build: dist/office-addin/ holds taskpane.html, the JS chunks (exceljs in its own lazy
 * chunk, loaded only for the statistics), panel.css, manifest.xml and assets/. office.js is not
 * bundled: taskpane.html loads it from Microsoft's CDN.
 * The public HTTPS address of the folder (`npm run build -- --env url=https://exemple.fr/grilles-e4/`, or
 * GRILLES_E4_URL) is written into every URL of the built manifest; without it the manifest keeps
 * https://localhost:3000 for development (scripts/manifest-url.js).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { parsePublicUrl, requestedUrl, rewriteManifest } = require('./scripts/manifest-url');

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
    target: ['web', 'es2020'],
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
            configFile: 'tsconfig.json',
            transpileOnly: true,
            compilerOptions: { module: 'esnext', moduleResolution: 'node', sourceMap: !production },
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
          { from: 'ui/panel.css', to: 'panel.css' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (url === null ? content : rewriteManifest(content.toString(), url)),
          },
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/*.js'] } },
        ],
      }),
    ],
    devServer: {
      static: path.resolve(__dirname, 'dist/office-addin'),
      port: 3000,
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};

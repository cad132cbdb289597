/**
 * Excel add-in build: dist/office-addin/ holds taskpane.html, the JS chunks (exceljs in its own lazy
 * chunk, loaded only for the statistics), panel.css, manifest.xml and assets/. office.js is not
 * bundled: taskpane.html loads it from Microsoft's CDN.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (_env, argv) => {
  const production = (argv && argv.mode) !== 'development';
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
          { from: 'manifest.xml', to: 'manifest.xml' },
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

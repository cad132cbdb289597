#!/usr/bin/env node
'use strict';
// A reader that closes early (« grilles-e4 lire … | head ») is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode || 0);
  throw e;
});
// The command line is compiled to build/ by `npm run build:cli` (run by `npm ci` through `prepare`).
require('../build/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

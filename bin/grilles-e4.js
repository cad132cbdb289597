#!/usr/bin/env node
'use strict';
// The command line is compiled to build/ by `npm run build:cli` (run by `npm ci` through `prepare`).
require('../build/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

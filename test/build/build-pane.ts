/** Builds the Excel task pane (webpack.office.config.js, production) into a temporary folder, once per test file. */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import webpack from 'webpack';

type ConfigFn = (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;

export async function buildPane(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require('../../webpack.office.config.js') as ConfigFn;
  const config = configFn({}, { mode: 'production' });
  const out = mkdtempSync(path.join(tmpdir(), 'pane-build-'));
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, mode: 'production', output: { ...config.output, path: out } }, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  return out;
}

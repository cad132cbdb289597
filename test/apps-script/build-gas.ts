/** Builds the Apps Script server bundle (Code.js) with webpack's Node API, into a temporary folder. */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import webpack from 'webpack';

type Config = webpack.Configuration & { name?: string };

export async function buildCodeJs(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configs = require('../../webpack.gas.config.js') as Config[];
  const server = configs.find((c) => c.name === 'server');
  if (server === undefined) throw new Error('no server config');
  const out = mkdtempSync(path.join(tmpdir(), 'gas-build-'));
  const config: Config = {
    ...server,
    mode: 'production',
    output: { ...server.output, path: out },
    plugins: (server.plugins ?? []).filter((p) => p?.constructor?.name !== 'CopyPlugin'),
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
  return readFileSync(path.join(out, 'Code.js'), 'utf8');
}

/** The functions the built Code.js must declare at top level: the Apps Script entry points and the sidebar's calls. */
export const CODE_JS_ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'previewRoster',
  'generateChunk',
  'runControl',
  'loadSettings',
  'runStatistics',
  'runConsolidatedStatistics',
  'selectCell',
];

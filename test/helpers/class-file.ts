import { writeFileSync } from 'fs';
import { join } from 'path';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput, saveAtomic } from '../../xlsx/files';
import { teacherInputs } from './fill';
import type { FilledTabInit } from './filled-tab';
import { runCli } from './cli';

/**
 * A class workbook on disk, as the command line makes it, with each tab filled as given (null: left
 * as generated). Returns the file name inside `dir`.
 */
export async function classFile(dir: string, fills: Array<FilledTabInit | null>): Promise<string> {
  const rows = fills.map((_, i) => `0260000${i + 1};NOM${i + 1};Prénom`);
  writeFileSync(join(dir, 'classe.csv'), ['N° candidat;Nom;Prénom', ...rows].join('\r\n'));
  const run = await runCli(['grilles', 'classe.csv', '--session', '2026'], dir);
  if (run.code !== 0) throw new Error(run.err);
  const path = join(dir, 'classe-grilles.xlsx');
  const { host } = await openInput(path);
  const tabs = sheetsOfKind(await scanWorkbook(host), 'grid');
  const updates = tabs.flatMap((t, i) => {
    const init = fills[i];
    return init
      ? [{ sheet: t.sheet, cells: teacherInputs('ccf', { number: `0260000${i + 1}`, ...init }) }]
      : [];
  });
  await host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(host, path);
  return 'classe-grilles.xlsx';
}

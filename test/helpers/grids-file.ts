import { writeFileSync } from 'fs';
import { join } from 'path';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput, saveAtomic } from '../../xlsx/files';
import { runCli } from './cli';
import { teacherInputs } from './fill';
import type { FilledTabInit } from './filled-tab';

export interface GridsPupil {
  number: string;
  nom: string;
  group?: string;
  /** How the tab is filled (null: left as generated). */
  fill: FilledTabInit | null;
}

/**
 * A grids workbook `name` in `dir`, made by the command line from a CSV roster of these pupils (numbers
 * chosen by the test, so several workbooks can hold distinct or shared candidates), tabs filled as given.
 */
export async function gridsFile(
  dir: string,
  name: string,
  pupils: GridsPupil[],
  options: { form?: 'ccf' | 'ponctuel'; session?: number } = {},
): Promise<string> {
  const form = options.form ?? 'ccf';
  const session = options.session ?? 2026;
  const csv = join(dir, `${name}.csv`);
  const header = `N° candidat;Nom;Prénom;${form === 'ccf' ? 'Division' : 'Commission'}`;
  const rows = pupils.map((p) => `${p.number};${p.nom};Prénom;${p.group ?? ''}`);
  writeFileSync(csv, [header, ...rows].join('\r\n'));
  const file = `${name}.xlsx`;
  const run = await runCli(
    ['grilles', csv, '--forme', form, '--session', String(session), '-o', join(dir, file)],
    dir,
  );
  if (run.code !== 0) throw new Error(run.err);
  const { host } = await openInput(join(dir, file));
  const tabs = sheetsOfKind(await scanWorkbook(host), 'grid');
  const updates = tabs.flatMap((t, i) => {
    const p = pupils[i];
    const init = p.fill;
    return init
      ? [
          {
            sheet: t.sheet,
            cells: teacherInputs(form, { number: p.number, nom: p.nom, group: p.group, session, ...init }),
          },
        ]
      : [];
  });
  await host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(host, join(dir, file));
  return file;
}

import { promises as fs } from 'fs';
import { resolve } from 'path';
import { E4 } from '../../core/referentiel';
import { assessmentsToCsv, assessmentsToJson } from '../../core/export';
import { readClass } from '../../core/workflows/read-class';
import { openInput } from '../../xlsx/files';
import { flag, parseArgs, textOption, UsageError, type OptionDef } from '../args';
import type { CliIo } from '../io';
import { namesSeveral } from '../inputs';
import { lireMany } from './lire-many';

export const LIRE_OPTIONS: OptionDef[] = [
  { name: 'json', value: false },
  { name: 'csv', value: false },
  { name: 'output', alias: 'o', value: true },
  { name: 'ignorer-illisibles', value: false },
  { name: 'help', alias: 'h', value: false },
];

/** Exports every assessment (one record per candidate) for other tools; never writes the workbook. */
export async function lireCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, LIRE_OPTIONS);
  const input = args.positionals[0];
  if (input === undefined)
    throw new UsageError('Indiquez le classeur des grilles : grilles-e4 lire classe-grilles.xlsx --json');
  if (flag(args, 'json') === flag(args, 'csv'))
    throw new UsageError('Choisissez un format : --json ou --csv.');
  if (await namesSeveral(args.positionals, io.cwd)) return lireMany(args, io);
  const opened = await openInput(resolve(io.cwd, input));
  const read = await readClass(opened.host, E4);
  if (read.tabs.length === 0) {
    io.err(
      `Aucun onglet de candidat n'a été trouvé dans ${input} : créez d'abord les onglets avec « grilles-e4 grilles ».`,
    );
    return 2;
  }
  for (const u of read.unread) io.err(`Avertissement : onglet « ${u.sheet} » non lu. ${u.problem}`);
  const text = flag(args, 'json')
    ? JSON.stringify(assessmentsToJson(E4, read.assessments), null, 2)
    : assessmentsToCsv(E4, read.assessments);
  const output = textOption(args, 'output');
  if (output === undefined) io.out(text);
  else {
    await fs.writeFile(resolve(io.cwd, output), text, 'utf8');
    io.err(`${read.assessments.length} grille(s) exportée(s) dans ${output}`);
  }
  return 0;
}

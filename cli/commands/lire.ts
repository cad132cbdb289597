import { resolve } from 'path';
import { E4 } from '../../core/referentiel';
import { assessmentsToCsv, assessmentsToJson } from '../../core/export';
import { readTabs } from '../../core/workflows/read-class';
import { openInput, writeTextAtomic } from '../../xlsx/files';
import { outputRefusal } from '../output-rules';
import { flag, parseArgs, textOption, UsageError, type OptionDef } from '../args';
import type { CliIo } from '../io';
import { namesSeveral } from '../inputs';
import { lireMany } from './lire-many';

export const LIRE_OPTIONS: OptionDef[] = [
  { name: 'json', value: false },
  { name: 'csv', value: false },
  { name: 'output', alias: 'o', value: true },
  { name: 'remplacer', value: false },
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
  const inputPath = resolve(io.cwd, input);
  const output = textOption(args, 'output');
  const outputPath = output === undefined ? undefined : resolve(io.cwd, output);
  if (outputPath !== undefined) {
    const refused = await outputRefusal({
      path: outputPath,
      kind: flag(args, 'json') ? 'json' : 'csv',
      sources: [{ path: inputPath, role: 'le classeur des grilles, que la commande lit' }],
      replace: flag(args, 'remplacer'),
    });
    if (refused !== null) {
      io.err(refused);
      return 2;
    }
  }
  const opened = await openInput(inputPath);
  const read = await readTabs(opened.host, E4);
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
  if (outputPath === undefined) io.out(text);
  else {
    await writeTextAtomic(text, outputPath);
    io.err(`${read.assessments.length} grille(s) exportée(s) dans ${output}`);
  }
  return read.unread.length > 0 ? 1 : 0;
}

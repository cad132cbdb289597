import { resolve } from 'path';
import { E4 } from '../../core/referentiel';
import { sourcesToCsv, sourcesToJson } from '../../core/export';
import { flag, textOption, type ParsedArgs } from '../args';
import { expandInputs } from '../inputs';
import { outputRefusal } from '../output-rules';
import { writeTextAtomic } from '../../xlsx/files';
import type { CliIo } from '../io';
import { readGridSources, readTabsOnly } from '../sources';

/**
 * `lire A.xlsx B.xlsx … --csv|--json` (or a folder, or a glob): one list of every candidate of every grids
 * workbook, each with the workbook it comes from. Never writes a workbook.
 */
export async function lireMany(args: ParsedArgs, io: CliIo): Promise<number> {
  const output = textOption(args, 'output');
  const outputPath = output === undefined ? undefined : resolve(io.cwd, output);
  const expanded = await expandInputs(args.positionals, io.cwd, (p) => p === outputPath);
  for (const u of expanded.unmatched) io.err(`Aucun classeur .xlsx trouvé pour « ${u} ».`);
  if (outputPath !== undefined) {
    const refused = await outputRefusal({
      path: outputPath,
      kind: flag(args, 'json') ? 'json' : 'csv',
      sources: expanded.paths.map((path) => ({ path, role: 'un classeur des grilles, que la commande lit' })),
      replace: flag(args, 'remplacer'),
    });
    if (refused !== null) {
      io.err(refused);
      return 2;
    }
  }
  const ignoring = flag(args, 'ignorer-illisibles');
  const found = await readGridSources(expanded.paths, io, () => undefined, ignoring, readTabsOnly);
  if (found === null) return 2;
  const { setAside } = found;
  for (const s of found.sources)
    for (const u of s.read.unread)
      io.err(`Avertissement : ${s.file}, onglet « ${u.sheet} » non lu. ${u.problem}`);
  const sources = found.sources.map((s) => ({ file: s.file, assessments: s.read.assessments }));
  const text = flag(args, 'json')
    ? JSON.stringify(sourcesToJson(E4, sources), null, 2)
    : sourcesToCsv(E4, sources);
  if (outputPath === undefined) io.out(text);
  else {
    await writeTextAtomic(text, outputPath);
    const count = sources.reduce((n, s) => n + s.assessments.length, 0);
    io.err(`${count} grille(s) de ${sources.length} classeur(s) exportée(s) dans ${output}`);
  }
  return setAside || expanded.unmatched.length > 0 ? 1 : 0;
}

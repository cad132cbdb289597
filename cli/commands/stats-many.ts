import { resolve } from 'path';
import { E4 } from '../../core/referentiel';
import {
  consolidateStatistics,
  duplicateMessage,
  MixedSourcesError,
  NoSourceError,
  type Consolidation,
} from '../../core/workflows/consolidate';
import { writeBytesAtomic } from '../../xlsx/files';
import { flag, textOption, type ParsedArgs } from '../args';
import { expandInputs, isStatisticsFile } from '../inputs';
import type { CliIo } from '../io';
import type { Progress } from '../progress';
import { samePath } from '../output-file';
import { outputRefusal } from '../output-rules';
import { readGridSources, readWholeClass } from '../sources';

function consolidate(run: () => Consolidation, io: CliIo): Consolidation | number {
  try {
    return run();
  } catch (e) {
    if (e instanceof MixedSourcesError || e instanceof NoSourceError) {
      io.err(`${e.message}\nRien n'a été écrit.`);
      return 2;
    }
    throw e;
  }
}

/**
 * `stats A.xlsx B.xlsx …` (or a folder, or a glob): one statistics workbook over every candidate of every
 * grids workbook, with the « Classeurs » sheet. The settings given are used for this table only: they are
 * not written into any class workbook (the inputs are only read).
 */
export async function statsMany(args: ParsedArgs, io: CliIo, progress: Progress): Promise<number> {
  const output = textOption(args, 'output');
  const outputPath = output === undefined ? undefined : resolve(io.cwd, output);
  const expanded = await expandInputs(
    args.positionals,
    io.cwd,
    (p) => isStatisticsFile(p) || (outputPath !== undefined && samePath(p, outputPath)),
  );
  for (const u of expanded.unmatched) io.err(`Aucun classeur .xlsx trouvé pour « ${u} ».`);
  if (expanded.paths.length === 0) {
    io.err("Aucun classeur à lire. Rien n'a été écrit.");
    return 2;
  }
  const refusalOf = (path: string): Promise<string | null> =>
    outputRefusal({
      path,
      kind: 'statistics',
      sources: expanded.paths.map((p) => ({ path: p, role: 'un classeur des grilles, que la commande lit' })),
      replace: flag(args, 'remplacer'),
    });
  // A chosen output is checked before any work; the default name is known only after reading the settings.
  const early = outputPath === undefined ? null : await refusalOf(outputPath);
  if (early !== null) {
    io.err(early);
    return 2;
  }
  const ignoring = flag(args, 'ignorer-illisibles');
  const found = await readGridSources(expanded.paths, io, progress.say, ignoring, readWholeClass);
  if (found === null) return 2;
  const { setAside } = found;
  progress.say('Calcul des statistiques…');
  const result = consolidate(
    () =>
      consolidateStatistics(E4, found.sources, {
        clock: io.clock,
        nominatif: flag(args, 'nominatif'),
        settings: {
          etablissement: textOption(args, 'etablissement'),
          uai: textOption(args, 'uai'),
          academie: textOption(args, 'academie'),
        },
      }),
    io,
  );
  if (typeof result === 'number') return result;
  const target = outputPath ?? resolve(io.cwd, result.summary.fileName);
  const refused = outputPath === undefined ? await refusalOf(target) : null;
  if (refused !== null) {
    io.err(refused);
    return 2;
  }
  for (const d of result.duplicates) io.err(duplicateMessage(E4, d));
  progress.say(`Enregistrement de ${target}…`);
  // The workbook writer (package engine, charts included) is loaded only now, when the workbook is written.
  const { newWorkbookBytes } = await import('../../xlsx/new-workbook');
  await writeBytesAtomic(await newWorkbookBytes(result.workbook), target);
  const s = result.summary;
  io.out(
    `${s.provisional ? 'Tableau PROVISOIRE' : 'Tableau définitif'} sur ${found.sources.length} classeur(s) : ${s.inscrits} inscrit(s), ${s.presentsNotes} présent(s) noté(s)${
      s.mean === null ? '' : `, moyenne ${s.mean.toFixed(2).replace('.', ',')}`
    }.`,
  );
  if (s.provisional && result.duplicates.length === 0)
    io.out(
      'Des candidats ne sont pas encore notés ou le contrôle trouve des erreurs : lancez « grilles-e4 controle » sur chaque classeur pour les voir.',
    );
  io.out(`Statistiques écrites : ${target}`);
  return s.provisional || setAside || expanded.unmatched.length > 0 ? 1 : 0;
}

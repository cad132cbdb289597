import { dirname, join, resolve } from 'path';
import { runStatistics, NoCandidateError } from '../../core/workflows/statistics';
import { openInput, saveAtomic, writeBytesAtomic } from '../../xlsx/files';
import { flag, parseArgs, textOption, UsageError, type OptionDef } from '../args';
import type { CliIo } from '../io';
import { withProgress, type Progress } from '../progress';
import { inPlaceCheck, outputRefusal, type OutputRequest } from '../output-rules';
import { namesSeveral } from '../inputs';
import { statsMany } from './stats-many';

export const STATS_OPTIONS: OptionDef[] = [
  { name: 'output', alias: 'o', value: true },
  { name: 'etablissement', value: true },
  { name: 'uai', value: true },
  { name: 'academie', value: true },
  { name: 'nominatif', value: false },
  { name: 'remplacer', value: false },
  { name: 'ignorer-illisibles', value: false },
  { name: 'help', alias: 'h', value: false },
];

const UAI = /^\d{7}[A-Za-z]$/;

async function stats(argv: string[], io: CliIo, progress: Progress): Promise<number> {
  const args = parseArgs(argv, STATS_OPTIONS);
  const input = args.positionals[0];
  if (input === undefined)
    throw new UsageError(
      'Indiquez le classeur des grilles : grilles-e4 stats classe-grilles.xlsx -o statistiques-E4.xlsx',
    );
  const uai = textOption(args, 'uai');
  if (uai !== undefined && !UAI.test(uai))
    throw new UsageError(
      `Code UAI invalide : « ${uai} ». Un code UAI compte 7 chiffres et une lettre (ex. 0750000A).`,
    );
  if (await namesSeveral(args.positionals, io.cwd)) return statsMany(args, io, progress);
  const inputPath = resolve(io.cwd, input);
  const given = {
    etablissement: textOption(args, 'etablissement'),
    uai,
    academie: textOption(args, 'academie'),
  };
  const persist = Object.values(given).some((v) => v !== undefined);
  const output = textOption(args, 'output');
  const request = (path: string): OutputRequest => ({
    path,
    kind: 'statistics',
    sources: [{ path: inputPath, role: 'le classeur de la classe' }],
    replace: flag(args, 'remplacer'),
  });
  // A chosen output is checked before any work; the default name is known only after reading the settings.
  if (output !== undefined) {
    const refused = await outputRefusal(request(resolve(io.cwd, output)));
    if (refused !== null) {
      io.err(refused);
      return 2;
    }
  }
  progress.say(`Lecture de ${input}…`);
  const opened = await openInput(inputPath);
  const refusal = persist ? await inPlaceCheck(inputPath) : null;

  let run;
  progress.say('Calcul des statistiques…');
  try {
    run = await runStatistics(opened.host, {
      clock: io.clock,
      settings: given,
      nominatif: flag(args, 'nominatif'),
      persistSettings: persist,
    });
  } catch (e) {
    if (e instanceof NoCandidateError) {
      io.err(`${e.message} Rien n'a été écrit.`);
      return 2;
    }
    throw e;
  }
  const target =
    output === undefined ? join(dirname(inputPath), run.summary.fileName) : resolve(io.cwd, output);
  const refused = await outputRefusal(request(target));
  if (refused !== null) {
    io.err(refused);
    return 2;
  }
  if (!run.created.bytes) throw new Error("Le classeur de statistiques n'a pas été produit.");
  progress.say(`Enregistrement de ${target}…`);
  // The host built the workbook with its charts (xlsx/new-workbook.ts).
  await writeBytesAtomic(run.created.bytes, target);
  if (persist && refusal === null) await saveAtomic(opened.host, inputPath);
  if (refusal !== null)
    io.err(`Les paramètres n'ont pas été retenus dans le classeur de la classe.\n${refusal}`);
  const s = run.summary;
  io.out(
    `${s.provisional ? 'Tableau PROVISOIRE' : 'Tableau définitif'} : ${s.inscrits} inscrit(s), ${s.presentsNotes} présent(s) noté(s)${
      s.mean === null ? '' : `, moyenne ${s.mean.toFixed(2).replace('.', ',')}`
    }.`,
  );
  if (s.provisional)
    io.out(
      'Des candidats ne sont pas encore notés ou le contrôle trouve des erreurs : lancez « grilles-e4 controle » pour les voir.',
    );
  io.out(`Statistiques écrites : ${target}`);
  return s.provisional || refusal !== null ? 1 : 0;
}

export const statsCommand = withProgress(stats);

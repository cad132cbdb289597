import { resolve } from 'path';
import { E4, defaultSession, sessionVariant, supportedSessions } from '../../core/referentiel';
import type { FormId } from '../../core/referentiel/types';
import { generateGrids } from '../../core/workflows/generate';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import type { GenerateResult } from '../../core/workflows/types';
import { openInput, saveAtomic } from '../../xlsx/files';
import { parseArgs, textOption, UsageError, type OptionDef } from '../args';
import { formatProblem, plural } from '../format';
import type { CliIo } from '../io';
import { withProgress, type Progress } from '../progress';
import { defaultGridsPath, exists, samePath, type OutputTarget } from '../output-file';

export const GRILLES_OPTIONS: OptionDef[] = [
  { name: 'forme', value: true },
  { name: 'session', value: true },
  { name: 'feuille', value: true },
  { name: 'output', alias: 'o', value: true },
  { name: 'help', alias: 'h', value: false },
];

export function parseForm(text: string | undefined): FormId {
  if (text === undefined) return 'ccf';
  const t = text.toLowerCase();
  if (t === 'ccf') return 'ccf';
  if (t === 'ponctuel' || t === 'ponctuelle') return 'ponctuel';
  throw new UsageError(`Forme inconnue : « ${text} ». Indiquez --forme ccf ou --forme ponctuel.`);
}

export function parseSession(text: string | undefined, io: CliIo): number {
  const session = text === undefined ? defaultSession(io.clock) : Number(text);
  if (!Number.isInteger(session) || !sessionVariant(E4, session))
    throw new UsageError(
      `Session non prise en charge : « ${text} ». Sessions connues : ${supportedSessions(E4)} (par exemple --session 2026).`,
    );
  return session;
}

function summary(result: GenerateResult, target: OutputTarget): string[] {
  const lines = [
    `${plural(result.preview.candidates.length, 'candidat lu', 'candidats lus')} dans la feuille « ${result.preview.sheet ?? ''} ».`,
    `${plural(result.created.length, 'onglet créé', 'onglets créés')}, ${plural(result.existing, 'déjà présent', 'déjà présents')}${
      result.refreshed.length > 0
        ? `, ${plural(result.refreshed.length, 'identité mise à jour', 'identités mises à jour')}`
        : ''
    }.`,
  ];
  for (const o of result.orphans)
    lines.push(
      `Avertissement : l'onglet « ${o.sheet} » (${o.nom} ${o.prenom}) n'a plus de candidat dans la liste ; il est conservé tel quel.`,
    );
  lines.push(`${target.inPlace ? 'Classeur mis à jour' : 'Classeur écrit'} : ${target.path}`);
  return lines;
}

/** Chooses the output and checks it is safe, before any work: a refusal writes nothing. */
async function chooseTarget(
  input: string,
  output: string | undefined,
  hasGrids: boolean,
): Promise<OutputTarget | { refusal: string }> {
  if (output !== undefined) return { path: output, inPlace: samePath(output, input) };
  if (hasGrids) return { path: input, inPlace: true };
  const path = defaultGridsPath(input);
  if (exists(path))
    return {
      refusal: `Le fichier ${path} existe déjà : pour y ajouter les nouveaux candidats sans perdre ce qui a été saisi, lancez « grilles-e4 grilles ${path} » (la liste de la classe y est aussi), ou choisissez un autre fichier avec -o.`,
    };
  return { path, inPlace: false };
}

async function grilles(argv: string[], io: CliIo, progress: Progress): Promise<number> {
  const args = parseArgs(argv, GRILLES_OPTIONS);
  const input = args.positionals[0];
  if (input === undefined)
    throw new UsageError('Indiquez le fichier de la classe : grilles-e4 grilles classe.xlsx');
  const form = parseForm(textOption(args, 'forme'));
  const session = parseSession(textOption(args, 'session'), io);
  const inputPath = resolve(io.cwd, input);
  const output = textOption(args, 'output');
  progress.say(`Lecture de ${input}…`);
  const opened = await openInput(inputPath);
  const hasGrids = sheetsOfKind(await scanWorkbook(opened.host), 'grid').length > 0;
  const target = await chooseTarget(
    inputPath,
    output === undefined ? undefined : resolve(io.cwd, output),
    hasGrids,
  );
  if ('refusal' in target) {
    io.err(target.refusal);
    return 2;
  }
  const result = await generateGrids(opened.host, {
    form,
    session,
    roster: { sheet: textOption(args, 'feuille') },
    clock: io.clock,
    progress: progress.report,
  });
  for (const p of result.problems) io.err(formatProblem(p));
  if (result.exitCode === 2) {
    io.err(`Rien n'a été écrit : corrigez la liste de la classe puis relancez.`);
    return 2;
  }
  progress.say(`Enregistrement de ${target.path}…`);
  await saveAtomic(opened.host, target.path);
  for (const line of summary(result, target)) io.out(line);
  return result.exitCode;
}

export const grillesCommand = withProgress(grilles);

import { resolve } from 'path';
import { E4 } from '../../core/referentiel';
import { assessmentsToJson } from '../../core/export';
import { formatFindingsText } from '../../core/report';
import { runControl } from '../../core/workflows/control';
import { openInput, saveAtomic } from '../../xlsx/files';
import { flag, parseArgs, textOption, UsageError, type OptionDef } from '../args';
import type { CliIo } from '../io';
import { withProgress, type Progress } from '../progress';

export const CONTROLE_OPTIONS: OptionDef[] = [
  { name: 'json', value: false },
  { name: 'output', alias: 'o', value: true },
  { name: 'help', alias: 'h', value: false },
];

async function controle(argv: string[], io: CliIo, progress: Progress): Promise<number> {
  const args = parseArgs(argv, CONTROLE_OPTIONS);
  const input = args.positionals[0];
  if (input === undefined)
    throw new UsageError('Indiquez le classeur des grilles : grilles-e4 controle classe-grilles.xlsx');
  const inputPath = resolve(io.cwd, input);
  const output = textOption(args, 'output');
  const target = output === undefined ? inputPath : resolve(io.cwd, output);
  progress.say(`Lecture de ${input}…`);
  const opened = await openInput(inputPath);
  const result = await runControl(opened.host, {
    clock: io.clock,
    write: true,
    progress: progress.report,
  });
  if (result.exitCode === 2) {
    io.err(
      `Aucun onglet de candidat n'a été trouvé dans ${input} : créez d'abord les onglets avec « grilles-e4 grilles ». Rien n'a été écrit.`,
    );
    return 2;
  }
  if (flag(args, 'json')) {
    const json = {
      summary: result.summary,
      findings: result.findings,
      assessments: assessmentsToJson(E4, result.assessments),
    };
    io.out(JSON.stringify(json, null, 2));
  } else {
    io.out(formatFindingsText(result.findings, result.summary));
  }
  progress.say(`Enregistrement de ${target}…`);
  await saveAtomic(opened.host, target);
  io.err(`Onglets « Contrôle » et « Suivi E4 » mis à jour dans ${target}`);
  return result.exitCode;
}

export const controleCommand = withProgress(controle);

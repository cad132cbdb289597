import { resolve } from 'path';
import { E4 } from '../../core/referentiel';
import { assessmentsToJson } from '../../core/export';
import { formatFindingsText } from '../../core/report';
import { runControl } from '../../core/workflows/control';
import { openInput, writeBytesAtomic } from '../../xlsx/files';
import { flag, parseArgs, textOption, UsageError, type OptionDef } from '../args';
import type { CliIo } from '../io';
import { withProgress, type Progress } from '../progress';
import { inPlaceCheck, outputRefusal, sameFile, workbookExtensionRefusal } from '../output-rules';

export const CONTROLE_OPTIONS: OptionDef[] = [
  { name: 'json', value: false },
  { name: 'output', alias: 'o', value: true },
  { name: 'remplacer', value: false },
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
  const inPlace = await sameFile(target, inputPath);
  // Where the result goes is checked before any work: a read-only workbook or a file in the way stops here.
  const blocked = inPlace
    ? await inPlaceCheck(target)
    : await outputRefusal({ path: target, kind: 'workbook', sources: [], replace: flag(args, 'remplacer') });
  if (blocked !== null) {
    io.err(blocked);
    return 2;
  }
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
  const bytes = await opened.host.toBytes();
  const wrongExtension = inPlace ? null : await workbookExtensionRefusal(bytes, target);
  if (wrongExtension !== null) {
    io.err(wrongExtension);
    return 2;
  }
  await writeBytesAtomic(bytes, target);
  io.err(`Onglets « Contrôle » et « Suivi E4 » mis à jour dans ${target}`);
  return result.exitCode;
}

export const controleCommand = withProgress(controle);

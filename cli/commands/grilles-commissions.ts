import { promises as fs } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { parseRoster, rosterIsUsable } from '../../core/roster';
import type { CellSpec, CellValue } from '../../core/spec/types';
import {
  commissionFileName,
  COMMISSION_LIST_SHEET,
  splitByCommission,
  type CommissionList,
} from '../../core/workflows/commissions';
import { generateGrids } from '../../core/workflows/generate';
import { readRoster } from '../../core/workflows/roster-source';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput, saveAtomic } from '../../xlsx/files';
import { XlsxHost } from '../../xlsx/host';
import { textOption, UsageError, type ParsedArgs } from '../args';
import { formatProblem, plural } from '../format';
import type { CliIo } from '../io';
import { exists } from '../output-file';
import { inPlaceCheck } from '../output-rules';
import type { Progress } from '../progress';
import { parseForm, parseSession } from './grilles';

/** One commission's workbook: new, or the one a previous run wrote (updated in place). */
interface Planned {
  list: CommissionList;
  path: string;
  host: XlsxHost;
  /** Rows of the list sheet before this run: rows beyond the new list are emptied. */
  oldSize: { rows: number; cols: number };
  isNew: boolean;
}

function listCells(values: CellValue[][], old: { rows: number; cols: number }): CellSpec[] {
  const cells: CellSpec[] = [];
  const rows = Math.max(values.length, old.rows);
  for (let r = 0; r < rows; r++) {
    const row = values[r] ?? [];
    const cols = Math.max(row.length, old.cols);
    for (let c = 0; c < cols; c++) cells.push({ r: r + 1, c: c + 1, value: row[c] ?? null });
  }
  return cells;
}

async function plan(list: CommissionList, path: string): Promise<Planned | { refusal: string }> {
  if (!exists(path)) {
    const host = XlsxHost.fromRows([{ name: COMMISSION_LIST_SHEET, rows: [] }]);
    return { list, path, host, oldSize: { rows: 0, cols: 0 }, isNew: true };
  }
  const opened = await openInput(path);
  const readOnly = await inPlaceCheck(path);
  if (readOnly !== null) return { refusal: readOnly };
  if (!(await opened.host.listSheets()).includes(COMMISSION_LIST_SHEET))
    return {
      refusal: `Le classeur ${path} n'a plus de feuille « ${COMMISSION_LIST_SHEET} » : il n'a pas été fait par « grilles-e4 grilles --par-commission ». Rien n'a été écrit ; choisissez un autre dossier avec -o.`,
    };
  const [old] = await opened.host.readRanges([{ sheet: COMMISSION_LIST_SHEET }]);
  const oldSize = { rows: old.length, cols: Math.max(0, ...old.map((r) => r.length)) };
  return { list, path, host: opened.host, oldSize, isNew: false };
}

function noCommissionColumn(input: string): string {
  return `La liste ${input} n'a pas de colonne « Commission » (ou « Jury », « N° commission ») : ajoutez-la, avec la commission de chaque candidat, puis relancez. Rien n'a été écrit.`;
}

/**
 * `grilles centre.xlsx --par-commission [-o dossier/]`: one grids workbook per commission of the centre's
 * roster, each holding only its candidates and its own « Suivi E4 ». A rerun adds the candidates arrived
 * since to their commission's workbook and touches nothing that was entered. The roster is only read.
 */
export async function grillesParCommission(args: ParsedArgs, io: CliIo, progress: Progress): Promise<number> {
  const input = args.positionals[0];
  if (input === undefined)
    throw new UsageError('Indiquez la liste du centre : grilles-e4 grilles centre.xlsx --par-commission');
  const forme = textOption(args, 'forme');
  const form = forme === undefined ? 'ponctuel' : parseForm(forme);
  const session = parseSession(textOption(args, 'session'), io);
  const inputPath = resolve(io.cwd, input);
  const output = textOption(args, 'output');
  const outDir =
    output === undefined
      ? join(dirname(inputPath), `${basename(inputPath, extname(inputPath))}-commissions`)
      : resolve(io.cwd, output);

  progress.say(`Lecture de ${input}…`);
  const opened = await openInput(inputPath);
  const scan = await scanWorkbook(opened.host);
  if (sheetsOfKind(scan, 'grid').length > 0)
    throw new UsageError(
      `${input} contient déjà des onglets de candidats : --par-commission se lance sur la liste du centre, pas sur un classeur de grilles.`,
    );
  const roster = await readRoster(opened.host, scan, { sheet: textOption(args, 'feuille') });
  for (const p of roster.problems) io.err(formatProblem(p));
  if (!rosterIsUsable(roster) || roster.sheet === undefined) {
    io.err(`Rien n'a été écrit : corrigez la liste du centre puis relancez.`);
    return 2;
  }
  const [values] = await opened.host.readRanges([{ sheet: roster.sheet }]);
  const split = splitByCommission(values, roster);
  if (split === null) {
    io.err(noCommissionColumn(input));
    return 2;
  }
  const names = new Map<string, string>();
  for (const list of split.lists) {
    const file = commissionFileName(list.commission);
    const other = names.get(file.toLowerCase());
    if (other !== undefined) {
      io.err(
        `Les commissions « ${other} » et « ${list.commission} » donneraient le même fichier ${file} : renommez l'une d'elles dans la liste. Rien n'a été écrit.`,
      );
      return 2;
    }
    names.set(file.toLowerCase(), list.commission);
  }

  // Every existing workbook is checked before anything is written: a refusal writes nothing at all.
  await fs.mkdir(outDir, { recursive: true });
  const planned: Planned[] = [];
  for (const list of split.lists) {
    const p = await plan(list, join(outDir, commissionFileName(list.commission)));
    if ('refusal' in p) {
      io.err(p.refusal);
      return 2;
    }
    planned.push(p);
  }

  let exitCode = split.without.length > 0 ? 1 : 0;
  const written: string[] = [];
  for (const [i, p] of planned.entries()) {
    progress.say(`Commission ${p.list.commission} (${i + 1}/${planned.length})…`);
    await p.host.apply({
      templates: {},
      add: [],
      replace: [],
      updates: [{ sheet: COMMISSION_LIST_SHEET, cells: listCells(p.list.values, p.oldSize) }],
    });
    const result = await generateGrids(p.host, {
      form,
      session,
      roster: { sheet: COMMISSION_LIST_SHEET },
      clock: io.clock,
      progress: progress.report,
    });
    // Problems of the list itself were said once, for the centre's roster, with its own row numbers.
    const listCodes = new Set(parseRoster(p.list.values).problems.map((x) => x.code));
    for (const problem of result.problems.filter((x) => !listCodes.has(x.code)))
      io.err(`${basename(p.path)} : ${formatProblem(problem)}`);
    for (const o of result.orphans)
      io.err(
        `Avertissement : ${basename(p.path)}, l'onglet « ${o.sheet} » (${o.nom} ${o.prenom}) n'a plus de candidat dans cette commission ; il est conservé tel quel.`,
      );
    if (result.exitCode === 2) return 2;
    exitCode = Math.max(exitCode, result.exitCode);
    try {
      await saveAtomic(p.host, p.path);
    } catch (e) {
      // The workbooks of the commissions before this one are written: say so rather than « nothing changed ».
      io.err(
        `${(e as Error).message}\n${
          written.length === 0
            ? "Aucun classeur de commission n'a été écrit."
            : `Déjà écrits : ${written.join(', ')}.`
        } Fermez le fichier puis relancez la même commande : elle reprend là où elle s'est arrêtée, sans rien perdre.`,
      );
      return 2;
    }
    written.push(basename(p.path));
    io.out(
      `Commission ${p.list.commission} : ${plural(p.list.candidates.length, 'candidat', 'candidats')}, ${plural(result.created.length, 'onglet créé', 'onglets créés')}${
        result.existing > 0 ? `, ${plural(result.existing, 'déjà présent', 'déjà présents')}` : ''
      } → ${p.path}${p.isNew ? '' : ' (mis à jour)'}`,
    );
  }
  for (const c of split.without)
    io.err(
      `Sans commission (ligne ${c.row}) : ${c.nom} ${c.prenom}${c.number ? ` (N° ${c.number})` : ''} — aucun onglet créé ; indiquez sa commission dans la liste puis relancez.`,
    );
  io.out(
    `${plural(planned.length, 'classeur de commission', 'classeurs de commission')} dans ${outDir}${
      split.without.length > 0
        ? ` ; ${plural(split.without.length, 'candidat sans commission', 'candidats sans commission')}`
        : ''
    }.`,
  );
  return exitCode;
}

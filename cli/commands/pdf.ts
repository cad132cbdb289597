import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, extname, join, resolve } from 'path';
import { openInput, writeBytesAtomic } from '../../xlsx/files';
import { detectLoss } from '../../xlsx/loss';
import { flag, parseArgs, textOption, UsageError, type OptionDef } from '../args';
import { plural } from '../format';
import type { CliIo } from '../io';
import { startProgress } from '../progress';
import { pageCountProblem, pdfPlan, type PdfFile, type PdfPlan } from '../pdf/plan';
import { joinPages, separatePages } from '../pdf/poppler';
import { printCopy, type PrintCopy } from '../pdf/print-copy';
import { printToPdf } from '../pdf/soffice';
import { locateTools, type PdfTools } from '../pdf/tools';

export const PDF_OPTIONS: OptionDef[] = [
  { name: 'fiches-seules', value: false },
  { name: 'output', alias: 'o', value: true },
  { name: 'remplacer', value: false },
  { name: 'help', alias: 'h', value: false },
];

export function defaultPdfFolder(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}-pdf`);
}

async function checkFolder(folder: string): Promise<void> {
  const stat = await fs.stat(folder).catch(() => null);
  if (stat && !stat.isDirectory())
    throw new UsageError(`${folder} est un fichier, pas un dossier : choisissez un dossier avec -o.`);
}

/**
 * PDFs of these names already in a folder the user chose: refused unless --remplacer (the default
 * folder, CLASSEUR-pdf, holds only what an earlier run wrote and is regenerated).
 */
async function existingPdfs(folder: string, plan: PdfPlan): Promise<string[]> {
  const names = [...plan.candidates, plan.whole].map((f) => f.name);
  const present = new Set(await fs.readdir(folder).catch(() => [] as string[]));
  return names.filter((n) => present.has(n));
}

function existingRefusal(folder: string, names: string[]): string {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? `… (${names.length} fichiers)` : '');
  return `Le dossier ${folder} contient déjà ${shown} : Grilles E4 ne remplace jamais un fichier existant. Choisissez un autre dossier avec -o, ou ajoutez --remplacer si ces PDF peuvent être remplacés. Rien n'a été écrit.`;
}

async function lossWarning(bytes: Uint8Array): Promise<string | null> {
  const losses = await detectLoss(bytes);
  if (losses.length === 0) return null;
  return [
    'Avertissement : ces éléments du classeur ne figureront pas dans les PDF (imprimez depuis Excel pour les avoir) :',
    ...losses.map((l) => `  - ${l}`),
  ].join('\n');
}

/** Builds every file of the plan inside `dir` from the separated pages; nothing outside it is touched. */
async function assemble(tools: PdfTools, pages: string[], plan: PdfPlan, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const pick = (file: PdfFile): string[] => file.pages.map((p) => pages[p - 1]);
  for (const file of plan.candidates) await joinPages(tools, pick(file), join(dir, file.name));
  await joinPages(tools, pick(plan.whole), join(dir, plan.whole.name));
}

/** Only once every PDF is ready does anything reach the output folder, each file written atomically. */
async function publish(plan: PdfPlan, from: string, folder: string): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  for (const file of [...plan.candidates, plan.whole])
    await writeBytesAtomic(new Uint8Array(await fs.readFile(join(from, file.name))), join(folder, file.name));
}

function summary(plan: PdfPlan, fichesOnly: boolean, folder: string): string[] {
  const lines = [
    `${plural(plan.candidates.length, 'PDF de candidat écrit', 'PDF de candidats écrits')} (${
      fichesOnly ? "fiche d'évaluation seule, 1 page" : 'grille et fiche, 2 pages'
    }) et ${plan.whole.name} pour toute la classe, dans le dossier : ${folder}`,
  ];
  if (!fichesOnly)
    lines.push(
      "La page 1 (grille) est réservée à la commission ; seule la page 2 (fiche d'évaluation) peut être remise au candidat qui la demande : « grilles-e4 pdf --fiches-seules ».",
    );
  return lines;
}

/**
 * Prints, cuts and publishes inside a temporary folder removed afterwards (profile included); returns the
 * plan written, or the French reason nothing was.
 */
async function render(
  tools: PdfTools,
  copy: PrintCopy,
  fichesOnly: boolean,
  folder: string,
  say: (text: string) => void,
): Promise<PdfPlan | { problem: string }> {
  const work = await fs.mkdtemp(join(tmpdir(), 'grilles-e4-pdf-'));
  try {
    const printable = join(work, 'impression.xlsx');
    await fs.writeFile(printable, copy.bytes);
    say(`Impression de ${plural(copy.tabs.length, 'onglet', 'onglets')} avec LibreOffice…`);
    const pdf = await printToPdf(tools.soffice, printable, work);
    say('Découpage par candidat…');
    const pages = await separatePages(tools, pdf, join(work, 'pages'));
    const problem = pageCountProblem(pages.length, copy.tabs.length);
    if (problem !== null) return { problem };
    const plan = pdfPlan(copy.tabs, fichesOnly);
    await assemble(tools, pages, plan, join(work, 'sortie'));
    await publish(plan, join(work, 'sortie'), folder);
    return plan;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

export async function pdfCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, PDF_OPTIONS);
  const input = args.positionals[0];
  if (input === undefined)
    throw new UsageError('Indiquez le classeur des grilles : grilles-e4 pdf classe-grilles.xlsx');
  const fichesOnly = flag(args, 'fiches-seules');
  const inputPath = resolve(io.cwd, input);
  const output = textOption(args, 'output');
  const folder = output === undefined ? defaultPdfFolder(inputPath) : resolve(io.cwd, output);
  await checkFolder(folder);

  const opened = await openInput(inputPath);
  const copy = await printCopy(opened.host);
  if (copy.tabs.length === 0) {
    io.err(
      `Le classeur ${basename(inputPath)} n'a aucun onglet de candidat : créez-les d'abord avec « grilles-e4 grilles ». Rien n'a été écrit.`,
    );
    return 2;
  }
  const existing = await existingPdfs(folder, pdfPlan(copy.tabs, fichesOnly));
  if (existing.length > 0 && folder !== defaultPdfFolder(inputPath) && !flag(args, 'remplacer')) {
    io.err(existingRefusal(folder, existing));
    return 2;
  }
  const tools = locateTools();
  if ('missing' in tools) {
    io.err(tools.missing);
    return 2;
  }
  const warning = opened.kind === 'xlsx' ? await lossWarning(opened.bytes) : null;
  if (warning !== null) io.err(warning);
  // Progress shows only on a terminal (see startProgress), and is cleared before the result is printed.
  const progress = startProgress();
  let result: PdfPlan | { problem: string };
  try {
    result = await render(tools, copy, fichesOnly, folder, (label) => progress.say(label));
  } finally {
    progress.end();
  }
  if ('problem' in result) {
    io.err(result.problem);
    return 2;
  }
  for (const line of summary(result, fichesOnly, folder)) io.out(line);
  // Elements the PDFs do not show were reported: something to read.
  return warning === null ? 0 : 1;
}

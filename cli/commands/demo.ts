import { promises as fs } from 'fs';
import { join, relative, resolve } from 'path';
import type { CliIo } from '../io';
import { controleCommand } from './controle';
import { grillesCommand } from './grilles';
import { statsCommand } from './stats';

/** What a previous demo wrote: only such a folder may be emptied and written again. */
const DEMO_FILE = /^(classe-exemple(-grilles)?\.xlsx|statistiques-E4-.*\.xlsx)$/;

async function foreignFiles(dir: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.lstat(dir);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return ['demo'];
  return (await fs.readdir(dir)).filter((name) => !DEMO_FILE.test(name));
}

/** The sample class shipped in the repository (invented names and numbers). */
const SAMPLE = resolve(__dirname, '../../../samples/classe-exemple.xlsx');

/**
 * The main job on the sample class, in a fresh folder: roster → one tab per candidate, then the check and
 * the statistics of those (still empty) grids, so a new user sees the three steps and where files land.
 */
export async function demoCommand(_argv: string[], io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, 'demo');
  const foreign = await foreignFiles(dir);
  if (foreign.length > 0) {
    io.err(
      `Le dossier ${dir} existe déjà et contient des fichiers que la démonstration n'a pas écrits (${foreign.join(', ')}) : il n'est pas effacé. Lancez la démonstration depuis un autre dossier, ou renommez celui-ci.`,
    );
    return 2;
  }
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const roster = join(dir, 'classe-exemple.xlsx');
  await fs.copyFile(SAMPLE, roster);
  const sub: CliIo = { ...io, cwd: dir };
  io.out('1/3 Création des onglets (grilles-e4 grilles classe-exemple.xlsx)');
  const g = await grillesCommand(['classe-exemple.xlsx'], sub);
  if (g === 2) return 2;
  io.out('\n2/3 Contrôle des grilles (grilles-e4 controle classe-exemple-grilles.xlsx)');
  const c = await controleCommand(['classe-exemple-grilles.xlsx'], { ...sub, out: () => undefined });
  if (c === 2) return 2;
  io.out("Grilles encore vides : le contrôle les signale incomplètes (détail dans l'onglet « Contrôle »).");
  io.out('\n3/3 Statistiques SIEC (grilles-e4 stats classe-exemple-grilles.xlsx)');
  const s = await statsCommand(
    ['classe-exemple-grilles.xlsx', '--etablissement', 'Lycée Jean Moulin (exemple)'],
    sub,
  );
  if (s === 2) return 2;
  const where = relative(io.cwd, dir) || '.';
  io.out(`\nRésultats dans ${where}/ :`);
  for (const f of (await fs.readdir(dir)).sort()) io.out(`  ${join(where, f)}`);
  io.out(
    'Ouvrez classe-exemple-grilles.xlsx dans Excel ou LibreOffice : un onglet par candidat, « Suivi E4 » et « Contrôle ».',
  );
  return 0;
}

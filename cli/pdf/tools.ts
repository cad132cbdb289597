import { existsSync, statSync } from 'fs';
import { delimiter, isAbsolute, join } from 'path';

/**
 * Finding the external programs the PDF command drives: LibreOffice (soffice) for the rendering, and
 * poppler-utils (pdfseparate, pdfunite) for cutting the class PDF into one file per candidate.
 * Two environment variables point elsewhere (and let tests simulate a machine without them):
 *   GRILLES_E4_SOFFICE  path or name of soffice;
 *   GRILLES_E4_POPPLER  folder that holds pdfseparate and pdfunite.
 */

export interface PdfTools {
  soffice: string;
  pdfseparate: string;
  pdfunite: string;
}

export type Env = Record<string, string | undefined>;

/** Where LibreOffice's installers put soffice when they do not add it to PATH (Windows, macOS). */
const SOFFICE_INSTALL_PATHS = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Windows finds « soffice » as soffice.exe (PATHEXT); elsewhere the name is the file name. */
function candidateNames(name: string, env: Env, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32') return [name];
  const exts = (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '');
  return [name, ...exts.map((e) => `${name}${e.toLowerCase()}`), ...exts.map((e) => `${name}${e}`)];
}

/** The full path of a program given by name or path, or null when it is not there. */
export function findProgram(
  nameOrPath: string,
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (isAbsolute(nameOrPath) || nameOrPath.includes('/') || nameOrPath.includes('\\'))
    return candidateNames(nameOrPath, env, platform).find(isFile) ?? null;
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((d) => d !== '');
  for (const dir of dirs)
    for (const name of candidateNames(nameOrPath, env, platform)) {
      const path = join(dir, name);
      if (isFile(path)) return path;
    }
  return null;
}

function findSoffice(env: Env): string | null {
  const given = env.GRILLES_E4_SOFFICE;
  if (given !== undefined && given !== '') return findProgram(given, env);
  return findProgram('soffice', env) ?? SOFFICE_INSTALL_PATHS.find((p) => existsSync(p)) ?? null;
}

function findPoppler(name: string, env: Env): string | null {
  const folder = env.GRILLES_E4_POPPLER;
  return findProgram(folder !== undefined && folder !== '' ? join(folder, name) : name, env);
}

export const SOFFICE_MISSING = `LibreOffice est introuvable sur cet ordinateur : il sert à produire les PDF.
Pour l'installer :
  - Debian ou Ubuntu : sudo apt-get install libreoffice-calc-nogui
  - Windows ou macOS : téléchargez et installez LibreOffice depuis https://fr.libreoffice.org/download/
Si LibreOffice est installé ailleurs, indiquez son programme soffice dans la variable GRILLES_E4_SOFFICE.
Vous pouvez aussi imprimer depuis Excel : chaque onglet de candidat s'imprime sur 2 pages A4
(page 1 : la grille, pour la commission ; page 2 : la fiche d'évaluation).
Rien n'a été écrit.`;

export const POPPLER_MISSING = `Les outils poppler-utils (pdfseparate, pdfunite) sont introuvables : ils servent à découper le PDF de la classe en un fichier par candidat.
Pour les installer :
  - Debian ou Ubuntu : sudo apt-get install poppler-utils
  - macOS (Homebrew) : brew install poppler
  - Windows : installez « poppler » (par exemple avec conda ou scoop) et indiquez le dossier de pdfunite.exe dans la variable GRILLES_E4_POPPLER.
Vous pouvez aussi imprimer depuis Excel : chaque onglet de candidat s'imprime sur 2 pages A4.
Rien n'a été écrit.`;

/** The three programs, or the French explanation of what to install. */
export function locateTools(env: Env = process.env): PdfTools | { missing: string } {
  const soffice = findSoffice(env);
  if (soffice === null) return { missing: SOFFICE_MISSING };
  const pdfseparate = findPoppler('pdfseparate', env);
  const pdfunite = findPoppler('pdfunite', env);
  if (pdfseparate === null || pdfunite === null) return { missing: POPPLER_MISSING };
  return { soffice, pdfseparate, pdfunite };
}

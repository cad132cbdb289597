import { accessSync, constants, readFileSync, realpathSync, statSync, type Stats } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { scanWorkbook, sheetsOfKind } from '../core/workflows/scan';
import { openInput, readOnlyMessage } from '../xlsx/files';
import { fsErrorMessage } from '../xlsx/fs-errors';
import { OWN_WORKBOOK_NAME } from '../xlsx/own-names';
import { OpcPackage } from '../xlsx/package/opc';

/**
 * The rules every output of the command line obeys, checked before any work: an output never replaces
 * a file that holds someone's data (only a statistics workbook Grilles E4 wrote may be regenerated, and
 * a file the user says may be discarded with --remplacer), never is one of the files the run reads, a
 * grids workbook is never replaced (it is rerun instead), and its extension says what it holds.
 */

export type OutputKind = 'workbook' | 'statistics' | 'csv' | 'json';

/** A file the run reads and must never write, with what it is for the message (« la liste de la classe »). */
export interface SourceFile {
  path: string;
  role: string;
}

export interface OutputRequest {
  path: string;
  kind: OutputKind;
  sources: SourceFile[];
  /** --remplacer: the user means to discard an existing file of that name. */
  replace: boolean;
}

const EXTENSIONS: Record<OutputKind, string[]> = {
  workbook: ['.xlsx', '.xlsm'],
  statistics: ['.xlsx'],
  csv: ['.csv'],
  json: ['.json'],
};

const WHAT: Record<OutputKind, string> = {
  workbook: 'un classeur Excel',
  statistics: 'un classeur Excel',
  csv: 'un fichier CSV',
  json: 'un fichier JSON',
};

/**
 * The checks call the file system synchronously: a command waits for each answer anyway, and the promise
 * API takes a trip through the thread pool and the event loop for each.
 */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Same file whatever the spelling: same resolved path, same real path, or same device and inode. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa === null || sb === null) return false;
  if (sa.ino !== 0 && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  return realOrSame(a) === realOrSame(b);
}

function extensionRefusal(path: string, kind: OutputKind): string | null {
  const ext = extname(path).toLowerCase();
  const allowed = EXTENSIONS[kind];
  if (allowed.includes(ext)) return null;
  const base = basename(path, extname(path)) || 'sortie';
  return `Le fichier de sortie ${basename(path)} n'a pas la bonne extension : c'est ${WHAT[kind]} qui est écrit, son nom doit finir par ${allowed.join(' ou ')} (par exemple -o ${base}${allowed[0]}). Rien n'a été écrit.`;
}

/** The folder the output goes to exists and is a folder. */
async function folderRefusal(path: string): Promise<string | null> {
  const folder = dirname(path);
  try {
    const stat = statSync(folder);
    if (!stat.isDirectory()) return fsErrorMessage({ code: 'ENOTDIR' }, path, 'write');
    accessSync(folder, constants.W_OK);
    return null;
  } catch (e) {
    return fsErrorMessage(e, (e as NodeJS.ErrnoException).code === 'ENOENT' ? path : folder, 'write');
  }
}

/** True when the file is a class workbook with candidate tabs (unreadable or not a workbook: false). */
export async function isGridsWorkbook(path: string): Promise<boolean> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') return false;
  try {
    const { host } = await openInput(path);
    return sheetsOfKind(await scanWorkbook(host), 'grid').length > 0;
  } catch {
    return false;
  }
}

/** True when the file is a statistics workbook Grilles E4 wrote (its workbook-level name says so). */
export async function isOwnStatistics(path: string): Promise<boolean> {
  try {
    const xml = OpcPackage.fromBytes(new Uint8Array(readFileSync(path))).text('xl/workbook.xml') ?? '';
    return xml.includes(`name="${OWN_WORKBOOK_NAME}"`);
  } catch {
    return false;
  }
}

export function isReadOnly(stat: import('fs').Stats): boolean {
  return (stat.mode & 0o222) === 0;
}

/** The lock files Excel (« ~$NAME ») and LibreOffice (« .~lock.NAME# ») keep beside a workbook they have open. */
export function lockFilesOf(path: string): string[] {
  const name = basename(path);
  const folder = dirname(path);
  return [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`].map((n) => join(folder, n));
}

/**
 * A workbook open in Excel or LibreOffice is not replaced: the open window would later save over the
 * update (or Windows refuses the write). Said only when the program's lock file is really there.
 */
export async function openElsewhereMessage(path: string): Promise<string | null> {
  for (const lock of lockFilesOf(path))
    if (statOrNull(lock) !== null)
      return `Le classeur ${path} est ouvert dans Excel ou LibreOffice (le fichier ${basename(lock)} est à côté) : fermez-le puis relancez. S'il n'est ouvert nulle part, supprimez ${basename(lock)}. Rien n'a été écrit.`;
  return null;
}

/** A file the run updates in place must be writable and closed: checked before any work. */
export async function inPlaceCheck(path: string): Promise<string | null> {
  const stat = statOrNull(path);
  if (stat !== null && isReadOnly(stat)) return readOnlyMessage(path);
  return stat === null ? null : openElsewhereMessage(path);
}

async function existingRefusal(request: OutputRequest, stat: import('fs').Stats): Promise<string | null> {
  const { path, kind } = request;
  if (stat.isDirectory()) return fsErrorMessage({ code: 'EISDIR' }, path, 'write');
  if (await isGridsWorkbook(path))
    return `Le fichier ${path} est un classeur de grilles (il a des onglets de candidats) : Grilles E4 ne le remplace jamais, même avec --remplacer, pour ne perdre aucune saisie. Pour y ajouter les candidats de la liste, lancez « grilles-e4 grilles ${basename(path)} » ; sinon choisissez un autre nom avec -o. Rien n'a été écrit.`;
  const regenerated = kind === 'statistics' && (await isOwnStatistics(path));
  if (!regenerated && !request.replace)
    return `Le fichier ${path} existe déjà${kind === 'statistics' ? " et n'est pas un tableau de statistiques écrit par Grilles E4" : ''} : Grilles E4 ne remplace jamais un fichier existant. Choisissez un autre nom avec -o, ou ajoutez --remplacer si ce fichier peut être jeté. Rien n'a été écrit.`;
  return isReadOnly(stat) ? readOnlyMessage(path) : openElsewhereMessage(path);
}

/** The French refusal for an output, or null when the run may write it. */
export async function outputRefusal(request: OutputRequest): Promise<string | null> {
  const { path } = request;
  for (const source of request.sources)
    if (await sameFile(path, source.path))
      return `${path} est ${source.role}${
        resolve(path) === resolve(source.path) ? '' : ` (le même fichier que ${source.path})`
      } : Grilles E4 ne l'écrit jamais. Choisissez un autre nom de fichier avec -o. Rien n'a été écrit.`;
  const ext = extensionRefusal(path, request.kind);
  if (ext !== null) return ext;
  const folder = await folderRefusal(path);
  if (folder !== null) return folder;
  const stat = statOrNull(path);
  return stat === null ? null : existingRefusal(request, stat);
}

/** True when the bytes are a workbook with macros (its main part says so); null when not a workbook. */
export async function isMacroWorkbook(bytes: Uint8Array): Promise<boolean | null> {
  try {
    const types = OpcPackage.fromBytes(bytes).text('[Content_Types].xml') ?? '';
    return /sheet\.macroEnabled\.main\+xml/.test(types);
  } catch {
    return null;
  }
}

/**
 * Before any work: a workbook made from a source without macros (a CSV, an .xlsx) cannot be a .xlsm.
 * (The reverse depends on what the engine keeps: workbookExtensionRefusal checks it on the bytes.)
 */
export async function macroExtensionRefusal(
  source: { kind: 'xlsx' | 'csv'; bytes: Uint8Array },
  path: string,
): Promise<string | null> {
  if (extname(path).toLowerCase() !== '.xlsm') return null;
  if (source.kind === 'xlsx' && (await isMacroWorkbook(source.bytes)) === true) return null;
  return `Le classeur écrit ne contiendra pas de macros : son nom doit finir par .xlsx (par exemple -o ${basename(path, extname(path))}.xlsx), sinon Excel refuse de l'ouvrir. Rien n'a été écrit.`;
}

/**
 * What the bytes about to be written are, from their content types: a workbook with macros must be named
 * .xlsm and one without .xlsx, or Excel refuses to open it.
 */
export async function workbookExtensionRefusal(bytes: Uint8Array, path: string): Promise<string | null> {
  const macro = await isMacroWorkbook(bytes);
  if (macro === null) return null;
  const wanted = macro ? '.xlsm' : '.xlsx';
  if (extname(path).toLowerCase() === wanted) return null;
  const base = basename(path, extname(path));
  return `Le classeur écrit ${macro ? 'contient des macros' : 'ne contient pas de macros'} : son nom doit finir par ${wanted} (par exemple -o ${base}${wanted}), sinon Excel refuse de l'ouvrir. Rien n'a été écrit.`;
}

import { dirname } from 'path';

/**
 * Node only: a file-system or system error (ENOENT, EACCES…) as a French sentence that says what
 * happened, to which file, and what to do. The English text of Node never reaches a user.
 */

export type FileAction = 'read' | 'write';

/** An error whose message is already French and meant for the user (the original kept for --debug). */
export class FileError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly original?: unknown,
  ) {
    super(message);
  }
}

export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Windows reports a file held open by Excel as EPERM/EACCES/EBUSY; POSIX systems never lock files. */
function lockedNote(platform: NodeJS.Platform): string {
  return platform === 'win32'
    ? ' Si le fichier est ouvert dans Excel ou un autre programme, fermez-le puis relancez.'
    : '';
}

function verb(action: FileAction): string {
  return action === 'read' ? 'lire' : 'écrire';
}

const MESSAGES: Record<string, (path: string, action: FileAction, platform: NodeJS.Platform) => string> = {
  ENOENT: (path, action) =>
    action === 'read'
      ? `Le fichier ${path} est introuvable : vérifiez son nom et le dossier où vous lancez la commande.`
      : `Le dossier ${dirname(path)} n'existe pas : créez-le, ou choisissez un autre emplacement avec -o.`,
  ENOTDIR: (path) =>
    `Le chemin ${path} passe par un fichier là où il faut un dossier : vérifiez le chemin indiqué.`,
  EISDIR: (path, action) =>
    action === 'read'
      ? `${path} est un dossier, pas un fichier : indiquez le fichier lui-même (.xlsx ou .csv).`
      : `${path} est un dossier : indiquez un nom de fichier avec -o (par exemple -o classe-grilles.xlsx).`,
  EACCES: (path, action, platform) =>
    `Vous n'avez pas la permission de ${verb(action)} ${path} : vérifiez les droits sur ce fichier et sur son dossier, ou choisissez un autre emplacement.${lockedNote(platform)}`,
  EBUSY: (path) =>
    `Le fichier ${path} est ouvert dans un autre programme (Excel ?) : fermez-le puis relancez.`,
  ENOSPC: (path) =>
    `Le disque est plein : ${path} n'a pas pu être écrit. Libérez de la place ou choisissez un autre emplacement.`,
  EROFS: (path) =>
    `${path} est sur un support en lecture seule (clé USB verrouillée, partage en lecture seule) : choisissez un autre emplacement.`,
  ENAMETOOLONG: (path) => `Le nom ${path} est trop long : choisissez un nom ou un dossier plus court.`,
  EMFILE: (path, action) =>
    `Trop de fichiers sont ouverts sur cet ordinateur pour ${verb(action)} ${path} : fermez des programmes puis relancez.`,
  EIO: (path, action) =>
    `Le disque a signalé une erreur en voulant ${verb(action)} ${path} (support débranché ou abîmé ?) : vérifiez-le puis relancez.`,
  ETIMEDOUT: (path) =>
    `Le partage réseau qui contient ${path} ne répond pas : vérifiez la connexion puis relancez.`,
  EEXIST: (path) => `Le fichier ${path} existe déjà : choisissez un autre nom.`,
};
MESSAGES.EPERM = MESSAGES.EACCES;
MESSAGES.EDQUOT = MESSAGES.ENOSPC;
MESSAGES.ENFILE = MESSAGES.EMFILE;
MESSAGES.ECONNRESET = MESSAGES.ETIMEDOUT;
MESSAGES.EHOSTDOWN = MESSAGES.ETIMEDOUT;

/** The French sentence for a system error, or null when `e` is not one (no error code). */
export function fsErrorMessage(
  e: unknown,
  path: string,
  action: FileAction,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const code = errorCode(e);
  if (code === undefined) return null;
  const message = MESSAGES[code];
  if (message) return message(path, action, platform);
  return `Erreur du système (${code}) en voulant ${verb(action)} ${path} : vérifiez le fichier et son dossier, puis relancez.`;
}

/** A FileError carrying the French sentence; an error without a code is returned as it is. */
export function asFileError(e: unknown, path: string, action: FileAction): unknown {
  if (e instanceof FileError) return e;
  const message = fsErrorMessage(e, path, action);
  return message === null ? e : new FileError(message, errorCode(e), e);
}

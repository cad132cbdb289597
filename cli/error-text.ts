import { errorCode, FileError, fsErrorMessage, type FileAction } from '../xlsx/fs-errors';

/**
 * What the user reads when a command fails: a French sentence, never a library's English text nor a stack
 * trace (those only with --debug).
 */

/** Node names the system call that failed: reading ones mean the file was being read. */
const READ_CALLS = new Set(['open', 'read', 'stat', 'lstat', 'scandir', 'access', 'realpath']);

function systemMessage(e: NodeJS.ErrnoException): string | null {
  const action: FileAction = e.syscall !== undefined && READ_CALLS.has(e.syscall) ? 'read' : 'write';
  return fsErrorMessage(e, e.path ?? 'un fichier', action);
}

/** Errors our code throws with a French message are plain Error or FileError; anything else is a bug. */
function isOwnMessage(e: unknown): e is Error {
  return (
    e instanceof FileError || (e instanceof Error && e.constructor === Error && errorCode(e) === undefined)
  );
}

function userMessage(e: unknown): string {
  if (isOwnMessage(e)) return e.message;
  const system = errorCode(e) === undefined ? null : systemMessage(e as NodeJS.ErrnoException);
  if (system !== null) return system;
  return "Erreur inattendue : Grilles E4 n'a pas pu terminer. Relancez la même commande avec --debug pour obtenir le détail technique à transmettre à la personne qui vous aide.";
}

function technical(e: unknown): string {
  const parts = [e instanceof Error ? (e.stack ?? e.message) : String(e)];
  if (e instanceof FileError && e.original !== undefined) parts.push(`Cause : ${technical(e.original)}`);
  return parts.join('\n');
}

export function errorText(e: unknown, debug: boolean): string {
  const lines = [userMessage(e), "Rien n'a été modifié dans vos fichiers."];
  if (debug) lines.push('', 'Détail technique (--debug) :', technical(e));
  return lines.join('\n');
}

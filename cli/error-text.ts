import { resolve } from 'path';
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

/** The folder holding cli/, core/, xlsx/: the repository, or build/ once installed (maybe in node_modules). */
const OWN_ROOT = resolve(__dirname, '..');

/** Where an error was thrown: outside our own files (a library, whose text is English, or Node itself). */
function thrownByLibrary(e: Error): boolean {
  const frame = (e.stack ?? '').split('\n').find((line) => /^\s+at /.test(line));
  if (frame === undefined) return false;
  const at = frame.indexOf(OWN_ROOT);
  return at < 0 || frame.slice(at + OWN_ROOT.length).includes('node_modules');
}

/**
 * Errors our code throws carry a French message: FileError, or a plain Error thrown from our own files.
 * Anything else (a library's Error, a TypeError…) is English or a bug: the user gets a French sentence.
 */
function isOwnMessage(e: unknown): e is Error {
  if (e instanceof FileError) return true;
  return e instanceof Error && e.constructor === Error && errorCode(e) === undefined && !thrownByLibrary(e);
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

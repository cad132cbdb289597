import { existsSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { detectLoss } from '../xlsx/loss';
import type { OpenedInput } from '../xlsx/files';

/** Where a command writes the class workbook, and whether that is the input file itself. */
export interface OutputTarget {
  path: string;
  inPlace: boolean;
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

export function defaultGridsPath(input: string): string {
  const base = basename(input, extname(input));
  return join(dirname(input), `${base}-grilles.xlsx`);
}

/**
 * The in-place rule: a workbook is rewritten only when exceljs keeps everything in it. Returns the French
 * explanation of what would be lost, or null when rewriting is safe.
 */
export async function inPlaceRefusal(opened: OpenedInput, path: string): Promise<string | null> {
  if (opened.kind !== 'xlsx') return null;
  const losses = await detectLoss(opened.bytes);
  if (losses.length === 0) return null;
  return [
    `Le classeur ${path} contient des éléments que Grilles E4 ne sait pas réécrire ; les enregistrer dans ce fichier les ferait disparaître :`,
    ...losses.map((l) => `  - ${l}`),
    `Rien n'a été écrit. Relancez avec « -o nouveau-fichier.xlsx » : le résultat ira dans un nouveau fichier et ${basename(path)} restera intact.`,
  ].join('\n');
}

/** Losses that a new file will not carry over (the input stays as it is): said, not refused. */
export async function newFileWarning(opened: OpenedInput, output: string): Promise<string | null> {
  if (opened.kind !== 'xlsx') return null;
  const losses = await detectLoss(opened.bytes);
  if (losses.length === 0) return null;
  return [
    `Avertissement : ${basename(output)} ne reprendra pas ces éléments du classeur d'origine (qui, lui, n'est pas modifié) :`,
    ...losses.map((l) => `  - ${l}`),
  ].join('\n');
}

export function exists(path: string): boolean {
  return existsSync(path);
}

import { existsSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';

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

export function exists(path: string): boolean {
  return existsSync(path);
}

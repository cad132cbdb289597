import { basename, relative } from 'path';
import { E4 } from '../core/referentiel';
import type { HostPort } from '../core/port';
import { readClass, readTabs, type ClassRead, type TabsRead } from '../core/workflows/read-class';
import { openInput } from '../xlsx/files';
import type { CliIo } from './io';

/** Reading several grids workbooks for `stats` and `lire`: each file once, the bad ones set apart. */

export interface ReadSource<T extends TabsRead = ClassRead> {
  path: string;
  /** How the file is named in messages and in the « Classeurs » sheet. */
  file: string;
  read: T;
}

/** What is read of each workbook: everything (statistics, with the check), or the tabs alone (export). */
export type SourceReader<T extends TabsRead> = (host: HostPort) => Promise<T>;

export const readWholeClass: SourceReader<ClassRead> = (host) => readClass(host, E4);
export const readTabsOnly: SourceReader<TabsRead> = (host) => readTabs(host, E4);

export interface SourcesRead<T extends TabsRead = ClassRead> {
  sources: Array<ReadSource<T>>;
  /** Read, but without any candidate tab: « aucune grille E4 », skipped. */
  notGrids: string[];
  /** Could not be opened (damaged, not a workbook, missing, locked): the French reason per file. */
  unreadable: Array<{ file: string; reason: string }>;
}

/** Base names, unless two inputs share one: then the path from the working folder tells them apart. */
function labels(paths: readonly string[], cwd: string): string[] {
  const count = new Map<string, number>();
  for (const p of paths) count.set(basename(p), (count.get(basename(p)) ?? 0) + 1);
  return paths.map((p) => ((count.get(basename(p)) ?? 0) > 1 ? relative(cwd, p) : basename(p)));
}

/**
 * The reason without the library's own words: the messages of openInput end with the parser's text in
 * parentheses, which is English and means nothing to a secretary.
 */
function frenchReason(message: string): string {
  return message.replace(/\s*\([^()]*\)\.?$/, '.').trim();
}

export async function readSources<T extends TabsRead>(
  paths: readonly string[],
  io: CliIo,
  say: (label: string) => void,
  readOne: SourceReader<T>,
): Promise<SourcesRead<T>> {
  const names = labels(paths, io.cwd);
  const result: SourcesRead<T> = { sources: [], notGrids: [], unreadable: [] };
  for (let i = 0; i < paths.length; i++) {
    say(`Lecture de ${names[i]} (${i + 1}/${paths.length})…`);
    let read: T;
    try {
      read = await readOne((await openInput(paths[i])).host);
    } catch (e) {
      result.unreadable.push({ file: names[i], reason: frenchReason((e as Error).message) });
      continue;
    }
    if (read.tabs.length === 0) result.notGrids.push(names[i]);
    else result.sources.push({ path: paths[i], file: names[i], read });
  }
  return result;
}

/** Tells the user which files were set aside; returns true when any was. */
function reportSetAside<T extends TabsRead>(read: SourcesRead<T>, io: CliIo, ignoring: boolean): boolean {
  for (const u of read.unreadable) io.err(`${ignoring ? 'Ignoré' : 'Illisible'} : ${u.file} — ${u.reason}`);
  for (const file of read.notGrids)
    io.err(
      `Ignoré : ${file} — aucune grille E4 (aucun onglet de candidat). Ce n'est pas un classeur de grilles : créez-les avec « grilles-e4 grilles ».`,
    );
  return read.unreadable.length > 0 || read.notGrids.length > 0;
}

const UNREADABLE_ADVICE =
  "Rien n'a été écrit. Réparez ou retirez ces fichiers, ou relancez avec --ignorer-illisibles pour réunir les autres classeurs.";

/**
 * The grids workbooks of a several-file command, read and sorted, with what was set aside told: null
 * when the command must stop (unreadable files without --ignorer-illisibles, or no grids workbook at
 * all), the reason already said. `setAside`: whether any file was left out (the exit code is then 1).
 */
export async function readGridSources<T extends TabsRead>(
  paths: readonly string[],
  io: CliIo,
  say: (label: string) => void,
  ignoring: boolean,
  readOne: SourceReader<T>,
): Promise<{ sources: Array<ReadSource<T>>; setAside: boolean } | null> {
  const read = await readSources(paths, io, say, readOne);
  const setAside = reportSetAside(read, io, ignoring);
  if (read.unreadable.length > 0 && !ignoring) {
    io.err(UNREADABLE_ADVICE);
    return null;
  }
  if (read.sources.length === 0) {
    io.err("Aucun des fichiers donnés n'est un classeur de grilles E4. Rien n'a été écrit.");
    return null;
  }
  return { sources: read.sources, setAside };
}

import { promises as fs, statSync } from 'fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'path';

/**
 * Several workbooks named on the command line: files, folders (their .xlsx files) and globs
 * (« classes/*.xlsx »). Globs are expanded here because the Windows shell does not expand them.
 */

const WORKBOOK = /\.(xlsx|xlsm)$/i;
const GLOB = /[*?[]/;

export interface ExpandedInputs {
  /** Absolute paths, in the order given (a folder or a glob in name order), each once. */
  paths: string[];
  /** Patterns and folders that matched no workbook: said to the user. */
  unmatched: string[];
}

export function hasGlob(arg: string): boolean {
  return GLOB.test(arg);
}

/** True when the arguments name more than one workbook, or may (a folder, a glob). */
export async function namesSeveral(args: readonly string[], cwd: string): Promise<boolean> {
  if (args.length !== 1) return args.length > 1;
  return hasGlob(args[0]) || (await isDirectory(resolve(cwd, args[0])));
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    // Synchronous: the command waits for the answer anyway (see output-rules.ts).
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One segment of a glob as a regular expression: * any run, ? one character, [abc] a class. */
function segmentRegex(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '*') out += '[^/\\\\]*';
    else if (ch === '?') out += '[^/\\\\]';
    else if (ch === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += `[${segment
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  // Windows and macOS file names are case-insensitive: « *.XLSX » is as common as « *.xlsx ».
  return new RegExp(`^${out}$`, 'i');
}

async function entries(dir: string): Promise<Array<{ name: string; dir: boolean }>> {
  try {
    const list = await fs.readdir(dir, { withFileTypes: true });
    return list
      .map((e) => ({ name: e.name, dir: e.isDirectory() }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr', { numeric: true }));
  } catch {
    return [];
  }
}

/** Excel's lock files (« ~$classe.xlsx ») and hidden files are never workbooks to read. */
function isCandidateFile(name: string): boolean {
  return WORKBOOK.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : join(cwd, pattern);
  const segments = absolute.split(/[\\/]/);
  const fixed: string[] = [];
  while (segments.length > 0 && !hasGlob(segments[0])) fixed.push(segments.shift() as string);
  let current = [fixed.join(sep) || sep];
  while (segments.length > 0) {
    const segment = segments.shift() as string;
    const last = segments.length === 0;
    const regex = hasGlob(segment) ? segmentRegex(segment) : null;
    const next: string[] = [];
    for (const dir of current) {
      for (const e of await entries(dir)) {
        const matches = regex ? regex.test(e.name) && !e.name.startsWith('.') : e.name === segment;
        if (!matches) continue;
        if (last ? !e.dir && isCandidateFile(e.name) : e.dir) next.push(join(dir, e.name));
      }
    }
    current = next;
  }
  return current;
}

async function expandFolder(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => !e.dir && isCandidateFile(e.name)).map((e) => join(dir, e.name));
}

/**
 * Expands files, folders and globs. `skip` leaves out files a folder or a glob would sweep in but that
 * are not inputs (the statistics workbook being written, a previous one next to the classes).
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  skip: (path: string) => boolean = () => false,
): Promise<ExpandedInputs> {
  const seen = new Set<string>();
  const paths: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const swept = hasGlob(arg)
      ? await expandGlob(arg, cwd)
      : (await isDirectory(path))
        ? await expandFolder(path)
        : null;
    const found = swept === null ? [path] : swept.filter((p) => !skip(p));
    if (found.length === 0) unmatched.push(arg);
    for (const p of found) {
      if (seen.has(p)) continue;
      seen.add(p);
      paths.push(p);
    }
  }
  return { paths, unmatched };
}

/** The statistics workbooks this command writes, by their default name: never read back as a class. */
export function isStatisticsFile(path: string): boolean {
  return /^statistiques-E4/i.test(basename(path));
}

export function displayName(path: string, cwd: string): string {
  const dir = dirname(path);
  return dir === resolve(cwd) ? basename(path) : path;
}

import { promises as fs } from 'fs';
import { basename, dirname, extname, join } from 'path';
import { decodeText, parseCsv } from '../core/roster/csv';
import { XlsxHost } from './host';
import { PackageError, RESAVE_ADVICE, unreadableFile } from './package/errors';

/** Node only: the CLI's way in and out of files. Everything else in xlsx/ stays free of Node APIs. */

export interface OpenedInput {
  host: XlsxHost;
  kind: 'xlsx' | 'csv';
  bytes: Uint8Array;
}

/** Name of the one sheet a CSV roster becomes. */
export const CSV_SHEET = 'Liste';

export async function openInput(path: string): Promise<OpenedInput> {
  const bytes = new Uint8Array(await readInput(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return { host: csvHost(bytes), kind: 'csv', bytes };
  if (ext === '.xlsx' || ext === '.xlsm') {
    try {
      return { host: await XlsxHost.fromBytes(bytes, basename(path)), kind: 'xlsx', bytes };
    } catch (e) {
      throw new Error(unreadableMessage(basename(path), bytes, e));
    }
  }
  throw new Error(
    `Format non pris en charge : ${basename(path)}. Enregistrez la liste au format .xlsx ou .csv puis relancez.`,
  );
}

/** Why a file named .xlsx/.xlsm is not a workbook we can read, in French, with what to do. */
function unreadableMessage(name: string, bytes: Uint8Array, e: unknown): string {
  const fix = RESAVE_ADVICE;
  const kind = containerKind(bytes);
  if (kind === 'ole')
    return `Le fichier ${name} n'est pas un classeur .xlsx : c'est un classeur protégé par un mot de passe (chiffré) ou un ancien classeur Excel 97-2003 (.xls) renommé. Retirez le mot de passe ou ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`;
  if (kind === 'ods')
    return `Le fichier ${name} n'est pas un classeur .xlsx : c'est une feuille de calcul OpenDocument (.ods) renommée. ${fix}`;
  return unreadableFile(name, e instanceof PackageError ? e.message : 'contenu illisible');
}

/** An OLE (CFB) container holds an encrypted workbook or an .xls; an .ods is a zip with its own mimetype. */
function containerKind(bytes: Uint8Array): 'ole' | 'ods' | 'other' {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => bytes[i] === b)) return 'ole';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  if (head.startsWith('PK') && head.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'ods';
  return 'other';
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`Le fichier ${path} est introuvable.`);
    if (code && LOCKED_CODES.has(code)) throw new Error(lockedMessage(path));
    throw e;
  }
}

/** Every CSV field is written as text: « 0123 » keeps its zero and « =1+1 » stays a string. */
function csvHost(bytes: Uint8Array): XlsxHost {
  return XlsxHost.fromRows([{ name: CSV_SHEET, rows: parseCsv(decodeText(bytes)) }]);
}

/** Error codes a file open in Excel (or held by another program) gives on Windows and network shares. */
const LOCKED_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

function lockedMessage(path: string): string {
  return `Le fichier ${path} est ouvert ou verrouillé : fermez le classeur dans Excel puis relancez.`;
}

/** The file operations saveAtomic needs; tests pass failing ones. */
export interface AtomicIo {
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const nodeIo: AtomicIo = {
  writeFile: (p, d) => fs.writeFile(p, d),
  rename: (a, b) => fs.rename(a, b),
  unlink: (p) => fs.unlink(p),
};

/**
 * Writes bytes to a temporary file beside the target, then renames it over the target: the target is
 * either the old file or the new one, never half-written.
 */
export async function writeBytesAtomic(
  bytes: Uint8Array,
  path: string,
  io: AtomicIo = nodeIo,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await io.writeFile(temp, bytes);
    await io.rename(temp, path);
  } catch (e) {
    await io.unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code && LOCKED_CODES.has(code)) throw new Error(lockedMessage(path));
    throw new Error(`Impossible d'enregistrer ${path} : ${(e as Error).message}`);
  }
}

/** Saves the workbook atomically (see writeBytesAtomic). */
export async function saveAtomic(host: XlsxHost, path: string, io: AtomicIo = nodeIo): Promise<void> {
  await writeBytesAtomic(await host.toBytes(), path, io);
}

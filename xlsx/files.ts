import { promises as fs } from 'fs';
import { basename, dirname, extname, join } from 'path';
import { decodeText, parseCsv } from '../core/roster/csv';
import { XlsxHost } from './host';

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
      return { host: await XlsxHost.fromBytes(bytes), kind: 'xlsx', bytes };
    } catch (e) {
      throw new Error(
        `Le fichier ${basename(path)} n'est pas un classeur .xlsx lisible (${(e as Error).message}).`,
      );
    }
  }
  throw new Error(
    `Format non pris en charge : ${basename(path)}. Enregistrez la liste au format .xlsx ou .csv puis relancez.`,
  );
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
  const host = XlsxHost.empty();
  // A sheet we write prints on A4, one page wide (exceljs leaves the paper to the reader's default: Letter).
  const ws = host.workbook.addWorksheet(CSV_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  parseCsv(decodeText(bytes)).forEach((row, r) => {
    row.forEach((text, c) => {
      if (text !== '') ws.getCell(r + 1, c + 1).value = text;
    });
  });
  return host;
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

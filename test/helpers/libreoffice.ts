import { execFile, spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, extname, join } from 'path';
import { pathToFileURL } from 'url';
import { writeProfileSync } from '../../cli/libreoffice-profile';

/**
 * Headless LibreOffice for the end-to-end tests: it opens our .xlsx files, recalculates every formula
 * (cached results are not trusted) and converts them to CSV or PDF for the test to read.
 * Conversions run one at a time (LibreOffice is heavy; two cores are shared).
 */

const TIMEOUT_MS = 60_000;

let available: boolean | undefined;

export function sofficeAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: TIMEOUT_MS });
    available = r.status === 0;
  }
  return available;
}

/**
 * `describe` for LibreOffice tests: skipped with a message when soffice is missing locally, but failing
 * on CI, where a missing LibreOffice must not pass silently.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (sofficeAvailable()) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs LibreOffice (soffice) on CI', () => {
        throw new Error('soffice est introuvable : installez libreoffice-calc-nogui sur la machine de CI.');
      });
    });
  } else {
    console.warn(`LibreOffice (soffice) est absent : tests « ${name} » ignorés.`);
    describe.skip(name, body);
  }
}

let profile: string | undefined;

/** A LibreOffice user profile (one per test process) that always recalculates on load, in French. */
export function withProfile(): string {
  if (profile === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'grilles-lo-profile-'));
    writeProfileSync(dir);
    profile = dir;
  }
  return profile;
}

let queue: Promise<unknown> = Promise.resolve();

function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function run(args: string[]): Promise<void> {
  // C.UTF-8 exists on every Debian machine (fr_FR.UTF-8 may not be generated, and then LibreOffice cannot
  // write a file named after a sheet such as « Synthèse »); the French display comes from the profile.
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  const all = [
    `-env:UserInstallation=${pathToFileURL(withProfile()).href}`,
    '--headless',
    '--norestore',
    ...args,
  ];
  return new Promise((resolve, reject) => {
    execFile('soffice', all, { timeout: TIMEOUT_MS, env }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`soffice ${args.join(' ')} a échoué : ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}

/** Converts a file into a fresh folder and returns the path of the single file produced. */
function convert(inputPath: string, target: string, ext: string): Promise<string> {
  return serially(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'grilles-lo-out-'));
    await run(['--convert-to', target, '--outdir', outDir, inputPath]);
    const produced = readdirSync(outDir).filter((f) => f.toLowerCase().endsWith(`.${ext}`));
    if (produced.length !== 1)
      throw new Error(
        `LibreOffice n'a pas produit un fichier .${ext} pour ${basename(inputPath)} (${produced.join(', ')}).`,
      );
    return join(outDir, produced[0]);
  });
}

/** RFC 4180 CSV (quotes doubled, fields may hold newlines). */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * One sheet (1-based) as the cells show after recalculation, in the fr-FR locale (12,5 ; dates jj/mm/aaaa).
 * Filter tokens: ',' separator, '"' quote, UTF-8 (76), from line 1, …, 9th token true = values as shown,
 * 12th token = the sheet.
 */
export async function convertToCsv(xlsxPath: string, sheetIndex1Based: number): Promise<string[][]> {
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,1036,false,true,true,false,false,${sheetIndex1Based}`;
  const csv = await convert(xlsxPath, filter, 'csv');
  return parseCsvText(readFileSync(csv, 'utf8'));
}

/** The workbook printed to PDF (its print areas, breaks and page setup), optionally a page range '2-3'. */
export function convertToPdf(xlsxPath: string, pageRange?: string): Promise<string> {
  const options =
    pageRange === undefined ? '' : `:${JSON.stringify({ PageRange: { type: 'string', value: pageRange } })}`;
  return convert(xlsxPath, `pdf:calc_pdf_Export${options}`, 'pdf');
}

export function pdfPages(pdfPath: string): number {
  const r = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8', timeout: TIMEOUT_MS });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`pdfinfo ne lit pas ${pdfPath} : ${r.stderr}`);
  return Number(m[1]);
}

/** The text of a PDF (pdftotext from poppler-utils), to look for labels on a given page. */
export function pdfText(pdfPath: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const r = spawnSync('pdftotext', [...range, '-layout', pdfPath, '-'], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
  });
  if (r.status !== 0) throw new Error(`pdftotext ne lit pas ${pdfPath} : ${r.stderr}`);
  return r.stdout;
}

/** LibreOffice opens the file and saves it again as .xlsx (as a teacher's LibreOffice would). */
export function roundTripXlsx(path: string): Promise<string> {
  const name = basename(path, extname(path));
  return convert(path, 'xlsx:Calc MS Excel 2007 XML', 'xlsx').then((out) => {
    if (!basename(out).startsWith(name)) throw new Error(`Fichier inattendu : ${out}`);
    return out;
  });
}

/** Writes bytes to a fresh temporary file, for handing a rendered workbook to LibreOffice. */
export function tempXlsx(bytes: Uint8Array, name = 'classeur.xlsx'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'grilles-xlsx-')), name);
  writeFileSync(path, bytes);
  return path;
}

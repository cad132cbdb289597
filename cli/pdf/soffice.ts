import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import { basename, extname, join } from 'path';
import { pathToFileURL } from 'url';
import { writeProfileSync } from '../libreoffice-profile';

/**
 * Headless LibreOffice, for printing the class workbook to PDF. Every run gets its own throw-away user
 * profile: it never disturbs (nor is disturbed by) a LibreOffice the teacher has open, and it makes
 * LibreOffice recalculate every formula on load, so the PDF shows fresh totals and notes whatever values
 * were cached in the file.
 */

/** A whole class (35 tabs) takes a few seconds; 600 tabs about 35 s. Generous, but never endless. */
const TIMEOUT_MS = 5 * 60_000;

/** Writes a fresh profile under `dir` and returns it. */
function writeProfile(dir: string): string {
  return writeProfileSync(join(dir, 'profil-libreoffice'));
}

/**
 * LibreOffice's own temporary files go into our work folder, so they are removed with it. On Linux,
 * C.UTF-8 exists everywhere (fr_FR.UTF-8 may not be generated) and keeps LibreOffice able to handle
 * accented paths; numbers and dates still read in French thanks to the profile's locale.
 */
function sofficeEnv(workDir: string): NodeJS.ProcessEnv {
  const env = { ...process.env, TMPDIR: workDir, TMP: workDir, TEMP: workDir };
  return process.platform === 'linux' ? { ...env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } : env;
}

function run(program: string, args: string[], workDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: TIMEOUT_MS, env: sofficeEnv(workDir) }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const why = error.killed ? `arrêté après ${TIMEOUT_MS / 60_000} minutes` : error.message;
      reject(new Error(`LibreOffice n'a pas pu produire le PDF (${why}).\n${stderr}`.trim()));
    });
  });
}

/**
 * Prints `xlsxPath` to PDF with LibreOffice (its print areas, breaks and page setup) inside `workDir`, which
 * also receives the temporary profile; returns the path of the PDF.
 */
export async function printToPdf(soffice: string, xlsxPath: string, workDir: string): Promise<string> {
  const profile = writeProfile(workDir);
  const outDir = join(workDir, 'pdf');
  await fs.mkdir(outDir, { recursive: true });
  await run(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf:calc_pdf_Export',
      '--outdir',
      outDir,
      xlsxPath,
    ],
    workDir,
  );
  const expected = join(outDir, `${basename(xlsxPath, extname(xlsxPath))}.pdf`);
  try {
    await fs.access(expected);
  } catch {
    throw new Error(
      "LibreOffice s'est terminé sans produire de PDF : fermez les fenêtres de LibreOffice encore ouvertes puis relancez.",
    );
  }
  return expected;
}

import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import { join } from 'path';
import type { PdfTools } from './tools';

/** Cutting and joining PDF pages with poppler-utils; every call works on files inside a temporary folder. */

const TIMEOUT_MS = 2 * 60_000;

function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { timeout: TIMEOUT_MS }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${program} a échoué : ${error.message}\n${stderr}`.trim()));
      else resolve();
    });
  });
}

/** One file per page, in page order; their count is the page count of `pdf`. */
export async function separatePages(tools: PdfTools, pdf: string, dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  await run(tools.pdfseparate, [pdf, join(dir, 'page-%d.pdf')]);
  const pages = (await fs.readdir(dir))
    .map((name) => /^page-(\d+)\.pdf$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
  // pdfseparate numbers from 1 with no gap: anything else means a page went missing.
  if (pages.some((n, i) => n !== i + 1))
    throw new Error("Le découpage du PDF a perdu des pages : rien n'a été écrit.");
  return pages.map((n) => join(dir, `page-${n}.pdf`));
}

/** Joins pages into `target` (a single page is copied: pdfunite wants two inputs on older versions). */
export async function joinPages(tools: PdfTools, pages: string[], target: string): Promise<void> {
  if (pages.length === 1) await fs.copyFile(pages[0], target);
  else await run(tools.pdfunite, [...pages, target]);
}

/**
 * LibreOffice and poppler for the guide's pictures: a workbook printed to PDF by soffice (headless, a
 * temporary profile that recalculates every formula on load, French display), then one page → PNG.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
// The profile settings are the command line's own (built into build/ by `npm run build`).
const { writeProfileSync } = require('../../build/cli/libreoffice-profile.js');

const TIMEOUT_MS = 180000;

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: TIMEOUT_MS, ...options });
  if (r.error) throw new Error(`${command} est introuvable ou a échoué : ${r.error.message}`);
  if (r.status !== 0)
    throw new Error(`${command} ${args.join(' ')} a échoué (code ${r.status}) :\n${r.stderr}`);
  return r.stdout;
}

/** Stops early, with the package to install, when a tool is missing. */
function checkTools() {
  const tools = [
    ['soffice', ['--version'], 'libreoffice-calc-nogui'],
    ['pdftoppm', ['-v'], 'poppler-utils'],
    ['pdftotext', ['-v'], 'poppler-utils'],
  ];
  for (const [command, args, pkg] of tools) {
    const r = spawnSync(command, args, { encoding: 'utf8', timeout: TIMEOUT_MS });
    if (r.error || r.status !== 0)
      throw new Error(`${command} est introuvable : installez le paquet Debian ${pkg}.`);
  }
}

/** The workbook printed to PDF (print areas, page breaks and page setup as in the file). */
function printToPdf(xlsx, workDir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'grilles-lo-profile-'));
  writeProfileSync(profile);
  const outDir = fs.mkdtempSync(path.join(workDir, 'pdf-'));
  try {
    // C.UTF-8 exists on every Debian machine; the French display comes from the profile.
    run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf:calc_pdf_Export',
        '--outdir',
        outDir,
        xlsx,
      ],
      { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = fs.readdirSync(outDir).find((f) => f.endsWith('.pdf'));
  if (!pdf) throw new Error(`LibreOffice n'a pas produit de PDF pour ${path.basename(xlsx)}.`);
  return path.join(outDir, pdf);
}

/** The text of every page, in order (pdftotext separates pages with a form feed). */
function pageTexts(pdf) {
  const text = run('pdftotext', ['-layout', pdf, '-']);
  return text.split('\f').slice(0, -1);
}

/** One page of the PDF as a PNG at 70 dpi. */
function pageToPng(pdf, page, png) {
  const stem = png.replace(/\.png$/, '');
  run('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, stem]);
}

module.exports = { checkTools, printToPdf, pageTexts, pageToPng };

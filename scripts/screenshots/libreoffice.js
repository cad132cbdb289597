/**
 * Poppler for the guide's pictures: the text of each page of a PDF printed by LibreOffice (through the
 * command line's own printer), then one page → PNG.
 */
const { spawnSync } = require('child_process');

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

module.exports = { checkTools, pageTexts, pageToPng };

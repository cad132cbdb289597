/**
 * npm run screenshots: regenerates every picture of the user guide into docs/images/, and fails when one
 * cannot be produced (it runs in CI). Needs the built dist/ and build/ (npm run build does it first),
 * Debian's chromium, LibreOffice (soffice) and poppler-utils.
 *   1. the browser end-to-end tests write the panel captures to artifacts/screenshots/;
 *   2. the chosen ones are cut to a useful height and copied to docs/images/ (Google Sheets sidebar
 *      captures sheets-*.png too, when that test exists);
 *   3. the sample class is built with the command line, one grid filled, checked, its statistics made, and
 *      LibreOffice prints the tabs the guide shows; one PDF page per picture.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { LIBREOFFICE_IMAGES, MAX_BYTES, OPTIONAL_PREFIX, PANEL_IMAGES } = require('./screenshots/images');
const { cropAll } = require('./screenshots/crop');
const { checkTools, pageTexts, pageToPng } = require('./screenshots/libreoffice');
// Printed exactly as `grilles-e4 pdf` prints (built into build/ by `npm run build`).
const { printToPdf } = require('../build/cli/pdf/soffice.js');
const { buildSampleClass } = require('./screenshots/sample-class');
const { buildSampleEtablissement } = require('./screenshots/sample-etablissement');

const root = path.resolve(__dirname, '..');
const captures = path.join(root, 'artifacts', 'screenshots');
const images = path.join(root, 'docs', 'images');

function runEndToEnd() {
  // Stale captures must not stand in for a failed run.
  fs.rmSync(captures, { recursive: true, force: true });
  const r = spawnSync('npx', ['jest', '-c', 'jest.e2e.config.js', 'test/e2e'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('Les tests de bout en bout du volet ont échoué : pas de captures.');
}

async function panelPictures() {
  const jobs = PANEL_IMAGES.map((img) => ({
    from: path.join(captures, img.from),
    to: path.join(images, img.name),
    maxHeight: img.maxHeight,
  }));
  const sheets = fs.readdirSync(captures).filter((f) => f.startsWith(OPTIONAL_PREFIX) && f.endsWith('.png'));
  for (const f of sheets)
    jobs.push({ from: path.join(captures, f), to: path.join(images, f), maxHeight: 1100 });
  for (const job of jobs)
    if (!fs.existsSync(job.from)) throw new Error(`Capture absente : ${path.relative(root, job.from)}.`);
  await cropAll(jobs);
  return jobs.map((j) => path.basename(j.to));
}

async function libreOfficePictures() {
  checkTools();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'grilles-e4-captures-'));
  try {
    const sample = await buildSampleClass(work);
    sample.etablissement = await buildSampleEtablissement(work);
    const pages = {};
    for (const workbook of ['classe', 'statistiques', 'etablissement']) {
      const pdf = await printToPdf('soffice', sample[workbook], work);
      pages[workbook] = { pdf, texts: pageTexts(pdf) };
    }
    for (const img of LIBREOFFICE_IMAGES) {
      const { pdf, texts } = pages[img.workbook];
      const wanted = img.has.map((s) => s.replace(/\{(\w+)\}/g, (_, key) => sample.ids[key]));
      const index = texts.findIndex((t) => wanted.every((s) => t.includes(s)));
      if (index < 0) throw new Error(`Aucune page ne contient ${wanted.join(' + ')} (${img.name}).`);
      const page = index + 1 + (img.next ? 1 : 0);
      if (page > texts.length) throw new Error(`Page ${page} absente (${img.name}).`);
      pageToPng(pdf, page, path.join(images, img.name));
    }
    return LIBREOFFICE_IMAGES.map((img) => img.name);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function checkSizes(names) {
  for (const name of names) {
    const file = path.join(images, name);
    if (!fs.existsSync(file)) throw new Error(`Image non produite : docs/images/${name}.`);
    const size = fs.statSync(file).size;
    if (size > MAX_BYTES)
      throw new Error(
        `docs/images/${name} pèse ${Math.round(size / 1024)} Ko (au plus ${MAX_BYTES / 1024} Ko).`,
      );
  }
}

async function main() {
  fs.mkdirSync(images, { recursive: true });
  const skipE2e = process.argv.includes('--sans-volet');
  if (!skipE2e) runEndToEnd();
  const names = [...(skipE2e ? [] : await panelPictures()), ...(await libreOfficePictures())];
  checkSizes(names);
  console.log(`${names.length} images écrites dans ${path.relative(root, images)}/ :`);
  for (const name of names)
    console.log(`  ${name} (${Math.round(fs.statSync(path.join(images, name)).size / 1024)} Ko)`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});

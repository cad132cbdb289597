/**
 * The guide's « Secrétariat et centres d'examen » pictures: two classes of one lycée, each in its own
 * grids workbook made by the command line and graded (the benchmark's reproducible teacher inputs), then
 * one statistics workbook over both with `grilles-e4 stats A B`. Needs the built command line (build/).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const build = (p) => require(path.join(root, 'build', p));

function cli(args, cwd) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/grilles-e4.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`grilles-e4 ${args.join(' ')} a échoué (code ${r.status}) :\n${r.stderr}`);
}

const NOMS = [
  'MARTIN',
  'BERNARD',
  'DUBOIS',
  'THOMAS',
  'ROBERT',
  'PETIT',
  'DURAND',
  'LEROY',
  'MOREAU',
  'NGUYEN',
];
const PRENOMS = ['Léa', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Yanis', 'Manon', 'Enzo', 'Jade', 'Aïcha', 'Noé'];

/** A graded class: its roster as CSV, its grids workbook, every tab filled. Returns the workbook path. */
async function gradedClass(dir, division, first, count, seed) {
  const { openInput, saveAtomic } = build('xlsx/files');
  const { scanWorkbook, sheetsOfKind } = build('core/workflows/scan');
  const { E4 } = build('core/referentiel');
  const { seeded, teacherCells } = build('bench/synthetic');
  const rows = ['N° candidat;Nom;Prénom;Division'];
  for (let i = 0; i < count; i++)
    rows.push(
      `0260${String(first + i).padStart(4, '0')};${NOMS[i % NOMS.length]};${PRENOMS[(i + seed) % PRENOMS.length]};${division}`,
    );
  const csv = path.join(dir, `${division.toLowerCase()}.csv`);
  fs.writeFileSync(csv, rows.join('\r\n'));
  const grids = path.join(dir, `${division.toLowerCase()}-grilles.xlsx`);
  cli(['grilles', csv, '--session', '2026', '-o', grids], dir);
  const opened = await openInput(grids);
  const tabs = sheetsOfKind(await scanWorkbook(opened.host), 'grid');
  const rand = seeded(seed);
  const updates = tabs.map((t) => ({ sheet: t.sheet, cells: teacherCells(E4, 'ccf', 2026, rand) }));
  await opened.host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(opened.host, grids);
  return grids;
}

/** Returns the path of the statistics workbook over the two classes. */
async function buildSampleEtablissement(dir) {
  const a = await gradedClass(dir, 'NDRC2A', 1, 24, 7);
  const b = await gradedClass(dir, 'NDRC2B', 101, 20, 11);
  const out = path.join(dir, 'statistiques-E4-etablissement.xlsx');
  cli(['stats', a, b, '-o', out, '--etablissement', 'Lycée Jean Moulin (exemple)', '--uai', '0750001A'], dir);
  return out;
}

module.exports = { buildSampleEtablissement };

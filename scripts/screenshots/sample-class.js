/**
 * The sample class as a teacher would have it mid-year, built with the command line itself: tabs created
 * from samples/classe-exemple.xlsx, one grid filled completely, one half-filled (so the check has something
 * to say), then `controle` and `stats`. Needs the built command line (build/).
 */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const build = (p) => require(path.join(root, 'build', p));

function cli(args, cwd, allowed) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/grilles-e4.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (!allowed.includes(r.status))
    throw new Error(`grilles-e4 ${args.join(' ')} a échoué (code ${r.status}) :\n${r.stderr}`);
}

/** What the commission typed for the complete candidate (CCF, simulation « Négociation-vente »). */
const COMPLETE_LEVELS = {
  'cibler.1': 'S',
  'cibler.2': 'TS',
  'cibler.3': 'S',
  'cibler.4': 'S',
  'negocier.1': 'TS',
  'negocier.2': 'S',
  'exploiter.1': 'S',
  'exploiter.2': 'S',
};

function fillComplete(set, map, E4, session) {
  set(map.status, E4.statuses.find((s) => s.code === 'present').label);
  set(map.activity, E4.activities.find((a) => a.code === 'negociation').label);
  for (const [id, level] of Object.entries(COMPLETE_LEVELS)) set(map.levels[id], level);
  set(map.note, 14);
  const texts = [
    'Portefeuille bien analysé, prospection efficace ; réseaux encore peu activés.',
    'Négociation maîtrisée, solution adaptée ; bonne écoute du client.',
  ];
  map.parts.forEach((part, i) => {
    if (part.date) set(part.date, new Date(Date.UTC(session, 2, 10 + i * 7)));
    set(part.appreciation, texts[i % texts.length]);
    part.members.forEach((ref, m) => set(ref, m === 0 ? 'Mme MARTIN' : 'M. BERNARD'));
  });
  set(map.fiche.number, '1');
  set(map.fiche.title, 'Vente de solutions de téléphonie à une PME');
}

/** A grid begun but not finished, with one level typed in the bloc the commission did not choose. */
function fillPartial(set, map, E4) {
  set(map.status, E4.statuses.find((s) => s.code === 'present').label);
  set(map.activity, E4.activities.find((a) => a.code === 'evenement').label);
  set(map.levels['cibler.1'], 'S');
  set(map.levels['cibler.2'], 'I');
  set(map.levels['negocier.1'], 'S');
}

/** An absent candidate: the status only. */
function fillAbsent(set, map, E4) {
  set(map.status, E4.statuses.find((s) => s.code === 'absent').label);
}

/** A non-valide dossier: the status and two V-8 motifs ticked. */
function fillNonValide(set, map, E4) {
  set(map.status, E4.statuses.find((s) => s.code === 'non_valide').label);
  set(map.nvMotifs[0], 'X');
  set(map.nvMotifs[3], 'X');
}

/** Cells typed into one tab, as the updates of a plan (the engine patches them in place). */
function typedInto(sheet, parseA1, fill) {
  const cells = [];
  fill((ref, value) => cells.push({ ...parseA1(ref), value }));
  return { sheet, cells };
}

/** How a candidate's pages are found in the PDF: the N° candidat they print. */
function shownId(g) {
  return g.marker.candidateNumber || g.marker.nom || g.sheet;
}

/**
 * Returns the paths of the class workbook and of the statistics workbook, and the candidates whose pages
 * the guide shows: the complete grid, a blank one (nothing typed), an absent and a non-valide candidate.
 */
async function buildSampleClass(dir) {
  const { openInput, saveAtomic } = build('xlsx/files');
  const { scanWorkbook, sheetsOfKind } = build('core/workflows/scan');
  const { gridMap } = build('core/grid/map');
  const { E4 } = build('core/referentiel');
  const { parseA1 } = build('core/spec/a1');
  const classe = path.join(dir, 'classe-grilles.xlsx');
  cli(['grilles', path.join(root, 'samples/classe-exemple.xlsx'), '-o', classe], dir, [0, 1]);

  const opened = await openInput(classe);
  const grids = sheetsOfKind(await scanWorkbook(opened.host), 'grid');
  if (grids.length < 5) throw new Error("La classe d'exemple devrait compter au moins 5 candidats.");
  const [first, second, blank, absent, nonValide] = grids;
  const map = (g) => gridMap(E4, g.marker.form ?? 'ccf');
  const updates = [
    typedInto(first.sheet, parseA1, (set) => fillComplete(set, map(first), E4, first.marker.session ?? 2026)),
    typedInto(second.sheet, parseA1, (set) => fillPartial(set, map(second), E4)),
    typedInto(absent.sheet, parseA1, (set) => fillAbsent(set, map(absent), E4)),
    typedInto(nonValide.sheet, parseA1, (set) => fillNonValide(set, map(nonValide), E4)),
  ];
  await opened.host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(opened.host, classe);

  cli(['controle', classe], dir, [1]);
  const statistiques = path.join(dir, 'statistiques-E4.xlsx');
  cli(
    [
      'stats',
      classe,
      '-o',
      statistiques,
      '--etablissement',
      'Lycée Jean Moulin (exemple)',
      '--uai',
      '0750001A',
    ],
    dir,
    [1],
  );
  return {
    classe,
    statistiques,
    ids: {
      filled: shownId(first),
      blank: shownId(blank),
      absent: shownId(absent),
      nonValide: shownId(nonValide),
    },
  };
}

module.exports = { buildSampleClass };

/**
 * The pictures of the user guide (docs/images/), and where each one comes from. scripts/screenshots.js
 * produces exactly these; test/build/screenshots.test.ts checks that the guide uses only these.
 */

/** The panel in Chromium over the fake Excel (test/e2e/excel-taskpane.test.ts), cut to `maxHeight` pixels. */
const PANEL_IMAGES = [
  { name: 'excel-0-hors-excel.png', from: 'excel-0-hors-excel.png', maxHeight: 500 },
  { name: 'excel-1-liste.png', from: 'excel-1-liste.png', maxHeight: 1000 },
  { name: 'excel-2-grilles.png', from: 'excel-2-grilles.png', maxHeight: 1100 },
  { name: 'excel-3-controle.png', from: 'excel-3-controle.png', maxHeight: 1000 },
  { name: 'excel-4-statistiques.png', from: 'excel-4-statistiques.png', maxHeight: 1100 },
  { name: 'excel-7-autres-classeurs.png', from: 'excel-7-autres-classeurs.png', maxHeight: 1200 },
  // 320 × 700, the viewport only (test/e2e/excel-pane-view.test.ts): progress and error in view.
  { name: 'excel-5-progression.png', from: 'excel-5-progression.png', maxHeight: 700 },
  { name: 'excel-6-erreur.png', from: 'excel-6-erreur.png', maxHeight: 700 },
];

/**
 * Tabs of the sample class as LibreOffice prints them (PDF page → PNG at 70 dpi). The page is
 * the first page of `workbook` whose text holds every string of `has` ({filled}, {blank}, {absent},
 * {nonValide}: the number of the candidate whose grid is complete, blank, absent, non valide); `next`
 * takes the page after it.
 */
const LIBREOFFICE_IMAGES = [
  { name: 'lo-grille-page1.png', workbook: 'classe', has: ["Grille d'aide", '{filled}'] },
  { name: 'lo-fiche-page2.png', workbook: 'classe', has: ["Grille d'aide", '{filled}'], next: true },
  { name: 'lo-grille-vierge.png', workbook: 'classe', has: ["Grille d'aide", '{blank}'] },
  { name: 'lo-fiche-absent.png', workbook: 'classe', has: ["Grille d'aide", '{absent}'], next: true },
  {
    name: 'lo-fiche-non-valide.png',
    workbook: 'classe',
    has: ["Grille d'aide", '{nonValide}'],
    next: true,
  },
  { name: 'lo-suivi.png', workbook: 'classe', has: ['Suivi des grilles'] },
  { name: 'lo-controle.png', workbook: 'classe', has: ['Contrôle des grilles'] },
  { name: 'lo-statistiques.png', workbook: 'statistiques', has: ['Inscrits'] },
  {
    name: 'lo-etablissement-synthese.png',
    workbook: 'etablissement',
    has: ['Répartition des notes par tranche'],
  },
  { name: 'lo-etablissement-classeurs.png', workbook: 'etablissement', has: ['Moyenne par classeur'] },
  { name: 'lo-etablissement-competences.png', workbook: 'etablissement', has: ['Part de chaque niveau'] },
];

/** Pictures of the Google Sheets sidebar, copied when its end-to-end test has written them. */
const OPTIONAL_PREFIX = 'sheets-';

/** Every picture must stay light enough for a repository and a slow school network. */
const MAX_BYTES = 150 * 1024;

module.exports = { PANEL_IMAGES, LIBREOFFICE_IMAGES, OPTIONAL_PREFIX, MAX_BYTES };

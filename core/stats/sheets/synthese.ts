import type { Epreuve } from '../../referentiel/types';
import { LOW_MARK, PASS_MARK } from '../bands';
import type { SheetSpec } from '../../spec/types';
import { finishSheet, newDraft, put, putMerged, putRow, type SheetDraft, type Styled } from '../draft';
import { frenchDate } from '../format';
import { PROVISIONAL, STATS_SHEETS } from '../names';
import { decimalCell, integerCell, percentCell, STATS_STYLES, styled } from '../styles';
import type { Statistics, StatsMeta } from '../types';

const WIDTH = 4;

export function statsTitle(epreuve: Epreuve, stats: Statistics): string {
  const title = `Tableau de suivi statistique des notes – ${epreuve.id}`;
  return stats.provisional ? `${title} – ${PROVISIONAL}` : title;
}

/** Why the table is not final, in the words of the banner. */
function provisionalReasons(stats: Statistics): string {
  const reasons: string[] = [];
  const waiting = stats.counts.nonEncoreNotes;
  if (waiting > 0)
    reasons.push(`${waiting} candidat${waiting > 1 ? 's' : ''} non encore noté${waiting > 1 ? 's' : ''}`);
  if (stats.hasErrors) reasons.push('le contrôle des grilles signale au moins une erreur');
  return `${PROVISIONAL} : ${reasons.join(' ; ')}. Ce tableau n'est pas définitif.`;
}

function metaLines(epreuve: Epreuve, meta: StatsMeta): Array<[string, string]> {
  const uai = meta.uai.trim() === '' ? '' : ` (UAI ${meta.uai.trim()})`;
  return [
    ['Académie / centre', meta.academie.trim() === '' ? 'SIEC' : meta.academie],
    ['Diplôme', epreuve.diploma],
    ['Épreuve', `${epreuve.title} (${epreuve.unit}, coef. ${epreuve.coefficient})`],
    ['Session', String(meta.session)],
    ['Forme', meta.forms.join(', ')],
    ['Établissement', `${meta.etablissement}${uai}`],
    ['Division(s)', meta.divisions.join(', ')],
    ['Édité le', frenchDate(meta.issuedOn)],
  ];
}

/** A section: its title, a header row, then its rows; returns the next free row (after a blank one). */
function section(draft: SheetDraft, row: number, title: string, header: string[], rows: Styled[][]): number {
  put(draft, row, 1, styled(title, 'section'));
  putRow(
    draft,
    row + 1,
    header.map((h) => styled(h, 'header')),
  );
  rows.forEach((cells, i) => putRow(draft, row + 2 + i, cells));
  return row + 2 + rows.length + 1;
}

function countRows(stats: Statistics): Styled[][] {
  const c = stats.counts;
  const rows: Array<[string, number]> = [
    ['Inscrits', c.inscrits],
    ['Présents notés', c.presentsNotes],
    ['Absents (ABS)', c.absents],
    ['Non valides (NV)', c.nonValides],
    ['Non encore notés', c.nonEncoreNotes],
  ];
  return rows.map(([label, n]) => [styled(label, 'label'), integerCell(n)]);
}

function noteRows(stats: Statistics): Styled[][] {
  const n = stats.notes;
  const figures: Array<[string, number | null]> = [
    ['Moyenne', n.mean],
    ['Écart-type (population)', n.sd],
    ['Médiane', n.median],
    ['Note minimale', n.min],
    ['Note maximale', n.max],
  ];
  return [
    ...figures.map(([label, v]) => [styled(label, 'label'), decimalCell(v)]),
    [
      styled(`Notes ≥ ${PASS_MARK}`, 'label'),
      integerCell(stats.atLeast10.count),
      percentCell(stats.atLeast10.share),
    ],
    [
      styled(`Notes < ${LOW_MARK}`, 'label'),
      integerCell(stats.below8.count),
      percentCell(stats.below8.share),
    ],
  ];
}

function bandRows(stats: Statistics): Styled[][] {
  return stats.bands.map((b) => [styled(b.band.label, 'label'), integerCell(b.count), percentCell(b.share)]);
}

function activityRows(stats: Statistics): Styled[][] {
  return stats.activities.map((a) => [
    styled(a.label, 'label'),
    integerCell(a.presentsNotes),
    decimalCell(a.mean),
  ]);
}

/** Sheet « Synthèse »: the header of the table, the counts and the figures on the notes. */
export function syntheseSheet(epreuve: Epreuve, stats: Statistics, meta: StatsMeta): SheetSpec {
  const draft = newDraft();
  putMerged(draft, 1, 1, WIDTH, styled(statsTitle(epreuve, stats), 'title'));
  let row = 2;
  const rowHeights: Record<number, number> = {};
  if (stats.provisional) {
    rowHeights[row] = 36;
    putMerged(draft, row++, 1, WIDTH, styled(provisionalReasons(stats), 'banner'));
  }
  row += 1;
  for (const [label, value] of metaLines(epreuve, meta)) {
    put(draft, row, 1, styled(label, 'metaLabel'));
    putMerged(draft, row++, 2, WIDTH, styled(value, 'metaValue'));
  }
  row += 1;
  row = section(draft, row, 'Effectifs', ['', 'Nombre'], countRows(stats));
  row = section(
    draft,
    row,
    'Notes des présents notés',
    ['', 'Valeur', '% des présents notés'],
    noteRows(stats),
  );
  row = section(
    draft,
    row,
    'Répartition par tranche',
    ['Tranche', 'Nombre', '% des présents notés'],
    bandRows(stats),
  );
  section(draft, row, 'Par activité simulée', ['Activité', 'Présents notés', 'Moyenne'], activityRows(stats));
  return finishSheet(draft, {
    name: STATS_SHEETS.synthese,
    kind: 'stats',
    styles: STATS_STYLES,
    widths: [34, 16, 20, 24],
    orientation: 'portrait',
    rowHeights,
  });
}

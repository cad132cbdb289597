import type { Epreuve } from '../../referentiel/types';
import type { SheetSpec } from '../../spec/types';
import { finishSheet, newDraft, putMerged, putRow, type Styled, wrappedHeight } from '../draft';
import { STATS_SHEETS } from '../names';
import { integerCell, percentCell, STATS_STYLES, styled } from '../styles';
import type { CriterionStats } from '../types';

const FIXED_COLUMNS = ['Bloc', 'N°', 'Critère', 'Positionnés'];
const BLOC_WIDTH = 44;
const WORDING_WIDTH = 62;

function header(epreuve: Epreuve): Styled[] {
  const levels = epreuve.levels.flatMap((l) => [l.code, `% ${l.code}`]);
  return [...FIXED_COLUMNS, ...levels].map((h) => styled(h, 'header'));
}

function criterionRow(c: CriterionStats): Styled[] {
  return [
    styled(c.blocTitle, 'label'),
    integerCell(c.number),
    styled(c.wording, 'label'),
    integerCell(c.positioned),
    ...c.levels.flatMap((l) => [integerCell(l.count), percentCell(l.share)]),
  ];
}

/** Sheet « Compétences »: per criterion, the levels given, for the harmonisation meeting. */
export function competencesSheet(epreuve: Epreuve, criteria: readonly CriterionStats[]): SheetSpec {
  const width = FIXED_COLUMNS.length + 2 * epreuve.levels.length;
  const draft = newDraft();
  putMerged(draft, 1, 1, width, styled('Niveaux atteints par critère', 'title'));
  putMerged(draft, 2, 1, width, styled(epreuve.legend, 'explain'));
  putMerged(
    draft,
    3,
    1,
    width,
    styled(
      "Pourcentages sur les candidats présents positionnés sur le critère (le bloc de simulation suit l'activité choisie).",
      'explain',
    ),
  );
  const headerRow = 5;
  putRow(draft, headerRow, header(epreuve));
  const rowHeights: Record<number, number> = {};
  criteria.forEach((c, i) => {
    const row = headerRow + 1 + i;
    putRow(draft, row, criterionRow(c));
    const height = wrappedHeight([
      { text: c.blocTitle, width: BLOC_WIDTH },
      { text: c.wording, width: WORDING_WIDTH },
    ]);
    if (height !== undefined) rowHeights[row] = height;
  });
  return finishSheet(draft, {
    name: STATS_SHEETS.competences,
    kind: 'stats',
    styles: STATS_STYLES,
    widths: [BLOC_WIDTH, 5, WORDING_WIDTH, 12, ...epreuve.levels.flatMap(() => [7, 10])],
    orientation: 'landscape',
    frozenRows: headerRow,
    rowHeights,
  });
}

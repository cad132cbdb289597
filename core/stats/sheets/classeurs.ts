import type { SheetSpec } from '../../spec/types';
import { finishSheet, newDraft, putMerged, putRow, type Styled, wrappedHeight } from '../draft';
import { decimalCell, integerCell, STATS_STYLES, styled } from '../styles';
import type { Counts } from '../types';

/** Name of the sheet listing the source workbooks of a consolidated table. */
export const CLASSEURS_SHEET = 'Classeurs';

/** One source workbook of a consolidated table, as the « Classeurs » sheet shows it. */
export interface SourceRow {
  file: string;
  divisions: string[];
  forms: string[];
  sessions: number[];
  counts: Counts;
  mean: number | null;
}

export const CLASSEURS_HEADERS = [
  'Classeur',
  'Division(s)',
  'Forme',
  'Session',
  'Inscrits',
  'Présents notés',
  'ABS',
  'NV',
  'Non encore notés',
  'Moyenne',
] as const;

const WIDTHS = [34, 22, 18, 9.5, 10, 11, 8, 8, 11, 10];

/** Row of the first source in the sheet; the chart of means per workbook points at these rows. */
export const CLASSEURS_FIRST_ROW = 5;

function sourceCells(s: SourceRow): Styled[] {
  return [
    styled(s.file, 'text'),
    styled(s.divisions.join(', '), 'text'),
    styled(s.forms.join(', '), 'text'),
    styled(s.sessions.join(', '), 'text'),
    integerCell(s.counts.inscrits),
    integerCell(s.counts.presentsNotes),
    integerCell(s.counts.absents),
    integerCell(s.counts.nonValides),
    integerCell(s.counts.nonEncoreNotes),
    decimalCell(s.mean),
  ];
}

function totalCells(total: Counts, mean: number | null): Styled[] {
  return [
    styled('Ensemble', 'header'),
    styled('', 'header'),
    styled('', 'header'),
    styled('', 'header'),
    integerCell(total.inscrits),
    integerCell(total.presentsNotes),
    integerCell(total.absents),
    integerCell(total.nonValides),
    integerCell(total.nonEncoreNotes),
    decimalCell(mean),
  ];
}

/**
 * Sheet « Classeurs »: where the figures of a consolidated table come from, one row per grids workbook,
 * then the whole (a candidate found in two workbooks counts once there, in the first one).
 */
export function classeursSheet(sources: readonly SourceRow[], total: Counts, mean: number | null): SheetSpec {
  const draft = newDraft();
  putMerged(draft, 1, 1, WIDTHS.length, styled('Classeurs de grilles réunis dans ce tableau', 'title'));
  putMerged(
    draft,
    2,
    1,
    WIDTHS.length,
    styled(
      "Un candidat présent dans deux classeurs n'est compté qu'une fois, dans le premier ; le tableau est alors PROVISOIRE.",
      'explain',
    ),
  );
  const headerRow = CLASSEURS_FIRST_ROW - 1;
  putRow(
    draft,
    headerRow,
    CLASSEURS_HEADERS.map((h) => styled(h, 'header')),
  );
  sources.forEach((s, i) => putRow(draft, CLASSEURS_FIRST_ROW + i, sourceCells(s)));
  putRow(draft, CLASSEURS_FIRST_ROW + sources.length, totalCells(total, mean));
  const height = wrappedHeight(CLASSEURS_HEADERS.map((text, i) => ({ text, width: WIDTHS[i] })));
  return finishSheet(draft, {
    name: CLASSEURS_SHEET,
    kind: 'stats',
    styles: STATS_STYLES,
    widths: WIDTHS,
    orientation: 'landscape',
    frozenRows: headerRow,
    rowHeights: height === undefined ? {} : { [headerRow]: height },
  });
}

import type { Epreuve, FormId } from '../../referentiel/types';
import type { SheetSpec } from '../../spec/types';
import { finishSheet, newDraft, putMerged, putRow, type Styled, wrappedHeight } from '../draft';
import { STATS_SHEETS } from '../names';
import { decimalCell, integerCell, STATS_STYLES, styled } from '../styles';
import type { GroupStats, Statistics } from '../types';

/**
 * What a group is depends on the form: a division in CCF, a commission for the forme ponctuelle
 * (the header field of the ponctuelle form says so).
 */
function groupLabel(epreuve: Epreuve, forms: readonly FormId[]): string {
  const kinds = new Set(
    forms.map((id) => (epreuve.forms.find((f) => f.id === id)?.headerCommission ? 'Commission' : 'Division')),
  );
  return kinds.size === 1 ? [...kinds][0] : 'Division / commission';
}

/** Distinct named groups: the sheet exists only when there are at least two to compare. */
export function namedGroupCount(stats: Statistics): number {
  return stats.groups.filter((g) => g.group !== '').length;
}

function groupRow(g: GroupStats): Styled[] {
  return [
    styled(g.group === '' ? '(non renseigné)' : g.group, 'text'),
    integerCell(g.candidates),
    integerCell(g.presentsNotes),
    decimalCell(g.mean),
    decimalCell(g.sd),
    decimalCell(g.min),
    decimalCell(g.max),
  ];
}

/** Headers such as « Écart-type (population) » wrap in their column: the row must show both lines. */
function headerHeight(headers: string[], widths: number[], row: number): Record<number, number> {
  const height = wrappedHeight(headers.map((text, i) => ({ text, width: widths[i] })));
  return height === undefined ? {} : { [row]: height };
}

/** Sheet « Commissions »: the harmonisation view, one row per division or commission. */
export function commissionsSheet(epreuve: Epreuve, stats: Statistics): SheetSpec {
  const headers = [
    groupLabel(epreuve, stats.forms),
    'Candidats',
    'Présents notés',
    'Moyenne',
    'Écart-type (population)',
    'Note minimale',
    'Note maximale',
  ];
  const widths = [24, 12, 16, 12, 14, 12, 12];
  const draft = newDraft();
  putMerged(draft, 1, 1, headers.length, styled('Notes par division ou commission', 'title'));
  const headerRow = 3;
  putRow(
    draft,
    headerRow,
    headers.map((h) => styled(h, 'header')),
  );
  stats.groups.forEach((g, i) => putRow(draft, headerRow + 1 + i, groupRow(g)));
  return finishSheet(draft, {
    name: STATS_SHEETS.commissions,
    kind: 'stats',
    styles: STATS_STYLES,
    widths,
    orientation: 'portrait',
    frozenRows: headerRow,
    rowHeights: headerHeight(headers, widths, headerRow),
  });
}

import type { SheetSpec } from '../../spec/types';
import { finishSheet, newDraft, put, putMerged, putRow } from '../draft';
import { STATS_SHEETS } from '../names';
import { integerCell, STATS_STYLES, styled } from '../styles';
import type { Statistics } from '../types';

/** exceljs cannot draw charts: a bar of block characters in a cell shows the shape on every host. */
const BAR_CHAR = '█';
const BAR_MAX = 40;

/** Proportional to the largest count; a count of 1 still shows one block, 0 shows nothing. */
export function bar(count: number, largest: number): string {
  if (count <= 0 || largest <= 0) return '';
  return BAR_CHAR.repeat(Math.max(1, Math.round((count / largest) * BAR_MAX)));
}

/** Sheet « Répartition »: one row per whole point, its count and a bar. */
export function repartitionSheet(stats: Statistics): SheetSpec {
  const draft = newDraft();
  putMerged(draft, 1, 1, 3, styled('Répartition des notes par point', 'title'));
  putMerged(
    draft,
    2,
    1,
    3,
    styled('Une note est comptée dans son point entier (12,75 compte en 12) ; 20 compte en 20.', 'explain'),
  );
  const headerRow = 4;
  putRow(draft, headerRow, [
    styled('Note (point)', 'header'),
    styled('Nombre', 'header'),
    styled('', 'header'),
  ]);
  const largest = stats.histogram.reduce((a, b) => Math.max(a, b), 0);
  stats.histogram.forEach((count, point) => {
    const row = headerRow + 1 + point;
    putRow(draft, row, [integerCell(point), integerCell(count)]);
    const shape = bar(count, largest);
    if (shape !== '') put(draft, row, 3, styled(shape, 'bar'));
  });
  return finishSheet(draft, {
    name: STATS_SHEETS.repartition,
    kind: 'stats',
    styles: STATS_STYLES,
    widths: [14, 12, BAR_MAX + 4],
    orientation: 'portrait',
    frozenRows: headerRow,
  });
}

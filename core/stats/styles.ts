import type { CellStyle } from '../spec/types';
import type { Styled } from './draft';

/** One style table for every sheet of the statistics workbook, so they read alike. */

const HEADER_FILL = 'D9E1F2';

export const STATS_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 14 },
  banner: { bold: true, color: 'FFFFFF', fill: 'C00000', hAlign: 'center', vAlign: 'middle', wrap: true },
  section: { bold: true, size: 12 },
  explain: { italic: true, color: '595959' },
  metaLabel: { bold: true },
  metaValue: { wrap: true, numFmt: '@' },
  header: { bold: true, fill: HEADER_FILL, border: 'thin', hAlign: 'center', vAlign: 'middle', wrap: true },
  label: { border: 'thin', vAlign: 'top', wrap: true },
  text: { border: 'thin', vAlign: 'top', numFmt: '@' },
  integer: { border: 'thin', vAlign: 'top', numFmt: '0' },
  decimal: { border: 'thin', vAlign: 'top', numFmt: '0.00' },
  percent: { border: 'thin', vAlign: 'top', numFmt: '0.00%' },
  missing: { border: 'thin', vAlign: 'top', hAlign: 'right', color: '808080' },
  bar: { color: '2F5597' },
};

/** Shown where a figure has no meaning (nobody graded): a dash, never 0 nor NaN. */
export const NO_FIGURE = '–';

export function styled(value: string | number, style: string): Styled {
  return { value, style };
}

export function integerCell(n: number): Styled {
  return { value: n, style: 'integer' };
}

export function decimalCell(n: number | null): Styled {
  return n === null ? { value: NO_FIGURE, style: 'missing' } : { value: n, style: 'decimal' };
}

/** A share as a fraction (0.25) shown as « 25.00% » by the number format. */
export function percentCell(share: number | null): Styled {
  return share === null ? { value: NO_FIGURE, style: 'missing' } : { value: share, style: 'percent' };
}

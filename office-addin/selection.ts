import type { RosterSource } from '../core/workflows/types';

/**
 * The roster source from the selection's address ('Liste'!A1:D30): the whole sheet when a single cell
 * or whole columns are selected, else the selected rectangle.
 */
export function sourceFromAddress(address: string): RosterSource {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return {};
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const range = address.slice(bang + 1);
  const cells = range.split(':');
  const isRectangle =
    cells.length === 2 && cells.every((c) => /^\$?[A-Z]{1,3}\$?\d+$/i.test(c)) && cells[0] !== cells[1];
  return isRectangle ? { sheet, range: range.replace(/\$/g, '') } : { sheet };
}

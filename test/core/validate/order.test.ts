import { parseA1 } from '../../../core/spec/a1';
import { sortFindings } from '../../../core/validate/order';
import type { Finding } from '../../../core/validate/types';

/** The order as first written: keys recomputed in every comparison. The sort with keys computed once must match it. */
function sortedByComparisons(findings: Finding[], tabOrder: string[]): Finding[] {
  const cellKey = (cell: string | null): [number, number] => {
    if (cell === null) return [0, 0];
    const { r, c } = parseA1(cell);
    return [r, c];
  };
  const tab = (sheet: string | null): number =>
    sheet === null
      ? tabOrder.length + 1
      : tabOrder.includes(sheet)
        ? tabOrder.indexOf(sheet)
        : tabOrder.length;
  return [...findings].sort((a, b) => {
    const [ra, ca] = cellKey(a.cell);
    const [rb, cb] = cellKey(b.cell);
    return (
      tab(a.sheet) - tab(b.sheet) ||
      ra - rb ||
      ca - cb ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message)
    );
  });
}

describe('sortFindings', () => {
  const tabOrder = ['DUPONT Marie', 'MARTIN Léa', 'Élodie'];
  const sheets = [...tabOrder, 'hors liste', null];
  const cells = [null, 'A1', 'B2', 'AA10', 'C3', 'B10', '$D$4'];
  const codes = ['level-missing', 'note-missing', 'read-problem', 'tab-not-in-roster'];
  const messages = ['Note absente', 'note absente', 'Élément', 'Zèbre', 'a'];

  it('orders findings exactly as comparing their recomputed keys does, equal keys kept in place', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const findings: Finding[] = Array.from({ length: 400 }, (_, i) => ({
      severity: i % 3 === 0 ? 'avertissement' : 'erreur',
      code: codes[next(codes.length)],
      candidate: null,
      sheet: sheets[next(sheets.length)],
      cell: cells[next(cells.length)],
      rubric: `r${i}`,
      message: messages[next(messages.length)],
    }));
    expect(sortFindings(findings, tabOrder)).toEqual(sortedByComparisons(findings, tabOrder));
  });

  it('returns a copy, and a single finding as it is', () => {
    const one: Finding[] = [
      { severity: 'erreur', code: 'c', candidate: null, sheet: null, cell: null, rubric: 'r', message: 'm' },
    ];
    expect(sortFindings(one, [])).toEqual(one);
    expect(sortFindings(one, [])).not.toBe(one);
    expect(sortFindings([], [])).toEqual([]);
  });
});

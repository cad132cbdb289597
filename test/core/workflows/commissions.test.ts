import { parseRoster } from '../../../core/roster';
import type { CellValue } from '../../../core/spec/types';
import { commissionFileName, splitByCommission } from '../../../core/workflows/commissions';

const VALUES: CellValue[][] = [
  ['Centre d’examen – session 2026'],
  [],
  ['N° candidat', 'Nom', 'Prénom', 'Jury'],
  ['001', 'DUPONT', 'Léa', 'C10'],
  ['002', 'MARTIN', 'Hugo', 'C2'],
  ['003', 'BERNARD', 'Inès', ''],
  ['004', 'PETIT', 'Noé', 'C10'],
];

describe('splitByCommission', () => {
  it('reads a « Jury » column and gives each commission its title, header and own rows, in natural order', () => {
    const split = splitByCommission(VALUES, parseRoster(VALUES, 'Centre'));
    expect(split?.lists.map((l) => l.commission)).toEqual(['C2', 'C10']);
    expect(split?.lists[1].values).toEqual([VALUES[0], VALUES[1], VALUES[2], VALUES[3], VALUES[6]]);
    expect(split?.lists[0].candidates.map((c) => c.number)).toEqual(['002']);
    expect(split?.without.map((c) => [c.number, c.row])).toEqual([['003', 6]]);
  });

  it('says when the roster has no commission column', () => {
    const values = VALUES.map((row) => row.slice(0, 3));
    expect(splitByCommission(values, parseRoster(values, 'Centre'))).toBeNull();
  });

  it('names a file after the commission, safe on every file system', () => {
    expect(commissionFileName('C01')).toBe('commission-C01-grilles.xlsx');
    expect(commissionFileName('Jury 3 / salle B')).toBe('commission-Jury 3 - salle B-grilles.xlsx');
    expect(commissionFileName('..')).toBe('commission-sans-nom-grilles.xlsx');
  });
});

import { frenchDate, statsFileName } from '../../../core/stats/format';

describe('statsFileName', () => {
  it('names the file after the session', () => {
    expect(statsFileName(2026)).toBe('statistiques-E4-2026.xlsx');
  });

  it('adds the établissement as plain ASCII words when given', () => {
    expect(statsFileName(2026, 'Lycée Jean-Moulin / Cœur de ville')).toBe(
      'statistiques-E4-2026-lycee-jean-moulin-coeur-de-ville.xlsx',
    );
  });

  it('ignores an établissement with nothing usable in a file name', () => {
    expect(statsFileName(2027, '  ')).toBe('statistiques-E4-2027.xlsx');
    expect(statsFileName(2027, '***')).toBe('statistiques-E4-2027.xlsx');
  });

  it('keeps the file name short for a long établissement name', () => {
    const name = statsFileName(2026, 'Lycée polyvalent régional des métiers du commerce et de la vente');
    expect(name.length).toBeLessThanOrEqual('statistiques-E4-2026-.xlsx'.length + 40);
    expect(name).toMatch(/^statistiques-E4-2026-[a-z0-9-]+[a-z0-9]\.xlsx$/);
  });
});

describe('frenchDate', () => {
  it('writes the local calendar day as dd/mm/yyyy', () => {
    expect(frenchDate(new Date(2026, 4, 8, 23, 59))).toBe('08/05/2026');
  });
});

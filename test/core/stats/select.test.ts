import { compareGroups } from '../../../core/stats/select';

describe('order of groups', () => {
  const groups = [
    'C10',
    'c2',
    'C2',
    'B',
    'é',
    'E',
    'e',
    '',
    'Div 1',
    'div 10',
    'Div 9',
    '10',
    '2',
    'Ä1',
    'a10',
  ];

  it('is French natural order without case or accents, the empty group last', () => {
    const sorted = [...groups].sort(compareGroups);
    expect(sorted.slice(0, 4)).toEqual(['2', '10', 'Ä1', 'a10']);
    expect(sorted.indexOf('Div 9')).toBeLessThan(sorted.indexOf('div 10'));
    expect(sorted.indexOf('c2')).toBeLessThan(sorted.indexOf('C10'));
    expect(sorted[sorted.length - 1]).toBe('');
    expect(compareGroups('é', 'E')).toBe(0);
    expect(compareGroups('c2', 'C2')).toBe(0);
  });

  it('agrees with localeCompare and the same options on every pair', () => {
    const reference = (a: string, b: string): number =>
      a.localeCompare(b, 'fr', { numeric: true, sensitivity: 'base' });
    for (const a of groups)
      for (const b of groups) {
        if (a === '' || b === '') continue;
        expect([a, b, Math.sign(compareGroups(a, b))]).toEqual([a, b, Math.sign(reference(a, b))]);
      }
  });
});

import { isPlain, plainFrenchOrder, plainNaturalOrder } from '../../../core/text/french-order';
import { compareGroups } from '../../../core/stats/select';
import { uniqueSorted } from '../../../core/workflows/statistics';
import { textSamples } from '../../helpers/text-samples';

/** Names like a school's: digit runs with leading zeros, separators, letters of either case. */
function plainNames(count: number): string[] {
  const alphabet = ['0', '0', '1', '2', '9', 'a', 'A', 'b', 'B', 'z', 'Z', 'C', 'n', ' ', '-', '_', '.'];
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const names = [
    'C01',
    'C1',
    'c001',
    'BTS NDRC 2',
    'BTS-NDRC 10',
    'NDRC_1A',
    '1.5',
    '1.10',
    'aB',
    'Ab',
    'ab',
  ];
  while (names.length < count) {
    let name = '';
    const length = 1 + Math.floor(next() * 7);
    for (let i = 0; i < length; i++) name += alphabet[Math.floor(next() * alphabet.length)];
    names.push(name);
  }
  return names;
}

/** The pairs on which `order` and the collator disagree (in sign). */
function disagreements(names: string[], order: (a: string, b: string) => number, collator: Intl.Collator) {
  const differ: string[] = [];
  for (const a of names)
    for (const b of names)
      if (Math.sign(order(a, b)) !== Math.sign(collator.compare(a, b)))
        differ.push(`${JSON.stringify(a)} | ${JSON.stringify(b)}`);
  return differ;
}

describe('the French order of plain texts, without the collator', () => {
  const natural = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
  const french = new Intl.Collator('fr');

  it('tells plain texts: ASCII letters, digits, spaces and « _-. », up to 64 characters', () => {
    expect(['C01', 'BTS NDRC 2', 'a_b-c.d', ''].every(isPlain)).toBe(true);
    expect(['Léa', 'C/01', "O'Brien", 'a\u00a0b', 'x'.repeat(65)].some(isPlain)).toBe(false);
  });

  it('orders every pair of plain names as the natural-order collator does (groups)', () => {
    expect(disagreements(plainNames(600), plainNaturalOrder, natural)).toEqual([]);
  });

  it('orders every pair of plain names as the French collator does (forms, divisions)', () => {
    expect(disagreements(plainNames(600), plainFrenchOrder, french)).toEqual([]);
  });

  it('leaves any other text to the collator, mixed with plain ones, in both orders', () => {
    const names = [...textSamples(300).filter((t) => t.trim() !== ''), ...plainNames(100)];
    expect(disagreements(names, compareGroups, natural)).toEqual([]);
    const sorted = uniqueSorted(names);
    expect(sorted).toEqual([...new Set(names)].sort(french.compare));
  });
});

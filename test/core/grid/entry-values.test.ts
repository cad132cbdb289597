import {
  activitySpellings,
  levelSpellings,
  spelledCode,
  spelledCodeByScan,
  statusSpellings,
  type Spelling,
} from '../../../core/grid/entry-values';
import { E4 } from '../../../core/referentiel';
import { textSamples } from '../../helpers/text-samples';

/** The spellings' index must name exactly the code that scanning the lists names, first spelling winning. */
describe('spelledCode through its index', () => {
  const lists: Array<[string, Array<Spelling<string>>]> = [
    ['levels', levelSpellings(E4)],
    ['statuses', statusSpellings(E4)],
    ['activities', activitySpellings(E4)],
    // Two codes sharing a word: the first in the list wins, as with a scan.
    [
      'shared',
      [
        { code: 'a', words: ['NV', 'x'] },
        { code: 'b', words: ['nv', 'Y'] },
      ],
    ],
  ];
  const words = lists.flatMap(([, list]) => list.flatMap((s) => s.words));
  const inputs = [
    ...textSamples(),
    ...words,
    ...words.map((w) => ` ${w.toLowerCase()}  `),
    ...words.map((w) => w.normalize('NFD')),
    ...words.map((w) => w.replace(' ', '\u00a0')),
  ];

  it.each(lists)('gives the code a scan of the %s gives', (_, list) => {
    for (const text of inputs)
      expect([text, spelledCode(text, list)]).toEqual([text, spelledCodeByScan(text, list)]);
  });

  it('reads pasted spellings as the live formulas do', () => {
    expect(spelledCode(' ts ', levelSpellings(E4))).toBe('TS');
    expect(spelledCode('absent', statusSpellings(E4))).toBe('absent');
    expect(spelledCode('nv', lists[3][1])).toBe('a');
    expect(spelledCode('', levelSpellings(E4))).toBeNull();
  });
});

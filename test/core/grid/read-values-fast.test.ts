import { looseKey, looseKeyInFull } from '../../../core/grid/read-values';
import { textSamples } from '../../helpers/text-samples';

describe('looseKey, folded once per distinct text', () => {
  it('gives, on first and on repeated use, exactly the full folding', () => {
    const samples = textSamples();
    for (const round of [1, 2])
      for (const text of samples)
        expect([round, text, looseKey(text)]).toEqual([round, text, looseKeyInFull(text)]);
  });

  it('folds accents, case, spaces and punctuation', () => {
    expect(looseKey('Me\u0301lanie\u00a0DURAND')).toBe('melaniedurand');
    expect(looseKey('Mélanie Durand')).toBe('melaniedurand');
    expect(looseKey('')).toBe('');
  });
});

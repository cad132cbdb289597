import { perText } from '../../../core/text/memo';

describe('perText', () => {
  it('computes each distinct text once, and gives the same value again', () => {
    const compute = jest.fn((text: string) => text.toUpperCase());
    const upper = perText(compute);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps no more than its limit of texts: past it, a new text is computed each time', () => {
    const compute = jest.fn((text: string) => text.length);
    const length = perText(compute, 2);
    for (const text of ['a', 'bb', 'ccc', 'ccc', 'a']) length(text);
    expect(compute.mock.calls.map(([text]) => text)).toEqual(['a', 'bb', 'ccc', 'ccc']);
  });
});

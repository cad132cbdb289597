import { countShare, mean, median, populationSd, summarize } from '../../../core/stats/summary';

describe('note summary arithmetic', () => {
  it('takes the mean as the sum divided by the count, unrounded', () => {
    expect(mean([12.25, 13.75])).toBe(13);
    expect(mean([10, 11, 11])).toBe(32 / 3);
  });

  it('divides by n for the standard deviation (population, not sample)', () => {
    // deviations from 5: -3, -1, 1, 3 → squares 9 + 1 + 1 + 9 = 20, / 4 = 5
    expect(populationSd([2, 4, 6, 8])).toBe(Math.sqrt(5));
  });

  it('takes the middle value for an odd count and the mean of the two middle ones for an even count', () => {
    expect(median([15, 3, 9])).toBe(9);
    expect(median([20, 1, 10, 11])).toBe(10.5);
    expect(median([12, 8, 12, 15])).toBe(12);
  });

  it('does not reorder the caller’s list when taking the median', () => {
    const notes = [14, 2, 9];
    median(notes);
    expect(notes).toEqual([14, 2, 9]);
  });

  it('gives null figures for an empty list, never NaN', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, sd: null, median: null, min: null, max: null });
  });

  it('finds min and max of a long list without spreading it into arguments', () => {
    const notes = Array.from({ length: 200000 }, (_, i) => (i * 5) % 21);
    const s = summarize(notes);
    expect(s.min).toBe(0);
    expect(s.max).toBe(20);
  });

  it('gives a share as a fraction of the whole, null when the whole is 0', () => {
    expect(countShare(1, 4)).toEqual({ count: 1, share: 0.25 });
    expect(countShare(0, 0)).toEqual({ count: 0, share: null });
  });
});

import type { CountShare, NoteSummary } from './types';

/** Plain arithmetic on notes as entered: sum then divide, nothing rounded. */

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population standard deviation, two passes (around the mean) to stay accurate on close notes. */
export function populationSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / values.length);
}

/** Middle value; mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(values: readonly number[]): NoteSummary {
  const empty = values.length === 0;
  return {
    count: values.length,
    mean: mean(values),
    sd: populationSd(values),
    median: median(values),
    // reduce, not Math.min(...values): spreading has an argument-count limit, a list of notes has none.
    min: empty ? null : values.reduce((a, b) => (b < a ? b : a)),
    max: empty ? null : values.reduce((a, b) => (b > a ? b : a)),
  };
}

export function countShare(count: number, whole: number): CountShare {
  return { count, share: whole === 0 ? null : count / whole };
}

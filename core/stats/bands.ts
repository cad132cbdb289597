import type { NoteBand } from './types';

/**
 * The project's bands of notes (siec-statistics.md). Data rather than code so that the labels, the
 * computation and the tests share one definition.
 */
export const NOTE_BANDS: readonly NoteBand[] = [
  { label: '[0 ; 5[', min: 0, max: 5, maxInclusive: false },
  { label: '[5 ; 8[', min: 5, max: 8, maxInclusive: false },
  { label: '[8 ; 10[', min: 8, max: 10, maxInclusive: false },
  { label: '[10 ; 12[', min: 10, max: 12, maxInclusive: false },
  { label: '[12 ; 14[', min: 12, max: 14, maxInclusive: false },
  { label: '[14 ; 16[', min: 14, max: 16, maxInclusive: false },
  { label: '[16 ; 20]', min: 16, max: 20, maxInclusive: true },
];

/** « Nombre de notes ≥ 10 »: the pass mark. */
export const PASS_MARK = 10;
/** « Nombre de notes < 8 »: below it, the candidate cannot make up with other épreuves easily. */
export const LOW_MARK = 8;

export function bandContains(band: NoteBand, note: number): boolean {
  return note >= band.min && (band.maxInclusive ? note <= band.max : note < band.max);
}

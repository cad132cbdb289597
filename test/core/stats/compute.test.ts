import type { Assessment } from '../../../core/assessment/types';
import { E4 } from '../../../core/referentiel';
import { computeStatistics } from '../../../core/stats/compute';
import type { Statistics } from '../../../core/stats/types';
import { makeAssessment, type AssessmentInit } from '../../helpers/assessment';

let seq = 0;
function graded(note: number, extra: AssessmentInit = {}): Assessment {
  seq += 1;
  return makeAssessment({ number: `0${seq}`, status: 'present', note, activity: 'negociation', ...extra });
}

function stats(assessments: Assessment[], hasErrors = false): Statistics {
  return computeStatistics(E4, assessments, { hasErrors });
}

function bandCounts(s: Statistics): number[] {
  return s.bands.map((b) => b.count);
}

describe('computeStatistics: hand-computed classes', () => {
  it('takes the mean of the two middle notes as the median of an even count, ties included', () => {
    const s = stats([graded(12), graded(8), graded(15), graded(12)]);
    expect(s.notes.count).toBe(4);
    expect(s.notes.median).toBe(12);
    expect(s.notes.mean).toBe(11.75);
    // deviations -3.75, 0.25, 0.25, 3.25 → squares sum 24.75, / 4 = 6.1875
    expect(s.notes.sd).toBeCloseTo(Math.sqrt(6.1875), 12);
    expect(s.notes.min).toBe(8);
    expect(s.notes.max).toBe(15);
    expect(s.atLeast10).toEqual({ count: 3, share: 0.75 });
    expect(s.below8).toEqual({ count: 0, share: 0 });
    expect(bandCounts(s)).toEqual([0, 0, 1, 0, 2, 1, 0]);
    expect(s.bands[4].share).toBe(0.5);
  });

  it('keeps notes with decimals exact: no rounding inside', () => {
    const s = stats([graded(12.25), graded(13.75), graded(9.5)]);
    // mean 35.5 / 3 = 71/6; deviations 5/12, 23/12, -28/12 → squares (25+529+784)/144, / 3 = 446/144
    expect(s.notes.mean).toBe(35.5 / 3);
    expect(s.notes.sd).toBeCloseTo(Math.sqrt(446) / 12, 12);
    expect(s.notes.median).toBe(12.25);
    expect(s.histogram[9]).toBe(1);
    expect(s.histogram[12]).toBe(1);
    expect(s.histogram[13]).toBe(1);
    expect(s.atLeast10).toEqual({ count: 2, share: 2 / 3 });
  });

  it('describes one candidate with a zero standard deviation', () => {
    const s = stats([graded(14)]);
    expect(s.notes).toEqual({ count: 1, mean: 14, sd: 0, median: 14, min: 14, max: 14 });
    expect(s.counts).toEqual({ inscrits: 1, presentsNotes: 1, absents: 0, nonValides: 0, nonEncoreNotes: 0 });
    expect(s.provisional).toBe(false);
  });

  it('gives null figures, never NaN, when everybody is absent', () => {
    const s = stats([1, 2, 3].map((i) => makeAssessment({ number: `A${i}`, status: 'absent' })));
    expect(s.counts).toEqual({ inscrits: 3, presentsNotes: 0, absents: 3, nonValides: 0, nonEncoreNotes: 0 });
    expect(s.notes).toEqual({ count: 0, mean: null, sd: null, median: null, min: null, max: null });
    expect(s.atLeast10).toEqual({ count: 0, share: null });
    expect(s.below8.share).toBeNull();
    expect(s.bands.every((b) => b.count === 0 && b.share === null)).toBe(true);
    expect(s.activities.every((a) => a.presentsNotes === 0 && a.mean === null)).toBe(true);
    expect(s.provisional).toBe(false);
  });

  it('gives zero counts and null figures for an empty class', () => {
    const s = stats([]);
    expect(s.counts).toEqual({ inscrits: 0, presentsNotes: 0, absents: 0, nonValides: 0, nonEncoreNotes: 0 });
    expect(s.notes.mean).toBeNull();
    expect(s.histogram).toEqual(new Array(21).fill(0));
    expect(s.criteria).toHaveLength(11);
    expect(s.criteria.every((c) => c.positioned === 0 && c.levels.every((l) => l.share === null))).toBe(true);
    expect(s.groups).toEqual([]);
    expect(s.forms).toEqual([]);
    expect(s.provisional).toBe(false);
  });

  it('counts NV apart from notes and the not yet graded, and marks the table provisional', () => {
    const s = stats([
      graded(11),
      makeAssessment({ number: 'B1', status: 'non_valide', note: 15, nvMotifs: [0] }),
      makeAssessment({ number: 'B2', status: 'present' }),
      makeAssessment({ number: 'B3', status: null, note: 16 }),
      makeAssessment({ number: 'B4', status: 'absent', note: 3 }),
    ]);
    expect(s.counts).toEqual({ inscrits: 5, presentsNotes: 1, absents: 1, nonValides: 1, nonEncoreNotes: 2 });
    expect(s.notes.mean).toBe(11);
    expect(s.provisional).toBe(true);
  });

  it('leaves a note out of 0..20 out of the figures: it is an erreur, and the table is provisional', () => {
    const s = stats([graded(12), graded(21), graded(-1), graded(Number.NaN)]);
    expect(s.counts.presentsNotes).toBe(1);
    expect(s.counts.nonEncoreNotes).toBe(3);
    expect(s.notes.max).toBe(12);
    expect(s.provisional).toBe(true);
  });

  it('is provisional when the check found an erreur, even with every candidate graded', () => {
    expect(stats([graded(10)], true).provisional).toBe(true);
    expect(stats([graded(10)], true).hasErrors).toBe(true);
  });

  it('puts each note in its band, the upper bound of the last band included', () => {
    const s = stats([0, 4.99, 5, 7.75, 8, 9.99, 10, 11.5, 12, 13.99, 14, 15.5, 16, 20].map((n) => graded(n)));
    expect(bandCounts(s)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(s.bands.map((b) => b.band.label)).toEqual([
      '[0 ; 5[',
      '[5 ; 8[',
      '[8 ; 10[',
      '[10 ; 12[',
      '[12 ; 14[',
      '[14 ; 16[',
      '[16 ; 20]',
    ]);
    expect(s.below8).toEqual({ count: 4, share: 4 / 14 });
    expect(s.atLeast10).toEqual({ count: 8, share: 8 / 14 });
  });

  it('counts a note in its whole point, 20 in 20', () => {
    const s = stats([0, 0.5, 19.99, 20, 20].map((n) => graded(n)));
    expect(s.histogram).toHaveLength(21);
    expect(s.histogram[0]).toBe(2);
    expect(s.histogram[19]).toBe(1);
    expect(s.histogram[20]).toBe(2);
  });

  it('counts a candidate once by number, but two tabs still without a number as two people', () => {
    const s = stats([
      graded(10, { number: '42' }),
      graded(18, { number: ' 42 ' }),
      graded(12, { number: null }),
      graded(14, { number: '' }),
    ]);
    expect(s.counts.inscrits).toBe(3);
    expect(s.notes.mean).toBe(12);
  });

  it('splits présents notés by simulated activity, using the statistics labels', () => {
    const s = stats([
      graded(10, { activity: 'negociation' }),
      graded(13, { activity: 'negociation' }),
      graded(16, { activity: 'evenement' }),
      graded(4, { activity: null }),
      makeAssessment({ number: 'X', status: 'absent', activity: 'evenement' }),
    ]);
    expect(s.activities).toEqual([
      { code: 'negociation', label: 'Négociation-vente', presentsNotes: 2, mean: 11.5 },
      { code: 'evenement', label: 'Évènement commercial', presentsNotes: 1, mean: 16 },
    ]);
  });

  it('gives per-group figures in natural order, the candidates without group last', () => {
    const s = stats([
      graded(10, { group: 'C10' }),
      graded(14, { group: 'C2' }),
      graded(8, { group: 'C2' }),
      makeAssessment({ number: 'Y', status: 'absent', group: 'C2' }),
      graded(12, { group: null }),
    ]);
    expect(s.groups.map((g) => g.group)).toEqual(['C2', 'C10', '']);
    expect(s.groups[0]).toEqual({
      group: 'C2',
      candidates: 3,
      presentsNotes: 2,
      mean: 11,
      sd: 3,
      min: 8,
      max: 14,
    });
    expect(s.groups[1]).toEqual({
      group: 'C10',
      candidates: 1,
      presentsNotes: 1,
      mean: 10,
      sd: 0,
      min: 10,
      max: 10,
    });
  });

  it('gives null figures for a group where nobody is graded', () => {
    const s = stats([makeAssessment({ number: 'Z', status: 'absent', group: 'BTS2' })]);
    expect(s.groups).toEqual([
      { group: 'BTS2', candidates: 1, presentsNotes: 0, mean: null, sd: null, min: null, max: null },
    ]);
  });

  it('lists the forms met, in référentiel order', () => {
    expect(stats([graded(10, { form: 'ponctuel' }), graded(11, { form: 'ccf' })]).forms).toEqual([
      'ccf',
      'ponctuel',
    ]);
  });
});

describe('computeStatistics: levels per criterion', () => {
  const assessments = [
    graded(15, {
      activity: 'negociation',
      levels: { 'cibler.1': 'S', 'negocier.1': 'TS', 'evenement.1': 'TI' },
    }),
    graded(9, { activity: 'evenement', levels: { 'cibler.1': 'I', 'evenement.1': 'I' } }),
    makeAssessment({ number: 'P', status: 'present', activity: 'evenement', levels: { 'cibler.1': 'S' } }),
    makeAssessment({ number: 'Q', status: 'absent', levels: { 'cibler.1': 'TI' } }),
  ];
  const s = stats(assessments);
  const row = (id: string) => s.criteria.find((c) => c.criterionId === id);

  it('has one row per criterion, in the référentiel order', () => {
    expect(s.criteria.map((c) => c.criterionId)).toEqual(
      E4.blocs.flatMap((b) => b.criteria.map((c) => c.id)),
    );
    expect(row('negocier.2')).toMatchObject({
      blocTitle: 'Négocier et accompagner la relation-client',
      number: 2,
    });
  });

  it('counts the levels of present candidates, graded or not, as counts and shares of those positioned', () => {
    expect(row('cibler.1')?.positioned).toBe(3);
    expect(row('cibler.1')?.levels).toEqual([
      { code: 'TI', count: 0, share: 0 },
      { code: 'I', count: 1, share: 1 / 3 },
      { code: 'S', count: 2, share: 2 / 3 },
      { code: 'TS', count: 0, share: 0 },
    ]);
  });

  it('ignores a level left in the simulation bloc that was not chosen', () => {
    expect(row('evenement.1')?.positioned).toBe(1);
    expect(row('evenement.1')?.levels.map((l) => l.count)).toEqual([0, 1, 0, 0]);
    expect(row('negocier.1')?.levels.map((l) => l.count)).toEqual([0, 0, 0, 1]);
  });

  it('gives null shares on a criterion nobody is positioned on', () => {
    expect(row('exploiter.2')?.positioned).toBe(0);
    expect(row('exploiter.2')?.levels.every((l) => l.count === 0 && l.share === null)).toBe(true);
  });
});

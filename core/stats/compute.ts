import type { Assessment } from '../assessment/types';
import type { Epreuve, FormId } from '../referentiel/types';
import { bandContains, LOW_MARK, NOTE_BANDS, PASS_MARK } from './bands';
import { criteriaStats } from './criteria';
import { compareGroups, gradedNote, groupOf, oncePerCandidate } from './select';
import { countShare, mean, summarize } from './summary';
import type { ActivityStats, BandStats, Counts, GroupStats, Statistics } from './types';

interface Graded {
  assessment: Assessment;
  note: number;
}

function countStatuses(epreuve: Epreuve, candidates: readonly Assessment[]): Counts {
  const counts: Counts = {
    inscrits: candidates.length,
    presentsNotes: 0,
    absents: 0,
    nonValides: 0,
    nonEncoreNotes: 0,
  };
  for (const a of candidates) {
    if (a.status.value === 'absent') counts.absents += 1;
    else if (a.status.value === 'non_valide') counts.nonValides += 1;
    else if (gradedNote(epreuve, a) !== null) counts.presentsNotes += 1;
    else counts.nonEncoreNotes += 1;
  }
  return counts;
}

function gradedOf(epreuve: Epreuve, candidates: readonly Assessment[]): Graded[] {
  const graded: Graded[] = [];
  for (const assessment of candidates) {
    const note = gradedNote(epreuve, assessment);
    if (note !== null) graded.push({ assessment, note });
  }
  return graded;
}

function bandStats(notes: readonly number[]): BandStats[] {
  return NOTE_BANDS.map((band) => ({
    band,
    ...countShare(notes.filter((n) => bandContains(band, n)).length, notes.length),
  }));
}

/** Whole points 0..noteMax; a note n counts in floor(n), so noteMax lands in the last point. */
function histogram(epreuve: Epreuve, notes: readonly number[]): number[] {
  const points = new Array<number>(epreuve.noteMax + 1).fill(0);
  for (const n of notes) points[Math.min(Math.floor(n), epreuve.noteMax)] += 1;
  return points;
}

function activityStats(epreuve: Epreuve, graded: readonly Graded[]): ActivityStats[] {
  return epreuve.activities.map((activity) => {
    const notes = graded.filter((g) => g.assessment.activity.value === activity.code).map((g) => g.note);
    return {
      code: activity.code,
      label: activity.statsLabel,
      presentsNotes: notes.length,
      mean: mean(notes),
    };
  });
}

function groupStats(epreuve: Epreuve, candidates: readonly Assessment[]): GroupStats[] {
  const byGroup = new Map<string, Assessment[]>();
  for (const a of candidates) {
    const members = byGroup.get(groupOf(a));
    if (members) members.push(a);
    else byGroup.set(groupOf(a), [a]);
  }
  return [...byGroup.keys()].sort(compareGroups).map((group) => {
    const members = byGroup.get(group) ?? [];
    const { count, mean: m, sd, min, max } = summarize(gradedOf(epreuve, members).map((g) => g.note));
    return { group, candidates: members.length, presentsNotes: count, mean: m, sd, min, max };
  });
}

function formsMet(epreuve: Epreuve, candidates: readonly Assessment[]): FormId[] {
  return epreuve.forms.map((f) => f.id).filter((id) => candidates.some((a) => a.form === id));
}

/**
 * The figures of the statistics workbook. The workflow already filters orphan tabs out and deduplicates;
 * a candidate is still counted once by number here, so that a slip upstream cannot double a note.
 */
export function computeStatistics(
  epreuve: Epreuve,
  assessments: Assessment[],
  options: { hasErrors: boolean },
): Statistics {
  const candidates = oncePerCandidate(assessments);
  const counts = countStatuses(epreuve, candidates);
  const graded = gradedOf(epreuve, candidates);
  const notes = graded.map((g) => g.note);
  return {
    epreuveId: epreuve.id,
    forms: formsMet(epreuve, candidates),
    counts,
    notes: summarize(notes),
    atLeast10: countShare(notes.filter((n) => n >= PASS_MARK).length, notes.length),
    below8: countShare(notes.filter((n) => n < LOW_MARK).length, notes.length),
    bands: bandStats(notes),
    histogram: histogram(epreuve, notes),
    criteria: criteriaStats(epreuve, candidates),
    activities: activityStats(epreuve, graded),
    groups: groupStats(epreuve, candidates),
    hasErrors: options.hasErrors,
    provisional: counts.nonEncoreNotes > 0 || options.hasErrors,
  };
}

import { naturalOrder } from '../text/french-order';
import type { Assessment } from '../assessment/types';
import type { Epreuve } from '../referentiel/types';

/** Which assessments count, and how each one is classified, shared by the figures and the nominative list. */

/** Key of a candidate: the N° candidat, or the tab when the number is still empty (two such tabs are two people). */
export function candidateKey(a: Assessment): string {
  const number = (a.identity.number.value ?? '').trim();
  return number === '' ? `tab:${a.tabId}` : `n:${number}`;
}

/** Keeps the first assessment of each candidate number: a candidate counts once. */
export function oncePerCandidate(assessments: readonly Assessment[]): Assessment[] {
  const seen = new Set<string>();
  const kept: Assessment[] = [];
  for (const a of assessments) {
    const key = candidateKey(a);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(a);
  }
  return kept;
}

/**
 * The note that counts: status present and a note within 0..noteMax. A note out of range is an
 * erreur of the check; it is left out of the figures (the candidate counts as not yet graded) rather
 * than distorting them.
 */
export function gradedNote(epreuve: Epreuve, a: Assessment): number | null {
  if (a.status.value !== 'present') return null;
  const note = a.note.value;
  if (note === null || !Number.isFinite(note) || note < 0 || note > epreuve.noteMax) return null;
  return note;
}

export function groupOf(a: Assessment): string {
  return (a.identity.group.value ?? '').trim();
}

/** Natural order (« 2 » before « 10 », without case or accents), the empty group last. */
export function compareGroups(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return naturalOrder(a, b);
}

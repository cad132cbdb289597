import type { Assessment, Field } from '../assessment/types';
import { isBlank } from '../grid/read-values';
import { cellFinding } from './finding';
import type { Finding } from './types';

/**
 * Where a tab's entry stands, from the findings of its own cells: how many required items are still empty
 * (the live « n élément(s) manquant(s) » of the tab counts the same) and how many inconsistencies must be
 * corrected (the live « À corriger »). Both come from the rules of core/validate, which the live formulas
 * of core/grid/layout-formulas.ts mirror.
 */

/** Codes of the findings that say « this required item is still empty ». */
export const MISSING_CODES: ReadonlySet<string> = new Set([
  'status-missing',
  'activity-missing',
  'level-missing',
  'note-missing',
  'date-missing',
  'appreciation-missing',
  'fiche-number-missing',
  'fiche-title-missing',
  'commission-missing',
  'members-missing',
  'nv-motif-missing',
]);

/** Code of the single line that replaces every « missing » finding of a grid nothing was typed in. */
export const NOT_STARTED_CODE = 'grid-not-started';

export interface EntryCounts {
  missing: number;
  corrections: number;
}

/** Counts over the findings of one tab's cells (roster findings excluded: the tab cannot see the roster). */
export function entryCounts(tabFindings: readonly Finding[]): EntryCounts {
  const errors = tabFindings.filter((f) => f.severity === 'erreur');
  const missing = errors.filter((f) => MISSING_CODES.has(f.code)).length;
  return { missing, corrections: errors.length - missing };
}

/**
 * Nothing typed yet: every cell a teacher fills is blank, except what generation prefills (« Présent » and
 * the N° de commission from the roster).
 */
export function notStarted(a: Assessment): boolean {
  if (!isBlank(a.status.raw) && a.status.value !== 'present') return false;
  // Asked of every tab with a missing item: loops that stop at the first filled field, rather than one
  // array of every field built per tab.
  const blank = (f: Field<unknown> | null): boolean => f === null || isBlank(f.raw);
  if (!blank(a.activity) || !blank(a.note)) return false;
  if (!Object.values(a.levels).every(blank) || !a.nvMotifs.every(blank)) return false;
  for (const p of a.parts)
    if (!blank(p.date) || !blank(p.appreciation) || !p.members.every(blank)) return false;
  return blank(a.fiche.number) && blank(a.fiche.title) && blank(a.date) && a.members.every(blank);
}

/** The one line a grid not started gets instead of one line per empty item. */
export function notStartedFinding(a: Assessment, missing: number): Finding {
  return cellFinding(
    a,
    'erreur',
    NOT_STARTED_CODE,
    a.status.ref,
    'Grille',
    `Grille non commencée : rien n'est encore saisi (${missing} éléments à saisir).`,
  );
}

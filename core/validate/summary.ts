import type { Assessment } from '../assessment/types';
import type { ControlSummary } from '../workflows/types';
import { MISSING_CODES, NOT_STARTED_CODE } from './entry-state';
import type { Finding } from './types';

/** True when no finding of severity erreur points into this candidate's tab (roster findings included). */
export function isComplete(findings: Finding[], assessment: Assessment): boolean {
  return !findings.some((f) => f.severity === 'erreur' && f.sheet === assessment.sheet);
}

export type Outcome = keyof Pick<
  ControlSummary,
  'complete' | 'incomplete' | 'toCorrect' | 'notStarted' | 'absent' | 'nonValide'
>;

/**
 * Each tab lands in exactly one box. An ABS or NV candidate is absent or nonValide whatever else is wrong
 * (an ABS with a note is an ABS with an erreur, as the statistics count it). Otherwise: nothing typed yet →
 * notStarted; an inconsistency (a value that is no choice, a level in the wrong bloc, a note out of the
 * scale, a roster mismatch…) → toCorrect; an item still empty → incomplete; nothing → complete.
 */
export function outcome(findings: Finding[], assessment: Assessment): Outcome {
  return outcomeOf(assessment, errorsIn(findings, assessment.sheet));
}

/** The erreurs pointing into one tab, in the findings' order. */
export function errorsIn(findings: readonly Finding[], sheet: string): Finding[] {
  return findings.filter((f) => f.severity === 'erreur' && f.sheet === sheet);
}

/**
 * The erreurs of every tab at once, each list in the findings' order (what errorsIn gives): filtering
 * all findings for each tab was tabs × findings (2 M steps for 1500 tabs not started).
 */
export function errorsBySheet(findings: readonly Finding[]): (sheet: string) => Finding[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.severity !== 'erreur' || f.sheet === null) continue;
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return (sheet) => bySheet.get(sheet) ?? [];
}

/** The outcome of a tab from its own erreurs (errorsIn). */
export function outcomeOf(assessment: Assessment, errors: readonly Finding[]): Outcome {
  if (assessment.status.value === 'absent') return 'absent';
  if (assessment.status.value === 'non_valide') return 'nonValide';
  if (errors.some((f) => f.code === NOT_STARTED_CODE)) return 'notStarted';
  if (errors.some((f) => !MISSING_CODES.has(f.code))) return 'toCorrect';
  return errors.length > 0 ? 'incomplete' : 'complete';
}

/**
 * Counts per candidate tab read (`candidates` = tabs read; a roster candidate without a tab is only a
 * finding), and every finding for the erreur/avertissement totals.
 */
export function summarize(assessments: Assessment[], findings: Finding[]): ControlSummary {
  const summary: ControlSummary = {
    candidates: assessments.length,
    complete: 0,
    incomplete: 0,
    toCorrect: 0,
    notStarted: 0,
    absent: 0,
    nonValide: 0,
    errors: findings.filter((f) => f.severity === 'erreur').length,
    warnings: findings.filter((f) => f.severity === 'avertissement').length,
  };
  const errorsOf = errorsBySheet(findings);
  for (const a of assessments) summary[outcomeOf(a, errorsOf(a.sheet))] += 1;
  return summary;
}

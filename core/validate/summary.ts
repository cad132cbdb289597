import type { Assessment } from '../assessment/types';
import type { ControlSummary } from '../workflows/types';
import type { Finding } from './types';

/** True when no finding of severity erreur points into this candidate's tab (roster findings included). */
export function isComplete(findings: Finding[], assessment: Assessment): boolean {
  return !findings.some((f) => f.severity === 'erreur' && f.sheet === assessment.sheet);
}

export type Outcome = keyof Pick<ControlSummary, 'complete' | 'incomplete' | 'absent' | 'nonValide'>;

/**
 * Each tab lands in exactly one box. Without erreur: a present candidate is complete, an ABS one absent,
 * an NV one nonValide. With at least one erreur (an ABS with a note, an NV without motif, an empty
 * status…) the tab is incomplete whatever its status: it must be looked at before it counts.
 */
export function outcome(findings: Finding[], assessment: Assessment): Outcome {
  if (!isComplete(findings, assessment)) return 'incomplete';
  switch (assessment.status.value) {
    case 'absent':
      return 'absent';
    case 'non_valide':
      return 'nonValide';
    case 'present':
      return 'complete';
    default:
      return 'incomplete';
  }
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
    absent: 0,
    nonValide: 0,
    errors: findings.filter((f) => f.severity === 'erreur').length,
    warnings: findings.filter((f) => f.severity === 'avertissement').length,
  };
  for (const a of assessments) summary[outcome(findings, a)] += 1;
  return summary;
}

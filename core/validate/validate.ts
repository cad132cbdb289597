import type { Assessment } from '../assessment/types';
import type { Epreuve } from '../referentiel/types';
import type { Candidate } from '../roster/types';
import { adviceRules } from './advice-rules';
import { MISSING_CODES, entryCounts, notStarted, notStartedFinding } from './entry-state';
import { cellFinding } from './finding';
import { sortFindings } from './order';
import { rosterRules, type UnreadTab } from './roster-rules';
import { statusRules } from './status-rules';
import type { Finding } from './types';

export interface ValidateInput {
  assessments: Assessment[];
  /** The class roster; null when there is none to compare with (roster ↔ tabs rules skipped). */
  roster: Candidate[] | null;
  /** Candidate tabs that could not be read (another layout version…): each is an erreur. */
  tabsWithoutReader?: UnreadTab[];
  /** Session checked (dates outside its year are reported); default: each tab's own session. */
  session?: number;
}

function readProblemFindings(a: Assessment): Finding[] {
  return a.readProblems.map((p) => cellFinding(a, 'erreur', 'read-problem', p.ref, p.rubric, p.message));
}

function unreadFinding(tab: UnreadTab): Finding {
  const c = tab.candidate;
  return {
    severity: 'erreur',
    code: 'tab-unreadable',
    candidate: c ? { number: c.number, nom: c.nom, prenom: c.prenom } : null,
    sheet: tab.sheet,
    cell: null,
    rubric: 'Onglet',
    message: tab.problem,
  };
}

/**
 * The erreurs of a tab's own cells, one per missing item or inconsistency, before a grid not started is
 * folded into one line: what the live count and status of the tab mirror (see entry-state.ts).
 */
export function entryFindings(epreuve: Epreuve, a: Assessment): Finding[] {
  return [...readProblemFindings(a), ...statusRules(epreuve, a)];
}

/** A tab's erreurs as the check lists them: a grid not started has one in place of its missing items. */
function foldedEntryFindings(epreuve: Epreuve, a: Assessment): Finding[] {
  const entry = entryFindings(epreuve, a);
  const counts = entryCounts(entry);
  return counts.corrections === 0 && counts.missing > 0 && notStarted(a)
    ? [...entry.filter((f) => !MISSING_CODES.has(f.code)), notStartedFinding(a, counts.missing)]
    : entry;
}

function tabFindings(epreuve: Epreuve, a: Assessment, session: number | undefined): Finding[] {
  return [...foldedEntryFindings(epreuve, a), ...adviceRules(epreuve, a, session ?? a.session)];
}

/** Every finding of the check, in a deterministic order (see order.ts). */
export function validate(epreuve: Epreuve, input: ValidateInput): Finding[] {
  const unread = input.tabsWithoutReader ?? [];
  const findings = [
    ...input.assessments.flatMap((a) => tabFindings(epreuve, a, input.session)),
    ...unread.map(unreadFinding),
    ...(input.roster ? rosterRules(input.roster, input.assessments, unread) : []),
  ];
  const tabOrder = [...input.assessments.map((a) => a.sheet), ...unread.map((u) => u.sheet)];
  return sortFindings(findings, tabOrder);
}

const isErreur = (f: Finding): boolean => f.severity === 'erreur';

/**
 * Whether the check of `input` finds an erreur: validate(…).some(erreur), from the same rules, without
 * the advice (typed avertissements only, see advice-rules.ts) nor the ordering, and stopping at the first
 * erreur. The statistics need no more to be PROVISOIRE or not.
 */
export function hasErreur(epreuve: Epreuve, input: ValidateInput): boolean {
  const unread = input.tabsWithoutReader ?? [];
  if (unread.some((tab) => isErreur(unreadFinding(tab)))) return true;
  if (input.assessments.some((a) => foldedEntryFindings(epreuve, a).some(isErreur))) return true;
  return input.roster !== null && rosterRules(input.roster, input.assessments, unread).some(isErreur);
}

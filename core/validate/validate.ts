import type { Assessment } from '../assessment/types';
import type { Epreuve } from '../referentiel/types';
import type { Candidate } from '../roster/types';
import { adviceRules } from './advice-rules';
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

function tabFindings(epreuve: Epreuve, a: Assessment, session: number | undefined): Finding[] {
  return [
    ...readProblemFindings(a),
    ...statusRules(epreuve, a),
    ...adviceRules(epreuve, a, session ?? a.session),
  ];
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

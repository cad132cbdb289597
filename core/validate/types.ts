import type { ProblemSeverity } from '../roster/types';

/** One finding of the check, as data. Deterministic order is the validator's job. */
export interface Finding {
  severity: ProblemSeverity;
  /** Stable code for tests and JSON consumers, e.g. 'level-missing'. */
  code: string;
  candidate: { number: string; nom: string; prenom: string } | null;
  /** Tab (current name) and cell the finding points at; null when it is about the roster. */
  sheet: string | null;
  cell: string | null;
  /** What the finding is about, in French: « Niveau – Analyser un portefeuille client », « Note sur 20 »… */
  rubric: string;
  /** French sentence: what is wrong and what to do. */
  message: string;
}

import type { Assessment } from '../../../core/assessment/types';
import { readAssessment } from '../../../core/grid/read';
import { E4 } from '../../../core/referentiel';
import type { Candidate } from '../../../core/roster/types';
import { filledTab, type FilledTabInit } from '../../helpers/filled-tab';

/** A tab filled as `init` says, read back through the real reader. */
export function tab(
  init: FilledTabInit = {},
  sheet = `${init.nom ?? 'DUPONT'} ${init.prenom ?? 'Marie'}`,
): Assessment {
  const result = readAssessment(E4, sheet, filledTab(init));
  if (!('assessment' in result)) throw new Error(result.problem);
  return result.assessment;
}

export function candidate(
  row: number,
  nom: string,
  prenom: string,
  number = '',
  birthDate?: string,
): Candidate {
  return { row, nom, prenom, number, ...(birthDate ? { birthDate } : {}) };
}

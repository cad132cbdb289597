import type { RosterProblem } from '../core/roster/types';

const LABEL: Record<RosterProblem['severity'], string> = { erreur: 'Erreur', avertissement: 'Avertissement' };

export function formatProblem(p: RosterProblem): string {
  const where = [
    p.sheet ? `feuille « ${p.sheet} »` : '',
    p.row ? `ligne ${p.row}` : '',
    p.column ? `colonne ${p.column}` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  return `${LABEL[p.severity]}${where ? ` (${where})` : ''} : ${p.message}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

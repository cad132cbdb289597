import { matchCandidates, type MarkedTab } from '../../../core/grid/match';
import type { Candidate } from '../../../core/roster/types';

const cand = (row: number, nom: string, prenom: string, number = '', birthDate?: string): Candidate => ({
  row,
  nom,
  prenom,
  number,
  birthDate,
});
const tab = (
  sheet: string,
  nom: string,
  prenom: string,
  candidateNumber?: string,
  birthDate?: string,
): MarkedTab => ({
  sheet,
  marker: {
    kind: 'grid',
    tabId: `id-${sheet}`,
    layoutVersion: 1,
    epreuve: 'E4',
    form: 'ccf',
    nom,
    prenom,
    candidateNumber,
    birthDate,
  },
});

describe('matchCandidates', () => {
  it('matches by number even when the name changed', () => {
    const r = matchCandidates(
      [cand(2, 'DUPONT-MARTIN', 'Léa', '111')],
      [tab('DUPONT Léa', 'DUPONT', 'Léa', '111')],
    );
    expect(r.pairs.map((p) => p.sheet)).toEqual(['DUPONT Léa']);
    expect(r.pairs[0].numberAdded).toBe(false);
    expect(r.unmatched).toEqual([]);
    expect(r.orphans).toEqual([]);
  });

  it('matches by name ignoring accents and case, and flags the number to attach later', () => {
    const r = matchCandidates(
      [cand(2, 'Lefèvre', 'Élodie', '222')],
      [tab('LEFEVRE Elodie', 'LEFEVRE', 'ELODIE')],
    );
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0].numberAdded).toBe(true);
  });

  it('does not attach ambiguous homonyms, and names rows and tabs in the message', () => {
    const r = matchCandidates(
      [cand(2, 'MARTIN', 'Léa'), cand(5, 'MARTIN', 'Léa')],
      [tab('MARTIN Léa', 'MARTIN', 'Léa'), tab('MARTIN Léa (2)', 'MARTIN', 'Léa')],
    );
    expect(r.pairs).toEqual([]);
    expect(r.unmatched.map((c) => c.row)).toEqual([2, 5]);
    expect(r.orphans).toHaveLength(2);
    expect(r.problems[0].code).toBe('match-ambiguous');
    expect(r.problems[0].message).toContain('lignes 2, 5');
    expect(r.problems[0].message).toContain('« MARTIN Léa (2) »');
  });

  it('tells homonyms apart by birth date', () => {
    const r = matchCandidates(
      [cand(2, 'MARTIN', 'Léa', '', '2005-01-01'), cand(5, 'MARTIN', 'Léa', '', '2006-02-02')],
      [
        tab('A', 'MARTIN', 'Léa', undefined, '2006-02-02'),
        tab('B', 'MARTIN', 'Léa', undefined, '2005-01-01'),
      ],
    );
    expect(r.pairs.map((p) => [p.candidate.row, p.sheet])).toEqual([
      [2, 'B'],
      [5, 'A'],
    ]);
  });

  it('keeps tabs without a roster row as orphans and rows without a tab as unmatched', () => {
    const r = matchCandidates(
      [cand(2, 'NOUVEAU', 'Paul', '333')],
      [tab('ANCIEN Jean', 'ANCIEN', 'Jean', '444')],
    );
    expect(r.unmatched.map((c) => c.nom)).toEqual(['NOUVEAU']);
    expect(r.orphans.map((t) => t.sheet)).toEqual(['ANCIEN Jean']);
  });

  it('never attaches by name a tab that carries another number', () => {
    const r = matchCandidates([cand(2, 'MARTIN', 'Léa', '555')], [tab('MARTIN Léa', 'MARTIN', 'Léa', '666')]);
    expect(r.pairs).toEqual([]);
  });

  it('reports two tabs carrying the same number and attaches neither', () => {
    const r = matchCandidates(
      [cand(2, 'MARTIN', 'Léa', '777')],
      [tab('X', 'MARTIN', 'Léa', '777'), tab('Y', 'MARTIN', 'Léa', '777')],
    );
    expect(r.duplicates).toEqual([{ number: '777', sheets: ['X', 'Y'] }]);
    expect(r.pairs).toEqual([]);
    expect(r.problems[0].severity).toBe('erreur');
  });
});

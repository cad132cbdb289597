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

  it('never attaches by name a tab whose number another roster row carries', () => {
    const r = matchCandidates(
      [cand(2, 'MARTIN', 'Léa', '555'), cand(3, 'MARTIN', 'Léa', '666')],
      [tab('MARTIN Léa', 'MARTIN', 'Léa', '666')],
    );
    expect(r.pairs.map((p) => [p.candidate.row, p.sheet, p.relinked])).toEqual([[3, 'MARTIN Léa', false]]);
    expect(r.unmatched.map((c) => c.row)).toEqual([2]);
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

describe('matchCandidates: a corrected N° candidat (issue 10, case 3)', () => {
  it('pairs by number a lost leading zero, and says the number changed', () => {
    const r = matchCandidates(
      [cand(2, 'DUPONT', 'Marie', '02600007919')],
      [tab('T', 'DUPONT', 'Marie', '2600007919')],
    );
    expect(r.pairs).toEqual([
      expect.objectContaining({ sheet: 'T', relinked: false, previousNumber: '2600007919' }),
    ]);
    expect(r.orphans).toEqual([]);
  });

  it('re-links the one orphaned tab with the same NOM, Prénom and birth date', () => {
    const r = matchCandidates(
      [cand(2, 'DUPONT', 'Marie', '02600007919', '2005-03-12')],
      [tab('DUPONT Marie', 'DUPONT', 'Marie', '02600007918', '2005-03-12')],
    );
    expect(r.pairs).toEqual([
      expect.objectContaining({ sheet: 'DUPONT Marie', relinked: true, previousNumber: '02600007918' }),
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.orphans).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('does not re-link when the birth dates differ', () => {
    const r = matchCandidates(
      [cand(2, 'DUPONT', 'Marie', '02600007919', '2005-03-12')],
      [tab('DUPONT Marie', 'DUPONT', 'Marie', '02600007918', '2004-01-01')],
    );
    expect(r.pairs).toEqual([]);
    expect(r.unmatched.map((c) => c.row)).toEqual([2]);
    expect(r.orphans.map((o) => o.sheet)).toEqual(['DUPONT Marie']);
  });

  it('withholds the row and names both tabs when two orphans fit', () => {
    const r = matchCandidates(
      [cand(2, 'DUPONT', 'Marie', '03')],
      [tab('A', 'DUPONT', 'Marie', '01'), tab('B', 'Dupont', 'Marie', '02')],
    );
    expect(r.pairs).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(r.ambiguous).toEqual([{ candidate: expect.objectContaining({ row: 2 }), sheets: ['A', 'B'] }]);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'relink-ambiguous', row: 2 })]);
    expect(r.problems[0].message).toContain('« A » (N° 01), « B » (N° 02)');
    // Named in the warning, not reported again as tabs without a candidate.
    expect(r.orphans).toEqual([]);
  });

  it('withholds both rows when two corrected rows fit one orphan', () => {
    const r = matchCandidates(
      [cand(2, 'DUPONT', 'Marie', '03'), cand(3, 'DUPONT', 'Marie', '04')],
      [tab('A', 'DUPONT', 'Marie', '01')],
    );
    expect(r.pairs).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(r.ambiguous.map((a) => a.candidate.row)).toEqual([2, 3]);
  });
});

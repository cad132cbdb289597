import { matchCandidates, type MarkedTab } from '../../../core/grid/match';
import type { Candidate } from '../../../core/roster/types';
import { correctionRenames } from '../../../core/workflows/tab-renames';

const cand = (row: number, nom: string, prenom: string, number: string, birthDate?: string): Candidate => ({
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
  candidateNumber: string,
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

function renamesFor(
  candidates: Candidate[],
  tabs: MarkedTab[],
  others: string[] = [],
): Array<{ from: string; to: string }> {
  const match = matchCandidates(candidates, tabs);
  return correctionRenames(match.pairs, [...others, ...tabs.map((t) => t.sheet)]);
}

describe('correctionRenames', () => {
  const marieA = tab('DUPONT Marie', 'DUPONT', 'Marie', '02600000001', '2005-03-12');
  const marieB = tab('DUPONT Marie 02600000002', 'DUPONT', 'Marie', '02600000002', '2004-07-14');

  it("gives a re-linked homonym's tab the suffix of its new number", () => {
    const roster = [
      cand(2, 'DUPONT', 'Marie', '02600000001', '2005-03-12'),
      cand(3, 'DUPONT', 'Marie', '02600000003', '2004-07-14'),
    ];
    expect(renamesFor(roster, [marieA, marieB], ['Liste'])).toEqual([
      { from: 'DUPONT Marie 02600000002', to: 'DUPONT Marie 02600000003' },
    ]);
  });

  it('renames a number written differently (a lost leading zero) the same way', () => {
    const lost = tab('DUPONT Marie 2600000002', 'DUPONT', 'Marie', '2600000002', '2004-07-14');
    const roster = [
      cand(2, 'DUPONT', 'Marie', '02600000001', '2005-03-12'),
      cand(3, 'DUPONT', 'Marie', '02600000002', '2004-07-14'),
    ];
    expect(renamesFor(roster, [marieA, lost])).toEqual([
      { from: 'DUPONT Marie 2600000002', to: 'DUPONT Marie 02600000002' },
    ]);
  });

  it('keeps a name that is already the one the candidate would get', () => {
    const roster = [cand(2, 'DUPONT', 'Marie', '02600000009', '2005-03-12')];
    expect(renamesFor(roster, [marieA])).toEqual([]);
  });

  it('gives a tab named by an older rule its name now, ignoring the tab itself', () => {
    const older = tab('Dupont  Marie', 'DUPONT', 'Marie', '02600000001');
    expect(renamesFor([cand(2, 'DUPONT', 'Marie', '02600000005')], [older])).toEqual([
      { from: 'Dupont  Marie', to: 'DUPONT Marie' },
    ]);
  });

  it('never renames a tab whose number did not change, whatever its name', () => {
    const custom = tab('Marie (stage)', 'DUPONT', 'Marie', '02600000001');
    expect(renamesFor([cand(2, 'DUPONT', 'Marie', '02600000001')], [custom])).toEqual([]);
  });

  it("never gives a tab another tab's name, nor a name another tab gives up in the same run", () => {
    // « MARTIN Léa » holds DUPONT Marie's grid (named by hand): it becomes « DUPONT Marie », and Léa's own
    // tab may not take « MARTIN Léa » in the same run (no chain of renames for a host to order).
    const misnamed = tab('MARTIN Léa', 'DUPONT', 'Marie', '111');
    const lea = tab('MARTIN Léa 555', 'MARTIN', 'Léa', '555');
    const taken = tab('DUPONT Marie 777', 'DUPONT', 'Marie', '777', '2001-01-01');
    const roster = [cand(2, 'DUPONT', 'Marie', '333'), cand(3, 'MARTIN', 'Léa', '666')];
    expect(renamesFor(roster, [misnamed, lea], ['Suivi E4'])).toEqual([
      { from: 'MARTIN Léa', to: 'DUPONT Marie' },
      { from: 'MARTIN Léa 555', to: 'MARTIN Léa 666' },
    ]);
    // A name held by a tab that stays is never given.
    expect(
      correctionRenames(matchCandidates(roster.slice(0, 1), [misnamed]).pairs, [
        'MARTIN Léa',
        taken.sheet,
        'DUPONT Marie',
      ]),
    ).toEqual([{ from: 'MARTIN Léa', to: 'DUPONT Marie 333' }]);
  });
});

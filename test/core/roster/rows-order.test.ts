import { parseRoster } from '../../../core/roster/parse';

/** A candidate's fields come in one fixed order, whichever optional columns the roster has (exports rely on it). */
describe('a candidate read from a row', () => {
  const header = [
    'Courriel',
    'Passage',
    'Commission',
    'Établissement',
    'Division',
    'Date de naissance',
    'Prénom',
    'NOM',
    'N° candidat',
  ];

  it('lists its fields in the same order whatever the order of the columns', () => {
    const row = [
      'lea@x.fr',
      '18/05/2026',
      'C2',
      'Lycée Hugo',
      'BTS 2',
      '01/02/2005',
      'Léa',
      'MARTIN',
      '02600000002',
    ];
    const [c] = parseRoster([header, row]).candidates;
    expect(Object.keys(c)).toEqual([
      'row',
      'number',
      'nom',
      'prenom',
      'birthDate',
      'division',
      'commission',
      'etablissement',
      'email',
      'passage',
    ]);
    expect(c).toStrictEqual({
      row: 2,
      number: '02600000002',
      nom: 'MARTIN',
      prenom: 'Léa',
      birthDate: '2005-02-01',
      division: 'BTS 2',
      commission: 'C2',
      etablissement: 'Lycée Hugo',
      email: 'lea@x.fr',
      passage: '18/05/2026',
    });
  });

  it('has no key at all for an optional field left empty', () => {
    const row = ['', '', '', '', 'BTS 2', '', 'Léa', 'MARTIN', '02600000002'];
    expect(Object.keys(parseRoster([header, row]).candidates[0])).toEqual([
      'row',
      'number',
      'nom',
      'prenom',
      'division',
    ]);
  });
});

import { splitFullName } from '../../../core/roster/names';

describe('splitFullName', () => {
  it.each([
    ['DE LA FONTAINE Léa', 'DE LA FONTAINE', 'Léa'],
    ['NGUYEN Thi Lan', 'NGUYEN', 'Thi Lan'],
    [
      "DE SAINT-EXUPÉRY D'AGAY-MONTMORENCY Marie-Clémentine",
      "DE SAINT-EXUPÉRY D'AGAY-MONTMORENCY",
      'Marie-Clémentine',
    ],
    ["N'DIAYE Yanis", "N'DIAYE", 'Yanis'],
    ['MÜLLER Louise', 'MÜLLER', 'Louise'],
    ['de LA FONTAINE Léa', 'de LA FONTAINE', 'Léa'],
    ['Léa DE LA FONTAINE', 'DE LA FONTAINE', 'Léa'],
    ['Léa de LA FONTAINE', 'de LA FONTAINE', 'Léa'],
    ['MARTIN, Léa', 'MARTIN', 'Léa'],
    ['Martin, Léa Marie', 'Martin', 'Léa Marie'],
  ])('splits « %s » into NOM « %s » and Prénom « %s »', (text, nom, prenom) => {
    expect(splitFullName(text)).toEqual({ nom, prenom, sure: true });
  });

  it('keeps a single word as the NOM with no Prénom', () => {
    expect(splitFullName('DUPONT')).toEqual({ nom: 'DUPONT', prenom: '', sure: true });
  });

  it('guesses, and says so, when the whole name is in capitals', () => {
    expect(splitFullName('MARTIN LEA')).toEqual({ nom: 'MARTIN', prenom: 'LEA', sure: false });
    expect(splitFullName('DE LA FONTAINE LEA')).toEqual({
      nom: 'DE LA FONTAINE',
      prenom: 'LEA',
      sure: false,
    });
  });

  it('guesses, and says so, when nothing is in capitals', () => {
    expect(splitFullName('Dupont Marie')).toEqual({ nom: 'Dupont', prenom: 'Marie', sure: false });
  });

  it('returns an empty NOM for an empty text', () => {
    expect(splitFullName('')).toEqual({ nom: '', prenom: '', sure: true });
  });
});

import {
  HEADER_FIELDS,
  fieldOfLabel,
  findHeader,
  headersLookedFor,
  matchHeaderRow,
} from '../../../core/roster/headers';
import { foldKey } from '../../../core/roster/text';

describe('the synonym table', () => {
  it('never gives one folded label to two fields', () => {
    const owner = new Map<string, string>();
    for (const def of HEADER_FIELDS) {
      for (const s of def.synonyms) {
        const key = foldKey(s);
        expect([key, owner.get(key) ?? def.field]).toEqual([key, def.field]);
        owner.set(key, def.field);
      }
    }
  });

  it('lists every field once in the headers looked for', () => {
    const text = headersLookedFor();
    for (const def of HEADER_FIELDS) expect(text).toContain(`« ${def.label} »`);
  });
});

describe('fieldOfLabel', () => {
  it.each([
    ['N° candidat', 'number'],
    ['Numéro candidat', 'number'],
    ['NUMERO', 'number'],
    ['Matricule', 'number'],
    ['N° de candidat', 'number'],
    ['Nº candidat', 'number'],
    ['Nom', 'nom'],
    ['NOM DE NAISSANCE', 'nom'],
    ['Nom de famille', 'nom'],
    ['Prénom', 'prenom'],
    ['PRENOM 1', 'prenom'],
    ['prénom(s)', 'prenom'],
    ['Élève', 'nomPrenom'],
    ['Nom Prénom', 'nomPrenom'],
    ['NOM Prénom', 'nomPrenom'],
    ['NOM - Prénom', 'nomPrenom'],
    ['Né(e) le', 'birthDate'],
    ['Date de naissance', 'birthDate'],
    ['Classe', 'division'],
    ['Division', 'division'],
    ['N° commission', 'commission'],
    ["Établissement d'origine", 'etablissement'],
    ['Date de passage', 'passageDate'],
    ['Heure', 'passageTime'],
    ['Mél', 'email'],
    ['E-mail', 'email'],
    ['Courriel', 'email'],
  ])('reads « %s » as %s', (label, field) => {
    expect(fieldOfLabel(label)).toBe(field);
  });

  it('ignores case, accents and punctuation', () => {
    expect(fieldOfLabel('  n°   CANDIDAT : ')).toBe('number');
    expect(fieldOfLabel('ETABLISSEMENT D’ORIGINE')).toBe('etablissement');
  });

  it('does not read unrelated labels', () => {
    expect(fieldOfLabel('Sexe')).toBeUndefined();
    expect(fieldOfLabel('Lycée Jean Moulin — BTS NDRC 2e année')).toBeUndefined();
  });
});

describe('matchHeaderRow', () => {
  it('gives each field its first column and its label as written', () => {
    expect(matchHeaderRow(['Nom', 'Nom de famille', ' Prénom '])).toEqual({
      nom: { index: 0, label: 'Nom' },
      prenom: { index: 2, label: 'Prénom' },
    });
  });

  it('drops a combined column when a NOM column exists', () => {
    expect(Object.keys(matchHeaderRow(['Élève', 'Nom', 'Prénom']))).toEqual(['nom', 'prenom']);
  });
});

describe('findHeader', () => {
  it('finds a header below title rows', () => {
    const values = [
      ['Lycée Jean Moulin'],
      ['Session 2026'],
      [],
      ['N° candidat', 'NOM', 'Prénom'],
      ['026', 'DUPONT', 'Marie'],
    ];
    expect(findHeader(values)).toEqual({
      row: 4,
      columns: {
        number: { index: 0, label: 'N° candidat' },
        nom: { index: 1, label: 'NOM' },
        prenom: { index: 2, label: 'Prénom' },
      },
    });
  });

  it('needs a NOM or a combined column', () => {
    expect(findHeader([['N° candidat', 'Prénom', 'Classe']])).toBeUndefined();
  });

  it('prefers the row that names more fields', () => {
    const values = [
      ['Nom', 'Mme DURAND (professeure)'],
      ['Nom', 'Prénom', 'Classe'],
    ];
    expect(findHeader(values)?.row).toBe(2);
  });

  it('looks at the first 20 rows only', () => {
    const values: string[][] = Array.from({ length: 20 }, () => ['titre']);
    values.push(['Nom', 'Prénom']);
    expect(findHeader(values)).toBeUndefined();
    expect(findHeader(values.slice(1))?.row).toBe(20);
  });
});

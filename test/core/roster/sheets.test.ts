import { parseRosterSheets } from '../../../core/roster/sheets';
import type { SheetValues } from '../../../core/roster/types';

const cover: SheetValues = { name: 'Consignes', values: [['Remplir la liste dans l’onglet suivant.']] };
const classA: SheetValues = {
  name: 'NDRC2 A',
  values: [
    ['Nom', 'Prénom'],
    ['DUPONT', 'Marie'],
  ],
};
const classB: SheetValues = {
  name: 'NDRC2 B',
  values: [
    ['Nom', 'Prénom'],
    ['MARTIN', 'Léa'],
    ['PETIT', 'Jade'],
  ],
};

describe('parseRosterSheets', () => {
  it('picks the first sheet that has a roster header when no sheet is named', () => {
    const result = parseRosterSheets([cover, classA, classB]);
    expect(result.sheet).toBe('NDRC2 A');
    expect(result.candidates.map((c) => c.nom)).toEqual(['DUPONT']);
  });

  it('reads the sheet named by the user (--feuille)', () => {
    const result = parseRosterSheets([cover, classA, classB], { sheet: 'NDRC2 B' });
    expect(result.sheet).toBe('NDRC2 B');
    expect(result.candidates.map((c) => c.nom)).toEqual(['MARTIN', 'PETIT']);
  });

  it('finds the named sheet ignoring case and surrounding spaces', () => {
    expect(parseRosterSheets([cover, classA, classB], { sheet: ' ndrc2 b ' }).sheet).toBe('NDRC2 B');
  });

  it('reports an absent sheet in French, listing the sheets of the workbook', () => {
    const result = parseRosterSheets([cover, classA], { sheet: 'Inscrits' });
    expect(result.candidates).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'erreur', code: 'feuille-absente' });
    expect(result.problems[0].message).toContain('« Inscrits »');
    expect(result.problems[0].message).toContain('« Consignes » et « NDRC2 A »');
  });

  it('reports the named sheet’s own problem when it has no roster', () => {
    const result = parseRosterSheets([cover, classA], { sheet: 'Consignes' });
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'en-tete-absent', sheet: 'Consignes' }),
    ]);
  });

  it('reports a workbook without sheets as « aucun candidat »', () => {
    const result = parseRosterSheets([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'aucun-candidat' }),
    ]);
  });

  it('names every sheet examined when none has a roster header', () => {
    const other: SheetValues = { name: 'Notes', values: [['Moyenne', 12]] };
    const result = parseRosterSheets([cover, other]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'en-tete-absent' }),
    ]);
    expect(result.problems[0].message).toContain('« Consignes » et « Notes »');
    expect(result.problems[0].message).toContain('« NOM »');
  });

  it('reports the single non-empty sheet’s problem when the others are empty', () => {
    const empty: SheetValues = { name: 'Feuil2', values: [] };
    const result = parseRosterSheets([empty, cover]);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'en-tete-absent', sheet: 'Consignes' }),
    ]);
  });
});

import { parseRoster, rosterIsUsable } from '../../../core/roster/parse';
import type { CellValue } from '../../../core/spec/types';
import type { RosterProblem } from '../../../core/roster/types';

const codes = (problems: RosterProblem[]): string[] => problems.map((p) => p.code);

describe('parseRoster: reading candidates', () => {
  it('turns numbers stored as numbers into their digits', () => {
    const result = parseRoster([
      ['Numéro', 'Nom', 'Prénom'],
      [2600007919, 'DUPONT', 'Marie'],
      [1e21, 'MARTIN', 'Léa'],
    ]);
    expect(result.candidates.map((c) => c.number)).toEqual(['2600007919', '1000000000000000000000']);
  });

  it('reads a « PRENOM 1 » column', () => {
    const result = parseRoster([
      ['NOM DE NAISSANCE', 'PRENOM 1', 'PRENOM 2'],
      ['DUPONT', 'Marie', 'Anne'],
    ]);
    expect(result.candidates[0]).toMatchObject({ nom: 'DUPONT', prenom: 'Marie' });
  });

  it('splits a combined « NOM Prénom » column, particles and compound names included', () => {
    const result = parseRoster([
      ['N° candidat', 'NOM Prénom'],
      ['1', 'DE LA FONTAINE Léa'],
      ['2', 'NGUYEN Thi Lan'],
      ['3', "DE SAINT-EXUPÉRY D'AGAY-MONTMORENCY Marie-Clémentine"],
      ['4', "N'DIAYE Yanis"],
    ]);
    expect(result.candidates.map((c) => [c.nom, c.prenom])).toEqual([
      ['DE LA FONTAINE', 'Léa'],
      ['NGUYEN', 'Thi Lan'],
      ["DE SAINT-EXUPÉRY D'AGAY-MONTMORENCY", 'Marie-Clémentine'],
      ["N'DIAYE", 'Yanis'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('warns when a combined name gives no case clue, and keeps its guess', () => {
    const result = parseRoster([
      ['N°', 'Élève'],
      ['1', 'MARTIN LEA'],
    ]);
    expect(result.candidates[0]).toMatchObject({ nom: 'MARTIN', prenom: 'LEA' });
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'nom-prenom-ambigu', row: 2, column: 'B' }),
    ]);
  });

  it('splits a lone NOM column holding « NOM Prénom » only when the capitals say where', () => {
    const result = parseRoster([
      ['N°', 'Nom'],
      ['1', 'DUPONT Marie'],
      ['2', 'Dupont Marie'],
      ['3', 'DE LA FONTAINE'],
    ]);
    expect(result.candidates.map((c) => [c.nom, c.prenom])).toEqual([
      ['DUPONT', 'Marie'],
      ['Dupont Marie', ''],
      ['DE LA FONTAINE', ''],
    ]);
  });

  it('reads birth dates from Date objects, serial numbers and French text as ISO', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom', 'Né(e) le'],
      ['1', 'A', 'a', new Date(Date.UTC(2004, 3, 22))],
      ['2', 'B', 'b', 38099],
      ['3', 'C', 'c', '22/04/2004'],
    ]);
    expect(result.candidates.map((c) => c.birthDate)).toEqual(['2004-04-22', '2004-04-22', '2004-04-22']);
  });

  it('keeps a candidate with an unreadable birth date and warns where it is', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom', 'Date de naissance'],
      ['1', 'DUPONT', 'Marie', '31/02/2005'],
    ]);
    expect(result.candidates[0].birthDate).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'avertissement',
        code: 'date-naissance-illisible',
        row: 2,
        column: 'D',
      }),
    ]);
    expect(result.problems[0].message).toContain('31/02/2005');
  });

  it('joins a passage date and a separate time, from serial numbers too', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom', 'Date de passage', 'Heure', 'Commission'],
      ['1', 'A', 'a', new Date(Date.UTC(2026, 4, 18)), '15h30', 1],
      ['2', 'B', 'b', 46160, 0.375, 'C02'],
      ['3', 'C', 'c', '18/05/2026', '', ''],
    ]);
    expect(result.candidates.map((c) => c.passage)).toEqual([
      '18/05/2026 15:30',
      '18/05/2026 09:00',
      '18/05/2026',
    ]);
    expect(result.candidates.map((c) => c.commission)).toEqual(['1', 'C02', undefined]);
  });

  it('trims and NFC-normalises every string', () => {
    const result = parseRoster([
      [' Nom ', 'Prénom', 'Classe'],
      ['  DUPONT ', ' Le\u0301a  Marie ', ' NDRC\u00a02 '],
    ]);
    expect(result.candidates[0]).toEqual({
      row: 2,
      number: '',
      nom: 'DUPONT',
      prenom: 'Léa Marie',
      division: 'NDRC 2',
    });
  });

  it('reads ragged rows without crashing', () => {
    const values = [
      ['N°', 'Nom', 'Prénom', 'Mél'],
      ['1', 'DUPONT'],
      ['2', 'MARTIN', 'Léa', 'lea@example.fr', 'extra'],
    ];
    const result = parseRoster(values as CellValue[][]);
    expect(result.candidates).toHaveLength(2);
    expect(result.candidates[1].email).toBe('lea@example.fr');
  });
});

describe('parseRoster: rows that are not candidates', () => {
  it('skips blank rows and a repeated header', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['1', 'DUPONT', 'Marie'],
      ['', '  ', null],
      ['N°', 'Nom', 'Prénom'],
      ['2', 'MARTIN', 'Léa'],
    ]);
    expect(result.candidates.map((c) => c.row)).toEqual([2, 5]);
    expect(result.problems).toEqual([]);
  });

  it('skips a trailing « Total » row and a lone comment after the last candidate', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['1', 'DUPONT', 'Marie'],
      ['2', 'MARTIN', 'Léa'],
      [],
      ['Total : 2 élèves'],
      ['', 'Effectif', 2],
      ['', 'Liste arrêtée le 12/09/2025'],
    ]);
    expect(result.candidates.map((c) => c.nom)).toEqual(['DUPONT', 'MARTIN']);
    expect(result.problems).toEqual([]);
  });

  it('keeps a last candidate who has only a NOM', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['1', 'DUPONT', 'Marie'],
      ['', 'MARTIN', ''],
    ]);
    expect(result.candidates.map((c) => c.nom)).toEqual(['DUPONT', 'MARTIN']);
    expect(codes(result.problems)).toEqual(['prenom-manquant', 'numero-manquant']);
  });

  it('keeps a candidate called TOTAL in the middle of the list', () => {
    const result = parseRoster([
      ['Nom', 'Prénom'],
      ['TOTAL', 'Jean'],
      ['DUPONT', 'Marie'],
    ]);
    expect(result.candidates.map((c) => c.nom)).toEqual(['TOTAL', 'DUPONT']);
  });

  it('skips a row without NOM with a warning naming its row and column', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['1', 'DUPONT', 'Marie'],
      ['2', '', 'Léa'],
      ['3', 'MARTIN', 'Paul'],
    ]);
    expect(result.candidates.map((c) => c.number)).toEqual(['1', '3']);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'avertissement', code: 'nom-manquant', row: 3, column: 'B' }),
    ]);
    expect(result.problems[0].message).toMatch(/^Ligne 3 \(colonne B\) ignorée/);
  });
});

describe('parseRoster: candidates kept with a warning', () => {
  it('keeps a row without Prénom and says which', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['1', 'DUPONT', ''],
      ['2', 'MARTIN', 'Léa'],
    ]);
    expect(result.candidates).toHaveLength(2);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'prenom-manquant', row: 2, column: 'C' }),
    ]);
    expect(result.problems[0].message).toContain('DUPONT');
  });

  it('keeps a row without number when the column exists, one warning per row', () => {
    const result = parseRoster([
      ['N° candidat', 'Nom', 'Prénom'],
      ['', 'DUPONT', 'Marie'],
      ['', 'MARTIN', 'Léa'],
      ['3', 'PETIT', 'Jade'],
    ]);
    expect(result.candidates.map((c) => c.number)).toEqual(['', '', '3']);
    expect(result.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['numero-manquant', 2, 'A'],
      ['numero-manquant', 3, 'A'],
    ]);
    expect(rosterIsUsable(result)).toBe(true);
  });

  it('gives one warning for the roster when there is no number column at all', () => {
    const result = parseRoster(
      [
        ['Nom', 'Prénom'],
        ['DUPONT', 'Marie'],
        ['MARTIN', 'Léa'],
        ['PETIT', 'Jade'],
      ],
      'Classe',
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'colonne-numero-absente',
      severity: 'avertissement',
      sheet: 'Classe',
    });
    expect(result.problems[0].message).toContain('3 candidats');
  });
});

describe('parseRoster: errors', () => {
  it('names a number used three times and all its rows', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['7', 'A', 'a'],
      ['7', 'B', 'b'],
      ['8', 'C', 'c'],
      ['7', 'D', 'd'],
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'numero-en-double', row: 3 }),
    ]);
    expect(result.problems[0].message).toContain('lignes 2, 3 et 5');
    expect(rosterIsUsable(result)).toBe(false);
  });

  it('lists errors before warnings', () => {
    const result = parseRoster([
      ['N°', 'Nom', 'Prénom'],
      ['1', 'A', ''],
      ['1', 'B', 'b'],
    ]);
    expect(result.problems.map((p) => p.severity)).toEqual(['erreur', 'avertissement']);
  });

  it('reports « aucun candidat » when only the header is there', () => {
    const result = parseRoster([['Titre'], ['N°', 'Nom', 'Prénom'], [], ['Total : 0']], 'Classe');
    expect(result.header?.row).toBe(2);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'aucun-candidat', row: 2 }),
    ]);
    expect(result.problems[0].message).toMatch(/aucun candidat/i);
  });

  it('reports « aucun candidat » for an empty sheet', () => {
    expect(parseRoster([]).problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'aucun-candidat' }),
    ]);
    expect(parseRoster([[null, ''], []]).problems[0].message).toMatch(/aucun candidat/i);
  });

  it('reports a missing header with the headers it looks for', () => {
    const result = parseRoster([['Dupont', 'Marie', '12/03/2005']], 'Feuil1');
    expect(result.header).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'en-tete-absent', sheet: 'Feuil1' }),
    ]);
    expect(result.problems[0].message).toContain('« NOM »');
    expect(result.problems[0].message).toContain('« Feuil1 »');
  });
});

describe('a first name that is also a header word', () => {
  it('keeps « SEUL Candidat » as a candidate, not as a repeated header', () => {
    const result = parseRoster([
      ['NOM', 'Prénom'],
      ['SEUL', 'Candidat'],
      ['NOM', 'Prénom'],
      ['DURAND', 'Paul'],
    ]);
    expect(result.candidates.map((c) => `${c.nom} ${c.prenom}`)).toEqual(['SEUL Candidat', 'DURAND Paul']);
  });
});

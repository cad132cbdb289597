import { gridMap } from '../../../core/grid/map';
import { assessmentsToCsv } from '../../../core/export/csv';
import { E4, allCriteria } from '../../../core/referentiel';
import { tab } from '../validate/helpers';

/** Splits the CSV back into rows of cells (this test's data has no quoted separator except where said). */
function rows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
}

describe('CSV export', () => {
  const csv = assessmentsToCsv(E4, [
    tab({ note: 12.5, activity: 'evenement' }),
    tab({ nom: 'ADAM', status: 'ABS', note: null }),
  ]);
  const [header, dupont, adam] = rows(csv);
  const col = (name: string) => header.indexOf(name);

  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFOnglet;NOM;Prénom;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('has one column per field, each criterion level included', () => {
    for (const c of allCriteria(E4)) expect(header).toContain(`Niveau – ${c.wording}`);
    expect(header).toEqual(
      expect.arrayContaining(['Statut', 'Note sur 20', 'Date – Situation A', 'Membre 2 – Situation B']),
    );
  });

  it('writes the note with a decimal comma, and codes for status and activity', () => {
    expect(dupont[col('Note sur 20')]).toBe('12,5');
    expect(dupont[col('Statut')]).toBe('present');
    expect(dupont[col('Activité simulée')]).toBe('evenement');
    expect(dupont[col('Niveau – Animer un évènement commercial')]).toBe('S');
    expect(dupont[col('Date – Situation A')]).toBe('18/05/2026');
    expect(adam[col('Statut')]).toBe('absent');
    expect(adam[col('Note sur 20')]).toBe('');
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    const nasty = assessmentsToCsv(E4, [
      tab({
        nom: '=HYPERLINK("http://x")',
        prenom: '+33',
        appreciation: '@SUM(A1)',
        ficheTitle: '-2+3',
      }),
    ]);
    expect(nasty).toContain(';"\'=HYPERLINK(""http://x"")";');
    expect(nasty).toContain(";'+33;");
    expect(nasty).toContain("'@SUM(A1)");
    expect(nasty).toContain("'-2+3");
    expect(nasty).not.toMatch(/;[=+@-]/);
  });

  it('escapes a leading tab or carriage return too (the reader trims them, a caller may not)', () => {
    const a = tab();
    a.identity.group.value = '\t=1+1';
    a.fiche.title.value = '\r=2';
    const out = assessmentsToCsv(E4, [a]);
    expect(out).toContain(";'\t=1+1;");
    expect(out).toContain(`;"'\r=2";`);
  });

  it('quotes text holding a separator, a quote or a line break', () => {
    const quoted = assessmentsToCsv(E4, [tab({ appreciation: 'Bien ; « très » "clair"\nà revoir' })]);
    expect(quoted).toContain('"Bien ; « très » ""clair""\nà revoir"');
  });

  it('mixes forms: a field the other form lacks stays empty', () => {
    const mixed = rows(assessmentsToCsv(E4, [tab(), tab({ form: 'ponctuel', nom: 'ZOLA' })]));
    const h = mixed[0];
    expect(mixed[1][h.indexOf('N° commission')]).toBe('');
    expect(mixed[2][h.indexOf('N° commission')]).toBe('C12');
    expect(mixed[2][h.indexOf('Date – Situation A')]).toBe('');
    expect(mixed[1][h.indexOf('Date – Situation A')]).toBe('18/05/2026');
    expect(gridMap(E4, 'ponctuel').commissionNumber).not.toBeNull();
  });
});

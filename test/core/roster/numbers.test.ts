import { parseRoster } from '../../../core/roster';
import { numberDigits, numberKey, numberKeyInFull, sameNumber } from '../../../core/roster/numbers';
import { textSamples } from '../../helpers/text-samples';

describe('N° candidat normalisation (issue 10, case 3)', () => {
  it('keeps digits only, and compares numbers without their leading zeros', () => {
    expect(numberDigits(' 0260 000.7919 ')).toBe('02600007919');
    expect(numberDigits('A-12')).toBe('A-12');
    expect(numberKey('02600007919')).toBe(numberKey('2600007919'));
    expect(sameNumber('2600000002', '02600000002')).toBe(true);
    expect(sameNumber('', '0')).toBe(false);
  });

  it('restores a lost leading zero to the common length and names the rows Excel stored as numbers', () => {
    const r = parseRoster([
      ['N° candidat', 'Nom', 'Prénom'],
      ['02600000001', 'DUPONT', 'Marie'],
      [2600000002, 'MARTIN', 'Léa'],
      ['0260 000 0003', 'LEROY', 'Inès'],
      ['2600000004', 'ROUX', 'Aïcha'],
      ['02600000005', 'BENALI', 'Jean'],
    ]);
    expect(r.candidates.map((c) => c.number)).toEqual([
      '02600000001',
      '02600000002',
      '02600000003',
      '02600000004',
      '02600000005',
    ]);
    const codes = r.problems.map((p) => [p.code, p.row]);
    expect(codes).toEqual([
      ['numero-enregistre-comme-nombre', 3],
      ['numero-zero-retabli', 5],
    ]);
    expect(r.problems[0].message).toContain('de la ligne 3');
    expect(r.problems[0].message).toContain('2600000002 → 02600000002');
  });

  it('sees 2600000002 and 02600000002 in one roster as the same number', () => {
    const r = parseRoster([
      ['N° candidat', 'Nom', 'Prénom'],
      ['2600000002', 'DUPONT', 'Marie'],
      ['02600000002', 'MARTIN', 'Léa'],
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'erreur', code: 'numero-en-double' })]);
    expect(r.problems[0].message).toContain('lignes 2 et 3');
  });

  it('leaves numbers alone when no length is common to most of them', () => {
    const r = parseRoster([
      ['N° candidat', 'Nom', 'Prénom'],
      ['123', 'DUPONT', 'Marie'],
      ['12345', 'MARTIN', 'Léa'],
    ]);
    expect(r.candidates.map((c) => c.number)).toEqual(['123', '12345']);
    expect(r.problems).toEqual([]);
  });
});

describe('numberKey, normalised once per distinct text', () => {
  it('gives, on first and on repeated use, exactly the full normalisation', () => {
    const samples = [...textSamples(), '02600007919', ' 0260 000.7919 ', '2600007919', 'a-12', '000', ''];
    for (const round of [1, 2])
      for (const text of samples)
        expect([round, text, numberKey(text)]).toEqual([round, text, numberKeyInFull(text)]);
  });
});

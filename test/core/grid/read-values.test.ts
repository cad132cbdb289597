import {
  isoDate,
  looseKey,
  normActivity,
  normDate,
  normLevel,
  normNote,
  normStatus,
  normText,
  normTicked,
} from '../../../core/grid/read-values';
import { E4 } from '../../../core/referentiel';

describe('level normaliser (trim and case only, as the live formulas)', () => {
  it.each([
    ['TS', 'TS'],
    ['ts', 'TS'],
    ['TS ', 'TS'],
    [' s ', 'S'],
    ['i', 'I'],
  ])('reads « %s » as %s', (raw, code) => {
    expect(normLevel(E4, raw)).toEqual({ value: code });
  });

  it.each(['T S', 'Très satisfaisant', 'B', 'TS\u00a0', 'S.'])(
    'reports « %s », which the tab cannot read either',
    (raw) => {
      expect(normLevel(E4, raw).problem).toContain('TI, I, S ou TS');
    },
  );

  it('leaves an empty cell empty without a problem', () => {
    expect(normLevel(E4, null)).toEqual({ value: null });
    expect(normLevel(E4, '  ')).toEqual({ value: null });
  });

  it('reports a value that is no level, quoting it and listing the choices', () => {
    const result = normLevel(E4, 'Bien');
    expect(result.value).toBeNull();
    expect(result.problem).toContain('« Bien »');
    expect(result.problem).toContain('TI, I, S ou TS');
  });

  it('reports a number typed in a level cell', () => {
    expect(normLevel(E4, 3).problem).toBeDefined();
  });
});

describe('status normaliser', () => {
  it.each([
    ['Présent', 'present'],
    ['présent ', 'present'],
    ['ABS', 'absent'],
    ['absent', 'absent'],
    ['Absent (ABS)', 'absent'],
    ['Non valide (NV)', 'non_valide'],
    ['NV', 'non_valide'],
    ['non valide', 'non_valide'],
  ])('reads « %s » as %s', (raw, code) => {
    expect(normStatus(E4, raw)).toEqual({ value: code });
  });

  it.each(['excusé', 'present', 'NV (non valide)'])('reports « %s »', (raw) => {
    expect(normStatus(E4, raw).problem).toContain(`« ${raw} »`);
  });
});

describe('activity normaliser', () => {
  it.each([
    ['Négociation Vente et Accompagnement de la Relation Client', 'negociation'],
    ['négociation-vente (NV)', 'negociation'],
    ['négociation', 'negociation'],
    ["Organisation et Animation d'un Évènement commercial", 'evenement'],
    ['Évènement commercial', 'evenement'],
    ['Évènement commercial (EC) ', 'evenement'],
  ])('reads « %s » as %s (the label, a short name, a former label)', (raw, code) => {
    expect(normActivity(E4, raw)).toEqual({ value: code });
  });

  it.each(['salon', 'NV', 'EC', 'evenement'])('reports « %s » (« NV » also means non valide)', (raw) => {
    expect(normActivity(E4, raw).problem).toContain(`« ${raw} »`);
  });
});

describe('note normaliser', () => {
  it.each([
    [12.5, 12.5],
    [0, 0],
  ])('reads %p as %p', (raw, note) => {
    expect(normNote(E4, raw)).toEqual({ value: note });
  });

  it.each(['12,5', ' 14 '])('reports the text « %s », which counts nowhere in the tab', (raw) => {
    const result = normNote(E4, raw);
    expect(result.value).toBeNull();
    expect(result.problem).toContain('saisie comme du texte');
  });

  it('keeps an out-of-scale number for the validator to report', () => {
    expect(normNote(E4, 25)).toEqual({ value: 25 });
  });

  it.each(['douze', '12,5/10', '12,5,5', 'ABS'])('reports « %s » as unreadable', (raw) => {
    const result = normNote(E4, raw);
    expect(result.value).toBeNull();
    expect(result.problem).toContain('0 à 20');
  });

  it('reports a boolean in the note cell', () => {
    expect(normNote(E4, true).problem).toBeDefined();
  });
});

describe('date normaliser', () => {
  it('reads a Date at midnight UTC (exceljs) by its UTC day', () => {
    expect(normDate(new Date(Date.UTC(2026, 4, 18)))).toEqual({ value: '2026-05-18' });
  });

  it('reads a Date at local midnight (Apps Script) by its local day', () => {
    expect(isoDate(new Date(2026, 4, 18, 0, 0, 0))).toBe('2026-05-18');
  });

  it('reads an Excel serial number', () => {
    expect(normDate(46160)).toEqual({ value: '2026-05-18' });
    expect(normDate(46160.75)).toEqual({ value: '2026-05-18' });
  });

  it.each(['18/05/2026', '8/5/2026', '2026-05-18'])(
    'reports the text « %s »: not a date for the tab',
    (raw) => {
      const result = normDate(raw);
      expect(result.value).toBeNull();
      expect(result.problem).toContain('saisie comme du texte');
    },
  );

  it.each(['31/02/2026', 'mai 2026', '2026/18/05'])('reports « %s »', (raw) => {
    expect(normDate(raw).problem).toContain('jj/mm/aaaa');
  });
});

describe('motif box normaliser', () => {
  it.each([
    ['X', true],
    [' x ', true],
    [null, false],
    ['', false],
    ['  ', false],
  ])('reads %p as %p', (raw, ticked) => {
    expect(normTicked(raw)).toEqual({ value: ticked });
  });

  it.each(['oui', true, false])('reports any other mark: %p', (raw) => {
    expect(normTicked(raw).problem).toBeDefined();
  });
});

describe('text normaliser and key', () => {
  it('trims text and turns a number into its text', () => {
    expect(normText('  Vente  ')).toEqual({ value: 'Vente' });
    expect(normText(3)).toEqual({ value: '3' });
    expect(normText('')).toEqual({ value: null });
  });

  it('compares ignoring accents, case and spaces', () => {
    expect(looseKey('Évènement Commercial')).toBe(looseKey('evenementcommercial'));
  });
});

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

describe('level normaliser', () => {
  it.each([
    ['TS', 'TS'],
    ['ts', 'TS'],
    ['T S', 'TS'],
    [' s ', 'S'],
    ['Très satisfaisant', 'TS'],
    ['très insuffisant', 'TI'],
    ['TRES INSUFFISANT', 'TI'],
    ['Insuffisant', 'I'],
    ['i', 'I'],
  ])('reads « %s » as %s', (raw, code) => {
    expect(normLevel(E4, raw)).toEqual({ value: code });
  });

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
    ['present', 'present'],
    ['ABS', 'absent'],
    ['absent', 'absent'],
    ['Absent (ABS)', 'absent'],
    ['Non valide (NV)', 'non_valide'],
    ['NV', 'non_valide'],
    ['non valide', 'non_valide'],
  ])('reads « %s » as %s', (raw, code) => {
    expect(normStatus(E4, raw)).toEqual({ value: code });
  });

  it('reports an unknown status', () => {
    expect(normStatus(E4, 'excusé').problem).toContain('« excusé »');
  });
});

describe('activity normaliser', () => {
  it.each([
    ['Négociation-vente (NV)', 'negociation'],
    ['NV', 'negociation'],
    ['négociation', 'negociation'],
    ['Negociation vente', 'negociation'],
    ['EC', 'evenement'],
    ['Évènement commercial', 'evenement'],
    ['evenement', 'evenement'],
    ['Évènement commercial (EC)', 'evenement'],
  ])('reads « %s » as %s', (raw, code) => {
    expect(normActivity(E4, raw)).toEqual({ value: code });
  });

  it('reports an activity it does not know', () => {
    expect(normActivity(E4, 'salon').problem).toContain('« salon »');
  });
});

describe('note normaliser', () => {
  it.each([
    [12.5, 12.5],
    [0, 0],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['12,5/20', 12.5],
    ['12,5 / 20', 12.5],
    [' 14 ', 14],
    ['8\u00a0/\u00a020', 8],
  ])('reads %p as %p', (raw, note) => {
    expect(normNote(E4, raw)).toEqual({ value: note });
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

  it.each([
    ['18/05/2026', '2026-05-18'],
    ['8/5/2026', '2026-05-08'],
    ['18/05/26', '2026-05-18'],
    ['18-05-2026', '2026-05-18'],
    ['2026-05-18', '2026-05-18'],
  ])('reads the text « %s » as %s', (raw, iso) => {
    expect(normDate(raw)).toEqual({ value: iso });
  });

  it.each(['31/02/2026', 'mai 2026', '2026/18/05'])('reports « %s »', (raw) => {
    expect(normDate(raw).problem).toContain('jj/mm/aaaa');
  });
});

describe('motif box normaliser', () => {
  it.each([
    ['X', true],
    ['x', true],
    [true, true],
    [false, false],
    [null, false],
    ['', false],
  ])('reads %p as %p', (raw, ticked) => {
    expect(normTicked(raw)).toEqual({ value: ticked });
  });

  it('reports any other mark', () => {
    expect(normTicked('oui').problem).toContain('« oui »');
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

import {
  parseDateText,
  passageDateText,
  passageTimeText,
  serialToDate,
  toIsoDate,
} from '../../../core/roster/dates';

describe('toIsoDate (birth dates)', () => {
  it('reads a Date at UTC midnight as exceljs gives it', () => {
    expect(toIsoDate(new Date(Date.UTC(2004, 3, 22)))).toBe('2004-04-22');
  });

  it('reads a Date stored at local midnight east of UTC as the same day', () => {
    // 22/04/2004 00:00 in Paris (UTC+2) is 21/04/2004 22:00 UTC.
    expect(toIsoDate(new Date(Date.UTC(2004, 3, 21, 22)))).toBe('2004-04-22');
  });

  it('reads an Excel serial number', () => {
    expect(toIsoDate(38099)).toBe('2004-04-22');
    expect(toIsoDate(38099.75)).toBe('2004-04-22');
  });

  it.each([
    ['22/04/2004', '2004-04-22'],
    ['2/4/2004', '2004-04-02'],
    ['22-04-2004', '2004-04-22'],
    ['22.04.2004', '2004-04-22'],
    ['2004-04-22', '2004-04-22'],
    ['22/04/2004 00:00:00', '2004-04-22'],
    [' 22/04/2004 ', '2004-04-22'],
  ])('reads the text « %s »', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each(['31/02/2005', '22/04/04', 'inconnue', '13/13/2005'])('rejects « %s »', (text) => {
    expect(toIsoDate(text)).toBeUndefined();
  });

  it('rejects an invalid Date, a boolean and a negative number', () => {
    expect(toIsoDate(new Date(Number.NaN))).toBeUndefined();
    expect(toIsoDate(true)).toBeUndefined();
    expect(toIsoDate(-3)).toBeUndefined();
  });
});

describe('serialToDate', () => {
  it('counts Excel serials from 30/12/1899, before and after the phantom 29/02/1900', () => {
    expect(serialToDate(1).toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(serialToDate(61).toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(serialToDate(46160.6458333333).toISOString()).toBe('2026-05-18T15:30:00.000Z');
  });
});

describe('parseDateText', () => {
  it('returns undefined for text that is not a date', () => {
    expect(parseDateText('Matin')).toBeUndefined();
  });
});

describe('passageDateText', () => {
  it('writes a date alone, or with its time when it has one', () => {
    expect(passageDateText(new Date(Date.UTC(2026, 4, 18)))).toBe('18/05/2026');
    expect(passageDateText(new Date(Date.UTC(2026, 4, 18, 15, 30)))).toBe('18/05/2026 15:30');
  });

  it('reads Excel serials with and without a time', () => {
    expect(passageDateText(46160)).toBe('18/05/2026');
    expect(passageDateText(46160.6458333333)).toBe('18/05/2026 15:30');
  });

  it('turns ISO text into French and keeps other text as typed', () => {
    expect(passageDateText('2026-05-18')).toBe('18/05/2026');
    expect(passageDateText(' lundi 18 mai ')).toBe('lundi 18 mai');
    expect(passageDateText(null)).toBe('');
  });
});

describe('passageTimeText', () => {
  it('reads a time-only Date (30/12/1899) and a fraction of a day', () => {
    expect(passageTimeText(new Date(Date.UTC(1899, 11, 30, 9, 5)))).toBe('09:05');
    expect(passageTimeText(0.6458333333)).toBe('15:30');
  });

  it.each([
    ['15:30', '15:30'],
    ['15h30', '15:30'],
    ['9 h 05', '09:05'],
    ['9h', '09:00'],
    ['14:00:00', '14:00'],
    ['matin', 'matin'],
  ])('writes the text « %s » as « %s »', (text, expected) => {
    expect(passageTimeText(text)).toBe(expected);
  });
});

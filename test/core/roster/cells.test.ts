import { cellText, filledCount, isBlankRow, numberToText } from '../../../core/roster/cells';

describe('numberToText', () => {
  it('writes integers without decimal point or exponent', () => {
    expect(numberToText(2600007919)).toBe('2600007919');
    expect(numberToText(1e21)).toBe('1000000000000000000000');
    expect(numberToText(2 ** 80)).toBe('1208925819614629174706176');
  });

  it('writes decimals without exponent', () => {
    expect(numberToText(12.5)).toBe('12.5');
    expect(numberToText(1.5e-7)).toBe('0.00000015');
  });

  it('writes nothing for NaN or infinity', () => {
    expect(numberToText(Number.NaN)).toBe('');
    expect(numberToText(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('cellText', () => {
  it('trims, collapses spaces (non-breaking included) and normalises to NFC', () => {
    const decomposed = 'Le\u0301a'; // « Léa » with a combining accent
    expect(cellText(`  ${decomposed}\u00a0 MARTIN `)).toBe('Léa MARTIN');
    expect(cellText(decomposed)).toBe('L\u00e9a');
  });

  it('keeps the leading zeros of a text number', () => {
    expect(cellText('02600007919')).toBe('02600007919');
  });

  it('writes a Date as a French date and booleans in French', () => {
    expect(cellText(new Date(Date.UTC(2026, 4, 18)))).toBe('18/05/2026');
    expect(cellText(true)).toBe('VRAI');
  });

  it('reads null and a missing cell as empty', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});

describe('blank rows', () => {
  it('treats spaces and empty strings as blank', () => {
    expect(isBlankRow(['', ' ', null])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(filledCount(['a', '', 0])).toBe(2);
  });
});

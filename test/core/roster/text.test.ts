import { cleanText, cleanTextInFull, foldKey, foldKeyInFull } from '../../../core/roster/text';
import { textSamples, unitsBelow } from '../../helpers/text-samples';

describe('cleanText', () => {
  it('trims, collapses every kind of space and composes accents', () => {
    expect(cleanText('  Le\u0301a\u00a0 MARTIN\t')).toBe('Léa MARTIN');
    expect(cleanText('Jean\u202fPierre')).toBe('Jean Pierre');
    expect(cleanText('')).toBe('');
    expect(cleanText(' \u00a0 ')).toBe('');
  });

  it('gives on its fast path exactly what the full clean-up gives', () => {
    for (const text of textSamples()) expect([text, cleanText(text)]).toEqual([text, cleanTextInFull(text)]);
  });

  it('agrees with the full clean-up on every pair of characters below U+0300', () => {
    // The fast path rests on « below U+0300 nothing changes under NFC, alone or next to another »: proved here.
    const units = unitsBelow(0x300);
    const differing: string[] = [];
    for (const a of units)
      for (const b of units) if (cleanText(a + b) !== cleanTextInFull(a + b)) differing.push(a + b);
    expect(differing).toEqual([]);
  });
});

describe('foldKey', () => {
  it('folds case, accents, punctuation and filler words', () => {
    expect(foldKey('N° de candidat')).toBe('n candidat');
    expect(foldKey('Nº candidat')).toBe('no candidat');
    expect(foldKey('Né(e) le')).toBe('ne');
    expect(foldKey('PRE\u0301NOM')).toBe('prenom');
    expect(foldKey('')).toBe('');
  });

  it('gives on its ASCII fast path exactly what the full folding gives', () => {
    for (const text of textSamples()) expect([text, foldKey(text)]).toEqual([text, foldKeyInFull(text)]);
  });
});

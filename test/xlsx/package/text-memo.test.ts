import { scanSheetBytes } from '../../../xlsx/package/sheet-bytes';
import { MEMO_MAX_BYTES, MEMO_MIN_BYTES, memoText } from '../../../xlsx/package/text-memo';

/**
 * Long values decoded from a sheet's bytes are remembered by those bytes (text-memo.ts): the same label in
 * 600 tabs is decoded once. A remembered text must only ever come back for exactly the same bytes.
 */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const decoder = new TextDecoder();

/** A decode that counts its calls. */
function counting(): { decode: (b: Uint8Array, from: number, to: number) => string; calls: () => number } {
  let calls = 0;
  return {
    decode: (b, from, to) => {
      calls++;
      return decoder.decode(b.subarray(from, to));
    },
    calls: () => calls,
  };
}

/** Text in the middle of other bytes, as a value sits in a sheet. */
function framed(text: string): { b: Uint8Array; from: number; to: number } {
  const inner = encode(text);
  const b = new Uint8Array(inner.length + 10).fill(60);
  b.set(inner, 5);
  return { b, from: 5, to: 5 + inner.length };
}

describe('memo of long decoded texts', () => {
  it('decodes a long value once and hands back the same text for the same bytes anywhere', () => {
    const { decode, calls } = counting();
    const text = 'Appréciation de la commission – mémo 1';
    const first = framed(text);
    const second = encode(`xx${text}yy`);
    expect(memoText(first.b, first.from, first.to, decode)).toBe(text);
    expect(memoText(second, 2, second.length - 2, decode)).toBe(text);
    expect(calls()).toBe(1);
  });

  it('never takes a text for another of the same length differing in one byte, sampled or not', () => {
    const { decode } = counting();
    const base = 'a'.repeat(300);
    // Every position, so that bytes the slot hash samples and bytes it skips are both changed.
    for (let at = 0; at < base.length; at += 7) {
      const other = `${base.slice(0, at)}b${base.slice(at + 1)}`;
      const x = framed(base);
      const y = framed(other);
      expect(memoText(x.b, x.from, x.to, decode)).toBe(base);
      expect(memoText(y.b, y.from, y.to, decode)).toBe(other);
      expect(memoText(x.b, x.from, x.to, decode)).toBe(base);
    }
  });

  it('tells apart a text from its own prefix', () => {
    const { decode } = counting();
    const long = 'Compétences du bloc 1 : cibler et prospecter la clientèle';
    const all = framed(long);
    expect(memoText(all.b, all.from, all.to, decode)).toBe(long);
    const prefix = long.slice(0, 40);
    expect(memoText(all.b, all.from, all.from + encode(prefix).length, decode)).toBe(prefix);
  });

  it('decodes short and very long values every time (they are not kept)', () => {
    const { decode, calls } = counting();
    const short = framed('x'.repeat(MEMO_MIN_BYTES - 1));
    const long = framed('y'.repeat(MEMO_MAX_BYTES + 1));
    for (let i = 0; i < 2; i++) {
      expect(memoText(short.b, short.from, short.to, decode)).toBe('x'.repeat(MEMO_MIN_BYTES - 1));
      expect(memoText(long.b, long.from, long.to, decode)).toBe('y'.repeat(MEMO_MAX_BYTES + 1));
    }
    expect(calls()).toBe(4);
    const edge = framed('z'.repeat(MEMO_MIN_BYTES));
    const top = framed('w'.repeat(MEMO_MAX_BYTES));
    for (let i = 0; i < 2; i++) {
      memoText(edge.b, edge.from, edge.to, decode);
      memoText(top.b, top.from, top.to, decode);
    }
    expect(calls()).toBe(6);
  });

  it('keeps its own copy of the bytes: a buffer reused for the next sheet cannot fool it', () => {
    const { decode } = counting();
    const text = 'Négociation et digitalisation de la relation client';
    const buffer = framed(text);
    expect(memoText(buffer.b, buffer.from, buffer.to, decode)).toBe(text);
    const changed = text.replace('client', 'cliENT');
    buffer.b.set(encode(changed), buffer.from);
    expect(memoText(buffer.b, buffer.from, buffer.to, decode)).toBe(changed);
  });
});

describe('sheet scanner with remembered texts', () => {
  it('reads each tab its own values when long labels repeat and long entries differ by one character', () => {
    const label = 'Annexe V-6 – Grille d&apos;aide à l&apos;évaluation – Forme ponctuelle';
    const tab = (entry: string, value: string): Uint8Array =>
      encode(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' +
          `<c r="A1" t="inlineStr"><is><t xml:space="preserve">${label}</t></is></c>` +
          `<c r="B1" t="inlineStr"><is><t>${entry}</t></is></c>` +
          `<c r="C1" t="str"><f>A1</f><v>${value}</v></c></row></sheetData></worksheet>`,
      );
    const read = (b: Uint8Array): Array<string | null> => {
      const out: Array<string | null> = [];
      scanSheetBytes(b, { cell: (c) => out.push(c.raw) });
      return out;
    };
    const decoded = "Annexe V-6 – Grille d'aide à l'évaluation – Forme ponctuelle";
    const one = 'Très bonne maîtrise de la négociation, écoute active';
    const two = 'Très bonne maîtrise de la négociation, écoute activE';
    expect(read(tab(one, `${one} &amp; _x0041_`))).toEqual([decoded, one, `${one} & A`]);
    expect(read(tab(two, `${two} &amp; _x0041_`))).toEqual([decoded, two, `${two} & A`]);
    expect(read(tab(one, `${one} &amp; _x0041_`))).toEqual([decoded, one, `${one} & A`]);
  });
});

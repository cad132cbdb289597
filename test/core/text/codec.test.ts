import { decodeLatin1, decodeUtf16, decodeUtf8, encodeUtf8 } from '../../../core/text/codec';
import { latin1ToText, textToUtf8, utf16ToText, utf8ToText } from '../../../core/text/by-hand';

/**
 * The hand-written codec (IE 11, Apps Script: no TextDecoder/TextEncoder) gives what the native one
 * gives, byte for byte and replacement for replacement, on edge and random inputs.
 */

/** A small seeded generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

/** What the native fatal decoder gives, or 'throws'. */
function nativeFatal(b: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return 'throws';
  }
}
function byHandFatal(b: Uint8Array): string {
  try {
    return utf8ToText(b, true);
  } catch (e) {
    expect(e).toBeInstanceOf(TypeError);
    return 'throws';
  }
}

function expectUtf8Agrees(b: Uint8Array): void {
  expect([b, utf8ToText(b, false)]).toEqual([b, new TextDecoder('utf-8').decode(b)]);
  expect([b, byHandFatal(b)]).toEqual([b, nativeFatal(b)]);
}

/** One code point from every range: ASCII, 2-, 3- and 4-byte UTF-8, the edges of each, lone surrogates. */
function randomText(next: () => number, length: number): string {
  const ranges: Array<[number, number]> = [
    [0, 0x7f],
    [0x80, 0x7ff],
    [0x800, 0xd7ff],
    [0xd800, 0xdfff],
    [0xe000, 0xffff],
    [0x10000, 0x10ffff],
  ];
  let text = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = ranges[Math.floor(next() * ranges.length)];
    const cp = lo + Math.floor(next() * (hi - lo + 1));
    text += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
  }
  return text;
}

/** Bytes that look like UTF-8 often enough to hit every branch: leads, continuations, boundaries. */
function randomUtf8ish(next: () => number, length: number): Uint8Array {
  const interesting = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0];
  interesting.push(0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xbb, 0xfe);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const r = next();
    out[i] =
      r < 0.4
        ? interesting[Math.floor(next() * interesting.length)]
        : r < 0.8
          ? 0x80 + Math.floor(next() * 64)
          : Math.floor(next() * 256);
  }
  return out;
}

describe('UTF-8 decoding by hand', () => {
  it('decodes every length of sequence and the edges of each', () => {
    const text = 'A\u007f\u0080é\u07ff\u0800€\ud7ff\ue000\uffff\u{10000}😀\u{10ffff}« Noël »';
    expect(utf8ToText(new TextEncoder().encode(text), true)).toBe(text);
  });

  it('replaces or rejects invalid and truncated sequences where TextDecoder does', () => {
    const cases = [
      bytes(0x80),
      bytes(0xbf, 0x41),
      bytes(0xc0, 0x80),
      bytes(0xc1, 0xbf),
      bytes(0xc3),
      bytes(0xc3, 0x41),
      bytes(0xe0, 0x80, 0x80),
      bytes(0xe0, 0x9f, 0xbf),
      bytes(0xe0, 0xa0),
      bytes(0xe2, 0x82),
      bytes(0xe2, 0x82, 0x41),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xed, 0x9f, 0xbf),
      bytes(0xf0, 0x8f, 0xbf, 0xbf),
      bytes(0xf0, 0x90, 0x80),
      bytes(0xf4, 0x90, 0x80, 0x80),
      bytes(0xf4, 0x8f, 0xbf, 0xbf),
      bytes(0xf5, 0x80, 0x80, 0x80),
      bytes(0xff, 0xfe, 0x41),
      bytes(0xf0, 0x9f, 0x98, 0x41, 0x80),
      bytes(),
    ];
    for (const b of cases) expectUtf8Agrees(b);
    expect(utf8ToText(bytes(0xe2, 0x82, 0x41), false)).toBe('\ufffdA');
    expect(() => utf8ToText(bytes(0x41, 0xc3), true)).toThrow(TypeError);
  });

  it('drops one leading BOM, as TextDecoder does, and keeps a second one', () => {
    for (const b of [
      bytes(0xef, 0xbb, 0xbf, 0x41),
      bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf),
      bytes(0x41, 0xef, 0xbb, 0xbf),
    ])
      expectUtf8Agrees(b);
    expect(utf8ToText(bytes(0xef, 0xbb, 0xbf, 0x41), false)).toBe('A');
  });

  it('agrees with TextDecoder on random bytes, fatal or not', () => {
    const next = random(4);
    for (let n = 0; n < 3000; n++) expectUtf8Agrees(randomUtf8ish(next, 1 + Math.floor(next() * 12)));
  });

  it('decodes a part far larger than one chunk without exhausting the stack', () => {
    const text = randomText(random(7), 300_000);
    const encoded = new TextEncoder().encode(text);
    expect(utf8ToText(encoded, false)).toBe(new TextDecoder().decode(encoded));
  });
});

describe('UTF-8 encoding by hand', () => {
  it('encodes every range, surrogate pairs and lone surrogates as TextEncoder does', () => {
    const next = random(11);
    const edges = [
      '',
      'a',
      '\ud800',
      '\udc00',
      '\ud83d\ude00',
      '\ude00\ud83d',
      'x\ud800',
      '\ud800\ud800\udc00',
    ];
    for (const text of [
      ...edges,
      ...Array.from({ length: 2000 }, () => randomText(next, Math.floor(next() * 10))),
    ])
      expect([text, textToUtf8(text)]).toEqual([text, new TextEncoder().encode(text)]);
  });

  it('round-trips through the decoder', () => {
    const text = 'Léa « Noël » — 😀 €';
    expect(utf8ToText(textToUtf8(text), true)).toBe(text);
  });
});

describe('UTF-16 decoding by hand', () => {
  const encode16 = (units: number[], le: boolean): Uint8Array =>
    new Uint8Array(units.flatMap((u) => (le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));

  it('agrees with TextDecoder on pairs, lone surrogates, odd lengths and BOMs, both byte orders', () => {
    const next = random(21);
    const edges = [
      [0x41],
      [0xd83d, 0xde00],
      [0xd83d],
      [0xde00],
      [0xd83d, 0x41],
      [0xd83d, 0xd83d, 0xde00],
      [0xfeff, 0x41],
      [0xfeff, 0xfeff],
      [0xfffe, 0x41],
    ];
    const randomUnits = Array.from({ length: 2000 }, () =>
      Array.from({ length: Math.floor(next() * 8) }, () =>
        next() < 0.5 ? 0xd800 + Math.floor(next() * 0x800) : Math.floor(next() * 0x10000),
      ),
    );
    for (const le of [true, false]) {
      const label = le ? 'utf-16le' : 'utf-16be';
      for (const units of [...edges, ...randomUnits]) {
        const b = encode16(units, le);
        for (const input of [b, b.subarray(0, Math.max(0, b.length - 1))])
          expect([label, input, utf16ToText(input, le)]).toEqual([
            label,
            input,
            new TextDecoder(label).decode(input),
          ]);
      }
    }
  });
});

describe('Latin-1 decoding', () => {
  it('gives each byte its own code point, 0x80–0x9F included', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = latin1ToText(all);
    expect(text).toHaveLength(256);
    expect([...text].every((ch, i) => ch.charCodeAt(0) === i)).toBe(true);
    expect(decodeLatin1(bytes(0x50, 0x4b, 0xe9))).toBe('PKé');
  });
});

describe('the codec', () => {
  it('uses the native decoder when there is one', () => {
    const b = bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xff);
    expect(decodeUtf8(b)).toBe('é\ufffd');
    // Node's TypeError, of another realm than the test's.
    expect(() => decodeUtf8(b, { fatal: true })).toThrow('not valid');
    expect(decodeUtf16(bytes(0xe9, 0x00), true)).toBe('é');
    expect(decodeUtf16(bytes(0x00, 0xe9), false)).toBe('é');
    expect(encodeUtf8('é😀')).toEqual(bytes(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80));
  });

  it('loads and works in an engine without TextDecoder and TextEncoder (IE 11, Apps Script)', () => {
    const g = globalThis as { TextDecoder?: unknown; TextEncoder?: unknown };
    const saved = { TextDecoder: g.TextDecoder, TextEncoder: g.TextEncoder };
    delete g.TextDecoder;
    delete g.TextEncoder;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const codec = require('../../../core/text/codec') as typeof import('../../../core/text/codec');
        expect(codec.decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xff))).toBe('é\ufffd');
        expect(() => codec.decodeUtf8(bytes(0xc3), { fatal: true })).toThrow(TypeError);
        expect(codec.decodeUtf16(bytes(0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde), true)).toBe('😀');
        expect(codec.decodeUtf16(bytes(0xd8, 0x3d, 0xde, 0x00), false)).toBe('😀');
        expect(Array.from(codec.encodeUtf8('é😀'))).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
        expect(typeof TextDecoder).toBe('undefined');
      });
    } finally {
      Object.assign(g, saved);
    }
  });
});

/**
 * Texts on which a fast path must give exactly what its general path gives: the kinds of value a roster
 * or a tab holds (ASCII, accented, decomposed, non-breaking and other spaces, empty), then many
 * pseudo-random mixes of characters chosen at the edges of each fast path (U+02FF/U+0300, U+007F/U+0080,
 * whitespace, combining marks, compatibility characters such as « º »).
 */
const FIXED = [
  '',
  ' ',
  '   ',
  'DUPONT',
  'Dupont Marie',
  '  Dupont  Marie ',
  'Léa',
  'L\u00e9a',
  'Le\u0301a',
  'E\u0301VE\u0300NEMENT',
  'Événement',
  'Jean\u00a0Pierre',
  '\u00a0Jean',
  'Jean\u202fPierre',
  'Jean\u2009Pierre',
  'Jean\tPierre\n',
  'N° candidat',
  'Nº candidat',
  'Né(e) le',
  "O'Brien",
  'Ø Ærø',
  'ǅ ǈ ǋ',
  'ﬁn',
  '\u0301',
  'a\u0300\u0301',
  '\ufeffNOM',
  'ẞ straße',
  'İstanbul',
  '02600007919',
  'TS',
  ' ts ',
  'Absent (ABS)',
];

/** Characters picked by the random mixes: the boundaries of every fast path, and what sits beside them. */
const ALPHABET = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  ' ',
  '-',
  "'",
  '(',
  '.',
  '_',
  '/',
  '~',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u00a0',
  '\u00aa',
  '\u00b2',
  '\u00ba',
  '\u00c9',
  '\u00e9',
  '\u00df',
  '\u0130',
  '\u0131',
  '\u01c5',
  '\u02ff',
  '\u0300',
  '\u0301',
  '\u0327',
  '\u036f',
  '\u0370',
  '\u1e9e',
  '\u2000',
  '\u2001',
  '\u2009',
  '\u202f',
  '\u3000',
  '\ufb01',
  '\ufeff',
  '\t',
  '\n',
  '\r',
  '\u000b',
  'e',
  'E',
  'c',
  'A',
];

/** A small deterministic generator (mulberry32): the same samples on every run. */
function generator(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function textSamples(count = 3000): string[] {
  const rand = generator(20260301);
  const mixes: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(rand() * 8);
    let text = '';
    for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(rand() * ALPHABET.length)];
    mixes.push(text);
  }
  return [...FIXED, ...FIXED.map((t) => t.normalize('NFD')), ...mixes];
}

/** Every UTF-16 unit below `end` (U+0300: the bound of the NFC fast paths), for exhaustive checks. */
export function unitsBelow(end: number): string[] {
  return Array.from({ length: end }, (_, c) => String.fromCharCode(c));
}

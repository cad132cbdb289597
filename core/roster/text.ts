/** Text clean-up shared by the roster readers. */

/**
 * Trim, NFC and collapse whitespace runs (non-breaking spaces included): exports pad and decompose
 * names unpredictably, and « Léa » typed on a Mac must equal « Léa » typed on Windows.
 */
export function cleanText(s: string): string {
  // Called for every cell of every roster row (1500 rows × columns, then again per field read): most
  // names are already clean, and skipping normalize() and the regex for them measured ~3× less time.
  return isClean(s) ? s : cleanTextInFull(s);
}

/** The general path of cleanText, exported so that a test holds the fast path to it. */
export function cleanTextInFull(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * True when cleanTextInFull would return `s` unchanged: no character that NFC may change (every one below
 * U+0300 is its own NFC form and none composes with a neighbour below U+0300), no whitespace but single
 * inner U+0020 spaces (\s below U+0300 is TAB…CR, U+0020 and U+00A0).
 */
function isClean(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === 32) return false;
    } else if (c < 33 || c >= 0x300 || c === 0xa0) return false;
  }
  return true;
}

/**
 * Words that carry no meaning in a header label: « N° de candidat » and « N° candidat », « Né(e) le »
 * and « Né le », « Nom(s) » and « Nom » must fold to the same key.
 */
const FILLER_WORDS = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'et', 'e', 's']);

/** Combining marks as ranges: the `u` flag (\p{M}) does not parse in IE 11 (Excel 2016/2019 panes). */
// eslint-disable-next-line no-misleading-character-class -- the class lists marks on purpose
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * A comparison key: no case, no accent, no punctuation, no filler word. NFKD turns « º » into « o »
 * so « Nº » reads like « No ».
 */
export function foldKey(s: string): string {
  // ASCII is its own NFKD form and holds no combining mark: most labels and names skip both steps.
  return foldWords(isAscii(s) ? s : withoutMarks(s));
}

/** The general path of foldKey, exported so that a test holds the fast path to it. */
export function foldKeyInFull(s: string): string {
  return foldWords(withoutMarks(s));
}

function withoutMarks(s: string): string {
  return s.normalize('NFKD').replace(COMBINING_MARKS, '');
}

function foldWords(s: string): string {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !FILLER_WORDS.has(w))
    .join(' ');
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** « a », « a et b », « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

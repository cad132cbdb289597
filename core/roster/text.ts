/** Text clean-up shared by the roster readers. */

/**
 * Trim, NFC and collapse whitespace runs (non-breaking spaces included): exports pad and decompose
 * names unpredictably, and « Léa » typed on a Mac must equal « Léa » typed on Windows.
 */
export function cleanText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
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
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !FILLER_WORDS.has(w))
    .join(' ');
}

/** « a », « a et b », « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

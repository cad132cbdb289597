/**
 * The two French orders of the add-in: natural (groups: « 2 » before « 10 », without case or accents) and
 * plain French (the statistics' lists). Plain texts (ASCII letters and digits, spaces and « _-. ») are
 * ordered here without the collator: building an Intl.Collator loads the locale's collation data (about
 * 8 ms, once a process), which the usual names of groups, forms and sessions never need. Held to the
 * collator by tests on every pair of many texts; any other text goes to the collator.
 */

let natural: Intl.Collator | null = null;
let french: Intl.Collator | null = null;

/** Intl.Collator('fr', { numeric: true, sensitivity: 'base' }).compare. */
export function naturalOrder(a: string, b: string): number {
  if (isPlain(a) && isPlain(b)) return plainNaturalOrder(a, b);
  natural ??= new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
  return natural.compare(a, b);
}

/** Intl.Collator('fr').compare, the order of localeCompare(…, 'fr'). */
export function frenchOrder(a: string, b: string): number {
  if (isPlain(a) && isPlain(b)) return plainFrenchOrder(a, b);
  french ??= new Intl.Collator('fr');
  return french.compare(a, b);
}

/** The separators known here, in the collator's order (all before digits, then letters). */
const SEPARATORS = ' _-.';

/** ASCII letters and digits and those separators only, short enough for any digit run to be read here. */
export function isPlain(text: string): boolean {
  if (text.length > 64) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letterOrDigit = isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!letterOrDigit && SEPARATORS.indexOf(text[i]) < 0) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Separators first (in SEPARATORS' order), then digits, then letters. */
function rank(c: number): number {
  const separator = SEPARATORS.indexOf(String.fromCharCode(c));
  if (separator >= 0) return separator;
  return isDigit(c) ? SEPARATORS.length : SEPARATORS.length + 1;
}

/** Where the digit run starting at `from` ends. */
function runEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Two digit runs by their value: without leading zeros, the longer is the greater, else digit by digit. */
function compareRuns(a: string, i: number, ei: number, b: string, j: number, ej: number): number {
  while (i < ei && a.charCodeAt(i) === 48) i++;
  while (j < ej && b.charCodeAt(j) === 48) j++;
  if (ei - i !== ej - j) return ei - i < ej - j ? -1 : 1;
  for (; i < ei; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Intl.Collator('fr', { numeric: true, sensitivity: 'base' }).compare on two plain texts: separators,
 * then digit runs by their value (leading zeros do not count), then letters without case.
 */
export function plainNaturalOrder(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      const ei = runEnd(a, i);
      const ej = runEnd(b, j);
      const order = compareRuns(a, i, ei, b, j, ej);
      if (order !== 0) return order;
      i = ei;
      j = ej;
      continue;
    }
    const order = rank(x) - rank(y) || (x | 32) - (y | 32);
    if (order !== 0) return order < 0 ? -1 : 1;
    i++;
    j++;
  }
  const left = a.length - i - (b.length - j);
  return left === 0 ? 0 : left < 0 ? -1 : 1;
}

/**
 * Intl.Collator('fr').compare on two plain texts: character by character without case (separators,
 * digits, letters), the shorter first; then, between texts equal but for case, the first character that
 * differs in case puts the lower case first.
 */
export function plainFrenchOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const order = rank(x) - rank(y) || (x | 32) - (y | 32);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    // Equal but for case here: the lower case letter (the greater code) comes first.
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}

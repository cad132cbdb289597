/**
 * Splitting a combined « NOM Prénom » cell. French school exports write the NOM in capitals
 * (« DE LA FONTAINE Léa », « N'DIAYE Yanis »), so the capitalised words are the NOM, wherever
 * they stand; a comma (« MARTIN, Léa ») is an explicit split.
 */

export interface SplitName {
  nom: string;
  prenom: string;
  /** False when the case gave no clue (all capitals, no capitals) and the split is a guess. */
  sure: boolean;
}

/** Particles written in lower case in front of a NOM (« de LA FONTAINE », « van DER BERG »). */
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  "d'",
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  'ben',
  'el',
  'al',
]);

function isCapitalWord(word: string): boolean {
  return word.toUpperCase() === word && word.toLowerCase() !== word;
}

function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/** How many leading words form the NOM: lower-case particles only count when capitals follow them. */
function leadingNomLength(words: readonly string[]): number {
  let n = 0;
  while (n < words.length && isParticle(words[n]) && !isCapitalWord(words[n])) n++;
  const particles = n;
  while (n < words.length && isCapitalWord(words[n])) n++;
  return n === particles ? 0 : n;
}

/** How many trailing words form the NOM (« Léa de LA FONTAINE »), particles in front included. */
function trailingNomLength(words: readonly string[]): number {
  const at = (n: number): string => words[words.length - 1 - n];
  let n = 0;
  while (n < words.length && isCapitalWord(at(n))) n++;
  if (n === 0) return 0;
  while (n < words.length - 1 && isParticle(at(n))) n++;
  return n;
}

/** No case clue: the particles and the word after them are the NOM, as in « DE LA FONTAINE LEA ». */
function guess(words: readonly string[]): SplitName {
  let n = 0;
  while (n < words.length - 1 && isParticle(words[n])) n++;
  return { nom: words.slice(0, n + 1).join(' '), prenom: words.slice(n + 1).join(' '), sure: false };
}

export function splitFullName(text: string): SplitName {
  const comma = text.indexOf(',');
  if (comma >= 0)
    return { nom: text.slice(0, comma).trim(), prenom: text.slice(comma + 1).trim(), sure: true };
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length <= 1) return { nom: words.join(''), prenom: '', sure: true };
  const lead = leadingNomLength(words);
  if (lead > 0 && lead < words.length) {
    return { nom: words.slice(0, lead).join(' '), prenom: words.slice(lead).join(' '), sure: true };
  }
  const trail = trailingNomLength(words);
  if (lead === 0 && trail > 0) {
    // « Léa DE LA FONTAINE »: Prénom first.
    const cut = words.length - trail;
    return { nom: words.slice(cut).join(' '), prenom: words.slice(0, cut).join(' '), sure: true };
  }
  return guess(words);
}

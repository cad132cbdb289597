/**
 * File names that every system accepts (Windows is the strictest): no / \ : * ? " < > |, no control
 * character, no trailing dot or space, not too long. Accents are kept: they are part of the name.
 */

const FORBIDDEN = new Set('/\\:*?"<>|');

function isAllowed(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return !FORBIDDEN.has(ch) && code >= 0x20 && code !== 0x7f;
}

/** Well under the 255 bytes of most file systems, even with accents (2 bytes each in UTF-8). */
const MAX_LENGTH = 100;

export function safeFilePart(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/./gsu, (ch) => (isAllowed(ch) ? ch : '_'))
    .trim();
  // Cut by code point, never inside a character outside the BMP.
  return Array.from(cleaned)
    .slice(0, MAX_LENGTH)
    .join('')
    .replace(/[. ]+$/, '');
}

export interface CandidateIdentity {
  candidateNumber?: string;
  nom?: string;
  prenom?: string;
  /** The tab name, used when the marker holds no identity. */
  sheet: string;
}

/** « 02600001-DUPONT-Marie.pdf »; the parts that are empty are left out. */
export function candidateFileName(who: CandidateIdentity): string {
  const parts = [who.candidateNumber, who.nom, who.prenom]
    .map((p) => safeFilePart(p ?? ''))
    .filter((p) => p !== '');
  const base = parts.length > 0 ? parts.join('-') : safeFilePart(who.sheet);
  return `${base === '' ? 'candidat' : base}.pdf`;
}

/** Two candidates must never share a file: the second « X.pdf » becomes « X (2).pdf ». */
export function uniqueNames(names: string[], reserved: string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLocaleLowerCase('fr')));
  return names.map((name) => {
    const stem = name.replace(/\.pdf$/i, '');
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLocaleLowerCase('fr')); n++) candidate = `${stem} (${n}).pdf`;
    taken.add(candidate.toLocaleLowerCase('fr'));
    return candidate;
  });
}

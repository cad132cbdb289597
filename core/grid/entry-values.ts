import type { ActivityCode, Epreuve, LevelCode, PresenceStatus } from '../referentiel/types';
import { perEpreuve } from '../referentiel/memo';
import { perText } from '../text/memo';

/**
 * What a value typed or pasted into a dropdown cell may look like and still count: one list of spellings
 * per code, compared after the spreadsheet's TRIM and without regard to case — exactly what the live
 * formulas of a tab can test (TRIM(x)="TS" is case-insensitive in Excel, Google Sheets and LibreOffice).
 * The reader and the formulas both take their spellings from here, so a pasted « ts␣ » reads as TS and
 * prints its cross, and a « B » is an error in the tab and in « Contrôle » alike.
 */

export interface Spelling<T extends string> {
  code: T;
  words: string[];
}

/** The spreadsheet TRIM: spaces (only U+0020) dropped at both ends, inner runs of spaces made one. */
export function sheetTrim(text: string): string {
  // Most values have nothing to trim: no regex for them (the reader calls this for every field of every tab).
  if (text.indexOf('  ') < 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32)
    return text;
  return text.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

/** Empty for a spreadsheet formula: no value, or nothing but spaces (LEN(TRIM(x))=0). */
export function sheetBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && sheetTrim(raw) === '');
}

/** Equality as the formulas test it: after TRIM, ignoring case (accents count). */
export function sheetEquals(raw: string, word: string): boolean {
  return sheetTrim(raw).toLocaleUpperCase('fr') === upperWord(word);
}

/**
 * Words in capitals, computed once each: the référentiel's words, compared with every value read, and the
 * values typed in dropdown cells (TS, S, Absent…), which repeat from tab to tab.
 */
const upperWord = perText((word) => word.toLocaleUpperCase('fr'));

/** « Absent (ABS) » → « Absent »: the words before a bracketed short form are a spelling of their own. */
function withoutBrackets(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, '');
}

function unique(words: string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLocaleUpperCase('fr');
    if (w === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/*
 * One list of spellings per épreuve and kind, built once (read for every field of every tab) and shared:
 * callers copy before they reorder.
 */

export const levelSpellings: (epreuve: Epreuve) => Array<Spelling<LevelCode>> = perEpreuve((epreuve) =>
  epreuve.levels.map((l) => ({ code: l.code, words: [l.code] })),
);

export const statusSpellings: (epreuve: Epreuve) => Array<Spelling<PresenceStatus>> = perEpreuve((epreuve) =>
  epreuve.statuses.map((s) => ({
    code: s.code,
    words: unique([s.label, withoutBrackets(s.label), s.shortLabel]),
  })),
);

/**
 * The activity's label and its short names, never the bare « NV »/« EC » (« NV » also means non valide);
 * labels of earlier versions stay readable, so tabs written before a wording change still count.
 */
export const activitySpellings: (epreuve: Epreuve) => Array<Spelling<ActivityCode>> = perEpreuve((epreuve) =>
  epreuve.activities.map((a) => ({
    code: a.code,
    words: unique([a.label, a.statsLabel, a.listLabel, ...(a.formerLabels ?? [])]),
  })),
);

/** The code whose spellings hold `raw`, or null (blank values are the caller's business). */
export function spelledCode<T extends string>(raw: string, spellings: Array<Spelling<T>>): T | null {
  const code = codesBySpelling(spellings).get(upperWord(sheetTrim(raw)));
  return code === undefined ? null : code;
}

/** The general path of spelledCode, exported so that a test holds the index below to it. */
export function spelledCodeByScan<T extends string>(raw: string, spellings: Array<Spelling<T>>): T | null {
  const key = upperWord(sheetTrim(raw));
  const hit = spellings.find((s) => s.words.some((w) => upperWord(w) === key));
  return hit ? hit.code : null;
}

/**
 * Word in capitals → code, the first spelling of a word winning as the scan above does. Indexed once per
 * list (the lists are built once per épreuve): the reader looks up every level, status and activity of
 * every tab, and scanning each list's words showed in the profiles.
 */
const spellingIndexes = new WeakMap<ReadonlyArray<Spelling<string>>, Map<string, string>>();

function codesBySpelling<T extends string>(spellings: Array<Spelling<T>>): Map<string, T> {
  let index = spellingIndexes.get(spellings) as Map<string, T> | undefined;
  if (index === undefined) {
    index = new Map<string, T>();
    for (const s of spellings)
      for (const w of s.words) if (!index.has(upperWord(w))) index.set(upperWord(w), s.code);
    spellingIndexes.set(spellings, index);
  }
  return index;
}

import type { ActivityCode, Epreuve, LevelCode, PresenceStatus } from '../referentiel/types';
import type { CellValue } from '../spec/types';
import { perText } from '../text/memo';
import {
  activitySpellings,
  levelSpellings,
  sheetBlank,
  sheetEquals,
  spelledCode,
  statusSpellings,
  type Spelling,
} from './entry-values';

/**
 * Normalisers for values read back from a tab. A teacher may paste past a dropdown: what differs from a
 * choice only by spaces at the ends or by case is accepted, exactly as the live formulas of the tab accept
 * it (entry-values.ts); anything else is reported, never guessed.
 */
export type Normalised<T> = { value: T | null; problem?: undefined } | { value: null; problem: string };

const EMPTY: Normalised<never> = { value: null };

/**
 * Comparison key: no accents, no case, no spaces or punctuation (« T S » = « ts », « Évènement » = « evenement »).
 * The check folds every commission member of every tab, and the same few names repeat from tab to tab:
 * each distinct text is folded once (normalize and two regexes per name showed in the profiles).
 */
export const looseKey: (text: string) => string = perText((text) => looseKeyInFull(text));

/** The general path of looseKey, exported so that a test holds the memo to it. */
export function looseKeyInFull(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Blank as the live formulas see it (LEN(TRIM(x))=0): no value, or nothing but spaces. */
export function isBlank(raw: CellValue): boolean {
  return sheetBlank(raw);
}

/** Text as the teacher sees it; numbers (a fiche N° typed as 3) become their decimal text. */
export function normText(raw: CellValue): Normalised<string> {
  if (isBlank(raw)) return EMPTY;
  if (raw instanceof Date) return { value: isoDate(raw) };
  return { value: nfc(String(raw).trim()) };
}

/**
 * NFC form of a text. Below U+0300 every character is its own NFC form (the first that may compose is the
 * combining grave accent): most values are checked by a loop instead of the costlier normalize().
 */
function nfc(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return text.normalize('NFC');
  return text;
}

/** « a, b ou c ». */
export function joinOr(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/**
 * The code one of whose spellings the raw text is (trim and case aside, as the live formulas compare);
 * anything else is a problem, never guessed.
 */
function pickCode<T extends string>(
  raw: CellValue,
  spellings: Array<Spelling<T>>,
  expected: () => string,
): Normalised<T> {
  if (isBlank(raw)) return EMPTY;
  const code = typeof raw === 'string' ? spelledCode(raw, spellings) : null;
  if (code !== null) return { value: code };
  return {
    value: null,
    problem: `Valeur « ${String(raw).trim()} » non reconnue : choisissez ${expected()} dans la liste.`,
  };
}

export function normLevel(epreuve: Epreuve, raw: CellValue): Normalised<LevelCode> {
  return pickCode(raw, levelSpellings(epreuve), () => joinOr(epreuve.levels.map((l) => l.code)));
}

export function normStatus(epreuve: Epreuve, raw: CellValue): Normalised<PresenceStatus> {
  return pickCode(raw, statusSpellings(epreuve), () => joinOr(epreuve.statuses.map((s) => `« ${s.label} »`)));
}

export function normActivity(epreuve: Epreuve, raw: CellValue): Normalised<ActivityCode> {
  return pickCode(raw, activitySpellings(epreuve), () =>
    joinOr(epreuve.activities.map((a) => `« ${a.label} »`)),
  );
}

/**
 * A note is a number, as the live formulas require (ISNUMBER): a note kept as text (« 12,5 » pasted into
 * a Sheet of another locale) prints but counts nowhere, so it is reported for the teacher to retype.
 * The range is the validator's business, not the reader's.
 */
export function normNote(epreuve: Epreuve, raw: CellValue): Normalised<number> {
  if (isBlank(raw)) return EMPTY;
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw };
  const shown = String(raw).trim();
  const numeric = typeof raw === 'string' && /^-?\d+([.,]\d+)?$/.test(shown);
  return {
    value: null,
    problem: numeric
      ? `Note « ${shown} » saisie comme du texte : effacez la cellule et retapez la note (un nombre de 0 à ${epreuve.noteMax}).`
      : `Note « ${shown} » illisible : saisissez un nombre de 0 à ${epreuve.noteMax} (par exemple 12,5).`,
  };
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system (serial 1 = 1900-01-01, with Excel's 1900 leap-year quirk). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465;

function pad(n: number, width: number): string {
  return width === 2 && n >= 0 && n < 10 ? `0${n}` : String(n).padStart(width, '0');
}

function isoFromParts(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * exceljs gives a date as midnight UTC; Apps Script gives midnight in the spreadsheet's time zone,
 * which is the runtime's local zone there. UTC midnight → UTC parts, otherwise local parts.
 */
export function isoDate(d: Date): string {
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return utcMidnight
    ? `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
    : `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

function isoFromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return null;
  return isoDate(new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS));
}

function isoFromText(text: string): string | null {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (fr) {
    const year = fr[3].length === 2 ? 2000 + Number(fr[3]) : Number(fr[3]);
    return isoFromParts(year, Number(fr[2]), Number(fr[1]));
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso ? isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/**
 * Date object (exceljs, Apps Script) or Excel serial number (Office.js) → 'YYYY-MM-DD'. A date kept as
 * text is not a date for the spreadsheet (ISNUMBER is false, the live formulas flag it): reported.
 */
export function normDate(raw: CellValue): Normalised<string> {
  if (isBlank(raw)) return EMPTY;
  let iso: string | null = null;
  if (raw instanceof Date) iso = Number.isNaN(raw.getTime()) ? null : isoDate(raw);
  else if (typeof raw === 'number') iso = isoFromSerial(raw);
  if (iso !== null) return { value: iso };
  const shown = String(raw).trim();
  return {
    value: null,
    problem:
      typeof raw === 'string' && isoFromText(shown) !== null
        ? `Date « ${shown} » saisie comme du texte : effacez la cellule et retapez la date (jj/mm/aaaa).`
        : `Date « ${shown} » illisible : saisissez une date au format jj/mm/aaaa.`,
  };
}

/** A motif box: « X » (trim and case aside) is ticked, a blank cell is not; anything else is reported. */
export function normTicked(raw: CellValue): Normalised<boolean> {
  if (isBlank(raw)) return { value: false };
  if (typeof raw === 'string' && sheetEquals(raw, 'X')) return { value: true };
  return {
    value: null,
    problem: `Case « ${String(raw).trim()} » non reconnue : mettez X pour cocher le motif, ou videz la case.`,
  };
}

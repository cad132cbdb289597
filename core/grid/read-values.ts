import type { ActivityCode, Epreuve, LevelCode, PresenceStatus } from '../referentiel/types';
import type { CellValue } from '../spec/types';

/**
 * Normalisers for values read back from a tab. A teacher may paste past a dropdown, or a Sheet in
 * another locale may keep « 12,5 » as text: every value that has one unambiguous meaning is accepted;
 * anything else is reported, never guessed.
 */
export type Normalised<T> = { value: T | null; problem?: undefined } | { value: null; problem: string };

const EMPTY: Normalised<never> = { value: null };

/** Comparison key: no accents, no case, no spaces or punctuation (« T S » = « ts », « Évènement » = « evenement »). */
export function looseKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function isBlank(raw: CellValue): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Text as the teacher sees it; numbers (a fiche N° typed as 3) become their decimal text. */
export function normText(raw: CellValue): Normalised<string> {
  if (isBlank(raw)) return EMPTY;
  if (raw instanceof Date) return { value: isoDate(raw) };
  return { value: String(raw).trim().normalize('NFC') };
}

/** Picks the one code whose spellings share the raw text's key; none or several → a problem. */
function pickCode<T extends string>(
  raw: CellValue,
  spellings: Array<{ code: T; words: string[] }>,
  expected: string,
): Normalised<T> {
  if (isBlank(raw)) return EMPTY;
  const key = looseKey(String(raw));
  const codes = new Set(
    spellings.filter((s) => s.words.some((w) => w !== '' && looseKey(w) === key)).map((s) => s.code),
  );
  if (codes.size === 1) return { value: [...codes][0] };
  return {
    value: null,
    problem: `Valeur « ${String(raw).trim()} » non reconnue : choisissez ${expected} dans la liste.`,
  };
}

/** « a, b ou c ». */
export function joinOr(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/** « Absent (ABS) » → also « Absent »: the words before a bracketed short form are a spelling of their own. */
function withoutBrackets(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, '');
}

export function normLevel(epreuve: Epreuve, raw: CellValue): Normalised<LevelCode> {
  const spellings = epreuve.levels.map((l) => ({ code: l.code, words: [l.code, l.label] }));
  return pickCode(raw, spellings, joinOr(epreuve.levels.map((l) => l.code)));
}

export function normStatus(epreuve: Epreuve, raw: CellValue): Normalised<PresenceStatus> {
  const spellings = epreuve.statuses.map((s) => ({
    code: s.code,
    words: [s.code, s.label, withoutBrackets(s.label), s.shortLabel],
  }));
  return pickCode(raw, spellings, joinOr(epreuve.statuses.map((s) => `« ${s.label} »`)));
}

export function normActivity(epreuve: Epreuve, raw: CellValue): Normalised<ActivityCode> {
  const spellings = epreuve.activities.map((a) => ({
    code: a.code,
    words: [a.code, a.label, withoutBrackets(a.label), a.shortLabel, a.statsLabel, a.listLabel],
  }));
  return pickCode(raw, spellings, joinOr(epreuve.activities.map((a) => `« ${a.label} »`)));
}

/**
 * A note: a number stays a number; text « 12,5 », « 12.5 », « 12,5/20 », « 12,5 / 20 » is read as 12.5.
 * The range is the validator's business, not the reader's.
 */
export function normNote(epreuve: Epreuve, raw: CellValue): Normalised<number> {
  if (isBlank(raw)) return EMPTY;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return { value: raw };
  }
  if (typeof raw === 'string') {
    const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
    const bare = compact.replace(new RegExp(`/${epreuve.noteMax}$`), '');
    if (/^-?\d+([.,]\d+)?$/.test(bare)) return { value: Number(bare.replace(',', '.')) };
  }
  return {
    value: null,
    problem: `Note « ${String(raw).trim()} » illisible : saisissez un nombre de 0 à ${epreuve.noteMax} (par exemple 12,5).`,
  };
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system (serial 1 = 1900-01-01, with Excel's 1900 leap-year quirk). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
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

/** Date object, Excel serial number (Office.js) or text « jj/mm/aaaa » → 'YYYY-MM-DD'. */
export function normDate(raw: CellValue): Normalised<string> {
  if (isBlank(raw)) return EMPTY;
  let iso: string | null = null;
  if (raw instanceof Date) iso = Number.isNaN(raw.getTime()) ? null : isoDate(raw);
  else if (typeof raw === 'number') iso = isoFromSerial(raw);
  else if (typeof raw === 'string') iso = isoFromText(raw.trim());
  return iso === null
    ? {
        value: null,
        problem: `Date « ${String(raw).trim()} » illisible : saisissez une date au format jj/mm/aaaa.`,
      }
    : { value: iso };
}

/** A motif box: « X », « x » or a ticked checkbox (true) is ticked; empty or false is not. */
export function normTicked(raw: CellValue): Normalised<boolean> {
  if (isBlank(raw) || raw === false) return { value: false };
  if (raw === true || (typeof raw === 'string' && raw.trim().toLowerCase() === 'x')) return { value: true };
  return {
    value: null,
    problem: `Case « ${String(raw).trim()} » non reconnue : mettez X pour cocher le motif, ou videz la case.`,
  };
}

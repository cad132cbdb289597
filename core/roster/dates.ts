/**
 * Dates as the hosts give them: Date objects (exceljs: UTC midnight; times on 1899-12-30), Excel serial
 * numbers (Office.js), or text typed by a secretary (« 22/04/2004 »). Only UTC getters are used, so
 * the result does not depend on the machine's time zone.
 */
import type { CellValue } from '../spec/types';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** 31/12/9999, the last date Excel knows. */
const MAX_SERIAL = 2_958_465;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function serialToDate(serial: number): Date {
  // Excel counts a 29/02/1900 that never existed: serials before it are one day off.
  const days = serial < 60 ? serial + 1 : serial;
  return new Date(EXCEL_EPOCH + Math.round((days * MS_PER_DAY) / MS_PER_MINUTE) * MS_PER_MINUTE);
}

function isValidDate(d: Date): boolean {
  return !Number.isNaN(d.getTime());
}

function isoOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export function frenchDate(d: Date): string {
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

export function frenchTime(d: Date): string {
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** The day a date-only Date stands for: a host that stored local midnight (UTC+2 → 22:00 the day before) still lands on it. */
function nearestMidnight(d: Date): Date {
  return new Date(Math.round(d.getTime() / MS_PER_DAY) * MS_PER_DAY);
}

/** A real calendar day, or undefined (31/02 is not one). */
function utcDay(year: number, month: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  const same = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return same ? d : undefined;
}

const FRENCH_DATE = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/;

export function parseDateText(text: string): Date | undefined {
  const fr = FRENCH_DATE.exec(text);
  if (fr) return utcDay(Number(fr[3]), Number(fr[2]), Number(fr[1]));
  const iso = ISO_DATE.exec(text);
  if (iso) return utcDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** A date-only cell (birth date) as 'YYYY-MM-DD', or undefined when it is not a date. */
export function toIsoDate(value: CellValue): string | undefined {
  if (value instanceof Date) return isValidDate(value) ? isoOf(nearestMidnight(value)) : undefined;
  if (typeof value === 'number') {
    return value >= 1 && value <= MAX_SERIAL ? isoOf(serialToDate(Math.floor(value))) : undefined;
  }
  if (typeof value === 'string') {
    const d = parseDateText(value.trim());
    return d ? isoOf(d) : undefined;
  }
  return undefined;
}

function hasTime(d: Date): boolean {
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0;
}

/** Excel keeps a time alone as a date on 30/12/1899 (serial 0). */
function isTimeOnly(d: Date): boolean {
  return d.getTime() >= EXCEL_EPOCH && d.getTime() < EXCEL_EPOCH + MS_PER_DAY;
}

function dateTimeText(d: Date): string {
  if (isTimeOnly(d)) return frenchTime(d);
  return hasTime(d) ? `${frenchDate(d)} ${frenchTime(d)}` : frenchDate(d);
}

/** A passage date cell (possibly with its time) as French text « 18/05/2026 » or « 18/05/2026 15:30 ». */
export function passageDateText(value: CellValue): string {
  if (value instanceof Date) return isValidDate(value) ? dateTimeText(value) : '';
  if (typeof value === 'number' && value >= 0 && value <= MAX_SERIAL)
    return dateTimeText(serialToDate(value));
  if (typeof value === 'string') {
    const iso = ISO_DATE.exec(value.trim());
    const d = iso ? utcDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
    return d ? frenchDate(d) : value.trim();
  }
  return '';
}

const TIME_TEXT = /^(\d{1,2})\s*[h:]\s*(\d{2})?(?::\d{2})?$/i;

/** A passage time cell as « 15:30 »: a Date, a fraction of a day, or text such as « 15h30 » or « 9 h ». */
export function passageTimeText(value: CellValue): string {
  if (value instanceof Date) return isValidDate(value) ? frenchTime(value) : '';
  if (typeof value === 'number' && value >= 0) return frenchTime(serialToDate(value % 1));
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const m = TIME_TEXT.exec(text);
  if (!m || Number(m[1]) > 23) return text;
  return `${pad2(Number(m[1]))}:${m[2] ?? '00'}`;
}

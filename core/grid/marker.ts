import { a1, columnLetter } from '../spec/a1';
import type { FormId } from '../referentiel/types';
import type { Candidate } from '../roster/types';
import type { CellSpec, CellValue } from '../spec/types';
import { MARKER_COL, MARKER_ROWS } from './geometry';

/**
 * The identity of a tab written by the add-in, in fixed cells of a hidden column (K1:K14). Tabs are found
 * by this marker, not by their name, so a teacher may rename or reorder them. One value per row, the
 * first row a magic word so that a teacher's own sheet is never taken for ours.
 */

export const MARKER_MAGIC = 'GRILLES-E4';
export const MARKER_RANGE = `${columnLetter(MARKER_COL)}1:${columnLetter(MARKER_COL)}${MARKER_ROWS}`;
/** Style name the marker cells use; every sheet spec carrying a marker defines it (see `markerStyle`). */
export const MARKER_STYLE = 'marker';
export const markerStyle = { size: 8, color: '808080' } as const;

export type TabKind = 'grid' | 'recap' | 'report' | 'settings';

export interface TabMarker {
  kind: TabKind;
  tabId: string;
  layoutVersion: number;
  epreuve: string;
  form?: FormId;
  session?: number;
  candidateNumber?: string;
  nom?: string;
  prenom?: string;
  birthDate?: string;
  /** Division (CCF) or commission (ponctuelle) from the roster, to see on a rerun that it changed. */
  group?: string;
  /** Rows after which a page breaks: exceljs does not read them back, the xlsx host re-applies them from here. */
  rowBreaks?: number[];
}

const KINDS: readonly TabKind[] = ['grid', 'recap', 'report', 'settings'];
const FORMS: readonly FormId[] = ['ccf', 'ponctuel'];

/** Row order of the fields under the magic word. Append only: a reader of version n must read version n+1. */
const FIELDS = [
  'kind',
  'tabId',
  'layoutVersion',
  'epreuve',
  'form',
  'session',
  'candidateNumber',
  'nom',
  'prenom',
  'birthDate',
  'rowBreaks',
  'group',
] as const;

/** The row of each field's text in the values read (after the magic word), found once. */
const FIELD_ROW = Object.fromEntries(FIELDS.map((f, i) => [f, i + 1])) as Record<
  (typeof FIELDS)[number],
  number
>;

function fieldText(marker: TabMarker, field: (typeof FIELDS)[number]): string {
  const value = marker[field];
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The marker as cells of column K; every value is text (a number such as 0123 must keep its zero). */
export function markerCells(marker: TabMarker): CellSpec[] {
  const texts = [MARKER_MAGIC, ...FIELDS.map((f) => fieldText(marker, f))];
  return texts.map((value, i) => ({ r: i + 1, c: MARKER_COL, value, style: MARKER_STYLE }));
}

/** The A1 cell of a marker field, for hosts or tests that need one. */
export function markerCell(field: (typeof FIELDS)[number]): string {
  return a1(FIELDS.indexOf(field) + 2, MARKER_COL);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Hosts may hand back a typed-over date as a Date or a serial number: bring it back to text. */
function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${value.getFullYear()}-${pad2(value.getMonth() + 1)}-${pad2(value.getDate())}`;
  return String(value).trim();
}

function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}

function parseBreaks(text: string): number[] | undefined {
  if (text === '') return undefined;
  // Every tab of a form breaks at the same rows: each text is parsed once, and each marker gets its own copy.
  let rows = parsedBreaks.get(text);
  if (rows === undefined) {
    rows = parseBreaksInFull(text);
    if (parsedBreaks.size < 1_000) parsedBreaks.set(text, rows);
  }
  return rows === null ? undefined : rows.slice();
}

const parsedBreaks = new Map<string, number[] | null>();

function parseBreaksInFull(text: string): number[] | null {
  const rows = text.split(',').map((t) => Number(t.trim()));
  return rows.every((n) => Number.isInteger(n) && n > 0) ? rows : null;
}

/** Reads the MARKER_RANGE rectangle of a sheet (rows × 1 column); null when it is not one of ours. */
export function readMarker(values: CellValue[][]): TabMarker | null {
  return readMarkerIn(values, 0, 0);
}

/**
 * Reads the marker where it lies in a larger rectangle (0-based row of the magic word and column), as
 * readMarker reads it from its own: the reader of a tab takes it from the tab's values without copying.
 */
export function readMarkerIn(values: CellValue[][], row: number, col: number): TabMarker | null {
  // Read twice per tab (scan, then the tab itself): the magic word first, a plain loop for the rest.
  if (cellText(values[row]?.[col]) !== MARKER_MAGIC) return null;
  const texts: string[] = [MARKER_MAGIC];
  for (let i = 1; i <= FIELDS.length; i++) texts.push(cellText(values[row + i]?.[col]));
  const get = (field: (typeof FIELDS)[number]): string => texts[FIELD_ROW[field]];
  const kind = KINDS.find((k) => k === get('kind'));
  const layoutVersion = Number(get('layoutVersion'));
  const tabId = get('tabId');
  if (!kind || tabId === '' || !Number.isInteger(layoutVersion)) return null;
  const marker: TabMarker = { kind, tabId, layoutVersion, epreuve: get('epreuve') };
  const form = FORMS.find((f) => f === get('form'));
  if (form) marker.form = form;
  const session = Number(get('session'));
  if (get('session') !== '' && Number.isInteger(session)) marker.session = session;
  // Set by name, in this order: a loop of computed keys was the slowest part of reading a marker.
  const candidateNumber = optional(get('candidateNumber'));
  if (candidateNumber !== undefined) marker.candidateNumber = candidateNumber;
  const nom = optional(get('nom'));
  if (nom !== undefined) marker.nom = nom;
  const prenom = optional(get('prenom'));
  if (prenom !== undefined) marker.prenom = prenom;
  const birthDate = optional(get('birthDate'));
  if (birthDate !== undefined) marker.birthDate = birthDate;
  const group = optional(get('group'));
  if (group !== undefined) marker.group = group;
  const breaks = parseBreaks(get('rowBreaks'));
  if (breaks) marker.rowBreaks = breaks;
  return marker;
}

/** 32-bit FNV-1a: short, deterministic, no dependency. Not for security, only to tell tabs apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A stable id for a new candidate tab. Built from who the candidate is and where they stood in the roster,
 * never from the N° candidat alone (it often arrives later in the year). Suffixed on collision; the id
 * returned is added to `takenIds`.
 */
export function newTabId(
  candidate: Pick<Candidate, 'nom' | 'prenom' | 'birthDate' | 'row'>,
  takenIds: Set<string>,
): string {
  const key = [candidate.nom, candidate.prenom, candidate.birthDate ?? '', String(candidate.row)].join('|');
  const base = `g${fnv1a(key.normalize('NFC')).toString(36).padStart(7, '0')}`;
  let id = base;
  for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
  takenIds.add(id);
  return id;
}

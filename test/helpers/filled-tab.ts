import { gridTemplate } from '../../core/grid/layout';
import { gridMap } from '../../core/grid/map';
import { markerCells } from '../../core/grid/marker';
import type { GridMap } from '../../core/grid/map-types';
import { E4, commonBlocs, requiredCriteria } from '../../core/referentiel';
import type { ActivityCode, Epreuve, FormId, LevelCode } from '../../core/referentiel';
import { a1, parseA1, parseRange } from '../../core/spec/a1';
import type { CellValue } from '../../core/spec/types';

/**
 * The values of a candidate's tab as a host reads them back (the `gridMap(...).readRange` rectangle from
 * A1, marker included), filled the way a teacher would. By default: a complete, present candidate of the
 * CCF, session 2026, simulation « Négociation-vente », every required level S, note 14. Every option
 * overrides what a teacher typed; `null` empties a cell.
 */
export interface FilledTabInit {
  epreuve?: Epreuve;
  form?: FormId;
  session?: number;
  tabId?: string;
  /** Layout version written in the marker (to simulate an older tab). */
  layoutVersion?: number;
  nom?: string;
  prenom?: string;
  number?: string;
  group?: string;
  birthDate?: string;
  /** N° kept in the marker; default: `number`. */
  markerNumber?: string;
  /** Raw status cell; default the « Présent » label. */
  status?: CellValue;
  /** Chosen activity code; its dropdown label is written unless `activityRaw` is given. */
  activity?: ActivityCode | null;
  activityRaw?: CellValue;
  /** Level for every required criterion (default 'S'); `levels` overrides per criterion id (raw values). */
  allLevels?: LevelCode | null;
  levels?: Record<string, CellValue>;
  note?: CellValue;
  /** Ticked V-8 motifs by index (0 = motif 1), written « X ». */
  nvMotifs?: number[];
  ficheNumber?: CellValue;
  ficheTitle?: CellValue;
  /** Every date cell (parts of the CCF, header of the ponctuelle). Default: 18 May of the session, as a Date. */
  date?: CellValue;
  appreciation?: CellValue;
  /** Member names, written into every member list in order (CCF: per situation; ponctuelle: the 2 lines). */
  members?: CellValue[];
  commissionNumber?: CellValue;
  /** Last word: raw values by A1 cell. */
  cells?: Record<string, CellValue>;
  /** What an empty cell reads as: exceljs/Apps Script give null or ''. */
  empty?: null | '';
}

const DEFAULT_MEMBERS = ['Mme MARTIN Claire', 'M. BERNARD Paul'];

/**
 * The template's printed labels, as a host reads them back; formula cells read as empty here (their
 * results are the hosts' business), which the reader never looks at.
 */
function templateRectangle(epreuve: Epreuve, form: FormId, session: number, empty: null | ''): CellValue[][] {
  const box = parseRange(gridMap(epreuve, form).readRange);
  const values: CellValue[][] = Array.from({ length: box.r2 }, () =>
    Array.from({ length: box.c2 }, () => empty),
  );
  for (const cell of gridTemplate(epreuve, form, session).cells) {
    if (cell.value !== undefined && cell.r <= box.r2 && cell.c <= box.c2) {
      values[cell.r - 1][cell.c - 1] = cell.value === null ? empty : cell.value;
    }
  }
  return values;
}

function put(values: CellValue[][], cell: string, value: CellValue | undefined, empty: null | ''): void {
  if (value === undefined) return;
  const { r, c } = parseA1(cell);
  values[r - 1][c - 1] = value === null ? empty : value;
}

function levelCells(
  epreuve: Epreuve,
  init: FilledTabInit,
  activity: ActivityCode | null,
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  const level = init.allLevels === undefined ? 'S' : init.allLevels;
  // Without an activity a teacher can still position the blocs common to both.
  const criteria =
    activity === null ? commonBlocs(epreuve).flatMap((b) => b.criteria) : requiredCriteria(epreuve, activity);
  if (level !== null) for (const c of criteria) out[c.id] = level;
  return { ...out, ...(init.levels ?? {}) };
}

function identity(map: GridMap, init: FilledTabInit): Record<string, CellValue> {
  return {
    [map.identity.nom]: init.nom ?? 'DUPONT',
    [map.identity.prenom]: init.prenom ?? 'Marie',
    [map.identity.number]: init.number ?? '02600001',
    [map.identity.group]: init.group ?? 'NDRC2',
  };
}

function formCells(map: GridMap, init: FilledTabInit, session: number): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  const date = init.date === undefined ? new Date(Date.UTC(session, 4, 18)) : init.date;
  const members = init.members ?? DEFAULT_MEMBERS;
  for (const part of map.parts) {
    if (part.date) out[part.date] = date;
    out[part.appreciation] =
      init.appreciation === undefined ? 'Prestation solide et bien argumentée.' : init.appreciation;
    part.members.forEach((cell, i) => (out[cell] = members[i] ?? null));
  }
  if (map.date) out[map.date] = date;
  if (map.commissionNumber)
    out[map.commissionNumber] = init.commissionNumber === undefined ? 'C12' : init.commissionNumber;
  map.members.forEach((cell, i) => (out[cell] = members[i] ?? null));
  out[map.fiche.number] = init.ficheNumber === undefined ? '1' : init.ficheNumber;
  out[map.fiche.title] =
    init.ficheTitle === undefined ? 'Vente de solutions de gestion à une PME' : init.ficheTitle;
  map.nvMotifs.forEach((cell, i) => (out[cell] = (init.nvMotifs ?? []).includes(i) ? 'X' : null));
  return out;
}

function markerValues(
  epreuve: Epreuve,
  init: FilledTabInit,
  form: FormId,
  session: number,
): Record<string, CellValue> {
  const cells = markerCells({
    kind: 'grid',
    tabId: init.tabId ?? 'gtest001',
    layoutVersion: init.layoutVersion ?? gridMap(epreuve, form).layoutVersion,
    epreuve: epreuve.id,
    form,
    session,
    candidateNumber: init.markerNumber ?? init.number ?? '02600001',
    nom: init.nom ?? 'DUPONT',
    prenom: init.prenom ?? 'Marie',
    ...(init.birthDate ? { birthDate: init.birthDate } : {}),
  });
  const out: Record<string, CellValue> = {};
  for (const cell of cells) out[a1(cell.r, cell.c)] = cell.value ?? null;
  return out;
}

/** The rectangle of values of one filled candidate tab. */
export function filledTab(init: FilledTabInit = {}): CellValue[][] {
  const epreuve = init.epreuve ?? E4;
  const form = init.form ?? 'ccf';
  const session = init.session ?? 2026;
  const empty = init.empty === undefined ? null : init.empty;
  // Values go where the tab's own layout version puts them (an older tab keeps its cells).
  const map = gridMap(epreuve, form, init.layoutVersion);
  const activity = init.activity === undefined ? 'negociation' : init.activity;
  const activityLabel = epreuve.activities.find((a) => a.code === activity)?.label ?? null;
  const values = templateRectangle(epreuve, form, session, empty);
  const levels = levelCells(epreuve, init, activity);
  const all: Record<string, CellValue | undefined> = {
    ...markerValues(epreuve, init, form, session),
    ...identity(map, init),
    [map.status]:
      init.status === undefined
        ? (epreuve.statuses.find((s) => s.code === 'present')?.label ?? null)
        : init.status,
    [map.activity]: init.activityRaw === undefined ? activityLabel : init.activityRaw,
    [map.note]: init.note === undefined ? 14 : init.note,
    ...formCells(map, init, session),
    ...Object.fromEntries(Object.entries(levels).map(([id, v]) => [map.levels[id], v])),
    ...(init.cells ?? {}),
  };
  for (const [cell, value] of Object.entries(all)) put(values, cell, value, empty);
  return values;
}

/** A tab where the teacher typed nothing but what the test adds (ABS and NV need nothing more, or a motif). */
export const NOTHING_TYPED: FilledTabInit = {
  allLevels: null,
  note: null,
  appreciation: null,
  members: [],
  ficheNumber: null,
  ficheTitle: null,
  date: null,
  activity: null,
};

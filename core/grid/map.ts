import { a1, parseA1, rangeA1 } from '../spec/a1';
import type { Epreuve, FormId } from '../referentiel/types';
import {
  COL,
  HELPER_COL,
  LAYOUT_VERSION,
  MARKER_COL,
  geometry,
  valueCol,
  type Geometry,
  type HeaderField,
  type PairPlace,
} from './geometry';
import type { GridMap } from './map-types';

/** Bump when a cell moves (geometry.ts): tabs written by an older layout are read through their own version. */
export { LAYOUT_VERSION } from './geometry';

function pairCell(place: PairPlace | undefined): string | null {
  return place ? a1(place.row, valueCol(place.side)) : null;
}

/** Where the simulated activity's fiche N° and titre are typed: the header (ponctuelle) or the simulation part (CCF). */
function ficheCells(g: Geometry): GridMap['fiche'] {
  const number = pairCell(g.grid.header.ficheNumber);
  const title = pairCell(g.grid.header.ficheTitle);
  if (number && title) return { number, title };
  const sim = g.fiche.parts.find((p) => p.simulation)?.simulation;
  if (!sim)
    throw new Error(`La forme ${g.form.label} n'a pas de fiche d'activité où saisir le N° et le titre.`);
  return { number: a1(sim.numberRow, COL.leftValue), title: a1(sim.titleRow, COL.leftValue) };
}

function header(g: Geometry, field: HeaderField): string | null {
  return pairCell(g.grid.header[field]);
}

const maps = new WeakMap<Epreuve, Map<string, GridMap>>();

/**
 * The A1 cell of every field of a candidate's tab, for this épreuve, form and layout version. Deterministic,
 * so built once per épreuve, form and version (a class read asks for it per tab) and shared, frozen.
 */
export function gridMap(epreuve: Epreuve, form: FormId, version: number = LAYOUT_VERSION): GridMap {
  let byForm = maps.get(epreuve);
  if (!byForm) {
    byForm = new Map();
    maps.set(epreuve, byForm);
  }
  const key = `${form}|${version}`;
  let map = byForm.get(key);
  if (!map) {
    map = deepFreeze(buildGridMap(epreuve, form, version));
    byForm.set(key, map);
  }
  return map;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function buildGridMap(epreuve: Epreuve, form: FormId, version: number): GridMap {
  const g = geometry(epreuve, form, version);
  const [idRow1, idRow2] = g.grid.identityRows;
  const levels: Record<string, string> = {};
  for (const place of g.grid.blocs) {
    for (const [id, row] of Object.entries(place.rows)) levels[id] = a1(row, COL.level);
  }
  return {
    layoutVersion: version,
    form,
    identity: {
      nom: a1(idRow1, COL.leftValue),
      prenom: a1(idRow1, COL.rightValue),
      number: a1(idRow2, COL.leftValue),
      group: a1(idRow2, COL.rightValue),
    },
    status: a1(g.grid.statusRow, COL.leftValue),
    nvMotifs: g.grid.motifRows.map((r) => a1(r, COL.level)),
    activity: a1(g.grid.activityRow, COL.leftValue),
    levels,
    note: a1(g.grid.noteRow, COL.level),
    parts: g.fiche.parts.map((p) => ({
      partId: p.part.id,
      date: p.dateRow === null ? null : a1(p.dateRow, COL.leftValue),
      appreciation: a1(p.appreciationRow, COL.number),
      members: p.memberRows.map((r) => a1(r, COL.leftValue)),
    })),
    fiche: ficheCells(g),
    date: header(g, 'date'),
    commissionNumber: header(g, 'commission'),
    members: g.grid.memberRows.map((r) => a1(r, COL.leftValue)),
    check: {
      status: a1(g.grid.statusRow, HELPER_COL),
      activity: a1(g.grid.activityRow, HELPER_COL),
      note: a1(g.grid.noteRow, HELPER_COL),
      levels: Object.fromEntries(
        Object.entries(levels).map(([id, cell]) => [id, a1(parseA1(cell).r, HELPER_COL)]),
      ),
      motifs: g.grid.motifRows.map((r) => a1(r, HELPER_COL)),
      corrections: a1(g.grid.progressRow, HELPER_COL),
    },
    missingCount: a1(g.grid.progressRow, COL.level),
    statusText: a1(g.grid.progressRow, COL.leftValue),
    advisory: a1(g.grid.advisoryRow, COL.leftValue),
    readRange: rangeA1({ r1: 1, c1: 1, r2: g.lastRow, c2: MARKER_COL }),
  };
}

import { a1, parseRange } from '../spec/a1';
import type { GridMap } from './map-types';
import { MARKER_RANGE } from './marker';

/** An A1 reference as the maps write them. */
const A1_REF = /^[A-Z]{1,3}[1-9][0-9]*$/;

const lists = new WeakMap<GridMap, readonly string[]>();

/**
 * Every cell of a tab that reading it looks at: each cell of its map (readAssessment reads a tab through
 * it alone) and the marker column. A class read passes them with the tab's range, so that the file engine
 * decodes these few dozen cells rather than the tab's hundred labels as well. Built once per map.
 */
export function gridReadCells(map: GridMap): readonly string[] {
  let cells = lists.get(map);
  if (!cells) {
    const found = new Set<string>();
    for (const cell of markerCells()) found.add(cell);
    collect(map, found);
    cells = Object.freeze(Array.from(found));
    lists.set(map, cells);
  }
  return cells;
}

function markerCells(): string[] {
  const box = parseRange(MARKER_RANGE);
  const cells: string[] = [];
  for (let r = box.r1; r <= box.r2; r++) cells.push(a1(r, box.c1));
  return cells;
}

/** The A1 references among the map's values, at any depth (readRange, a rectangle, is not one). */
function collect(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (A1_REF.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== 'readRange') collect(item, into);
  }
}

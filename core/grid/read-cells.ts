import type { Epreuve } from '../referentiel/types';
import { a1, parseRange, rangeA1, type RangeBox } from '../spec/a1';
import { FIRST_LAYOUT_VERSION, LAYOUT_VERSION } from './geometry';
import { gridMap } from './map';
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

/** What a host may read of every sheet along with its marker (see tabReadBlock). */
export interface TabReadBlock {
  /** The smallest A1 range holding the marker column and every map's read range. */
  range: string;
  /** The marker's cells and every map's cells, each once. */
  cells: readonly string[];
}

const blocks = new WeakMap<Epreuve, TabReadBlock>();

/**
 * Every cell a class read could ask of a tab, whatever its form and layout version: a host that must
 * pass over a sheet to read its marker may take these cells on the same pass, and answer the tab read
 * that follows without passing over the sheet again. Built once per épreuve, from the maps themselves.
 */
export function tabReadBlock(epreuve: Epreuve): TabReadBlock {
  let block = blocks.get(epreuve);
  if (!block) {
    const cells = new Set<string>();
    let box = parseRange(MARKER_RANGE);
    for (const form of epreuve.forms) {
      for (let version = FIRST_LAYOUT_VERSION; version <= LAYOUT_VERSION; version++) {
        const map = gridMap(epreuve, form.id, version);
        for (const cell of gridReadCells(map)) cells.add(cell);
        box = union(box, parseRange(map.readRange));
      }
    }
    block = Object.freeze({ range: rangeA1(box), cells: Object.freeze(Array.from(cells)) });
    blocks.set(epreuve, block);
  }
  return block;
}

function union(a: RangeBox, b: RangeBox): RangeBox {
  return {
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
    r2: Math.max(a.r2, b.r2),
    c2: Math.max(a.c2, b.c2),
  };
}

import type { CellValue } from '../core/spec';
import type { GasCache } from './gas-types';

/**
 * What a chunk knows of the workbook without reading it: every tab in order with its gid (when known)
 * and the values of its marker column. Kept in CacheService's document cache between the executions
 * of one run, so that chunk k does not re-read the markers of the tabs chunks 1…k−1 created (that
 * re-reading made late chunks cost ~3 calls per existing tab).
 */
export interface CachedSheet {
  name: string;
  gid: number;
  marker: CellValue[];
}

export interface ScanState {
  sheets: CachedSheet[];
}

const PREFIX = 'grilles-e4:scan:v2';
const META = `${PREFIX}:meta`;
/** Under the documented 100 KB per value, with room for multi-byte characters. */
const SHARD_CHARS = 30_000;
/** 40 shards × 30 000 characters: far beyond 1 500 tabs (~200 characters each). */
const MAX_SHARDS = 40;
/** One run spans minutes; a stale state must not outlive it by much. */
export const CACHE_SECONDS = 1800;

function shardKey(i: number): string {
  return `${PREFIX}:${i}`;
}

type Encoded = string | number | boolean | null | { d: number };

function encode(value: CellValue): Encoded {
  return value instanceof Date ? { d: value.getTime() } : value;
}

function decode(value: Encoded): CellValue {
  return value !== null && typeof value === 'object' ? new Date(value.d) : value;
}

/** Writes the state: one putAll whatever its size. */
export function saveScan(cache: GasCache, state: ScanState): void {
  const json = JSON.stringify(
    state.sheets.map((s) => [s.name, s.gid, s.marker.map(encode)] as [string, number, Encoded[]]),
  );
  const shards = Math.ceil(json.length / SHARD_CHARS) || 1;
  if (shards > MAX_SHARDS) return;
  const values: Record<string, string> = {
    [META]: JSON.stringify({ count: state.sheets.length, shards }),
  };
  for (let i = 0; i < shards; i++) values[shardKey(i)] = json.slice(i * SHARD_CHARS, (i + 1) * SHARD_CHARS);
  cache.putAll(values, CACHE_SECONDS);
}

/** One getAll; null when anything is missing (Google may evict any entry at any time). */
export function loadScan(cache: GasCache): ScanState | null {
  const keys = [META, ...Array.from({ length: MAX_SHARDS }, (_, i) => shardKey(i))];
  const found = cache.getAll(keys);
  const meta = found[META];
  if (meta === undefined) return null;
  try {
    const { count, shards } = JSON.parse(meta) as { count: number; shards: number };
    let json = '';
    for (let i = 0; i < shards; i++) {
      const part = found[shardKey(i)];
      if (part === undefined) return null;
      json += part;
    }
    const rows = JSON.parse(json) as Array<[string, number, Encoded[]]>;
    if (rows.length !== count) return null;
    return { sheets: rows.map(([name, gid, marker]) => ({ name, gid, marker: marker.map(decode) })) };
  } catch {
    return null;
  }
}

/** Before a change: a state that an interrupted execution would leave wrong must not survive it. */
export function dropScan(cache: GasCache): void {
  cache.removeAll([META]);
}

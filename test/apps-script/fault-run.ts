import { benchDeps, roster } from '../../bench/apps-script-calls';
import { generateChunk, type ServerDeps } from '../../apps-script/server';
import { TEMPLATE_PREFIX } from '../../apps-script/host';
import { MARKER_MAGIC, MARKER_RANGE, readMarker } from '../../core/grid/marker';
import { parseRange } from '../../core/spec';
import type { FakeCache, FakeLock } from '../fakes/apps-script';
import { FakeSpreadsheet, type FakeSheet } from '../fakes/apps-script';

/**
 * Fault injection over every call of a generation chunk, as the sidebar drives a run: a chunk fails
 * at call k (the execution ends there, its lock with it), the sidebar retries it `fresh`, then goes on
 * until nothing remains. The result is compared with the same run made without a fault.
 */
export const CLASS_SIZE = 32;
export const CHUNK = 16;
const MARKER = parseRange(MARKER_RANGE);

export interface World {
  spreadsheet: FakeSpreadsheet;
  deps: ServerDeps;
}

export function newClass(copiesProtections: boolean): World {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.copiesProtections = copiesProtections;
  spreadsheet.addSheetWithValues('Liste', roster(CLASS_SIZE));
  return { spreadsheet, deps: benchDeps(spreadsheet) };
}

/** An independent copy of a world: spreadsheet and document cache (a new execution, no lock held). */
export function cloneWorld(world: World): World {
  const spreadsheet = world.spreadsheet.clone();
  const deps = benchDeps(spreadsheet);
  for (const [k, v] of (world.deps.cache as FakeCache).store) (deps.cache as FakeCache).store.set(k, v);
  return { spreadsheet, deps };
}

export function chunk(world: World, fresh: boolean) {
  return generateChunk(world.deps, { form: 'ccf', session: 2026, chunkSize: CHUNK, fresh });
}

/** Chunks until nothing remains; a failed chunk is retried `fresh`, as the sidebar's bridge does. */
export async function finish(world: World, fresh: boolean): Promise<number> {
  for (let attempt = 0, isFresh = fresh; attempt < 10; attempt++) {
    const result = await chunk(world, isFresh);
    if (result.remaining === 0) return result.remaining;
    isFresh = false;
  }
  throw new Error('the run never ends');
}

/** The execution died at the fault: Apps Script releases its lock when it ends. */
export function endExecution(world: World): void {
  (world.deps.lock as FakeLock).held = false;
  world.spreadsheet.calls.disarm();
}

export function markerOf(sheet: FakeSheet) {
  const values = [];
  for (let r = MARKER.r1; r <= MARKER.r2; r++) values.push([sheet.peek(r, MARKER.c1)?.value ?? '']);
  return readMarker(values);
}

export function gridTabs(spreadsheet: FakeSpreadsheet): FakeSheet[] {
  return spreadsheet.sheets.filter(
    (s) => !s.name.startsWith(TEMPLATE_PREFIX) && markerOf(s)?.kind === 'grid',
  );
}

/**
 * What a tab holds that a fault could leave wrong: every cell's value and formula (its own cells, the
 * entries), its protection (warning only, input ranges), its size and visibility. Formats, rules and
 * merges come whole with the duplicateSheet copy, in the same atomic batchUpdate.
 */
export function tabContent(sheet: FakeSheet): string {
  const cells: string[] = [];
  for (const [k, c] of sheet.cells)
    if (c.value !== '' || c.formula !== undefined) cells.push(`${k}=${String(c.value)}${c.formula ?? ''}`);
  cells.sort();
  const protections = sheet.protections.map((p) => `${p.warningOnly}:${p.unprotected.join(',')}`);
  return `${cells.join('|')}#${protections.join('/')}#${sheet.maxRows}x${sheet.maxCols}#${sheet.hidden}`;
}

/** What the tests check after a run: by candidate number, the content of its tab; plus the order. */
export function snapshot(spreadsheet: FakeSpreadsheet) {
  const tabs = gridTabs(spreadsheet);
  const byNumber = new Map(tabs.map((t) => [markerOf(t)?.candidateNumber ?? '?', tabContent(t)]));
  const templates = spreadsheet.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX));
  return {
    count: tabs.length,
    byNumber,
    order: spreadsheet.sheets.map((s) => s.name).filter((n) => !n.startsWith(TEMPLATE_PREFIX)),
    templates: templates.map((t) => ({
      hidden: t.hidden,
      magic: t.peek(1, MARKER.c1)?.value === MARKER_MAGIC,
    })),
  };
}

/** Entries a teacher types into a tab: the input cells of the first grid rows, written straight into the fake. */
export function typeEntries(sheet: FakeSheet): void {
  for (const ref of sheet.protections[0]?.unprotected.slice(0, 6) ?? []) {
    const box = parseRange(ref);
    sheet.cell(box.r1, box.c1).value = `saisie ${sheet.name}`;
  }
}

/**
 * A fault at every call of a chunk (the first: template built, 28 copies; the last: 4 copies and
 * « Suivi E4 »), with duplicateSheet copying protections or not: after the sidebar's resume, no tab is
 * incomplete (every tab equals the one a run without fault makes), no entry typed in an earlier tab is
 * touched, the template is hidden and holds no candidate's marker, the tabs stay together in roster
 * order.
 */
export function faultSuite(copies: boolean): void {
  describe(`a fault at every call of a chunk (protections copied: ${copies})`, () => {
    async function reference(entries: boolean) {
      const world = newClass(copies);
      await chunk(world, true);
      if (entries) for (const tab of gridTabs(world.spreadsheet)) typeEntries(tab);
      await finish(world, false);
      return snapshot(world.spreadsheet);
    }

    async function callsOf(base: World, fresh: boolean): Promise<number> {
      const world = cloneWorld(base);
      await chunk(world, fresh);
      return world.spreadsheet.calls.total;
    }

    async function faultedRun(k: number, base: World, fresh: boolean) {
      const world = cloneWorld(base);
      world.spreadsheet.calls.failAt(k);
      // Most faults stop the chunk; a few are absorbed (a read past a trimmed tab's edge is retried clipped).
      await chunk(world, fresh).catch(() => undefined);
      endExecution(world);
      await finish(world, true);
      return snapshot(world.spreadsheet);
    }

    const scenarios: Array<[string, (w: World) => Promise<void>, boolean, boolean]> = [
      ['first', async () => {}, true, false],
      [
        'last',
        async (w) => {
          await chunk(w, true);
          for (const tab of gridTabs(w.spreadsheet)) typeEntries(tab);
        },
        false,
        true,
      ],
    ];

    it.each(scenarios)(
      '%s chunk',
      async (_name, prepare, fresh, entriesBefore) => {
        const expected = await reference(entriesBefore);
        expect(expected.count).toBe(CLASS_SIZE);
        const base = newClass(copies);
        await prepare(base);
        const calls = await callsOf(base, fresh);
        const failures: string[] = [];
        for (let k = 1; k <= calls; k++) {
          const got = await faultedRun(k, base, fresh);
          const wrong = [...expected.byNumber.entries()]
            .filter(([number, content]) => got.byNumber.get(number) !== content)
            .map(([number]) => number);
          if (got.count !== CLASS_SIZE || wrong.length > 0)
            failures.push(`call ${k}: ${got.count} tabs, incomplete or changed: ${wrong.join(' ')}`);
          if (got.templates.some((t) => !t.hidden || t.magic))
            failures.push(`call ${k}: template ${JSON.stringify(got.templates)}`);
          if (got.order.join('|') !== expected.order.join('|'))
            failures.push(`call ${k}: order ${got.order.join('|')}`);
        }
        // Lock, cache, listing, roster read, the batchUpdate(s): every one of them is faulted.
        expect(calls).toBeGreaterThan(8);
        expect(failures).toEqual([]);
      },
      300_000,
    );
  });
}

import {
  benchDeps,
  documentCalls,
  generationChunks,
  modelledMs,
  roster,
} from '../../bench/apps-script-calls';
import { generateChunk, runControl } from '../../apps-script/server';
import { FakeSpreadsheet } from '../fakes/apps-script';
import type { FakeCache, FakeSheetsApi } from '../fakes/apps-script';

/**
 * The call budget, pinned on the strict fake's call counts (not on timings): a chunk writes everything
 * in one batchUpdate (no call per tab), a later chunk does not grow with the tabs already made, reading
 * every tab costs at most 2 calls per tab, and the modelled time of each server call stays under 30 s.
 */
function classOf(n: number) {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Liste', roster(n));
  return { spreadsheet, deps: benchDeps(spreadsheet) };
}

function gridTabs(spreadsheet: FakeSpreadsheet): string[] {
  return spreadsheet.sheets.filter((s) => s.at('K2')?.value === 'grid' && !s.hidden).map((s) => s.name);
}

describe('Apps Script call budget', () => {
  it('makes a chunk in a constant number of calls, whatever its tabs and the tabs already made', async () => {
    const { spreadsheet, deps } = classOf(230);
    const chunks = await generationChunks(spreadsheet, deps);
    // 70 tabs with the template, then 40, 40, 40 and the last 40 with « Suivi E4 ».
    expect(chunks.map((c) => c.created)).toEqual([70, 40, 40, 40, 40]);
    const middle = chunks.slice(1, 4).map((c) => c.documentCalls);
    expect(new Set(middle).size).toBe(1);
    // Lock, cache, one get, the roster read, one batchUpdate: no call per tab.
    for (const chunk of chunks) expect(chunk.documentCalls).toBeLessThanOrEqual(30);
    expect(gridTabs(spreadsheet)).toHaveLength(230);
  });

  it.each([
    [32, true],
    [32, false],
    [600, true],
    [600, false],
  ])(
    'keeps the first, every middle and the last chunk within 5 calls per tab + 30 (%i candidates, protections copied: %s)',
    async (n, copies) => {
      const { spreadsheet, deps } = classOf(n);
      spreadsheet.copiesProtections = copies;
      const chunks = await generationChunks(spreadsheet, deps);
      expect(chunks.length).toBe(n === 32 ? 1 : 14);
      for (const chunk of chunks) expect(chunk.documentCalls).toBeLessThanOrEqual(5 * chunk.created + 30);
      const tabs = spreadsheet.sheets.filter((s) => s.at('K2')?.value === 'grid' && !s.hidden);
      expect(tabs).toHaveLength(n);
      // Protected by construction whether duplicateSheet copies protections or not: exactly once each.
      expect(tabs.filter((t) => t.protections.length !== 1)).toEqual([]);
    },
    120_000,
  );

  it('costs the same whether duplicateSheet copies protections or not', async () => {
    const costs = [];
    for (const copies of [true, false]) {
      const { spreadsheet, deps } = classOf(150);
      spreadsheet.copiesProtections = copies;
      costs.push((await generationChunks(spreadsheet, deps)).map((c) => c.documentCalls));
    }
    expect(costs[0]).toEqual(costs[1]);
  });

  it('builds the styled template once, in one batchUpdate with the first tabs, then never again in the run', async () => {
    const { spreadsheet, deps } = classOf(150);
    const api = deps.sheetsApi as FakeSheetsApi;
    const chunks = await generationChunks(spreadsheet, deps);
    const kinds = api.batches.map((batch) => batch.filter((r) => r.addSheet !== undefined).length);
    // The first batch adds the template (and « Suivi E4 » comes with the last one).
    expect(kinds[0]).toBe(1);
    expect(kinds.slice(1, -1).every((k) => k === 0)).toBe(true);
    // One batchUpdate per chunk.
    expect(api.batches).toHaveLength(chunks.length);
  });

  it('reads every tab in at most 2 calls per tab (control), and stays under 30 s modelled at 1500 tabs', async () => {
    const cost = async (n: number) => {
      const { spreadsheet, deps } = classOf(n);
      await generationChunks(spreadsheet, deps);
      spreadsheet.calls.reset();
      await runControl(deps);
      const snapshot = spreadsheet.calls.snapshot();
      return {
        calls: documentCalls(snapshot),
        ms: modelledMs(snapshot, Object.fromEntries(spreadsheet.calls.requests)),
      };
    };
    const fifty = await cost(50);
    const hundred = await cost(100);
    expect((hundred.calls - fifty.calls) / 50).toBeLessThanOrEqual(2.1);
    const perTab = (hundred.ms - fifty.ms) / 50;
    expect(fifty.ms + perTab * 1450).toBeLessThan(30_000);
  });

  it('keeps every generation chunk under 30 s modelled', async () => {
    const { spreadsheet, deps } = classOf(120);
    for (const chunk of await generationChunks(spreadsheet, deps)) expect(chunk.ms).toBeLessThan(30_000);
  });
});

describe('Apps Script chunks and the cached tab list', () => {
  it('reads the tabs again when the tabs changed since the last chunk (another user, a teacher)', async () => {
    const { spreadsheet, deps } = classOf(60);
    await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 20, fresh: true });
    spreadsheet.insertSheet('Notes du prof', 1);
    spreadsheet.calls.reset();
    await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 20, fresh: false });
    expect(spreadsheet.calls.get('Sheet.getName')).toBeGreaterThan(20);
    spreadsheet.calls.reset();
    await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 20, fresh: false });
    expect(spreadsheet.calls.get('Sheet.getName')).toBe(0);
    expect(gridTabs(spreadsheet)).toHaveLength(60);
  });

  it('sees a candidate tab deleted and another tab added between two chunks (same count): every candidate ends with a tab', async () => {
    const { spreadsheet, deps } = classOf(60);
    const first = await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 20, fresh: true });
    expect(first.created).toHaveLength(35);
    const count = spreadsheet.sheets.length;
    spreadsheet.sheets = spreadsheet.sheets.filter((s) => s.name !== 'NOM7 Prénom7');
    spreadsheet.addSheetWithValues('Notes du prof', [['à garder']]);
    expect(spreadsheet.sheets.length).toBe(count);
    let result = await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 20, fresh: false });
    while (result.remaining > 0)
      result = await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 20, fresh: false });
    const names = gridTabs(spreadsheet);
    expect(names).toHaveLength(60);
    expect(names).toContain('NOM7 Prénom7');
    expect(spreadsheet.sheet('Notes du prof').at('A1')?.value).toBe('à garder');
  });

  it('never duplicates a tab when another run created some between two chunks, or the cache was evicted', async () => {
    const { spreadsheet, deps } = classOf(90);
    await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 30, fresh: true });
    // A colleague's run: its own first chunk, on the same document cache.
    await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 30, fresh: true });
    (deps.cache as FakeCache).evict();
    const last = await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 30, fresh: false });
    expect(last.remaining).toBe(0);
    const names = gridTabs(spreadsheet);
    expect(names).toHaveLength(90);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(90);
    const again = await generateChunk(deps, { form: 'ccf', session: 2026, chunkSize: 30, fresh: false });
    expect(again.created).toEqual([]);
    expect(again.existing).toBe(90);
  });

  it('creates visible tabs even when copies of a hidden sheet would stay hidden, and hides the template again', async () => {
    for (const keepHidden of [true, false]) {
      const { spreadsheet, deps } = classOf(50);
      spreadsheet.copiesKeepHidden = keepHidden;
      await generationChunks(spreadsheet, deps);
      expect(spreadsheet.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual([
        expect.stringMatching(/^~modèle E4 /),
      ]);
    }
  });
});

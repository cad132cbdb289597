import {
  benchDeps,
  documentCalls,
  generationChunks,
  modelledMs,
  roster,
} from '../../bench/apps-script-calls';
import { generateChunk, runControl } from '../../apps-script/server';
import { FakeSpreadsheet } from '../fakes/apps-script';
import type { FakeCache } from '../fakes/apps-script';

/**
 * The call budget, pinned on the strict fake's call counts (not on timings): a tab costs 3 calls once
 * the template exists, a later chunk does not grow with the tabs already made, reading every tab costs
 * at most 2 calls per tab, and the modelled time of each server call stays under 30 s.
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
  it('creates a tab in 3 document calls, and a later chunk costs the same whatever the tabs already made', async () => {
    const { spreadsheet, deps } = classOf(230);
    const chunks = await generationChunks(spreadsheet, deps);
    // 70 tabs with the template, then 40, 40, 40 and the last 40 with « Suivi E4 ».
    expect(chunks.map((c) => c.created)).toEqual([70, 40, 40, 40, 40]);
    const middle = chunks.slice(1, 4).map((c) => c.documentCalls);
    expect(new Set(middle).size).toBe(1);
    // 40 tabs × 3 calls + a per-chunk constant (lock, cache, roster read, template shown/blanked/hidden).
    expect(middle[0] - 40 * 3).toBeLessThanOrEqual(30);
    expect(gridTabs(spreadsheet)).toHaveLength(230);
  });

  it('keeps every chunk, the first (template built) and the last (« Suivi E4 ») included, within 5 calls per tab + 30 when protections are copied', async () => {
    const { spreadsheet, deps } = classOf(230);
    for (const chunk of await generationChunks(spreadsheet, deps))
      expect(chunk.documentCalls).toBeLessThanOrEqual(5 * chunk.created + 30);
  });

  it('protects each copy in 5 more calls when insertSheet does not copy protections', async () => {
    const costs = [];
    for (const copies of [true, false]) {
      const { spreadsheet, deps } = classOf(150);
      spreadsheet.copiesProtections = copies;
      costs.push((await generationChunks(spreadsheet, deps)).map((c) => c.documentCalls));
    }
    const [copied, notCopied] = costs;
    expect(notCopied[1] - copied[1]).toBe(40 * 5);
  });

  it('builds the styled template once, in a bounded number of calls, then never again in the run', async () => {
    const { spreadsheet, deps } = classOf(150);
    const [first, second] = await generationChunks(spreadsheet, deps);
    expect(first.documentCalls - first.created * 3).toBeLessThanOrEqual(160);
    expect(second.documentCalls - second.created * 3).toBeLessThanOrEqual(30);
  });

  it('reads every tab in at most 2 calls per tab (control), and stays under 30 s modelled at 1500 tabs', async () => {
    const cost = async (n: number) => {
      const { spreadsheet, deps } = classOf(n);
      await generationChunks(spreadsheet, deps);
      spreadsheet.calls.reset();
      await runControl(deps);
      const snapshot = spreadsheet.calls.snapshot();
      return { calls: documentCalls(snapshot), ms: modelledMs(snapshot) };
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
  it('lists the tabs again when the sheet count changed since the last chunk (another user, a teacher)', async () => {
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

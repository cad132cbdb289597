import { benchDeps, roster } from '../../bench/apps-script-calls';
import { generateChunk, runControl, type ServerDeps } from '../../apps-script/server';
import { TEMPLATE_PREFIX } from '../../apps-script/host';
import { MARKER_MAGIC } from '../../core/grid/marker';
import { FakeSpreadsheet, type FakeLock } from '../fakes/apps-script';
import { gridTabs, markerOf } from './fault-run';

function classOf(n: number, copiesProtections = true) {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.copiesProtections = copiesProtections;
  spreadsheet.addSheetWithValues('Liste', roster(n));
  return { spreadsheet, deps: benchDeps(spreadsheet) };
}

function chunk(deps: ServerDeps, chunkSize: number, fresh: boolean) {
  return generateChunk(deps, { form: 'ccf', session: 2026, chunkSize, fresh });
}

/** A chunk that dies at a fault; its execution ends (the lock goes with it). */
async function dies(spreadsheet: FakeSpreadsheet, deps: ServerDeps, run: () => Promise<unknown>) {
  await expect(run()).rejects.toThrow(/timed out/);
  (deps.lock as FakeLock).held = false;
  spreadsheet.calls.disarm();
}

function templates(spreadsheet: FakeSpreadsheet) {
  return spreadsheet.sheets.filter((s) => s.name.startsWith(TEMPLATE_PREFIX));
}

describe('a generation stopped by a fault, then resumed', () => {
  it('creates a tab whole or not at all: a fault at the batchUpdate leaves no tab, the retry makes them all', async () => {
    for (const copies of [true, false]) {
      const { spreadsheet, deps } = classOf(6, copies);
      spreadsheet.calls.failOn('Sheets.Spreadsheets.batchUpdate');
      await dies(spreadsheet, deps, () => chunk(deps, 6, true));
      expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Liste']);
      const result = await chunk(deps, 6, true);
      expect(result.remaining).toBe(0);
      const tabs = gridTabs(spreadsheet);
      expect(tabs).toHaveLength(6);
      for (const tab of tabs) {
        expect(tab.protections).toHaveLength(1);
        expect(tab.protections[0]).toMatchObject({
          warningOnly: true,
          unprotected: tabs[0].protections[0].unprotected,
        });
      }
      expect(tabs[0].protections[0].unprotected.length).toBeGreaterThan(10);
    }
  });

  it('protects again a candidate tab left without protection (an older version), entries untouched', async () => {
    const { spreadsheet, deps } = classOf(6, false);
    await chunk(deps, 3, true);
    const bare = spreadsheet.sheet('NOM2 Prénom2');
    const expected = bare.protections[0].unprotected;
    bare.protections = [];
    const input = (expected[0] ?? '').split(':')[0];
    bare.cell(Number(input.replace(/\D/g, '')), input.charCodeAt(0) - 64).value = 'saisie';
    // The chunk still has tabs to create: the protection comes from the plan's template.
    const result = await chunk(deps, 3, false);
    expect(result.remaining).toBe(0);
    expect(bare.protections).toHaveLength(1);
    expect(bare.protections[0]).toMatchObject({ warningOnly: true, unprotected: expected });
    expect(bare.at(input)?.value).toBe('saisie');
  });

  it('protects such a tab even when nothing is left to create, like its siblings', async () => {
    const { spreadsheet, deps } = classOf(4);
    await chunk(deps, 4, true);
    const bare = spreadsheet.sheet('NOM4 Prénom4');
    const expected = bare.protections[0].unprotected;
    bare.protections = [];
    const again = await chunk(deps, 4, true);
    expect(again).toMatchObject({ created: [], remaining: 0 });
    expect(bare.protections).toHaveLength(1);
    expect(bare.protections[0]).toMatchObject({ warningOnly: true, unprotected: expected });
  });

  it('hides the template again when something showed it, even when nothing is left to create', async () => {
    const { spreadsheet, deps } = classOf(5);
    await chunk(deps, 5, true);
    const [template] = templates(spreadsheet);
    template.hidden = false;
    const again = await chunk(deps, 5, true);
    expect(again.remaining).toBe(0);
    expect(template.hidden).toBe(true);
    expect(template.at('K1')?.value).not.toBe(MARKER_MAGIC);
    expect(template.protections).toEqual([]);
    // Unhidden and renamed by someone, it is not taken for a candidate's tab.
    template.name = 'Copie';
    expect(gridTabs(spreadsheet)).toHaveLength(5);
    expect(markerOf(template)).toBeNull();
  });

  it('blanks the candidate marker an older version left in a kept template', async () => {
    const { spreadsheet, deps } = classOf(6);
    await chunk(deps, 3, true);
    const [template] = templates(spreadsheet);
    const tab = gridTabs(spreadsheet)[0];
    for (let r = 1; r <= 14; r++) template.cell(r, 11).value = tab.peek(r, 11)?.value ?? '';
    expect(markerOf(template)).not.toBeNull();
    await chunk(deps, 3, true);
    expect(markerOf(template)).toBeNull();
    expect(gridTabs(spreadsheet)).toHaveLength(6);
  });

  it('leaves no candidate marker in the template after a complete run', async () => {
    const { spreadsheet, deps } = classOf(3);
    await chunk(deps, 3, true);
    const [template] = templates(spreadsheet);
    expect(template.hidden).toBe(true);
    expect(markerOf(template)).toBeNull();
    expect(template.at('B3')?.value ?? '').toBe('');
  });
});

describe('tab order', () => {
  it('keeps candidate tabs together, in roster order, before « Contrôle » and « Paramètres E4 »', async () => {
    const { spreadsheet, deps } = classOf(6);
    await chunk(deps, 3, true);
    await runControl(deps);
    spreadsheet.addSheetWithValues('Notes du prof', [['à garder']]);
    await chunk(deps, 3, true);
    const visible = spreadsheet.sheets.filter((s) => !s.hidden).map((s) => s.name);
    expect(visible).toEqual([
      'Suivi E4',
      'Liste',
      ...[1, 2, 3, 4, 5, 6].map((i) => `NOM${i} Prénom${i}`),
      'Contrôle',
      'Notes du prof',
    ]);
  });
});

describe('a tab renamed between two chunks', () => {
  it('is seen by the next chunk (the cached list is keyed on names and ids): every candidate gets a tab', async () => {
    const { spreadsheet, deps } = classOf(8);
    // The chunk that builds the template makes 1.75 × 3 = 5 tabs.
    expect((await chunk(deps, 3, true)).created).toHaveLength(5);
    spreadsheet.sheet('NOM1 Prénom1').name = 'NOM6 Prénom6';
    let result = await chunk(deps, 3, false);
    while (result.remaining > 0) result = await chunk(deps, 3, false);
    const tabs = gridTabs(spreadsheet);
    expect(tabs).toHaveLength(8);
    expect(new Set(tabs.map((t) => markerOf(t)?.candidateNumber)).size).toBe(8);
  });
});

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
  it('protects on resume a copy made before its protection was (insertSheet not copying protections)', async () => {
    const { spreadsheet, deps } = classOf(6, false);
    spreadsheet.calls.failOn('Protection.setUnprotectedRanges', 4);
    await dies(spreadsheet, deps, () => chunk(deps, 6, true));
    // The template is protected first: the 3rd copy is protected without its input cells.
    const half = spreadsheet.sheet('NOM3 Prénom3');
    expect(half.protections.map((p) => [p.warningOnly, p.unprotected.length])).toEqual([[true, 0]]);
    const result = await chunk(deps, 6, true);
    expect(result.remaining).toBe(0);
    const reference = spreadsheet.sheet('NOM1 Prénom1').protections[0];
    expect(reference.unprotected.length).toBeGreaterThan(10);
    for (const tab of gridTabs(spreadsheet)) {
      expect(tab.protections).toHaveLength(1);
      expect(tab.protections[0]).toMatchObject({ warningOnly: true, unprotected: reference.unprotected });
    }
  });

  it('repairs that copy even when the resumed run has nothing left to create', async () => {
    const { spreadsheet, deps } = classOf(4, false);
    spreadsheet.calls.failOn('Protection.setWarningOnly', 5);
    await dies(spreadsheet, deps, () => chunk(deps, 4, true));
    // The template, then copies 1–3; the 4th copy's protection is still a strict one without inputs.
    expect(spreadsheet.sheet('NOM4 Prénom4').protections).toMatchObject([
      { warningOnly: false, unprotected: [] },
    ]);
    const again = await chunk(deps, 4, true);
    expect(again).toMatchObject({ created: [], remaining: 0 });
    const tab = spreadsheet.sheet('NOM4 Prénom4');
    expect(tab.protections[0]).toMatchObject({ warningOnly: true });
    expect(tab.protections[0].unprotected).toEqual(
      spreadsheet.sheet('NOM1 Prénom1').protections[0].unprotected,
    );
  });

  it('hides the template again and leaves it no candidate marker, even when nothing is left to create', async () => {
    const { spreadsheet, deps } = classOf(5);
    spreadsheet.calls.failOn('Sheet.hideSheet');
    await dies(spreadsheet, deps, () => chunk(deps, 5, true));
    expect(templates(spreadsheet).map((t) => t.hidden)).toEqual([false]);
    const again = await chunk(deps, 5, true);
    expect(again.remaining).toBe(0);
    const [template] = templates(spreadsheet);
    expect(template.hidden).toBe(true);
    expect(template.at('K1')?.value).not.toBe(MARKER_MAGIC);
    // Unhidden and renamed by someone, it is not taken for a candidate's tab.
    template.name = 'Copie';
    expect(gridTabs(spreadsheet)).toHaveLength(5);
    expect(markerOf(template)).toBeNull();
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
  it('says in French that the name is taken, and the fresh retry recovers', async () => {
    const { spreadsheet, deps } = classOf(8);
    // The chunk that builds the template makes 1.75 × 3 = 5 tabs.
    expect((await chunk(deps, 3, true)).created).toHaveLength(5);
    spreadsheet.sheet('NOM1 Prénom1').name = 'NOM6 Prénom6';
    await expect(chunk(deps, 3, false)).rejects.toThrow(/Un onglet nommé « NOM6 Prénom6 » existe déjà/);
    const retry = await chunk(deps, 3, true);
    expect(retry.remaining).toBe(0);
    expect(gridTabs(spreadsheet)).toHaveLength(8);
  });
});

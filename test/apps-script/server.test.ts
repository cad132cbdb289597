import { benchDeps, generationChunks, roster } from '../../bench/apps-script-calls';
import {
  BUSY_MESSAGE,
  generateChunk,
  loadSettings,
  previewRoster,
  runControl,
  runStatistics,
  selectCell,
} from '../../apps-script/server';
import { unpackFindings } from '../../apps-script/findings-pack';
import { AppsScriptHost } from '../../apps-script/host';
import { runControl as controlWorkflow } from '../../core/workflows/control';
import { FakeSpreadsheet, type FakeLock, sheetsApiOf } from '../fakes/apps-script';
import { startEveryGrid } from '../helpers/start-grids';

function classOf(n: number) {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Liste', roster(n));
  return { spreadsheet, deps: benchDeps(spreadsheet) };
}

/** Two classes in one workbook, the second one's numbers and names distinct from the first. */
function twoClasses() {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Classe NDRC1', roster(3));
  const second = roster(5).map((row, i) =>
    i === 0 ? row : [`0${27_000_000 + i}`, `AUTRE${i}`, `Prénom${i}`, 'BTS NDRC 2'],
  );
  spreadsheet.addSheetWithValues('Classe NDRC2', second);
  return { spreadsheet, deps: benchDeps(spreadsheet) };
}

describe('previewRoster and the active sheet', () => {
  it('reads the active sheet, names it, and offers the other sheets', async () => {
    const { spreadsheet, deps } = twoClasses();
    spreadsheet.select('Classe NDRC2', 'B3');
    const preview = await previewRoster(deps);
    expect(preview.sheet).toBe('Classe NDRC2');
    expect(preview.candidates.map((c) => c.nom)).toEqual(['AUTRE1', 'AUTRE2', 'AUTRE3', 'AUTRE4', 'AUTRE5']);
    expect(preview.source).toEqual({ sheet: 'Classe NDRC2' });
    expect(preview.sheets).toEqual(['Classe NDRC1', 'Classe NDRC2']);
  });

  it('reads only the selected rows when the selection covers several cells', async () => {
    const { spreadsheet, deps } = twoClasses();
    spreadsheet.select('Classe NDRC2', 'A1:D3');
    const preview = await previewRoster(deps);
    expect(preview.candidates.map((c) => c.nom)).toEqual(['AUTRE1', 'AUTRE2']);
    expect(preview.source).toEqual({ sheet: 'Classe NDRC2', range: 'A1:D3' });
  });

  it('reads the sheet the user picks in the panel', async () => {
    const { spreadsheet, deps } = twoClasses();
    spreadsheet.select('Classe NDRC2');
    const preview = await previewRoster(deps, { sheet: 'Classe NDRC1' });
    expect(preview.sheet).toBe('Classe NDRC1');
    expect(preview.candidates).toHaveLength(3);
  });

  it('falls back to the first sheet with a roster when the active one holds none, and says which', async () => {
    const { spreadsheet, deps } = twoClasses();
    await generateChunk(deps, { form: 'ccf', session: 2026, roster: { sheet: 'Classe NDRC2' } });
    spreadsheet.select('AUTRE1 Prénom1');
    const preview = await previewRoster(deps);
    expect(preview.sheet).toBe('Classe NDRC1');
    expect(preview.source).toEqual({ sheet: 'Classe NDRC1' });
    expect(preview.sheets).toEqual(['Classe NDRC1', 'Classe NDRC2']);
  });

  it('generates from the roster the preview read', async () => {
    const { spreadsheet, deps } = twoClasses();
    spreadsheet.select('Classe NDRC2');
    const { source } = await previewRoster(deps);
    const result = await generateChunk(deps, { form: 'ccf', session: 2026, roster: source });
    expect(result.created).toHaveLength(5);
    expect(result.created.every((name) => name.startsWith('AUTRE'))).toBe(true);
  });
});

describe('loadSettings', () => {
  it('reads « Paramètres E4 » alone: the same few calls for 10 or 100 candidates', async () => {
    const settings = { academie: 'Créteil', etablissement: 'Lycée Jean Moulin', uai: '0930001A' };
    const callsFor = async (n: number) => {
      const { spreadsheet, deps } = classOf(n);
      await generationChunks(spreadsheet, deps);
      await runStatistics(deps, { settings, nominatif: false });
      spreadsheet.calls.reset();
      expect(await loadSettings(deps)).toEqual(settings);
      return spreadsheet.calls.total;
    };
    const small = await callsFor(10);
    expect(small).toBeLessThanOrEqual(5);
    expect(await callsFor(100)).toBe(small);
  });

  it('gives the defaults when the tab is absent, without reading the other tabs', async () => {
    const { spreadsheet, deps } = classOf(5);
    await generationChunks(spreadsheet, deps);
    spreadsheet.calls.reset();
    expect(await loadSettings(deps)).toEqual({ academie: 'SIEC', etablissement: '', uai: '' });
    expect(spreadsheet.calls.total).toBeLessThanOrEqual(5);
  });
});

describe('selectCell', () => {
  it('takes the document lock like every server function', async () => {
    const { spreadsheet, deps } = classOf(2);
    const lock = deps.lock as FakeLock;
    await selectCell(deps, 'Liste', 'B2');
    expect(lock.acquisitions).toBe(1);
    expect(lock.held).toBe(false);
    expect(spreadsheet.active).toEqual({ sheet: 'Liste', range: 'B2' });
    lock.otherHolder = true;
    await expect(selectCell(deps, 'Liste', 'C3')).rejects.toThrow(BUSY_MESSAGE);
  });
});

describe('runControl’s answer to the sidebar', () => {
  it('packs the findings: the same findings unpacked, in a fraction of the JSON', async () => {
    const { spreadsheet, deps } = classOf(60);
    await generationChunks(spreadsheet, deps);
    const host = new AppsScriptHost({ spreadsheet, sheetsApi: sheetsApiOf(spreadsheet) });
    await startEveryGrid(host);
    const answer = await runControl(deps);
    const direct = await controlWorkflow(host, { clock: deps.clock, write: false });
    expect(direct.findings.length).toBeGreaterThan(500);
    expect(unpackFindings(answer.packed)).toEqual(direct.findings);
    expect(answer.summary).toEqual(direct.summary);
    const sent = JSON.stringify(answer).length;
    expect(sent * 4).toBeLessThan(JSON.stringify({ ...direct, assessments: [] }).length);
  });
});

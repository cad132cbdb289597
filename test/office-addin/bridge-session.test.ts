import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { OfficeBridge } from '../../office-addin/bridge';
import { previewLines } from '../../ui/text';
import { FakeExcel } from '../fakes/excel';
import { loadXlsxFixture } from '../helpers/fixtures';
import { makeOfficeHost } from './make-host';

/**
 * The task pane follows the command line's rule: the roster « classe-ndrc2-ccf.xlsx » is titled
 * « Session 2026 — Épreuve E4 (CCF) » and in January 2027 the pane's default is 2027.
 */
const january2027 = (): Date => new Date(2027, 0, 15);

async function classWorkbook(): Promise<FakeExcel> {
  const [sheet] = await loadXlsxFixture('classe-ndrc2-ccf.xlsx');
  const excel = new FakeExcel();
  excel.addSheet(
    sheet.name,
    sheet.values.map((row) =>
      row.map((v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    ),
  );
  return excel;
}

function bridgeOver(excel: FakeExcel): OfficeBridge {
  return new OfficeBridge({
    run: (batch) => excel.run(batch),
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    openWorkbook: (base64) => excel.createWorkbook(base64),
    loadRenderer: () => Promise.reject(new Error('not used')),
    downloadUrl: () => 'blob:unused',
    clock: january2027,
  });
}

async function tabSessions(excel: FakeExcel): Promise<Set<number | undefined>> {
  const scan = await scanWorkbook(makeOfficeHost(excel).host);
  return new Set(sheetsOfKind(scan, 'grid').map((t) => t.marker.session));
}

describe('the Excel task pane: the session of the roster', () => {
  it('shows the title’s session in the preview, then creates the tabs in 2026 and says why', async () => {
    const excel = await classWorkbook();
    const bridge = bridgeOver(excel);
    expect(bridge.defaultSession()).toBe(2027);

    const preview = await bridge.previewRoster();
    expect(preview.session?.year).toBe(2026);
    expect(previewLines(preview)).toContain('Session 2026 (lue dans le titre de la liste)');

    const result = await bridge.generate({ form: 'ccf' }, () => undefined);
    expect(result.exitCode).toBe(0);
    expect(result.session).toMatchObject({ session: 2026, warning: false });
    expect(result.session?.message).toBe(
      "Session 2026 : la liste de la classe indique « Session 2026 — Épreuve E4 (CCF) » (ligne 2), et non 2027, l'année scolaire en cours.",
    );
    expect(await tabSessions(excel)).toEqual(new Set([2026]));
    const tab = sheetsOfKind(await scanWorkbook(makeOfficeHost(excel).host), 'grid')[0].sheet;
    const sheet = excel.model.sheets.find((s) => s.name === tab);
    expect(String(sheet?.cell(3, 1)?.value)).toContain('Session 2026');
  });

  it('keeps a year the teacher typed, with the warning the command line gives', async () => {
    const excel = await classWorkbook();
    const bridge = bridgeOver(excel);
    await bridge.previewRoster();
    const result = await bridge.generate({ form: 'ccf', session: 2027 }, () => undefined);
    expect(result.exitCode).toBe(1);
    expect(result.session).toMatchObject({ session: 2027, warning: true });
    expect(result.session?.message).toMatch(
      /^Avertissement : la liste de la classe indique « Session 2026 — Épreuve E4 \(CCF\) » \(ligne 2\), mais la session 2027 est indiquée dans le champ « Session »/,
    );
    expect(await tabSessions(excel)).toEqual(new Set([2027]));
  });
});

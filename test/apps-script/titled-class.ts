import { benchDeps } from '../../bench/apps-script-calls';
import type { ServerDeps } from '../../apps-script/server';
import { AppsScriptHost } from '../../apps-script/host';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { FakeSpreadsheet, sheetsApiOf } from '../fakes/apps-script';
import { loadXlsxFixture } from '../helpers/fixtures';

/** « classe-ndrc2-ccf.xlsx » is titled « Session 2026 — Épreuve E4 (CCF) »; the clock says January 2027. */
export const january2027 = (): Date => new Date(2027, 0, 15);

export async function titledClass(): Promise<{ spreadsheet: FakeSpreadsheet; deps: ServerDeps }> {
  const [sheet] = await loadXlsxFixture('classe-ndrc2-ccf.xlsx');
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues(sheet.name, sheet.values);
  return { spreadsheet, deps: { ...benchDeps(spreadsheet), clock: january2027 } };
}

export async function tabSessions(spreadsheet: FakeSpreadsheet): Promise<Set<number | undefined>> {
  const host = new AppsScriptHost({
    spreadsheet,
    sheetsApi: sheetsApiOf(spreadsheet),
  });
  return new Set(sheetsOfKind(await scanWorkbook(host), 'grid').map((t) => t.marker.session));
}

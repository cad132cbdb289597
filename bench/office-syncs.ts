/// <reference types="office-js" />
import { runControl } from '../core/workflows/control';
import { generateGrids } from '../core/workflows/generate';
import { previewRoster } from '../core/workflows/preview';
import { runStatistics } from '../core/workflows/statistics';
import { OfficeHost } from '../office-addin/host';
import { FakeExcel, type SyncRecord } from '../test/fakes/excel';
import { renderWorkbookSpec } from '../xlsx/render';
import { rosterValues } from './synthetic';

/** Round trips of the Excel add-in per step, measured on the strict fake (one `context.sync` = one round trip). */
export interface Row {
  candidates: number;
  step: 'Lire la liste' | 'Créer les onglets' | 'Contrôle' | 'Statistiques';
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

const clock = (): Date => new Date(2026, 9, 1);

function row(candidates: number, step: Row['step'], syncs: SyncRecord[]): Row {
  return {
    candidates,
    step,
    syncs: syncs.length,
    maxRequestBytes: Math.max(0, ...syncs.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(0, ...syncs.map((s) => s.responseBytes)),
  };
}

export async function officeSyncBudget(sizes: number[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of sizes) {
    const excel = new FakeExcel();
    excel.addSheet(
      'Liste',
      rosterValues(n).map((r) =>
        r.map((v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : v)),
      ),
    );
    const host = (): OfficeHost =>
      new OfficeHost({
        run: (batch) => excel.run(batch),
        features: { print: true },
        renderXlsx: renderWorkbookSpec,
        openWorkbook: (b64) => excel.createWorkbook(b64),
      });
    await previewRoster(host(), { sheet: 'Liste' });
    rows.push(row(n, 'Lire la liste', excel.syncs.splice(0)));
    await generateGrids(host(), { form: 'ccf', session: 2027, roster: { sheet: 'Liste' }, clock });
    rows.push(row(n, 'Créer les onglets', excel.syncs.splice(0)));
    await runControl(host(), { clock, write: true });
    rows.push(row(n, 'Contrôle', excel.syncs.splice(0)));
    await runStatistics(host(), {
      clock,
      nominatif: false,
      persistSettings: true,
      settings: { etablissement: 'Lycée', uai: '0750001A' },
    });
    rows.push(row(n, 'Statistiques', excel.syncs.splice(0)));
  }
  return rows;
}

/** Prints the table; `node build/bench/office-syncs.js` alone runs 35 / 600 / 1500. */
export function printOfficeSyncs(rows: Row[]): void {
  console.log('\n## Excel (Office.js) : allers-retours par étape (faux Excel strict)');
  console.log('| candidats | étape | syncs | plus grosse requête | plus grosse réponse |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.candidates} | ${r.step} | ${r.syncs} | ${(r.maxRequestBytes / 1024).toFixed(0)} Ko | ${(r.maxResponseBytes / 1024).toFixed(0)} Ko |`,
    );
  }
}

if (require.main === module) {
  officeSyncBudget([35, 600, 1500]).then(printOfficeSyncs, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

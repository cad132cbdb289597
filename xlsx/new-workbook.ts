import { E4 } from '../core/referentiel';
import type { Epreuve } from '../core/referentiel/types';
import type { WorkbookSpec } from '../core/spec/types';
import { statisticsCharts } from '../core/stats/charts';
import { addChartsToPackage } from './charts/package-charts';
import { checkPackage } from './package/check';
import { renderWorkbookPackage } from './package/workbook-render';

/**
 * A new workbook from a spec, written by the package engine (no exceljs), with the statistics charts when
 * the spec is a statistics workbook (no chart otherwise). Free of Node APIs, like the rest of the engine.
 */
export async function newWorkbookBytes(spec: WorkbookSpec, epreuve: Epreuve = E4): Promise<Uint8Array> {
  const pkg = await renderWorkbookPackage(spec);
  addChartsToPackage(pkg, statisticsCharts(epreuve, spec));
  const bytes = pkg.toBytes();
  checkPackage(bytes, new Map(pkg.names().map((n) => [n, pkg.text(n) ?? ''] as const)));
  return bytes;
}

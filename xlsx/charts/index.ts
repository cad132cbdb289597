import { E4 } from '../../core/referentiel';
import type { Epreuve } from '../../core/referentiel/types';
import type { WorkbookSpec } from '../../core/spec/types';
import { statisticsCharts } from '../../core/stats/charts';
import { renderWorkbookSpec } from '../render';
import { addCharts } from './add-charts';

export { addCharts } from './add-charts';

/** The statistics workbook's .xlsx (as rendered from `spec`) with its native charts. */
export async function withStatisticsCharts(
  bytes: Uint8Array,
  spec: WorkbookSpec,
  epreuve: Epreuve = E4,
): Promise<Uint8Array> {
  return addCharts(bytes, statisticsCharts(epreuve, spec));
}

/**
 * A new workbook from a spec, with the statistics charts when the spec is a statistics workbook (no chart
 * otherwise): the renderer the Excel pane uses for « Statistiques », so that Excel opens the charts too.
 */
export async function renderWithStatisticsCharts(spec: WorkbookSpec): Promise<Uint8Array> {
  return withStatisticsCharts(await renderWorkbookSpec(spec), spec);
}

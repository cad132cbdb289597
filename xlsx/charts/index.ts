import { E4 } from '../../core/referentiel';
import type { Epreuve } from '../../core/referentiel/types';
import type { WorkbookSpec } from '../../core/spec/types';
import { statisticsCharts } from '../../core/stats/charts';
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

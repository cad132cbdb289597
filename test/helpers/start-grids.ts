import { gridMap } from '../../core/grid/map';
import type { HostPort } from '../../core/port';
import { E4 } from '../../core/referentiel';
import type { FormId } from '../../core/referentiel/types';
import { parseA1 } from '../../core/spec/a1';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';

/**
 * Types one value into every candidate tab, as a teacher who started each grid: a blank grid is one
 * « Non commencée » line in « Contrôle », a started one lists each missing item with its cell.
 */
export async function startEveryGrid(host: HostPort, form: FormId = 'ccf'): Promise<void> {
  const tabs = sheetsOfKind(await scanWorkbook(host), 'grid');
  // One level positioned: the grid is started, every other level is still missing.
  const { r, c } = parseA1(Object.values(gridMap(E4, form).levels)[0]);
  await host.apply({
    templates: {},
    add: [],
    replace: [],
    updates: tabs.map((t) => ({ sheet: t.sheet, cells: [{ r, c, value: 'S' }] })),
  });
}

import { gridMap } from '../../core/grid/map';
import { markerCell } from '../../core/grid/marker';
import type { HostPort } from '../../core/port';
import { E4 } from '../../core/referentiel';
import { parseA1 } from '../../core/spec/a1';
import type { CellValue } from '../../core/spec/types';
import { RECAP_SHEET } from '../../core/grid/naming';
import { generateGrids } from '../../core/workflows/generate';
import { numberCorrectionText } from '../../core/workflows/number-corrections';
import { previewRoster } from '../../core/workflows/preview';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';

/**
 * Issue 10, case 3, in every host: a N° candidat corrected in the roster after grading keeps the graded
 * tab (re-linked by NOM, Prénom and birth date), the preview announces it before anything is applied, and
 * the creation then updates the number and nothing else.
 */

const clock = (): Date => new Date('2026-03-01T10:00:00Z');
const options = { form: 'ccf', session: 2026, roster: { sheet: 'Liste' }, clock } as const;
const map = gridMap(E4, 'ccf');

function roster(numbers: [string, string]): Array<{ r: number; c: number; value: CellValue }> {
  return rosterCells([
    [numbers[0], 'DUPONT', 'Marie', '12/03/2005'],
    [numbers[1], 'MARTIN', 'Léa', '01/01/2005'],
  ]);
}

function rosterCells(rows: string[][]): Array<{ r: number; c: number; value: CellValue }> {
  return [['N° candidat', 'Nom', 'Prénom', 'Date de naissance'], ...rows].flatMap((row, r) =>
    row.map((value, c) => ({ r: r + 1, c: c + 1, value })),
  );
}

async function write(
  host: HostPort,
  sheet: string,
  cells: Array<{ r: number; c: number; value: CellValue }>,
) {
  await host.apply({ templates: {}, add: [], replace: [], updates: [{ sheet, cells }] });
}

async function one(host: HostPort, sheet: string, range: string): Promise<CellValue> {
  const [values] = await host.readRanges([{ sheet, range }]);
  return values[0]?.[0] ?? null;
}

export function runIdentityContract(name: string, makeHost: () => Promise<HostPort>): void {
  describe(`identity contract: ${name}`, () => {
    it('keeps the graded tab through a corrected number, shown in the preview first', async () => {
      const host = await makeHost();
      await host.apply({
        templates: {},
        add: [],
        replace: [],
        updates: [{ sheet: 'Liste', cells: roster(['02600007918', '02600007920']) }],
      });
      const first = await generateGrids(host, options);
      expect(first.created).toEqual(['DUPONT Marie', 'MARTIN Léa']);
      await host.apply({
        templates: {},
        add: [],
        replace: [],
        updates: [{ sheet: 'DUPONT Marie', cells: [{ ...parseA1(map.note), value: 15 }] }],
      });
      await host.apply({
        templates: {},
        add: [],
        replace: [],
        updates: [{ sheet: 'Liste', cells: [{ r: 2, c: 1, value: '02600007919' }] }],
      });

      const preview = await previewRoster(host, { sheet: 'Liste' });
      expect(preview.relinks).toEqual([
        {
          sheet: 'DUPONT Marie',
          nom: 'DUPONT',
          prenom: 'Marie',
          from: '02600007918',
          to: '02600007919',
          relinked: true,
        },
      ]);
      // Nothing is applied by the preview.
      expect(await one(host, 'DUPONT Marie', markerCell('candidateNumber'))).toBe('02600007918');

      const sheetsBefore = await host.listSheets();
      const rerun = await generateGrids(host, options);
      expect(rerun.created).toEqual([]);
      expect(rerun.existing).toBe(2);
      expect(rerun.orphans).toEqual([]);
      expect(rerun.relinked).toEqual(preview.relinks);
      expect(rerun.exitCode).toBe(1);
      expect(await host.listSheets()).toEqual(sheetsBefore);
      expect(await one(host, 'DUPONT Marie', markerCell('candidateNumber'))).toBe('02600007919');
      expect(await one(host, 'DUPONT Marie', map.note)).toBe(15);
      const tabs = sheetsOfKind(await scanWorkbook(host), 'grid');
      expect(tabs.map((t) => [t.sheet, t.marker.candidateNumber])).toEqual([
        ['DUPONT Marie', '02600007919'],
        ['MARTIN Léa', '02600007920'],
      ]);
    });

    it('renames a re-linked homonym tab whose name carried the old number, nothing else touched', async () => {
      const host = await makeHost();
      await write(
        host,
        'Liste',
        rosterCells([
          ['02600000001', 'DUPONT', 'Marie', '12/03/2005'],
          ['02600000002', 'DUPONT', 'Marie', '14/07/2004'],
          ['02600000009', 'MARTIN', 'Léa', '01/01/2005'],
        ]),
      );
      const first = await generateGrids(host, options);
      expect(first.created).toEqual(['DUPONT Marie', 'DUPONT Marie 02600000002', 'MARTIN Léa']);
      await write(host, 'DUPONT Marie 02600000002', [{ ...parseA1(map.note), value: 12 }]);
      // The second Marie's number had a typo: corrected in the roster after grading.
      await write(host, 'Liste', [{ r: 3, c: 1, value: '02600000003' }]);

      const preview = await previewRoster(host, { sheet: 'Liste' });
      const correction = {
        sheet: 'DUPONT Marie 02600000002',
        newName: 'DUPONT Marie 02600000003',
        nom: 'DUPONT',
        prenom: 'Marie',
        from: '02600000002',
        to: '02600000003',
        relinked: true,
      };
      expect(preview.relinks).toEqual([correction]);
      expect(await host.listSheets()).toContain('DUPONT Marie 02600000002');

      const order = (await host.listSheets()).map((n) =>
        n === 'DUPONT Marie 02600000002' ? 'DUPONT Marie 02600000003' : n,
      );
      const rerun = await generateGrids(host, options);
      expect(rerun.created).toEqual([]);
      expect(rerun.orphans).toEqual([]);
      expect(rerun.relinked).toEqual([correction]);
      expect(numberCorrectionText(correction)).toContain('renommé « DUPONT Marie 02600000003 »');
      // Renamed where it stands: same place, same grades, the new number in its identity.
      expect(await host.listSheets()).toEqual(order);
      expect(await one(host, 'DUPONT Marie 02600000003', map.note)).toBe(12);
      expect(await one(host, 'DUPONT Marie 02600000003', markerCell('candidateNumber'))).toBe('02600000003');
      expect(await one(host, 'DUPONT Marie', markerCell('candidateNumber'))).toBe('02600000001');
      const [recap] = await host.readRanges([{ sheet: RECAP_SHEET }]);
      const texts = recap.flat().map((v) => String(v ?? ''));
      expect(texts.some((t) => t.includes('DUPONT Marie 02600000003'))).toBe(true);
      expect(texts.some((t) => t.includes('DUPONT Marie 02600000002'))).toBe(false);

      // A third run finds everything in place: no rename, nothing to report.
      const again = await generateGrids(host, options);
      expect(again.relinked).toEqual([]);
      expect(again.exitCode).toBe(0);
      expect(await host.listSheets()).toEqual(order);
    });
  });
}

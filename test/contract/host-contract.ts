import { emptyPlan, type HostPort } from '../../core/port';
import type { CellSpec, CellValue, SheetSpec } from '../../core/spec/types';
import { buildGridTemplate } from './contract-spec';

/**
 * One plan through a host, the same cells back. `cellsOf` gives a tab's cells from A1 as the host holds
 * them: literal values, and formulas as '=…' text (no host here calculates).
 */
export type MakeHost = () => Promise<{ host: HostPort; cellsOf(sheet: string): Promise<CellValue[][]> }>;

function at(cells: CellValue[][], ref: [number, number]): CellValue {
  return cells[ref[0] - 1]?.[ref[1] - 1] ?? null;
}

/** A CCF tab named « A » with these cells of its own. */
async function addTab(host: HostPort, cells: CellSpec[]): Promise<void> {
  const plan = emptyPlan();
  plan.templates.grid = buildGridTemplate('ccf');
  plan.add = [{ name: 'A', template: 'grid', cells }];
  await host.apply(plan);
}

export function runHostContract(name: string, makeHost: MakeHost): void {
  describe(`host contract: ${name}`, () => {
    for (const form of ['ccf', 'ponctuel'] as const) {
      it(`creates candidate tabs from a ${form} template with the same cells, text kept as text`, async () => {
        const { host, cellsOf } = await makeHost();
        const template = buildGridTemplate(form);
        const plan = emptyPlan();
        plan.templates.grid = template;
        plan.add = [
          {
            name: 'DURAND Léa',
            template: 'grid',
            cells: [
              { r: 1, c: 2, value: '=1+1' },
              { r: 1, c: 3, value: '0123' },
            ],
          },
          {
            name: "O'CONNOR Sean",
            template: 'grid',
            cells: [
              { r: 1, c: 2, value: '+33 6' },
              { r: 1, c: 3, value: '@x' },
            ],
          },
        ];
        plan.replace = [{ spec: recap(), position: 'first' }];
        const result = await host.apply(plan);
        expect([...result.created].sort()).toEqual(['DURAND Léa', "O'CONNOR Sean", 'Suivi E4'].sort());
        const names = await host.listSheets();
        expect(names[0]).toBe('Suivi E4');
        expect(names.slice(-2)).toEqual(['DURAND Léa', "O'CONNOR Sean"]);
        const first = await cellsOf('DURAND Léa');
        expect(at(first, [1, 2])).toBe('=1+1');
        expect(at(first, [1, 3])).toBe('0123');
        expect(at(first, [3, 1])).toBe('=IF(B2="","à remplir","ok")');
        expect(at(first, [2, 1])).toBe(template.cells.find((c) => c.r === 2 && c.c === 1)?.value);
        const second = await cellsOf("O'CONNOR Sean");
        expect([at(second, [1, 2]), at(second, [1, 3])]).toEqual(['+33 6', '@x']);
        expect(at(await cellsOf('Suivi E4'), [2, 1])).toBe('DURAND Léa');
      });
    }

    it('updates identity cells of an existing tab and reads ranges back', async () => {
      const { host } = await makeHost();
      await addTab(host, [{ r: 1, c: 2, value: 'ancien' }]);
      await host.apply({
        ...emptyPlan(),
        updates: [{ sheet: 'A', cells: [{ r: 1, c: 2, value: 'nouveau' }] }],
      });
      const [b1, missing] = await host.readRanges([{ sheet: 'A', range: 'B1' }, { sheet: 'Absent' }]);
      expect(b1).toEqual([['nouveau']]);
      expect(missing).toEqual([]);
    });

    it('reads the listed cells of a range as without a list (the others may be left null)', async () => {
      const { host } = await makeHost();
      await addTab(host, [
        { r: 1, c: 2, value: 'saisie' },
        { r: 2, c: 3, value: 'autre' },
      ]);
      const [whole, listed] = await host.readRanges([
        { sheet: 'A', range: 'A1:C2' },
        { sheet: 'A', range: 'A1:C2', cells: ['B1', 'C2'] },
      ]);
      expect(whole[0][1]).toBe('saisie');
      expect(listed).toHaveLength(2);
      expect(at(listed, [1, 2])).toEqual(at(whole, [1, 2]));
      expect(at(listed, [2, 3])).toEqual(at(whole, [2, 3]));
      for (const row of listed) expect(row).toHaveLength(3);
    });
  });
}

function recap(): SheetSpec {
  return {
    name: 'Suivi E4',
    kind: 'recap',
    size: { rows: 3, cols: 2 },
    cells: [
      { r: 1, c: 1, value: 'Candidat', style: 'head' },
      { r: 2, c: 1, value: 'DURAND Léa', link: { sheet: 'DURAND Léa', cell: 'A1' } },
    ],
    styles: { head: { bold: true } },
    columns: [{ width: 30 }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}

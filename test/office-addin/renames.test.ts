import { makeOfficeHost } from './make-host';

/**
 * Renames in the Office host: `worksheet.name = …` queued in the same sync as the updates that follow
 * them (no sync per tab), before those updates, which name the tab by its new name.
 */
describe('OfficeHost renames', () => {
  it('renames protected tabs and writes their updates in the same sync, nothing else touched', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('Liste', [['N° candidat']]);
    const first = excel.addSheet('DUPONT Marie 02600000002', [['ancien', 12]]);
    first.protected = true;
    excel.addSheet('dupont léa', [['x']]);
    excel.syncs.length = 0;
    await host.apply({
      templates: {},
      renames: [
        { from: 'DUPONT Marie 02600000002', to: 'DUPONT Marie 02600000003' },
        { from: 'dupont léa', to: 'DUPONT Léa' },
      ],
      add: [],
      replace: [],
      updates: [
        { sheet: 'DUPONT Marie 02600000003', cells: [{ r: 1, c: 1, value: 'nouveau' }] },
        { sheet: 'DUPONT Léa', cells: [{ r: 1, c: 1, value: 'y' }] },
      ],
    });
    // One sync reads the tabs and their protection, one renames and writes.
    expect(excel.syncs).toHaveLength(2);
    expect(await host.listSheets()).toEqual(['Liste', 'DUPONT Marie 02600000003', 'DUPONT Léa']);
    expect(
      await host.readRanges([
        { sheet: 'DUPONT Marie 02600000003', range: 'A1:B1' },
        { sheet: 'DUPONT Léa', range: 'A1' },
      ]),
    ).toEqual([[['nouveau', 12]], [['y']]]);
    expect(excel.model.get('DUPONT Marie 02600000003').protected).toBe(true);
  });

  it('refuses a new name another tab has before anything is written, in French', async () => {
    const { excel, host } = makeOfficeHost();
    excel.addSheet('DUPONT Marie', [['a']]);
    excel.addSheet('DUPONT Marie 02600000002', [['b']]);
    const plan = {
      templates: {},
      renames: [{ from: 'DUPONT Marie 02600000002', to: 'dupont marie' }],
      add: [],
      replace: [],
      updates: [{ sheet: 'dupont marie', cells: [{ r: 1, c: 1, value: 'c' }] }],
    };
    await expect(host.apply(plan)).rejects.toThrow(
      "Un onglet « dupont marie » existe déjà : l'onglet « DUPONT Marie 02600000002 » ne peut pas prendre ce nom.",
    );
    expect(await host.listSheets()).toEqual(['DUPONT Marie', 'DUPONT Marie 02600000002']);
    expect(await host.readRanges([{ sheet: 'DUPONT Marie', range: 'A1' }])).toEqual([[['a']]]);
  });
});

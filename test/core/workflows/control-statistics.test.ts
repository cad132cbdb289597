import { markerCell } from '../../../core/grid/marker';
import { parseA1 } from '../../../core/spec/a1';
import { runControl } from '../../../core/workflows/control';
import { generateGrids } from '../../../core/workflows/generate';
import { NoCandidateError, runStatistics } from '../../../core/workflows/statistics';
import type { CellValue } from '../../../core/spec/types';
import { teacherInputs } from '../../helpers/fill';
import { MemoryHost } from '../../helpers/memory-host';

const clock = (): Date => new Date('2026-06-01T10:00:00Z');

function roster(rows: Array<[string, string]>): CellValue[][] {
  return [['N° candidat', 'Nom', 'Prénom'], ...rows.map(([n, nom]) => [n, nom, 'Test'])];
}

/** A class whose tabs are filled with these notes (null: tab left as generated). */
async function gradedClass(notes: Array<number | null>): Promise<{ host: MemoryHost; tabs: string[] }> {
  const host = MemoryHost.withSheet('Classe', roster(notes.map((_, i) => [`00${i + 1}`, `NOM${i + 1}`])));
  const { created } = await generateGrids(host, { form: 'ccf', session: 2026, roster: {}, clock });
  const updates = created.flatMap((sheet, i) =>
    notes[i] === null
      ? []
      : [
          {
            sheet,
            cells: teacherInputs('ccf', {
              number: `00${i + 1}`,
              nom: `NOM${i + 1}`,
              prenom: 'Test',
              note: notes[i],
            }),
          },
        ],
  );
  await host.apply({ templates: {}, add: [], replace: [], updates });
  return { host, tabs: created };
}

describe('runControl', () => {
  it('reads every tab in two round trips and writes « Contrôle » and « Suivi E4 » in one apply', async () => {
    const { host } = await gradedClass([12, null, 15]);
    const calls = { ...host.calls };
    const result = await runControl(host, { clock, write: true });
    expect(host.calls.listSheets - calls.listSheets).toBe(1);
    expect(host.calls.readRanges - calls.readRanges).toBe(2);
    expect(host.calls.apply - calls.apply).toBe(1);
    expect(result.summary).toMatchObject({ candidates: 3, complete: 2, notStarted: 1 });
    expect(result.exitCode).toBe(1);
    expect(host.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Contrôle', 'Suivi E4']));
  });

  it('with write: false changes nothing', async () => {
    const { host } = await gradedClass([12]);
    const applies = host.calls.apply;
    await runControl(host, { clock, write: false });
    expect(host.calls.apply).toBe(applies);
    expect(host.sheet('Contrôle')).toBeUndefined();
  });

  it('exits 2 when the workbook has no candidate tab', async () => {
    const host = MemoryHost.withSheet('Classe', roster([['001', 'SEUL']]));
    expect((await runControl(host, { clock, write: true })).exitCode).toBe(2);
  });
});

describe('runStatistics', () => {
  it('counts the candidates on the roster only, and says PROVISOIRE while one is not graded', async () => {
    const { host } = await gradedClass([10, 14, null]);
    host.sheet('Classe')?.cells.clear();
    host.putValues(
      'Classe',
      roster([
        ['001', 'NOM1'],
        ['003', 'NOM3'],
      ]),
    );
    const run = await runStatistics(host, { clock, nominatif: false, persistSettings: false });
    expect(run.summary.inscrits).toBe(2);
    expect(run.summary.presentsNotes).toBe(1);
    expect(run.summary.mean).toBe(10);
    expect(run.summary.provisional).toBe(true);
    expect(host.workbooks).toHaveLength(1);
  });

  it('gives a final table when every candidate is graded and nothing is wrong', async () => {
    const { host } = await gradedClass([10, 14.5]);
    const run = await runStatistics(host, {
      clock,
      nominatif: false,
      persistSettings: true,
      settings: { etablissement: 'Lycée X' },
    });
    expect(run.summary).toMatchObject({ provisional: false, inscrits: 2, presentsNotes: 2, mean: 12.25 });
    expect(run.summary.settings).toEqual({ academie: 'SIEC', etablissement: 'Lycée X', uai: '' });
    expect(host.sheet('Paramètres E4')).toBeDefined();
  });

  it('refuses a workbook without candidate tabs with a French sentence', async () => {
    const host = MemoryHost.withSheet('Classe', roster([['001', 'SEUL']]));
    await expect(runStatistics(host, { clock, nominatif: false, persistSettings: false })).rejects.toThrow(
      NoCandidateError,
    );
  });
});

describe('runControl and a tab it cannot read', () => {
  it('keeps the tab in « Suivi E4 », says it is unreadable, and reports it as an erreur', async () => {
    const { host, tabs } = await gradedClass([12, 14]);
    const version = parseA1(markerCell('layoutVersion'));
    host.sheet(tabs[1])?.cells.set(`${version.r},${version.c}`, { value: '99' });
    const result = await runControl(host, { clock, write: true });
    expect(result.findings.some((f) => f.code === 'tab-unreadable' && f.sheet === tabs[1])).toBe(true);
    const recap = host.sheet('Suivi E4');
    const rows = [...(recap?.cells.values() ?? [])].map((c) => c.value);
    expect(rows).toContain(tabs[1]);
    expect(rows.some((v) => typeof v === 'string' && v.includes('Illisible'))).toBe(true);
  });
});

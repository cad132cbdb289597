import type { RangeRequest } from '../../../core/port';
import { generateGrids } from '../../../core/workflows/generate';
import { readClass, readTabs } from '../../../core/workflows/read-class';
import { E4 } from '../../../core/referentiel';
import { teacherInputs } from '../../helpers/fill';
import { MemoryHost } from '../../helpers/memory-host';

const clock = (): Date => new Date('2026-06-01T10:00:00Z');

/** A class of three tabs (two filled) beside its roster sheet « Classe ». */
async function classHost(): Promise<MemoryHost> {
  const rows = [
    ['N° candidat', 'Nom', 'Prénom'],
    ['001', 'MARTIN', 'Léa'],
    ['002', 'DURAND', 'Paul'],
    ['003', 'PETIT', 'Zoé'],
  ];
  const host = MemoryHost.withSheet('Classe', rows);
  const { created } = await generateGrids(host, { form: 'ccf', session: 2026, roster: {}, clock });
  const updates = created.slice(0, 2).map((sheet, i) => ({
    sheet,
    cells: teacherInputs('ccf', {
      number: rows[i + 1][0],
      nom: rows[i + 1][1],
      prenom: rows[i + 1][2],
      note: 12 + i,
    }),
  }));
  await host.apply({ templates: {}, add: [], replace: [], updates });
  return host;
}

describe('reading the tabs alone (the export, « lire »)', () => {
  it('gives the tabs, assessments and unread tabs of a class read', async () => {
    const host = await classHost();
    const whole = await readClass(host, E4);
    const tabs = await readTabs(host, E4);
    expect(tabs).toEqual({
      scan: whole.scan,
      tabs: whole.tabs,
      assessments: whole.assessments,
      unread: whole.unread,
    });
    expect(tabs.assessments).toHaveLength(3);
  });

  it('reads no roster sheet, in the same two round trips', async () => {
    const host = await classHost();
    const asked: RangeRequest[][] = [];
    const read = host.readRanges.bind(host);
    host.readRanges = async (requests) => {
      asked.push(requests);
      return read(requests);
    };
    await readTabs(host, E4);
    expect(asked).toHaveLength(2);
    expect(asked[1].map((r) => r.sheet)).not.toContain('Classe');
    asked.length = 0;
    await readClass(host, E4);
    expect(asked[1].map((r) => r.sheet)).toContain('Classe');
  });
});

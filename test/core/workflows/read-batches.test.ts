import type { RangeRequest } from '../../../core/port';
import { parseRange } from '../../../core/spec/a1';
import { readClass, readTabs } from '../../../core/workflows/read-class';
import { E4 } from '../../../core/referentiel';
import { generateGrids } from '../../../core/workflows/generate';
import { readAssessment } from '../../../core/grid/read';
import { MemoryHost } from '../../helpers/memory-host';

// Two tabs' worth of cells per read (a tab is read as A1:K60): three tabs come in two batches.
jest.mock('../../../core/port', () => ({
  ...jest.requireActual<typeof import('../../../core/port')>('../../../core/port'),
  CELLS_PER_READ: 1500,
}));

const clock = (): Date => new Date('2026-06-01T10:00:00Z');

async function classHost(): Promise<MemoryHost> {
  const host = MemoryHost.withSheet('Classe', [
    ['N° candidat', 'Nom', 'Prénom'],
    ['001', 'MARTIN', 'Léa'],
    ['002', 'DURAND', 'Paul'],
    ['003', 'PETIT', 'Zoé'],
  ]);
  await generateGrids(host, { form: 'ccf', session: 2026, roster: {}, clock });
  return host;
}

function recorded(host: MemoryHost): RangeRequest[][] {
  const asked: RangeRequest[][] = [];
  const read = host.readRanges.bind(host);
  host.readRanges = async (requests) => {
    asked.push(requests);
    return read(requests);
  };
  return asked;
}

const cells = (r: RangeRequest): number => {
  const box = parseRange(r.range ?? 'A1');
  return (box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1);
};

describe('a class read asks for its tabs in batches of at most CELLS_PER_READ cells', () => {
  it('reads each batch of tabs, the roster sheet with the last, and gives every tab in order', async () => {
    const host = await classHost();
    const asked = recorded(host);
    const read = await readClass(host, E4);
    const [, ...tabReads] = asked;
    expect(tabReads.map((batch) => batch.map((r) => r.sheet))).toEqual([
      [read.tabs[0].sheet, read.tabs[1].sheet],
      [read.tabs[2].sheet, 'Classe'],
    ]);
    for (const batch of tabReads)
      expect(
        batch.filter((r) => r.range !== undefined).reduce((n, r) => n + cells(r), 0),
      ).toBeLessThanOrEqual(1500);
    expect(read.assessments.map((a) => a.sheet)).toEqual(read.tabs.map((t) => t.sheet));
    expect(read.roster?.map((c) => c.nom)).toEqual(['MARTIN', 'DURAND', 'PETIT']);
  });

  it('gives what one read of every tab gives', async () => {
    const host = await classHost();
    const asked = recorded(host);
    const batched = await readTabs(host, E4);
    const tabRequests = asked.slice(1).flat();
    const values = await host.readRanges(tabRequests);
    expect(tabRequests).toHaveLength(3);
    expect(batched.assessments).toEqual(
      tabRequests.map((r, i) => {
        const result = readAssessment(E4, r.sheet, values[i]);
        if (!('assessment' in result)) throw new Error(result.problem);
        return result.assessment;
      }),
    );
  });

  it('reads a class without any tab in one read (the roster alone)', async () => {
    const host = MemoryHost.withSheet('Classe', [
      ['N° candidat', 'Nom', 'Prénom'],
      ['001', 'MARTIN', 'Léa'],
    ]);
    const asked = recorded(host);
    const read = await readClass(host, E4);
    expect(asked.slice(1).map((batch) => batch.map((r) => r.sheet))).toEqual([['Classe']]);
    expect(read.roster).toHaveLength(1);
  });
});

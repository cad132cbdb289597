import { gridMap } from '../../../core/grid/map';
import { E4 } from '../../../core/referentiel';
import type { CellValue } from '../../../core/spec/types';
import { runControl } from '../../../core/workflows/control';
import { generateGrids } from '../../../core/workflows/generate';
import { filledTab } from '../../helpers/filled-tab';
import { MemoryHost } from '../../helpers/memory-host';

/**
 * A workbook whose tabs were written by layout 1 (before the annex's column header and the V-6 order): a
 * rerun keeps them, refreshes their identity in their own cells, points « Suivi E4 » at their own note,
 * and the check reads what the teacher typed there.
 */

const clock = (): Date => new Date('2026-06-01T10:00:00Z');

function classWithOldTab(): MemoryHost {
  const host = MemoryHost.withSheet('Classe', [
    ['N° candidat', 'Nom', 'Prénom'],
    ['02600001', 'DUPONT', 'Marie-Anne'],
    ['02600002', 'NOUVEAU', 'Léo'],
  ] as CellValue[][]);
  host.putValues(
    'DUPONT Marie',
    filledTab({ form: 'ponctuel', layoutVersion: 1, note: 13, members: ['Mme A', 'M. B'] }),
  );
  return host;
}

describe('tabs of layout 1 in a workbook', () => {
  it('are kept by a rerun, their identity refreshed in place, the recap pointing at their own note', async () => {
    const host = classWithOldTab();
    const old = gridMap(E4, 'ponctuel', 1);
    const result = await generateGrids(host, { form: 'ponctuel', session: 2026, roster: {}, clock });
    expect(result.created).toHaveLength(1);
    expect(result.existing).toBe(1);
    expect(host.value('DUPONT Marie', old.identity.prenom)).toBe('Marie-Anne');
    expect(host.value('DUPONT Marie', old.note)).toBe(13);
    expect(host.value('DUPONT Marie', old.members[1])).toBe('M. B');
    const recapNote = [...(host.sheet('Suivi E4')?.cells.values() ?? [])]
      .map((c) => c.formula ?? '')
      .filter((f) => f.includes("'DUPONT Marie'!"));
    expect(recapNote.join(' ')).toContain(`'DUPONT Marie'!${old.note}`);
    expect(old.note).not.toBe(gridMap(E4, 'ponctuel').note);
  });

  it('are read by the check through their own cells', async () => {
    const host = classWithOldTab();
    await generateGrids(host, { form: 'ponctuel', session: 2026, roster: {}, clock });
    const result = await runControl(host, { clock, write: false });
    const mine = result.assessments.find((a) => a.sheet === 'DUPONT Marie');
    expect(mine?.note.value).toBe(13);
    expect(mine?.members.map((m) => m.value)).toEqual(['Mme A', 'M. B']);
    expect(result.findings.filter((f) => f.sheet === 'DUPONT Marie' && f.severity === 'erreur')).toEqual([]);
  });
});

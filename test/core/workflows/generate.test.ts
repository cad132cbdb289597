import { readMarker, MARKER_RANGE } from '../../../core/grid/marker';
import { gridMap } from '../../../core/grid/map';
import { E4 } from '../../../core/referentiel';
import { parseA1 } from '../../../core/spec/a1';
import type { CellValue } from '../../../core/spec/types';
import { generateGrids } from '../../../core/workflows/generate';
import type { GenerateOptions } from '../../../core/workflows/types';
import { loadXlsxFixture } from '../../helpers/fixtures';
import { MemoryHost } from '../../helpers/memory-host';

const clock = (): Date => new Date('2026-11-28T10:00:00Z');
const options: GenerateOptions = { form: 'ccf', session: 2027, roster: {}, clock };

async function classHost(): Promise<MemoryHost> {
  const [sheet] = await loadXlsxFixture('classe-ndrc2-ccf.xlsx');
  return MemoryHost.withSheet(sheet.name, sheet.values);
}

function rosterRows(names: Array<[string, string, string]>): CellValue[][] {
  return [['N° candidat', 'Nom', 'Prénom'], ...names.map(([n, nom, prenom]) => [n, nom, prenom])];
}

describe('generateGrids', () => {
  it('creates one tab per candidate, the recap first, and leaves the roster sheet as it was', async () => {
    const host = await classHost();
    const rosterBefore = new Map(host.sheets[0].cells);
    const result = await generateGrids(host, options);
    expect(result.exitCode).toBe(0);
    expect(result.created).toHaveLength(32);
    expect(host.sheets[0].name).toBe('Suivi E4');
    expect(host.sheets[1].name).toBe('Classe NDRC2');
    expect(host.sheets[1].cells).toEqual(rosterBefore);
    expect(host.sheets).toHaveLength(34);
    const homonyms = result.created.filter((n) => n.startsWith('MARTIN Léa'));
    expect(homonyms).toHaveLength(2);
    expect(new Set(homonyms.map((n) => n.toLowerCase())).size).toBe(2);
  });

  it('writes each tab with its marker, identity and « Présent » prefilled', async () => {
    const host = await classHost();
    const result = await generateGrids(host, options);
    const sheet = result.created[0];
    const [markerValues] = await host.readRanges([{ sheet, range: MARKER_RANGE }]);
    const marker = readMarker(markerValues);
    expect(marker).toMatchObject({
      kind: 'grid',
      form: 'ccf',
      session: 2027,
      candidateNumber: '02600007919',
      nom: 'CHEVALIER',
    });
    const map = gridMap(E4, 'ccf');
    expect(host.value(sheet, map.identity.nom)).toBe('CHEVALIER');
    expect(host.value(sheet, map.identity.number)).toBe('02600007919');
    expect(host.value(sheet, map.status)).toBe('Présent');
  });

  it('uses a constant number of round trips whatever the class size', async () => {
    const host = await classHost();
    await generateGrids(host, options);
    expect(host.calls).toEqual({ listSheets: 1, readRanges: 2, apply: 1, createWorkbook: 0 });
  });

  it('on a rerun, adds only the new candidate and never touches what the teacher typed', async () => {
    const host = MemoryHost.withSheet(
      'Classe',
      rosterRows([
        ['001', 'DUPONT', 'Marie'],
        ['002', 'DURAND', 'Paul'],
      ]),
    );
    const first = await generateGrids(host, options);
    const map = gridMap(E4, 'ccf');
    const tab = first.created[0];
    const level = parseA1(map.levels['cibler.1']);
    host.sheet(tab)?.cells.set(`${level.r},${level.c}`, { value: 'TS' });
    host.putValues(
      'Classe',
      rosterRows([
        ['001', 'DUPONT', 'Marie'],
        ['002', 'DURAND', 'Paul'],
        ['003', 'LEROY', 'Inès'],
      ]),
    );
    const second = await generateGrids(host, options);
    expect(second.created).toEqual(['LEROY Inès']);
    expect(second.existing).toBe(2);
    expect(second.refreshed).toEqual([]);
    expect(host.value(tab, map.levels['cibler.1'])).toBe('TS');
    expect(host.value(tab, map.status)).toBe('Présent');
  });

  it('attaches a number that arrives later to the tab matched by name, and refreshes only identity cells', async () => {
    const host = MemoryHost.withSheet('Classe', rosterRows([['', 'DUPONT', 'Marie']]));
    const first = await generateGrids(host, options);
    expect(first.exitCode).toBe(1);
    const tab = first.created[0];
    host.putValues('Classe', rosterRows([['02612345678', 'DUPONT', 'Marie']]));
    const second = await generateGrids(host, options);
    expect(second.created).toEqual([]);
    expect(second.refreshed).toEqual([tab]);
    const [markerValues] = await host.readRanges([{ sheet: tab, range: MARKER_RANGE }]);
    expect(readMarker(markerValues)?.candidateNumber).toBe('02612345678');
    expect(host.value(tab, gridMap(E4, 'ccf').identity.number)).toBe('02612345678');
  });

  it('refreshes the division shown in a tab when the roster changes it, and nothing else', async () => {
    const host = MemoryHost.withSheet('Classe', [
      ['N° candidat', 'Nom', 'Prénom', 'Division'],
      ['001', 'DUPONT', 'Marie', 'NDRC2 A'],
    ]);
    const [tab] = (await generateGrids(host, options)).created;
    const map = gridMap(E4, 'ccf');
    expect(host.value(tab, map.identity.group)).toBe('NDRC2 A');
    expect((await generateGrids(host, options)).refreshed).toEqual([]);
    host.putValues('Classe', [
      ['N° candidat', 'Nom', 'Prénom', 'Division'],
      ['001', 'DUPONT', 'Marie', 'NDRC2 B'],
    ]);
    const rerun = await generateGrids(host, options);
    expect(rerun.refreshed).toEqual([tab]);
    expect(host.value(tab, map.identity.group)).toBe('NDRC2 B');
    expect(host.value(tab, map.status)).toBe('Présent');
  });

  it('keeps and reports the tab of a candidate who left the roster', async () => {
    const host = MemoryHost.withSheet(
      'Classe',
      rosterRows([
        ['001', 'DUPONT', 'Marie'],
        ['002', 'DURAND', 'Paul'],
      ]),
    );
    await generateGrids(host, options);
    host.sheets.find((s) => s.name === 'Classe')?.cells.clear();
    host.putValues('Classe', rosterRows([['001', 'DUPONT', 'Marie']]));
    const result = await generateGrids(host, options);
    expect(result.orphans).toEqual([{ sheet: 'DURAND Paul', nom: 'DURAND', prenom: 'Paul', number: '002' }]);
    expect(host.sheet('DURAND Paul')).toBeDefined();
  });

  it('creates at most maxNewTabs per call and finishes over several calls, writing the recap last', async () => {
    const host = await classHost();
    const a = await generateGrids(host, { ...options, maxNewTabs: 10 });
    expect(a.created).toHaveLength(10);
    expect(a.remaining).toBe(22);
    expect(host.sheet('Suivi E4')).toBeUndefined();
    let remaining = a.remaining;
    while (remaining > 0) remaining = (await generateGrids(host, { ...options, maxNewTabs: 10 })).remaining;
    expect(host.sheets.filter((s) => s.spec?.kind === 'grid')).toHaveLength(32);
    expect(host.sheet('Suivi E4')).toBeDefined();
  });

  it('writes nothing when the roster is unusable (duplicate numbers)', async () => {
    const [sheet] = await loadXlsxFixture('bad/numeros-en-double.xlsx');
    const host = MemoryHost.withSheet(sheet.name, sheet.values);
    const result = await generateGrids(host, options);
    expect(result.exitCode).toBe(2);
    expect(host.calls.apply).toBe(0);
    expect(result.problems.some((p) => p.message.includes('02600007919'))).toBe(true);
  });

  it('reads the roster from a selection, keeping the sheet row numbers in its messages', async () => {
    const host = MemoryHost.withSheet('Feuil1', [
      ['Titre'],
      [null, 'N° candidat', 'Nom', 'Prénom'],
      [null, '001', '', 'Sans nom'],
      [null, '002', 'DURAND', 'Paul'],
    ]);
    const result = await generateGrids(host, { ...options, roster: { sheet: 'Feuil1', range: 'B2:D4' } });
    expect(result.created).toEqual(['DURAND Paul']);
    expect(result.problems.find((p) => p.severity === 'avertissement')?.row).toBe(3);
  });
});

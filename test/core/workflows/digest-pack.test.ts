import { E4 } from '../../../core/referentiel';
import type { CellValue } from '../../../core/spec/types';
import { consolidateStatistics, digestSource } from '../../../core/workflows/consolidate';
import { packDigest, unpackDigest } from '../../../core/workflows/digest-pack';
import { generateGrids } from '../../../core/workflows/generate';
import { readClass } from '../../../core/workflows/read-class';
import { teacherInputs } from '../../helpers/fill';
import { MemoryHost } from '../../helpers/memory-host';

const clock = (): Date => new Date('2026-06-01T10:00:00Z');

/** Three pupils graded 9, 12 and 15, one more left as generated. */
async function classRead(form: 'ccf' | 'ponctuel') {
  const group = form === 'ccf' ? 'Division' : 'Commission';
  const rows: CellValue[][] = [
    ['N° candidat', 'Nom', 'Prénom', group],
    ...[1, 2, 3, 4].map((i) => [`0260005${i}`, `NOM${i}`, 'Test', 'G1']),
  ];
  const host = MemoryHost.withSheet('Classe', rows);
  const { created } = await generateGrids(host, { form, session: 2026, roster: {}, clock });
  const updates = [9, 12, 15].map((note, i) => ({
    sheet: created[i],
    cells: teacherInputs(form, {
      number: `0260005${i + 1}`,
      nom: `NOM${i + 1}`,
      prenom: 'Test',
      group: 'G1',
      note,
      session: 2026,
    }),
  }));
  await host.apply({ templates: {}, add: [], replace: [], updates });
  return { file: `${form}.xlsx`, read: await readClass(host, E4) };
}

describe('the packed digest of a picked workbook (the Sheets sidebar sends it to its server)', () => {
  it.each(['ccf', 'ponctuel'] as const)('comes back unchanged through JSON (%s)', async (form) => {
    const digest = digestSource(E4, await classRead(form));
    expect(digest.counted).toHaveLength(4);
    const travelled = JSON.parse(JSON.stringify(packDigest(digest))) as ReturnType<typeof packDigest>;
    expect(unpackDigest(travelled)).toEqual(JSON.parse(JSON.stringify(digest)));
  });

  it('is well under half the plain JSON, and gives the same statistics', async () => {
    const source = await classRead('ccf');
    const digest = digestSource(E4, source);
    const packed = JSON.stringify(packDigest(digest)).length;
    expect(packed).toBeLessThan(JSON.stringify(digest).length / 2);
    const options = { clock, nominatif: true };
    const direct = consolidateStatistics(E4, [source], options);
    const viaWire = consolidateStatistics(E4, [unpackDigest(packDigest(digest))], options);
    expect(viaWire.workbook).toEqual(direct.workbook);
    expect(viaWire.summary).toMatchObject({ inscrits: 4, presentsNotes: 3, mean: 12 });
  });
});

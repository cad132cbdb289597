import { readFileSync } from 'fs';
import { join } from 'path';
import { E4, allCriteria } from '../../core/referentiel';
import { tabReadBlock } from '../../core/grid/read-cells';
import { readClass } from '../../core/workflows/read-class';
import { XlsxHost } from '../../xlsx/host';
import { nodeByteText } from '../../xlsx/node-text';
import * as cellSearch from '../../xlsx/package/cell-search';
import * as sheetBytes from '../../xlsx/package/sheet-bytes';
import { tempDir } from '../helpers/cli';
import { gridsFile, type GridsPupil } from '../helpers/grids-file';

/**
 * A class read with the command line's reader, which searches each tab for the cells it reads, gives what
 * the walk of every tab gives (the pane's reader), on workbooks the add-in wrote and filled every way the
 * reader tells apart.
 */

const PUPILS: GridsPupil[] = [
  { number: '02600000001', nom: 'COMPLET', group: 'C01', fill: {} },
  {
    number: '02600000002',
    nom: 'ABSENT',
    group: 'C01',
    fill: { status: 'NV', note: null, nvMotifs: [0, 2], activity: null },
  },
  {
    number: '02600000003',
    nom: 'ÉTRANGE',
    group: 'C02',
    fill: { levels: { [allCriteria(E4)[0].id]: 'très bien' }, note: 'quinze', date: 'hier', ficheNumber: 7 },
  },
  { number: '02600000004', nom: 'VIDE', group: 'C02', fill: null },
];

describe.each(['ccf', 'ponctuel'] as const)('a class read searched for (%s)', (form) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const dir = tempDir();
    bytes = new Uint8Array(readFileSync(join(dir, await gridsFile(dir, 'classe', PUPILS, { form }))));
  });

  it('reads every tab, the roster and the settings as the walk does', async () => {
    const walked = await readClass(await XlsxHost.fromBytes(bytes), E4);
    const searched = await readClass(
      await XlsxHost.fromBytes(bytes, undefined, { byteText: nodeByteText }),
      E4,
    );
    expect(walked.assessments).toHaveLength(PUPILS.length);
    expect(searched).toEqual(walked);
  });

  it('reads the same through the tab read block, as the command line opens files, searching each tab once', async () => {
    const walked = await readClass(await XlsxHost.fromBytes(bytes), E4);
    const search = jest.spyOn(cellSearch, 'findListed');
    try {
      await readClass(await XlsxHost.fromBytes(bytes, undefined, { byteText: nodeByteText }), E4);
      const withoutBlock = search.mock.calls.length;
      search.mockClear();
      const host = await XlsxHost.fromBytes(bytes, undefined, {
        byteText: nodeByteText,
        readBlock: tabReadBlock(E4),
      });
      expect(await readClass(host, E4)).toEqual(walked);
      // Without the block, each tab is searched for its marker, then for its fields.
      expect(withoutBlock - search.mock.calls.length).toBe(PUPILS.length);
    } finally {
      search.mockRestore();
    }
  });

  it('walks none of the tabs (only the roster, read whole)', async () => {
    const walk = jest.spyOn(sheetBytes, 'scanSheetBytes');
    try {
      await readClass(await XlsxHost.fromBytes(bytes, undefined, { byteText: nodeByteText }), E4);
      const searchedWalks = walk.mock.calls.length;
      walk.mockClear();
      await readClass(await XlsxHost.fromBytes(bytes), E4);
      expect(searchedWalks).toBeLessThan(2);
      expect(walk.mock.calls.length).toBeGreaterThanOrEqual(PUPILS.length);
    } finally {
      walk.mockRestore();
    }
  });
});

import { a1 } from '../../../core/spec/a1';
import type { CellValue } from '../../../core/spec/types';
import { emptyPlan } from '../../../core/port';
import { XlsxHost } from '../../../xlsx/host';
import { nodeByteText } from '../../../xlsx/node-text';
import * as cellSearch from '../../../xlsx/package/cell-search';
import { OpcPackage } from '../../../xlsx/package/opc';

/**
 * The read block of the command line's reader: a marker read takes a tab's cells along, so that the tab
 * read after it passes over the sheet no more. Whatever the block holds, every read gives what the
 * reader without a block gives.
 */

const BLOCK = { range: 'A1:D4', cells: ['D1', 'D2', 'A3', 'B3', 'C4'] };

/** Rows 1…8 of columns A…E, each cell holding its own address (row 6 left empty). */
function rows(): CellValue[][] {
  return Array.from({ length: 8 }, (_, r) =>
    Array.from({ length: 5 }, (_, c) => (r === 5 ? null : a1(r + 1, c + 1))),
  );
}

async function open(options = {}): Promise<XlsxHost> {
  const built = XlsxHost.fromRows([{ name: 'Tab', rows: rows() }]);
  return XlsxHost.fromBytes(await built.toBytes(), undefined, options);
}

const withBlock = (): Promise<XlsxHost> => open({ byteText: nodeByteText, readBlock: BLOCK });
const plain = (): Promise<XlsxHost> => open();

/** The reads of a class read: the marker column's box, then named cells of the tab's range. */
const MARKER = { sheet: 'Tab', range: 'D1:D2' };
const TAB = { sheet: 'Tab', range: 'A1:D4', cells: ['A3', 'B3', 'C4', 'D1'] };

describe('a read block', () => {
  it('answers a marker read, then the tab read, with the values a reader without block gives', async () => {
    const host = await withBlock();
    const reference = await plain();
    for (const request of [MARKER, TAB])
      expect(await host.readRanges([request])).toEqual(await reference.readRanges([request]));
  });

  it('places its values in a box at any offset, for the same list of cells in two boxes', async () => {
    const cells = ['B3', 'C4'];
    const requests = [
      { sheet: 'Tab', range: 'B3:D4', cells },
      { sheet: 'Tab', range: 'A2:D4', cells },
      { sheet: 'Tab', range: 'D1:D2' },
      { sheet: 'Tab', range: 'A3:B3' },
    ];
    for (const request of requests) {
      const host = await withBlock();
      await host.readRanges([MARKER]);
      expect(await host.readRanges([request])).toEqual(await (await plain()).readRanges([request]));
    }
  });

  it('gives the rows without a value as one shared row of nulls, which cannot be changed', async () => {
    const host = await withBlock();
    await host.readRanges([MARKER]);
    const [box] = await host.readRanges([{ sheet: 'Tab', range: 'A1:D4', cells: ['C4'] }]);
    expect(box).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 'C4', null],
    ]);
    expect(box[1]).toBe(box[0]);
    expect(Object.isFrozen(box[0])).toBe(true);
    expect(() => {
      box[0][0] = 'x';
    }).toThrow(TypeError);
    expect(Object.isFrozen(box[3])).toBe(false);
  });

  it('inflates the sheet once for both reads', async () => {
    const host = await withBlock();
    const inflate = jest.spyOn(OpcPackage.prototype, 'xmlBytes');
    try {
      await host.readRanges([MARKER]);
      await host.readRanges([TAB]);
      expect(inflate.mock.calls.filter(([path]) => path.includes('worksheets'))).toHaveLength(1);
    } finally {
      inflate.mockRestore();
    }
  });

  it('searches the sheet once for both reads, where a reader without block searches it twice', async () => {
    const search = jest.spyOn(cellSearch, 'findListed');
    try {
      const host = await withBlock();
      await host.readRanges([MARKER]);
      await host.readRanges([TAB]);
      expect(search).toHaveBeenCalledTimes(1);
      search.mockClear();
      const without = await open({ byteText: nodeByteText });
      await without.readRanges([MARKER]);
      await without.readRanges([TAB]);
      expect(search).toHaveBeenCalledTimes(2);
    } finally {
      search.mockRestore();
    }
  });

  it('leaves a read it does not hold to the sheet itself, before and after its own reads', async () => {
    const host = await withBlock();
    const reference = await plain();
    const outside = [
      { sheet: 'Tab', range: 'A1:E8' },
      { sheet: 'Tab', range: 'A1:A2' },
      { sheet: 'Tab', range: 'A1:D4', cells: ['A3', 'E1'] },
      { sheet: 'Tab' },
    ];
    const requests = [...outside, MARKER, ...outside, TAB, ...outside, MARKER, TAB];
    for (const request of requests)
      expect(await host.readRanges([request])).toEqual(await reference.readRanges([request]));
  });

  it('reads a cell written after the block was read as written', async () => {
    const host = await withBlock();
    await host.readRanges([MARKER]);
    await host.apply({ ...emptyPlan(), updates: [{ sheet: 'Tab', cells: [{ r: 1, c: 4, value: 'neuf' }] }] });
    expect(await host.readRanges([MARKER])).toEqual([[['neuf'], ['D2']]]);
    expect((await host.readRanges([TAB]))[0][0][3]).toBe('neuf');
  });

  it('is not used for a sheet that cannot be searched (a comment in it): the sheet is walked', async () => {
    const built = XlsxHost.fromRows([{ name: 'Tab', rows: rows() }]);
    const pkg = OpcPackage.fromBytes(await built.toBytes());
    const path = 'xl/worksheets/sheet1.xml';
    const xml = pkg.text(path) as string;
    pkg.setText(path, xml.replace('<sheetData>', '<sheetData><!-- tool -->'));
    const bytes = pkg.toBytes();
    const host = await XlsxHost.fromBytes(bytes, undefined, { byteText: nodeByteText, readBlock: BLOCK });
    const reference = await XlsxHost.fromBytes(bytes);
    for (const request of [MARKER, TAB, MARKER])
      expect(await host.readRanges([request])).toEqual(await reference.readRanges([request]));
  });

  it('is not used without a text to search (the pane): every read walks, as before', async () => {
    const host = await open({ readBlock: BLOCK });
    const reference = await plain();
    for (const request of [MARKER, TAB])
      expect(await host.readRanges([request])).toEqual(await reference.readRanges([request]));
  });
});

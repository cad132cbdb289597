import { inflateSync } from 'fflate';
import { nodeDeflate } from '../../../xlsx/node-deflate';
import { XlsxHost } from '../../../xlsx/host';
import { OpcPackage } from '../../../xlsx/package/opc';
import {
  crc32,
  inflateEntry,
  newEntry,
  readZip,
  useNativeDeflate,
  writeZip,
} from '../../../xlsx/package/zip';

/**
 * Under Node the command line inflates and deflates parts with zlib (xlsx/node-deflate.ts); the Excel pane
 * keeps fflate. Both must read what the other wrote and refuse the same damaged parts.
 */

const text = (n: number): Uint8Array =>
  new TextEncoder().encode(`<row r="1">${'<c r="A1"><v>1</v></c>'.repeat(n)}</row> — Noël`);

afterEach(() => useNativeDeflate(null));

describe('native (zlib) and fflate codecs', () => {
  it('each inflates what the other deflated, with the CRC of the data', () => {
    const data = text(2000);
    const byFflate = newEntry('a.xml', data);
    useNativeDeflate(nodeDeflate);
    const byZlib = newEntry('a.xml', data);
    expect(byZlib.crc).toBe(crc32(data));
    // This Node computes it in zlib (the package's own loop is the fallback for an older one).
    expect(nodeDeflate.crc32?.(data)).toBe(crc32(data));
    expect(byZlib.crc).toBe(byFflate.crc);
    expect(inflateEntry(byFflate)).toEqual(data);
    expect(inflateSync(byZlib.compressed)).toEqual(data);
    useNativeDeflate(null);
    expect(inflateEntry(byZlib)).toEqual(data);
  });

  it('refuses a part whose inflated size is not the one announced, either way, and a damaged part', () => {
    useNativeDeflate(nodeDeflate);
    const entry = newEntry('xl/worksheets/sheet1.xml', text(100));
    expect(() => inflateEntry({ ...entry, size: entry.size - 10 })).toThrow(/endommagée/);
    expect(() => inflateEntry({ ...entry, size: entry.size + 10 })).toThrow(/taille inattendue/);
    const broken = entry.compressed.slice();
    broken.fill(0xff, 0, 8);
    expect(() => inflateEntry({ ...entry, compressed: broken })).toThrow(/endommagée/);
  });

  it('a read inflates each sheet it needs once, whatever the ranges asked, and no other sheet', async () => {
    const rows = (n: number) => Array.from({ length: 30 }, (_, r) => [`${n}-${r}`, r]);
    const host = XlsxHost.fromRows([1, 2, 3].map((n) => ({ name: `T${n}`, rows: rows(n) })));
    const bytes = await host.toBytes();
    const partAt = new Map(readZip(bytes).map((e) => [e.compressed.byteOffset, e.name]));
    const inflated: string[] = [];
    useNativeDeflate({
      inflateRaw: (data, max) => {
        inflated.push(partAt.get(data.byteOffset) ?? '?');
        return nodeDeflate.inflateRaw(data, max);
      },
      deflateRaw: nodeDeflate.deflateRaw,
    });
    const again = await XlsxHost.fromBytes(bytes);
    inflated.length = 0;
    const marker = await again.readRanges([
      { sheet: 'T1', range: 'B1:B3' },
      { sheet: 'T2', range: 'B1:B3' },
    ]);
    const whole = await again.readRanges([{ sheet: 'T1' }, { sheet: 'T2', range: 'A29:B30' }]);
    expect(marker[1]).toEqual([[0], [1], [2]]);
    expect(whole[0][29]).toEqual(['1-29', 29]);
    expect(whole[1]).toEqual([
      ['2-28', 28],
      ['2-29', 29],
    ]);
    // T1 and T2 once each, T3 never; the styles once (number formats tell dates).
    expect(inflated.sort()).toEqual([
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
  });

  it('a workbook written with zlib reads the same with fflate', async () => {
    useNativeDeflate(nodeDeflate);
    const host = XlsxHost.fromRows([
      {
        name: 'Liste',
        rows: [
          ['NOM', 'Prénom'],
          ['DURAND', 'Léa'],
        ],
      },
    ]);
    const bytes = await host.toBytes();
    useNativeDeflate(null);
    expect(readZip(bytes).every((e) => e.method === 8 || e.size === 0)).toBe(true);
    const again = await XlsxHost.fromBytes(writeZip(readZip(bytes)));
    expect(await again.readRanges([{ sheet: 'Liste' }])).toEqual([
      [
        ['NOM', 'Prénom'],
        ['DURAND', 'Léa'],
      ],
    ]);
    expect(OpcPackage.fromBytes(bytes).names()).toContain('xl/workbook.xml');
  });

  it('with zlib, a workbook is written and read without loading fflate (the command line never needs it)', () => {
    jest.isolateModules(() => {
      jest.doMock('fflate', () => {
        throw new Error('fflate chargé');
      });
      /* eslint-disable @typescript-eslint/no-require-imports */
      const zip = require('../../../xlsx/package/zip') as typeof import('../../../xlsx/package/zip');
      const node = require('../../../xlsx/node-deflate') as typeof import('../../../xlsx/node-deflate');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const data = text(50);
      zip.useNativeDeflate(node.nodeDeflate);
      const bytes = zip.writeZip([zip.newEntry('a.xml', data)]);
      expect(zip.inflateEntry(zip.readZip(bytes)[0])).toEqual(data);
      zip.useNativeDeflate(null);
      expect(() => zip.newEntry('a.xml', data)).toThrow('fflate chargé');
    });
    jest.dontMock('fflate');
  });
});

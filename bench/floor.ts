import { readFileSync } from 'fs';
import { inflateSync } from 'fflate';
import { inflateRawSync } from 'zlib';

/**
 * The floor of any read: unzip the package and scan every worksheet part's XML once (count its cells),
 * with nothing else: no workbook.xml, no shared strings, no values. A plain script on purpose; its own zip
 * directory walk so it shares no code with the engine it is a floor for.
 * `codec`: Node's zlib by default — the fastest unzip at hand, and the one the command line uses, so the
 * floor is never slower than the engine's own unzip; 'fflate' is kept as a reference line.
 */
export function floorScan(
  path: string,
  codec: 'zlib' | 'fflate' = 'zlib',
): { sheets: number; cells: number } {
  const bytes = new Uint8Array(readFileSync(path));
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (dv.getUint32(end, true) !== 0x06054b50) end--;
  const count = dv.getUint16(end + 10, true);
  let p = dv.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  let sheets = 0;
  let cells = 0;
  for (let i = 0; i < count; i++) {
    const method = dv.getUint16(p + 10, true);
    const csize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const local = dv.getUint32(p + 42, true);
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + csize);
    const raw =
      method === 0
        ? data
        : codec === 'zlib'
          ? inflateRawSync(data, { chunkSize: Math.max(64, size) })
          : inflateSync(data, { out: new Uint8Array(size) });
    const xml = decoder.decode(raw);
    sheets++;
    for (let at = xml.indexOf('<c '); at >= 0; at = xml.indexOf('<c ', at + 3)) cells++;
  }
  return { sheets, cells };
}

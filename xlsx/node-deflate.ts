import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'zlib';
import type { NativeDeflate } from './package/zip';

/**
 * Node's zlib as the package's raw-deflate codec (Node only, like files.ts). Its Buffers are handed on as
 * plain Uint8Array views: Buffer#slice shares memory where Uint8Array#slice copies.
 */
export const nodeDeflate: NativeDeflate = {
  // One output chunk of the announced size: no chunks to join afterwards.
  inflateRaw: (data, maxLength) =>
    plain(
      inflateRawSync(data, {
        maxOutputLength: maxLength,
        chunkSize: Math.max(64, Math.min(maxLength, 16 * 1024 * 1024)),
      }),
    ),
  // Level 3, as with fflate: as fast as level 1 on sheet XML and a little smaller.
  deflateRaw: (data) => plain(deflateRawSync(data, { level: 3 })),
  // zlib.crc32 came with Node 20.15 and 22.2 (engines: >=20): an older Node keeps the package's own loop.
  crc32: typeof zlibCrc32 === 'function' ? (data) => zlibCrc32(data) : undefined,
};

function plain(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

import { latin1ToText, textToUtf8, utf16ToText, utf8ToText } from './by-hand';

/**
 * Bytes ⇄ text for the whole code base. The native TextDecoder/TextEncoder when the engine has them
 * (Node, modern browsers: the fast path, one cached instance, no copy), the hand-written decoders of
 * by-hand.ts otherwise: Internet Explorer 11 — Excel 2016/2019 MSI show the task pane in it — and
 * Apps Script have neither, and core-js does not fill them. The globals are looked up on first use,
 * never when a module loads, so loading the code never throws.
 */

interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderLabel = 'utf-8' | 'utf-8 fatal' | 'utf-16le' | 'utf-16be';

/** null: looked up, the engine has none. Absent: not looked up yet. */
const decoders: Partial<Record<DecoderLabel, Decoder | null>> = {};
let utf8: Decoder | null | undefined;
let encoder: { encode(text: string): Uint8Array } | null | undefined;

function nativeDecoder(label: DecoderLabel): Decoder | null {
  let decoder = decoders[label];
  if (decoder === undefined) {
    decoder =
      typeof TextDecoder === 'undefined'
        ? null
        : label === 'utf-8 fatal'
          ? new TextDecoder('utf-8', { fatal: true })
          : new TextDecoder(label);
    decoders[label] = decoder;
  }
  return decoder;
}

/**
 * UTF-8 bytes to text, a leading BOM dropped. Invalid sequences become U+FFFD, or throw a TypeError
 * with `fatal`, exactly as TextDecoder('utf-8') does.
 */
export function decodeUtf8(bytes: Uint8Array, options?: { fatal?: boolean }): string {
  if (options !== undefined && options.fatal === true) {
    const fatal = nativeDecoder('utf-8 fatal');
    return fatal !== null ? fatal.decode(bytes) : utf8ToText(bytes, true);
  }
  // The reader's hot path (sheet-bytes.ts): one variable read before the native call.
  if (utf8 === undefined) utf8 = nativeDecoder('utf-8');
  return utf8 !== null ? utf8.decode(bytes) : utf8ToText(bytes, false);
}

/** UTF-16 bytes (little- or big-endian) to text, a leading BOM dropped; lone surrogates become U+FFFD. */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const native = nativeDecoder(littleEndian ? 'utf-16le' : 'utf-16be');
  return native !== null ? native.decode(bytes) : utf16ToText(bytes, littleEndian);
}

/** Text to UTF-8 bytes; lone surrogates are written as U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  if (encoder === undefined) encoder = typeof TextEncoder === 'undefined' ? null : new TextEncoder();
  return encoder !== null ? encoder.encode(text) : textToUtf8(text);
}

/**
 * ISO-8859-1 (each byte its own code point), always by hand: TextDecoder('latin1') is really
 * Windows-1252 in browsers and not in Node 20, so the native one would not give the same text everywhere.
 */
export function decodeLatin1(bytes: Uint8Array): string {
  return latin1ToText(bytes);
}

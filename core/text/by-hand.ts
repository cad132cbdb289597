/**
 * The WHATWG Encoding Standard's UTF-8 and UTF-16 decoders and UTF-8 encoder, written out for the
 * engines that have no TextDecoder/TextEncoder: Internet Explorer 11 (the Excel 2016/2019 MSI task
 * pane) and Apps Script. Same output as the native ones, replacement characters and BOM included.
 * Plain ES5 once down-levelled: index loops, no typed-array spread, no String.fromCodePoint.
 */

const REPLACEMENT = 0xfffd;
/** Code units per String.fromCharCode.apply call: far below any engine's argument limit. */
const CHUNK = 8192;

/** Collects UTF-16 code units and turns them into a string a chunk at a time. */
class Units {
  private readonly parts: string[] = [];
  private units: number[] = [];

  push(unit: number): void {
    this.units.push(unit);
    if (this.units.length >= CHUNK) this.flush();
  }

  /** A code point, as one unit or a surrogate pair. */
  pushCodePoint(cp: number): void {
    if (cp < 0x10000) return this.push(cp);
    const v = cp - 0x10000;
    this.push(0xd800 + (v >> 10));
    this.push(0xdc00 + (v & 0x3ff));
  }

  text(): string {
    this.flush();
    return this.parts.join('');
  }

  private flush(): void {
    if (this.units.length === 0) return;
    this.parts.push(String.fromCharCode.apply(null, this.units));
    this.units = [];
  }
}

/** What TextDecoder fatal throws: a TypeError. */
function invalid(encoding: string): TypeError {
  return new TypeError(`The encoded data was not valid for encoding ${encoding}`);
}

/** The text without one leading U+FEFF, as TextDecoder does by default (ignoreBOM false). */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * UTF-8 bytes to text. An invalid or truncated sequence becomes one U+FFFD per maximal subpart (the
 * byte that breaks a sequence starts over), or throws in fatal mode, exactly where TextDecoder does.
 */
export function utf8ToText(bytes: Uint8Array, fatal: boolean): string {
  const out = new Units();
  let needed = 0;
  let seen = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  const error = (): void => {
    if (fatal) throw invalid('utf-8');
    out.push(REPLACEMENT);
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (needed === 0) {
      if (b < 0x80) out.push(b);
      else if (b >= 0xc2 && b <= 0xdf) {
        needed = 1;
        cp = b & 0x1f;
      } else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0; // overlong
        if (b === 0xed) upper = 0x9f; // surrogates
        needed = 2;
        cp = b & 0x0f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90; // overlong
        if (b === 0xf4) upper = 0x8f; // above U+10FFFF
        needed = 3;
        cp = b & 0x07;
      } else error();
      continue;
    }
    if (b < lower || b > upper) {
      needed = seen = cp = 0;
      lower = 0x80;
      upper = 0xbf;
      error();
      i--; // the byte that broke the sequence is read again on its own
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    cp = (cp << 6) | (b & 0x3f);
    if (++seen === needed) {
      out.pushCodePoint(cp);
      needed = seen = cp = 0;
    }
  }
  if (needed !== 0) error();
  return withoutBom(out.text());
}

/** UTF-16 bytes to text: a lone surrogate or an odd last byte becomes U+FFFD. */
export function utf16ToText(bytes: Uint8Array, littleEndian: boolean): string {
  const out = new Units();
  let lead = -1;
  const even = bytes.length - (bytes.length % 2);
  for (let i = 0; i < even; i += 2) {
    const unit = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (lead !== -1) {
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        out.push(lead);
        out.push(unit);
        lead = -1;
        continue;
      }
      out.push(REPLACEMENT);
      lead = -1;
    }
    if (unit >= 0xd800 && unit <= 0xdbff) lead = unit;
    else if (unit >= 0xdc00 && unit <= 0xdfff) out.push(REPLACEMENT);
    else out.push(unit);
  }
  if (lead !== -1 || even !== bytes.length) out.push(REPLACEMENT);
  return withoutBom(out.text());
}

/** Text to UTF-8 bytes; a lone surrogate is written as U+FFFD, as TextEncoder does. */
export function textToUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else cp = REPLACEMENT;
    }
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 0x3f);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    }
  }
  // A copy of its own length, as TextEncoder gives (IE 11 has no TypedArray slice).
  return new Uint8Array(out.subarray(0, n));
}

/** ISO-8859-1: each byte is the code point of the same number. */
export function latin1ToText(bytes: Uint8Array): string {
  const out = new Units();
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
  return out.text();
}

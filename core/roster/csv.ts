import { decodeUtf16, decodeUtf8 } from '../text/codec';

/**
 * CSV rosters as school software exports them: UTF-8 with or without BOM, or Windows-1252 (Excel
 * « CSV (séparateur : point-virgule) »), `;` `,` or tab, quoted fields with doubled quotes, CRLF or LF.
 * The core's codec and plain code only: no Buffer, no TextDecoder (IE 11 and Apps Script have none).
 */

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, Œ, œ, ’, …). Node 20's
 * TextDecoder('windows-1252') decodes that range as C1 control characters, so it is mapped here.
 * Unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their Latin-1 meaning, as browsers do.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (const b of bytes) chars.push(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b));
  return chars.join('');
}

/** Bytes to text: a BOM decides; else strict UTF-8, and Windows-1252 (a superset of Latin-1) when it is not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return decodeUtf8(bytes.subarray(3));
  // Excel's « Texte Unicode » export is UTF-16 with a BOM.
  if (startsWith(bytes, UTF16LE_BOM)) return decodeUtf16(bytes.subarray(2), true);
  if (startsWith(bytes, UTF16BE_BOM)) return decodeUtf16(bytes.subarray(2), false);
  try {
    return decodeUtf8(bytes, { fatal: true });
  } catch {
    return decodeWindows1252(bytes);
  }
}

const SEPARATORS = [';', '\t', ','] as const;
/** Enough lines to see the pattern, few enough to stay fast on a 600-line file. */
const SNIFF_LINES = 10;

function countOutsideQuotes(line: string, sep: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) count++;
  }
  return count;
}

/**
 * The separator found the same number of times on most of the first lines (a comma inside a
 * `;` file, as in « 12,5 », is not consistent). On a tie `;` wins: it is the French Excel default.
 */
export function detectSeparator(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, SNIFF_LINES);
  let best: string = SEPARATORS[0];
  let bestScore = 0;
  for (const sep of SEPARATORS) {
    const counts = lines.map((l) => countOutsideQuotes(l, sep));
    const first = counts[0] ?? 0;
    const score = first === 0 ? 0 : counts.filter((c) => c === first).length;
    if (score > bestScore) [best, bestScore] = [sep, score];
  }
  return best;
}

/** A small reader: one pass, a field buffer, a quote state. */
class CsvReader {
  private readonly rows: string[][] = [];
  private row: string[] = [];
  private field = '';
  private quoted = false;
  private fieldStarted = false;
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly sep: string,
  ) {}

  read(): string[][] {
    while (this.i < this.text.length) this.step(this.text[this.i]);
    if (this.fieldStarted || this.row.length > 0) this.endRow();
    return this.rows;
  }

  private step(ch: string): void {
    if (this.quoted) return this.stepQuoted(ch);
    this.i++;
    if (ch === '"' && !this.fieldStarted) {
      this.quoted = true;
      this.fieldStarted = true;
    } else if (ch === this.sep) this.endField();
    else if (ch === '\n') this.endRow();
    else if (ch === '\r') {
      if (this.text[this.i] === '\n') this.i++;
      this.endRow();
    } else this.append(ch);
  }

  private stepQuoted(ch: string): void {
    const doubled = ch === '"' && this.text[this.i + 1] === '"';
    this.i += doubled ? 2 : 1;
    if (ch === '"' && !doubled) this.quoted = false;
    else this.append(ch);
  }

  private append(ch: string): void {
    this.field += ch;
    this.fieldStarted = true;
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRow(): void {
    this.endField();
    this.rows.push(this.row);
    this.row = [];
  }
}

/**
 * Text to rows of fields, verbatim (no trimming, no formula, no number conversion: `=1+1` stays
 * text). A blank line stays a row so that row numbers match the file's line numbers.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return new CsvReader(body, detectSeparator(body)).read();
}

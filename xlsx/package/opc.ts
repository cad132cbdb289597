import { decodeUtf16, decodeUtf8, encodeUtf8 } from '../../core/text/codec';
import { PackageError } from './errors';
import { inflateEntry, newEntry, readZip, writeZip, type ZipEntry } from './zip';

/** What a part holds now: the original zip entry (copied as it was compressed) or new content. */
type Content = { entry: ZipEntry } | { text: string } | { bytes: Uint8Array };

/**
 * An OPC package in memory: its parts by name, in their zip order. A part is inflated only when read, and a
 * part never changed is written back with its original compressed bytes.
 */
export class OpcPackage {
  private readonly parts = new Map<string, Content>();
  /** Lower-cased name → name: part names compare without case in OPC. */
  private readonly folded = new Map<string, string>();
  /** The buffer parts are inflated into before they are decoded as text. */
  private scratch = new Uint8Array(0);

  static fromBytes(bytes: Uint8Array): OpcPackage {
    const pkg = new OpcPackage();
    for (const entry of readZip(bytes)) {
      if (entry.name.endsWith('/')) continue;
      pkg.put(entry.name, { entry });
    }
    return pkg;
  }

  static empty(): OpcPackage {
    return new OpcPackage();
  }

  private put(name: string, content: Content): void {
    this.parts.set(name, content);
    if (!this.folded.has(name.toLowerCase())) this.folded.set(name.toLowerCase(), name);
  }

  /** The stored name of a part: exact first, then ignoring case. */
  resolve(name: string): string | undefined {
    if (this.parts.has(name)) return name;
    const other = this.folded.get(name.toLowerCase());
    return other !== undefined && this.parts.has(other) ? other : undefined;
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** Whether the part still holds its original bytes. */
  isOriginal(name: string): boolean {
    const found = this.resolve(name);
    return found !== undefined && 'entry' in (this.parts.get(found) as Content);
  }

  bytes(name: string): Uint8Array | null {
    const found = this.resolve(name);
    if (found === undefined) return null;
    const content = this.parts.get(found) as Content;
    if ('entry' in content) return inflateEntry(content.entry);
    if ('text' in content) return encodeUtf8(content.text);
    return content.bytes;
  }

  text(name: string): string | null {
    const found = this.resolve(name);
    if (found === undefined) return null;
    const content = this.parts.get(found) as Content;
    if ('text' in content) return content.text;
    if ('bytes' in content) return decodeXmlBytes(content.bytes);
    // Decoded at once: the part is inflated into one reused buffer rather than a new one per part.
    const size = content.entry.size;
    if (size < SCRATCH_MAX && this.scratch.length <= size)
      this.scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(size + 1, 2 * this.scratch.length)));
    return decodeXmlBytes(inflateEntry(content.entry, this.scratch));
  }

  /**
   * The UTF-8 bytes of an XML part (a BOM dropped), for a reader that scans them: a buffer of its own, which
   * the reader may keep between two reads of a sheet. A UTF-16 part (rare) is re-encoded; null when the part
   * is missing.
   */
  xmlBytes(name: string): Uint8Array | null {
    const found = this.resolve(name);
    if (found === undefined) return null;
    const content = this.parts.get(found) as Content;
    if ('text' in content) return encodeUtf8(content.text);
    const bytes = 'bytes' in content ? content.bytes : inflateEntry(content.entry);
    if (
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    )
      return encodeUtf8(decodeXmlBytes(bytes));
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  }

  /** The text of a part that must exist. */
  required(name: string): string {
    const text = this.text(name);
    if (text === null) throw new PackageError(`la partie ${name} est absente`);
    return text;
  }

  setText(name: string, text: string): void {
    this.put(this.resolve(name) ?? name, { text });
  }

  setBytes(name: string, bytes: Uint8Array): void {
    this.put(this.resolve(name) ?? name, { bytes });
  }

  remove(name: string): void {
    const found = this.resolve(name);
    if (found === undefined) return;
    this.parts.delete(found);
    this.folded.delete(found.toLowerCase());
    const other = [...this.parts.keys()].find((n) => n.toLowerCase() === found.toLowerCase());
    if (other !== undefined) this.folded.set(other.toLowerCase(), other);
  }

  toBytes(): Uint8Array {
    const entries: ZipEntry[] = [];
    for (const [name, content] of this.parts) {
      if ('entry' in content) entries.push(content.entry);
      else entries.push(newEntry(name, 'text' in content ? encodeUtf8(content.text) : content.bytes));
    }
    return writeZip(entries);
  }
}

/** Parts up to this size are inflated into the package's reused buffer before they are decoded. */
const SCRATCH_MAX = 4 * 1024 * 1024;

/** XML parts are UTF-8 (a BOM is dropped); UTF-16 parts, rare, are told by their BOM. */
function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeUtf16(bytes.subarray(2), true);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeUtf16(bytes.subarray(2), false);
  const text = decodeUtf8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

import { elementText } from './sheet-scan';

/**
 * The shared strings part, read lazily: one indexOf pass finds where each <si> is, and an entry's text is
 * read the first time a cell asks for it (a workbook's table may hold many strings no read range uses).
 */
export class SharedStrings {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly texts: Array<string | undefined> = [];
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    this.prefix = /<([\w.-]+:)?sst\b/.exec(xml.slice(0, 4096))?.[1] ?? '';
    const open = `<${this.prefix}si`;
    const close = `</${this.prefix}si>`;
    for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + 1)) {
      const next = xml.charCodeAt(at + open.length);
      // <si>, <si/> or <si …>; not <sis…>.
      if (next !== 62 && next !== 47 && next !== 32 && next !== 9 && next !== 10 && next !== 13) continue;
      const gt = xml.indexOf('>', at);
      if (gt < 0) break;
      let end = gt;
      if (xml.charCodeAt(gt - 1) !== 47) {
        end = xml.indexOf(close, gt);
        if (end < 0) break;
      }
      this.starts.push(at);
      this.ends.push(end);
      at = end;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  /** The text of entry `index`, or undefined when the table has no such entry. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.starts.length)) return undefined;
    let text = this.texts[index];
    if (text === undefined) {
      text = elementText(this.xml, this.starts[index], this.ends[index], this.prefix);
      this.texts[index] = text;
    }
    return text;
  }
}

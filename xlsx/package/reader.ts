import type { RangeBox } from '../../core/spec/a1';
import type { CellValue } from '../../core/spec/types';
import type { OpcPackage } from './opc';
import { PackageError } from './errors';
import { richText, scanSheet, type ScanVisitor, type ScannedCell } from './sheet-scan';
import { dateStyles } from './styles-read';
import { readWorkbook, type SheetEntry, type WorkbookInfo } from './workbook-xml';
import { relationships, relsPath, resolveTarget } from './xml';

/**
 * Reads values straight from the package: workbook.xml and its relationships, the shared strings and the
 * date formats of styles.xml, then only the sheets asked for. Drawings, comments, pivots and every other
 * part are never parsed, so nothing in them can stop a read.
 */
export class PackageReader {
  private info: WorkbookInfo | null = null;
  private sheets: SheetEntry[] | null = null;
  private byName: Map<string, SheetEntry> | null = null;
  private strings: string[] | null = null;
  private dates: Set<number> | null = null;
  private readonly sheetTexts = new Map<string, string>();
  private cachedChars = 0;

  constructor(private readonly pkg: OpcPackage) {}

  /** Forgets what was parsed from workbook-level parts (after the writer changed them). */
  invalidate(): void {
    this.info = null;
    this.sheets = null;
    this.byName = null;
    this.strings = null;
    this.dates = null;
    this.sheetTexts.clear();
    this.cachedChars = 0;
  }

  workbook(): WorkbookInfo {
    this.info ??= readWorkbook(this.pkg);
    return this.info;
  }

  /** Worksheets only, in tab order: chart sheets, dialog and macro sheets are not worksheets. */
  worksheets(): SheetEntry[] {
    this.sheets ??= this.workbook().sheets.filter((s) => s.kind === 'worksheet' && s.path !== '');
    return this.sheets;
  }

  /** A worksheet by name: exact first, then ignoring case as Excel does. */
  findSheet(name: string): SheetEntry | undefined {
    this.byName ??= new Map(this.worksheets().map((s) => [s.name, s]));
    const exact = this.byName.get(name);
    if (exact) return exact;
    const lower = name.toLocaleLowerCase('fr');
    return this.worksheets().find((s) => s.name.toLocaleLowerCase('fr') === lower);
  }

  private sharedStrings(): string[] {
    if (this.strings === null) {
      const wb = this.workbook();
      const rel = wb.rels.find((r) => r.type.toLowerCase().endsWith('/sharedstrings'));
      const xml = rel ? this.pkg.text(resolveTarget(wb.path, rel.target)) : null;
      this.strings = [];
      if (xml !== null) {
        const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
        for (let m = re.exec(xml); m !== null; m = re.exec(xml)) this.strings.push(richText(m[1] ?? ''));
      }
    }
    return this.strings;
  }

  private dateStyles(): Set<number> {
    if (this.dates === null) {
      const wb = this.workbook();
      const rel = wb.rels.find((r) => r.type.toLowerCase().endsWith('/styles'));
      this.dates = dateStyles(rel ? this.pkg.text(resolveTarget(wb.path, rel.target)) : null);
    }
    return this.dates;
  }

  /** The port's value of a scanned cell: cached formula results are values; errors read as empty. */
  value(cell: ScannedCell): CellValue {
    const raw = cell.raw;
    if (raw === null) return null;
    switch (cell.type) {
      case 's': {
        const s = this.sharedStrings()[Number(raw)];
        return s === undefined ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        return raw === '1' || raw === 'true';
      case 'e':
        return null;
      case 'd': {
        const d = new Date(raw);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        if (raw === '') return null;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        return this.dateStyles().has(cell.style) ? serialToDate(n, this.workbook().date1904) : n;
      }
    }
  }

  /**
   * The values of `box` (the used range from A1 when null) in one sheet part: rows × columns, empty cells
   * as null. Parsing stops after the box's last row.
   */
  readBox(path: string, box: RangeBox | null): CellValue[][] {
    const cached = this.sheetTexts.get(path);
    if (cached !== undefined) return this.readBoxIn(path, cached, box, false) ?? [];
    // Once the cache is full, the top rows of a sheet (a tab's marker) are read from the start of the part only.
    if (box && box.r2 <= PREFIX_ROWS && this.cachedChars >= CACHE_CHARS) {
      const prefix = this.pkg.textPrefix(path, PREFIX_BYTES);
      if (prefix && !prefix.complete) {
        const out = this.readBoxIn(path, prefix.text, box, true);
        if (out) return out;
      }
    }
    const xml = this.pkg.text(path);
    if (xml === null) throw new PackageError(`la partie ${path} d'une feuille est absente`);
    // A workflow reads each tab's marker, then the whole tab: the text is kept so it is inflated once.
    if (this.cachedChars + xml.length <= CACHE_CHARS) {
      this.sheetTexts.set(path, xml);
      this.cachedChars += xml.length;
    }
    return this.readBoxIn(path, xml, box, false) ?? [];
  }

  /** null when `partial` text ended before the box's last row (the whole part must be read). */
  private readBoxIn(path: string, xml: string, box: RangeBox | null, partial: boolean): CellValue[][] | null {
    if (!/<([\w.-]+:)?worksheet\b/.test(xml.slice(0, 4096)))
      throw new PackageError(`la partie ${path} n'est pas une feuille de calcul`);
    // With a box, values go straight into the rectangle; without, into parallel lists until the size is known.
    const out: CellValue[][] = [];
    if (box)
      for (let r = box.r1; r <= box.r2; r++) out.push(new Array<CellValue>(box.c2 - box.c1 + 1).fill(null));
    const rows: number[] = [];
    const cols: number[] = [];
    const values: CellValue[] = [];
    let maxRow = 0;
    let maxCol = 0;
    const stop = this.scan(
      path,
      xml,
      {
        cell: (c) => {
          if (box) {
            if (c.row >= box.r1 && c.row <= box.r2 && c.col >= box.c1 && c.col <= box.c2)
              out[c.row - box.r1][c.col - box.c1] = this.value(c);
            return;
          }
          if (c.row < 1 || c.col < 1) return;
          rows.push(c.row);
          cols.push(c.col);
          values.push(this.value(c));
          if (c.row > maxRow) maxRow = c.row;
          if (c.col > maxCol) maxCol = c.col;
        },
      },
      box ? box.r2 : undefined,
    );
    if (partial && stop !== 'past-last-row') return null;
    if (box) return out;
    if (maxRow === 0 || maxCol === 0) return [];
    for (let r = 1; r <= maxRow; r++) out.push(new Array<CellValue>(maxCol).fill(null));
    for (let i = 0; i < values.length; i++) out[rows[i] - 1][cols[i] - 1] = values[i];
    return out;
  }

  /** Scans a sheet; a sheet the scanner cannot follow is named in the error. */
  private scan(path: string, xml: string, visit: ScanVisitor, lastRow?: number): 'past-last-row' | 'end' {
    try {
      return scanSheet(xml, visit, lastRow);
    } catch (e) {
      if (!(e instanceof PackageError)) throw e;
      const sheet = this.workbook().sheets.find((s) => s.path === path);
      throw new PackageError(`${e.message} (feuille « ${sheet?.name ?? path} »)`);
    }
  }

  /** Relationships of a part. */
  relsOf(part: string): ReturnType<typeof relationships> {
    return relationships(this.pkg.text(relsPath(part)) ?? '');
  }
}

/** A range ending within this many rows is first looked for in the first PREFIX_BYTES of the sheet. */
const PREFIX_ROWS = 30;
const PREFIX_BYTES = 12 * 1024;
/** Sheet texts kept between reads, in characters (about 2 bytes each): 1500 grid tabs fit. */
const CACHE_CHARS = 64 * 1024 * 1024;

/** Excel serial day → Date at UTC midnight (plus the time of day), as exceljs gives dates. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

export function dateToSerial(date: Date, date1904 = false): number {
  const days = date.getTime() / 86400000 + 25569;
  return date1904 ? days - 1462 : days;
}

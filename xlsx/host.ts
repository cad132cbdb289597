import type {
  ApplyPlan,
  ApplyResult,
  CreatedWorkbook,
  HostPort,
  ProgressFn,
  RangeRequest,
} from '../core/port';
import { parseRange, type RangeBox } from '../core/spec/a1';
import type { CellValue, WorkbookSpec } from '../core/spec/types';
import { blankPackage } from './package/blank';
import { checkPackage } from './package/check';
import { PackageError, unreadableFile } from './package/errors';
import { OpcPackage } from './package/opc';
import { printOnlyXml } from './package/workbook-edit';
import { PackageReader, type ReaderOptions } from './package/reader';
import { wantedCells } from './package/wanted-cells';
import { addPlainSheets, applyPlan } from './package/writer';

/**
 * The port over an .xlsx/.xlsm file, worked on as a package of parts (see xlsx/package/): values are read
 * from the sheets' XML, a plan becomes part edits, and every part the plan does not touch is written back
 * byte for byte. Free of Node APIs: the Excel pane uses it in the browser (fromBytes / toBytes).
 */
export class XlsxHost implements HostPort {
  private readonly reader: PackageReader;

  private constructor(
    private readonly pkg: OpcPackage,
    /** The file's name, for the messages of a read that fails later (a damaged sheet). */
    private readonly source?: string,
    options?: ReaderOptions,
  ) {
    this.reader = new PackageReader(pkg, options);
  }

  /** A workbook with no sheet yet (it needs one before it can be saved). */
  static empty(options?: ReaderOptions): XlsxHost {
    return new XlsxHost(blankPackage(), undefined, options);
  }

  /** A workbook of plain values, one sheet per entry (a CSV roster, tests). */
  static fromRows(sheets: Array<{ name: string; rows: CellValue[][] }>, options?: ReaderOptions): XlsxHost {
    const host = XlsxHost.empty(options);
    addPlainSheets(host.pkg, host.reader, sheets);
    return host;
  }

  /**
   * Opens a package; throws a PackageError (French cause) when it is not a readable workbook. `options`:
   * what the engine offers the reader (the command line passes Node's one-byte text and the tabs' read
   * block, see ReaderOptions).
   */
  static async fromBytes(bytes: Uint8Array, source?: string, options?: ReaderOptions): Promise<XlsxHost> {
    const host = new XlsxHost(OpcPackage.fromBytes(bytes), source, options);
    host.reader.workbook();
    return host;
  }

  async listSheets(): Promise<string[]> {
    return this.reader.worksheets().map((s) => s.name);
  }

  async readRanges(requests: RangeRequest[]): Promise<CellValue[][][]> {
    // A class read asks for the same range in every tab: each range is parsed once.
    const boxes = new Map<string, RangeBox>();
    const boxOf = (range: string): RangeBox => {
      let box = boxes.get(range);
      if (!box) {
        box = parseRange(range);
        boxes.set(range, box);
      }
      return box;
    };
    try {
      return requests.map((req) => {
        const sheet = this.reader.findSheet(req.sheet);
        if (!sheet) return [];
        const box = req.range === undefined ? null : boxOf(req.range);
        return this.reader.readBox(sheet.path, box, req.cells && wantedCells(req.cells));
      });
    } catch (e) {
      if (e instanceof PackageError && this.source !== undefined)
        throw new Error(unreadableFile(this.source, e.message));
      throw e;
    }
  }

  async apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult> {
    return applyPlan(this.pkg, this.reader, plan, progress);
  }

  /** A new workbook (the statistics, with their charts) written by the package engine, as the Excel pane's. */
  async createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook> {
    // Loaded only when a new workbook is built (reading and editing a file do without it).
    const { newWorkbookBytes } = await import('./new-workbook');
    return { bytes: await newWorkbookBytes(spec) };
  }

  /**
   * A print copy (the file on disk is never written): only these sheets visible and printed, the first of
   * them active; the add-in's grid tabs keep their own print setup.
   */
  printOnly(sheets: string[]): void {
    const path = this.reader.workbook().path;
    this.pkg.setText(path, printOnlyXml(this.pkg.required(path), new Set(sheets)));
    this.reader.invalidate();
  }

  /** The package as bytes, checked to be a valid workbook before it is handed out. */
  async toBytes(): Promise<Uint8Array> {
    const bytes = this.pkg.toBytes();
    const written = new Map(
      this.pkg
        .names()
        .filter((n) => !this.pkg.isOriginal(n))
        .map((n) => [n, this.pkg.text(n) ?? ''] as const),
    );
    checkPackage(bytes, written);
    return bytes;
  }
}

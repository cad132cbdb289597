import { FakeContextCore, FakeObject, PAYLOAD_LIMIT, unsupported, type SyncRecord } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { SheetModel, WorkbookModel, type Scalar } from './model';
import { FakeRange } from './range';
import { FakeWorksheet } from './worksheet';
import { parseRange } from '../../../core/spec/a1';

export { FakeOfficeError, ErrorCodes } from './errors';
export { SheetModel, WorkbookModel, typedInput, dateSerial, isValidSheetName } from './model';
export type { SyncRecord } from './context';
export { PAYLOAD_LIMIT, WIRE, wireEstimate } from './context';

export class FakeWorksheetCollection extends FakeObject {
  constructor(core: FakeContextCore) {
    super(core, 'worksheets');
  }

  get items(): FakeWorksheet[] {
    return this.read('items');
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    const proxy = new FakeWorksheet(this.core, `worksheets.add(${name ?? ''})`, () => created);
    this.call('add', name ?? null, () => {
      const model = this.core.model;
      const chosen = name ?? nextDefaultName(model);
      model.checkName(chosen);
      created = new SheetModel(chosen);
      model.sheets.push(created);
    });
    return proxy;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.core, `worksheets.getItem(${key})`, () => this.core.model.get(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.core,
      `worksheets.getItemOrNullObject(${key})`,
      () => this.core.model.find(key) ?? null,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.core,
      'worksheets.getActiveWorksheet()',
      () => this.core.model.activeSheet ?? this.core.model.sheets[0],
    );
  }

  protected loadProperty(name: string): unknown {
    const [head, ...rest] = name.split('/');
    if (head !== 'items') throw unsupported(`WorksheetCollection.${name}`);
    return this.core.model.sheets.map((sheet) => {
      const proxy = FakeWorksheet.bound(this.core, sheet);
      for (const property of rest.length > 0 ? [rest.join('/')] : ['name', 'position']) {
        proxy.primeLoaded(
          property,
          property === 'position' ? this.core.model.sheets.indexOf(sheet) : sheet.name,
        );
      }
      return proxy;
    });
  }
}

function nextDefaultName(model: WorkbookModel): string {
  for (let n = 1; ; n += 1) if (!model.find(`Feuil${n}`)) return `Feuil${n}`;
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;

  constructor(private readonly core: FakeContextCore) {
    this.worksheets = new FakeWorksheetCollection(core);
  }

  /** The selection, or A1 of the active sheet when nothing is selected. */
  getSelectedRange(): FakeRange {
    const model = this.core.model;
    const sheetProxy = new FakeWorksheet(
      this.core,
      'selection.worksheet',
      () => model.selection?.sheet ?? model.activeSheet ?? model.sheets[0],
    );
    return new FakeRange(this.core, 'workbook.getSelectedRange()', sheetProxy, () =>
      parseRange(model.selection?.address ?? 'A1'),
    );
  }
}

export class FakeApplication {
  suspended = 0;

  constructor(private readonly core: FakeContextCore) {}

  suspendApiCalculationUntilNextSync(): void {
    if (!this.core.supports('ExcelApi 1.6'))
      throw new FakeOfficeError(
        ErrorCodes.apiNotFound,
        'suspendApiCalculationUntilNextSync needs ExcelApi 1.6.',
      );
    this.core.enqueue('application', 'suspendApiCalculationUntilNextSync', null, () => {
      this.suspended += 1;
    });
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(private readonly core: FakeContextCore) {
    this.workbook = new FakeWorkbook(core);
    this.application = new FakeApplication(core);
  }

  sync(): Promise<void> {
    return this.core.sync();
  }
}

export interface FakeExcelOptions {
  /** Highest ExcelApi minor version supported (default 1.9, Excel 2019 has 1.8). */
  excelApi?: number;
  /** Limit on a request's estimated real size (default 5 MB, Excel on the web's). */
  requestLimit?: number;
}

/**
 * A strict, in-memory Excel for tests: `run` gives a request context like `Excel.run`; `syncs` records
 * each `context.sync()` with the JSON size of its queued operations and of its response.
 */
export class FakeExcel {
  readonly model = new WorkbookModel();
  readonly syncs: SyncRecord[] = [];
  private readonly excelApi: number;
  /** Requests over this estimated real size fail with RequestPayloadSizeLimitExceeded; tests may lower it. */
  requestLimit: number;

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? 1.9;
    this.requestLimit = options.requestLimit ?? PAYLOAD_LIMIT;
  }

  isSetSupported(name: string, version?: string): boolean {
    return name === 'ExcelApi' && Number(version ?? '1.1') <= this.excelApi + 1e-9;
  }

  private supports(api: string): boolean {
    const [name, version] = api.split(' ');
    return this.isSetSupported(name, version);
  }

  /** Like Excel.run: a fresh context per batch; typed as the real one so the host code is the production code. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const core = new FakeContextCore(this.model, this.syncs, (api) => this.supports(api), this.requestLimit);
    const context = new FakeRequestContext(core);
    // The fake implements only the members the host uses, with the same names and semantics.
    return batch(context as unknown as Excel.RequestContext);
  }

  /** Like Excel.createWorkbook(base64): records the workbook. */
  async createWorkbook(base64?: string): Promise<void> {
    if (!this.isSetSupported('ExcelApi', '1.8'))
      throw new FakeOfficeError(ErrorCodes.apiNotFound, 'createWorkbook needs ExcelApi 1.8.');
    this.model.createdWorkbooks.push(base64 ?? '');
  }

  // --- Test helpers: direct access to the model, no round trip counted. ---

  addSheet(name: string, rows: Scalar[][] = []): SheetModel {
    this.model.checkName(name);
    const sheet = new SheetModel(name);
    rows.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value !== '') sheet.ensure(i + 1, j + 1).value = value;
      }),
    );
    this.model.sheets.push(sheet);
    this.model.activeSheet ??= sheet;
    return sheet;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  resetSyncs(): void {
    this.syncs.length = 0;
  }
}

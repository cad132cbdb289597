import { readFileSync } from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { FakeSpreadsheet, appsScriptGlobals } from '../fakes/apps-script';
import { loadXlsxFixture } from '../helpers/fixtures';
import { buildCodeJs, CODE_JS_ENTRY_POINTS } from './build-gas';

/**
 * The built Code.js loaded as Apps Script loads it: one script in a context whose globals are the
 * services (here the strict fake), no module system. Then the menu, a chunked generation, the check
 * and the statistics for the sample class, through the top-level functions google.script.run calls.
 */
let code = '';

beforeAll(async () => {
  code = await buildCodeJs();
}, 120_000);

async function sampleClass(): Promise<FakeSpreadsheet> {
  const spreadsheet = new FakeSpreadsheet();
  for (const sheet of await loadXlsxFixture('classe-ndrc2-ccf.xlsx'))
    spreadsheet.addSheetWithValues(sheet.name, sheet.values);
  return spreadsheet;
}

type Fn = (...args: unknown[]) => unknown;

function load(spreadsheet: FakeSpreadsheet) {
  const services = appsScriptGlobals(spreadsheet);
  // Date is shared so that `instanceof Date` holds for the values the fake returns, as in Apps Script.
  const context = vm.createContext({ ...services.globals, Date, console });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const fn = (name: string): Fn => {
    const f = (context as Record<string, unknown>)[name];
    if (typeof f !== 'function') throw new Error(`${name} is not a top-level function`);
    return f as Fn;
  };
  return { ...services, fn };
}

describe('built Code.js', () => {
  it('is plain script: top-level function declarations, no import, export or require', () => {
    for (const name of CODE_JS_ENTRY_POINTS) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('reaches only the open spreadsheet: the `spreadsheets` scope would allow others, the code never asks', () => {
    // docs/installation.md promises this next to the scope list of appsscript.json.
    for (const call of ['openById', 'openByUrl', 'DriveApp', 'UrlFetchApp', 'GmailApp', 'MailApp'])
      expect(code).not.toContain(call);
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    // The advanced service writes the open spreadsheet: neither `currentonly` nor `drive.file` reaches it.
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('runs onOpen, a chunked generation, the check and the statistics for the sample class', async () => {
    const spreadsheet = await sampleClass();
    const { fn, app, sheets, lock } = load(spreadsheet);

    fn('onOpen')();
    expect(app.menus[0]).toEqual({
      items: [{ caption: 'Ouvrir', functionName: 'showSidebar' }],
      added: true,
    });
    fn('showSidebar')();
    expect(app.sidebar).toMatchObject({ file: 'Sidebar', title: 'Grilles E4' });

    const preview = fn('previewRoster')({}) as { usable: boolean; candidates: unknown[] };
    expect(preview.usable).toBe(true);
    const count = preview.candidates.length;

    const chunks: Array<{ created: string[]; remaining: number }> = [];
    for (let i = 0; i < 20; i++) {
      const result = fn('generateChunk')({ form: 'ccf', session: 2026, chunkSize: 10 }) as {
        created: string[];
        remaining: number;
      };
      chunks.push(result);
      if (result.remaining === 0) break;
    }
    // The chunk that builds the template makes 1.75 × 10 tabs, the others 10.
    expect(chunks[0].created).toHaveLength(17);
    expect(chunks.length).toBe(1 + Math.ceil((count - 17) / 10));
    expect(chunks.flatMap((c) => c.created)).toHaveLength(count);
    expect(chunks[chunks.length - 1].remaining).toBe(0);
    const names = spreadsheet.sheets.map((s) => s.name);
    expect(names).toContain('Suivi E4');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(spreadsheet.cellCount).toBeLessThan(200_000);
    expect(lock.held).toBe(false);

    const again = fn('generateChunk')({ form: 'ccf', session: 2026, chunkSize: 10 }) as {
      created: string[];
      existing: number;
    };
    expect(again.created).toEqual([]);
    expect(again.existing).toBe(count);

    const control = fn('runControl')() as { summary: { candidates: number }; findings: unknown[] };
    expect(control.summary.candidates).toBe(count);
    expect(names.length + 1).toBe(spreadsheet.sheets.length); // « Contrôle » added

    const settings = fn('loadSettings')() as Record<string, string>;
    expect(settings).toHaveProperty('etablissement');
    const stats = fn('runStatistics')({
      settings: { ...settings, etablissement: 'Lycée =Test' },
      nominatif: false,
    }) as {
      url: string;
      downloadUrl: string;
      inscrits: number;
    };
    expect(stats.inscrits).toBe(count);
    expect(stats.url).toBe('https://docs.google.com/spreadsheets/d/stats-1/edit');
    expect(stats.downloadUrl).toBe('https://docs.google.com/spreadsheets/d/stats-1/export?format=xlsx');
    expect(sheets.files).toHaveLength(1);
    expect(sheets.files[0].requests.length).toBeGreaterThan(0);
  });

  it('refuses a second execution while the document lock is held, with a French message', async () => {
    const spreadsheet = await sampleClass();
    const { fn, lock } = load(spreadsheet);
    lock.otherHolder = true;
    expect(() => fn('generateChunk')({ form: 'ccf', session: 2026, chunkSize: 10 })).toThrow(
      /Un autre traitement est en cours/,
    );
  });
});

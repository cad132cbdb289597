import { parse } from 'acorn';
import { readdirSync, readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { FILE_MODE_BROWSER } from '../../office-addin/file-mode/host';
import { buildPane } from './build-pane';

/**
 * Excel 2016 and 2019 (volume licence) show the pane in Internet Explorer 11 (or EdgeHTML): every
 * script the pane loads must parse as ECMAScript 5 and start without the ES2015+ library.
 */

/**
 * What IE 11 lacks of ES2015+: globals, statics and prototype methods the polyfills must provide.
 * TextDecoder and TextEncoder have no polyfill: the code does without them (core/text/codec.ts).
 */
const MISSING_GLOBALS = ['Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Reflect', 'Proxy', 'TextDecoder', 'TextEncoder'];
const MISSING_STATICS: Array<[string, string[]]> = [
  ['Object', ['assign', 'entries', 'values', 'fromEntries', 'is', 'getOwnPropertySymbols']],
  ['Array', ['from', 'of']],
  ['Number', ['isInteger', 'isFinite', 'isNaN']],
  ['Math', ['trunc', 'sign', 'log10', 'hypot']],
  ['String', ['fromCodePoint', 'raw']],
];
const MISSING_METHODS: Array<[string, string[]]> = [
  ['Array', ['find', 'findIndex', 'includes', 'fill', 'flat', 'flatMap', 'keys', 'values', 'entries']],
  ['String', ['includes', 'startsWith', 'endsWith', 'repeat', 'padStart', 'padEnd', 'normalize', 'matchAll']],
];

let dir = '';
beforeAll(async () => {
  dir = await buildPane();
}, 600_000);

function scripts(): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.js'));
}

describe('the built task pane for old Excel engines', () => {
  it('parses as ECMAScript 5 in every script, the lazy chunks (exceljs) included', () => {
    const files = scripts();
    expect(files).toContain('taskpane.js');
    expect(files.length).toBeGreaterThanOrEqual(2);
    const failures: string[] = [];
    for (const file of files) {
      try {
        parse(readFileSync(path.join(dir, file), 'utf8'), { ecmaVersion: 5 });
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('acorn rejects ES2015 syntax, so the check above can fail', () => {
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
    expect(() => parse('var r = /a/u;', { ecmaVersion: 5 })).toThrow();
  });

  it('starts without the ES2015+ library and without office.js, and says it runs in file mode', async () => {
    const html = readFileSync(path.join(dir, 'taskpane.html'), 'utf8').replace(
      /<script src=[^>]*office\.js[^>]*><\/script>/,
      '',
    );
    expect(html).not.toContain('office.js');
    const dom = new JSDOM(html, { runScripts: 'outside-only', url: 'https://exemple.fr/grilles-e4/taskpane.html' });
    const win = dom.window as unknown as Record<string, Record<string, unknown>>;
    const removed = stripModernLibrary(win);
    expect(removed).toBeGreaterThan(40);
    dom.window.eval(readFileSync(path.join(dir, 'taskpane.js'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const app = dom.window.document.getElementById('app');
    expect(app?.textContent).toContain(FILE_MODE_BROWSER);
    // The polyfills put back what the pane uses, normalize included.
    expect(dom.window.eval("typeof Promise + typeof Map + 'e\\u0301'.normalize('NFC').length")).toBe(
      'functionfunction1',
    );
  });
});

/** Deletes the ES2015+ library from the sandbox's own intrinsics (not the test's). Returns how many. */
function stripModernLibrary(win: Record<string, Record<string, unknown>>): number {
  let count = 0;
  const drop = (owner: Record<string, unknown>, name: string): void => {
    if (owner && name in owner && delete owner[name]) count += 1;
  };
  for (const name of MISSING_GLOBALS) drop(win as unknown as Record<string, unknown>, name);
  for (const [ctor, names] of MISSING_STATICS) for (const n of names) drop(win[ctor], n);
  for (const [ctor, names] of MISSING_METHODS) {
    const proto = (win[ctor] as unknown as { prototype: Record<string, unknown> }).prototype;
    for (const n of names) drop(proto, n);
  }
  return count;
}

import { readFileSync } from 'fs';
import { join } from 'path';
import { inflateEntry, readZip } from '../../xlsx/package/zip';
import { contentTypeOf } from '../../xlsx/package/content-types';
import { copyFixture, runCli, tempDir } from '../helpers/cli';
import { convertToCsv, describeWithLibreOffice } from '../helpers/libreoffice';

/**
 * Workbooks saved by Excel (charts, pivot tables with caches, a table, a VBA project) with a roster sheet:
 * `grilles` into a new file, `grilles` again in place and `controle` in place keep every part of the
 * original byte for byte (except the workbook-level parts a new tab must change), keep an .xlsm
 * macro-enabled, and give a file LibreOffice opens and recalculates.
 */

const FIXTURES = [
  'excel-made/classe-123233_charts.xlsx',
  'excel-made/classe-ExcelPivotTableSample.xlsx',
  'excel-made/classe-45431.xlsm',
  'excel-made/classe-table-sample.xlsx',
];

/** Parts a new tab has to change: the sheet list, its relationships, the content types, styles, app.xml. */
const WORKBOOK_PARTS = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'docProps/app.xml',
]);

function entries(path: string): Map<string, Uint8Array> {
  return new Map(readZip(new Uint8Array(readFileSync(path))).map((e) => [e.name, inflateEntry(e)]));
}

function changedParts(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>): string[] {
  const changed: string[] = [];
  for (const [name, bytes] of before) {
    if (WORKBOOK_PARTS.has(name)) continue;
    const now = after.get(name);
    if (!now || Buffer.compare(Buffer.from(now), Buffer.from(bytes)) !== 0) changed.push(name);
  }
  return changed;
}

function mainType(parts: Map<string, Uint8Array>): string | undefined {
  return contentTypeOf(
    Buffer.from(parts.get('[Content_Types].xml') as Uint8Array).toString('utf8'),
    'xl/workbook.xml',
  );
}

describeWithLibreOffice('workbooks made by Excel come through grilles and controle unchanged', () => {
  it.each(FIXTURES)('%s', async (fixture) => {
    const dir = tempDir();
    const input = copyFixture(fixture, dir);
    const ext = input.slice(input.lastIndexOf('.'));
    const output = `grilles${ext}`;
    const original = entries(join(dir, input));

    const first = await runCli(['grilles', input, '-o', output], dir);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(changedParts(original, entries(join(dir, output)))).toEqual([]);
    expect(changedParts(original, entries(join(dir, input)))).toEqual([]);

    const again = await runCli(['grilles', output], dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain('6 déjà présents');
    const control = await runCli(['controle', output], dir);
    expect(control.code).toBe(1);
    const final = entries(join(dir, output));
    expect(changedParts(original, final)).toEqual([]);
    expect(mainType(final)).toBe(mainType(original));
    if (ext === '.xlsm') {
      expect(mainType(final)).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
      expect(final.has('xl/vbaProject.bin')).toBe(true);
    }

    // « Suivi E4 » is the first tab: LibreOffice recomputes each fresh tab's live status.
    const rows = await convertToCsv(join(dir, output), 1);
    const header = rows.findIndex((r) => r.includes('Saisie'));
    const statuses = rows.slice(header + 1).map((r) => r[rows[header].indexOf('Saisie')]);
    expect(statuses.filter((s) => s !== '')).toEqual(
      Array(6).fill('Saisie incomplète : 16 élément(s) manquant(s)'),
    );
  });
});

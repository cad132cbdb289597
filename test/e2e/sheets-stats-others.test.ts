import { join } from 'path';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/cli';
import { gridsFile, type GridsPupil } from '../helpers/grids-file';
import type { CreatedFile } from '../fakes/apps-script/services';
import { launchChromium, screenshot } from './excel-harness';
import { SheetsBackend, openSidebar, workbookOf } from './sheets-harness';

/**
 * « Ajouter d'autres classeurs… » in the Google Sheets sidebar: .xlsx files chosen through the file
 * input are read in the page, and only their digests reach the server (the built Code.js over the
 * fake), which builds one statistics spreadsheet with the open spreadsheet's grids.
 */

function pupils(prefix: string, group: string, notes: number[]): GridsPupil[] {
  return notes.map((note, i) => ({
    number: `${prefix}${i + 1}`,
    nom: `${group}NOM${i + 1}`,
    group,
    fill: { note },
  }));
}

type Value = string | number | boolean | null;

/** The values the batchUpdate writes into one sheet of the created spreadsheet (formulas as text). */
function writtenValues(file: CreatedFile, title: string): Value[][] {
  const sheetId = (file.resource.sheets ?? []).find((s) => s.properties?.title === title)?.properties
    ?.sheetId;
  const update = file.requests.find((r) => r.updateCells?.start?.sheetId === sheetId)?.updateCells;
  if (sheetId === undefined || update === undefined) throw new Error(`no sheet ${title}`);
  return (update.rows ?? []).map((row) =>
    (row.values ?? []).map((cell) => {
      const v = cell.userEnteredValue;
      return v?.stringValue ?? v?.numberValue ?? v?.boolValue ?? v?.formulaValue ?? null;
    }),
  );
}

describe('Google Sheets sidebar: « Ajouter d’autres classeurs… » in the statistics step', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reads two workbooks chosen on the computer in the sidebar and consolidates them with the open spreadsheet', async () => {
    const dir = tempDir();
    const a = join(dir, await gridsFile(dir, 'ndrc2b', pupils('0260002', '2B', [8, 10])));
    const b = join(dir, await gridsFile(dir, 'ndrc2c', pupils('0260003', '2C', [12, 14, 16])));
    const roster = [
      ['N° candidat', 'Nom', 'Prénom', 'Division'],
      ['02600011', 'OUVERT', 'Léa', '2A'],
    ];
    const backend = new SheetsBackend(workbookOf([{ name: 'Liste', values: roster }]));
    const generated = backend.run('generateChunk', [{ form: 'ccf', session: 2026, fresh: true }]);
    expect(generated.ok).toBe(true);
    const { page, blocked, dialogs } = await openSidebar(browser, backend);

    await page.getByRole('tab', { name: '3. Statistiques' }).click();
    await page.getByRole('button', { name: "Ajouter d'autres classeurs…" }).waitFor();
    await page.locator('#ge4-autres-classeurs').setInputFiles([a, b]);
    await page.getByRole('button', { name: 'Retirer ndrc2c.xlsx' }).waitFor();
    await page.getByLabel('Établissement').fill('Lycée Jean Moulin');
    await page.getByRole('button', { name: 'Produire les statistiques' }).click();
    await page
      .locator('.ge4-step:not([hidden]) .ge4-result .ge4-done, .ge4-error:not([hidden])')
      .first()
      .waitFor({ timeout: 60000 });
    expect(await page.locator('.ge4-error').innerText()).toBe('');
    const text = await page.locator('.ge4-step:not([hidden])').innerText();
    expect(text).toContain('Classeurs réunis : Classeur ouvert (1), ndrc2b.xlsx (2), ndrc2c.xlsx (3).');
    expect(text).toContain('6 inscrits, 5 présents notés.');
    expect(text).toContain('Moyenne : 12,00 / 20.');
    expect(text).toContain('Statistiques provisoires');
    await screenshot(page, 'sheets-6-autres-classeurs');

    // Only the digests travelled, in one call: never the files' bytes.
    const calls = backend.log.filter((c) => c.name === 'runConsolidatedStatistics');
    expect(calls).toHaveLength(1);
    expect(calls[0].answer.ok).toBe(true);
    const [request] = calls[0].args as Array<{ others: Array<{ file: string; counted: unknown[] }> }>;
    expect(request.others.map((o) => [o.file, o.counted.length])).toEqual([
      ['ndrc2b.xlsx', 2],
      ['ndrc2c.xlsx', 3],
    ]);
    expect(JSON.stringify(request)).not.toContain('PK\\u0003\\u0004');
    expect(backend.log.some((c) => c.name === 'runStatistics')).toBe(false);

    // One new spreadsheet: every candidate counted, the « Classeurs » sheet naming each source.
    const files = backend.services.sheets.files;
    expect(files).toHaveLength(1);
    const titles = (files[0].resource.sheets ?? []).map((s) => s.properties?.title);
    expect(titles.slice(0, 2)).toEqual(['Synthèse', 'Classeurs']);
    const classeurs = writtenValues(files[0], 'Classeurs');
    // Classeur, division, inscrits, présents notés, non encore notés, moyenne.
    expect(classeurs.slice(4, 8).map((r) => [r[0], r[1], r[4], r[5], r[8], r[9]])).toEqual([
      ['Classeur ouvert', '2A', 1, 0, 1, '–'],
      ['ndrc2b.xlsx', '2B', 2, 2, 0, 9],
      ['ndrc2c.xlsx', '2C', 3, 3, 0, 14],
      ['Ensemble', '', 6, 5, 1, 12],
    ]);
    const synthese = JSON.stringify(writtenValues(files[0], 'Synthèse'));
    expect(synthese).toContain('Lycée Jean Moulin');
    expect(files[0].requests.some((r) => r.addChart !== undefined)).toBe(true);
    // The settings are remembered in the open spreadsheet, as for its own statistics.
    expect(backend.spreadsheet.sheets.map((s) => s.name)).toContain('Paramètres E4');

    expect(blocked).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('refuses in French a workbook of another session, and creates nothing', async () => {
    const dir = tempDir();
    const later = join(
      dir,
      await gridsFile(dir, 'session2027', pupils('0270004', '2D', [11]), { session: 2027 }),
    );
    const roster = [
      ['N° candidat', 'Nom', 'Prénom', 'Division'],
      ['02600011', 'OUVERT', 'Léa', '2A'],
    ];
    const backend = new SheetsBackend(workbookOf([{ name: 'Liste', values: roster }]));
    expect(backend.run('generateChunk', [{ form: 'ccf', session: 2026, fresh: true }]).ok).toBe(true);
    const { page } = await openSidebar(browser, backend);
    await page.getByRole('tab', { name: '3. Statistiques' }).click();
    await page.locator('#ge4-autres-classeurs').setInputFiles([later]);
    await page.getByRole('button', { name: 'Retirer session2027.xlsx' }).waitFor();
    await page.getByRole('button', { name: 'Produire les statistiques' }).click();
    const error = page.locator('.ge4-error:not([hidden])');
    await error.waitFor({ timeout: 60000 });
    const message = await error.innerText();
    expect(message).toContain('Sessions différentes : Classeur ouvert (2026) ; session2027.xlsx (2027)');
    expect(message).not.toMatch(/Error|undefined/);
    expect(backend.services.sheets.files).toHaveLength(0);
    expect(backend.services.lock.held).toBe(false);
    await page.close();
  });
});

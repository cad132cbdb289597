import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { rosterFixturePath } from '../helpers/fixtures';
import { XlsxHost } from '../../xlsx/host';
import { openTaskpane, usePaneSession } from './excel-harness';

/**
 * File mode in Chromium: the page outside Excel (office.js blocked) and Excel below ExcelApi 1.8 (the
 * fake at 1.7). Real file inputs, real downloads, read back with the xlsx engine.
 */
async function downloadOf(page: Page, name: RegExp): Promise<Uint8Array> {
  const link = page.getByRole('link', { name });
  await link.waitFor({ timeout: 120000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return new Uint8Array(readFileSync(path));
}

describe('file mode of the Excel pane', () => {
  const pane = usePaneSession();

  it('outside Excel: a roster file gives the grids workbook, the workbook gives the check and the statistics', async () => {
    const { page, blocked } = await openTaskpane(pane.browser, pane.url);
    await page.getByText(/Mode fichier : cette page n'est pas ouverte dans Excel/).waitFor();
    await page
      .getByLabel('Liste de la classe (.xlsx)')
      .setInputFiles(rosterFixturePath('classe-ndrc2-ccf.xlsx'));
    await page.getByRole('button', { name: 'Créer le classeur des grilles' }).click();
    const grids = await downloadOf(page, /Télécharger le classeur des grilles/);
    const host = await XlsxHost.fromBytes(grids);
    const names = await host.listSheets();
    const created = Number(/(\d+) onglets créés/.exec(await page.locator('main').innerText())?.[1]);
    expect(created).toBeGreaterThan(10);
    expect(names).toContain('Suivi E4');
    expect(names.length).toBeGreaterThanOrEqual(created + 2);

    await page.getByLabel('Classeur des grilles rempli (.xlsx)').setInputFiles({
      name: 'classe-grilles.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(grids),
    });
    await page.getByRole('button', { name: 'Contrôler et produire les statistiques' }).click();
    const checked = await downloadOf(page, /Télécharger le classeur avec « Contrôle »/);
    expect(await (await XlsxHost.fromBytes(checked)).listSheets()).toContain('Contrôle');
    expect(await page.locator('main').innerText()).toMatch(new RegExp(`${created} candidats : `));
    expect(await page.locator('.ge4-findings details').count()).toBe(created);
    // Only the page's own files and blob: URLs were requested; office.js was blocked.
    expect(blocked.every((u) => u.includes('appsforoffice.microsoft.com'))).toBe(true);
    await page.close();
  });

  it('in Excel below ExcelApi 1.8: the roster is read from the sheet and the workbook is downloaded', async () => {
    const rows = [
      ['N° candidat', 'Nom', 'Prénom'],
      ['0001', 'MARTIN', 'Léa'],
      ['0002', 'DURAND', 'Hugo'],
    ];
    const { page } = await openTaskpane(pane.browser, pane.url, {
      bundle: pane.bundle,
      config: { sheets: [{ name: 'Ma classe', rows }], excelApi: 1.7 },
    });
    await page.getByText(/Mode fichier : cette version d'Excel/).waitFor();
    await expect(page.getByLabel('Liste de la classe (.xlsx)').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Créer le classeur des grilles' }).click();
    const grids = await downloadOf(page, /Télécharger le classeur des grilles/);
    const names = await (await XlsxHost.fromBytes(grids)).listSheets();
    expect(names).toEqual(expect.arrayContaining(['Ma classe', 'Suivi E4', 'MARTIN Léa', 'DURAND Hugo']));
    await page.close();
  });
});

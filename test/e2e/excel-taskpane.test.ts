import type { Server } from 'http';
import type { Browser, Page } from 'playwright-core';
import type { CellValue } from '../../core/spec/types';
import { loadXlsxFixture } from '../helpers/fixtures';
import type { FakeExcelConfig } from './fake-excel-entry';
import { buildFakeBundle, launchChromium, openTaskpane, screenshot, serveDist } from './excel-harness';

type Scalar = string | number | boolean;

/** Values as Office.js gives them: '' for empty, serial numbers for dates. */
function officeRows(rows: CellValue[][]): Scalar[][] {
  return rows.map((row) =>
    row.map((v) =>
      v === null ? '' : v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000 : v,
    ),
  );
}

interface FakeView {
  names: string[];
  selection: { sheet: string; address: string } | null;
  created: number;
}

async function fakeView(page: Page): Promise<FakeView> {
  return page.evaluate(() => {
    const fake = (
      window as unknown as {
        __fakeExcel: {
          model: {
            sheets: Array<{ name: string }>;
            selection: { sheet: { name: string }; address: string } | null;
            createdWorkbooks: string[];
          };
        };
      }
    ).__fakeExcel;
    const model = fake.model;
    return {
      names: model.sheets.map((s) => s.name),
      selection: model.selection
        ? { sheet: model.selection.sheet.name, address: model.selection.address }
        : null,
      created: model.createdWorkbooks.length,
    };
  });
}

async function cellOf(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(
    ([s, a]) => {
      const fake = (
        window as unknown as { __fakeExcel: { model: { get(n: string): { cells: Map<string, unknown> } } } }
      ).__fakeExcel;
      return fake.model.get(s).cells.get(a) ?? null;
    },
    [sheet, address] as const,
  );
}

describe('Excel task pane in Chromium, office.js blocked, fake Excel injected', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let bundle: string;
  let classe: FakeExcelConfig;

  beforeAll(async () => {
    [bundle, { server, url }, browser] = await Promise.all([
      buildFakeBundle(),
      serveDist(),
      launchChromium(),
    ]);
    const sheets = await loadXlsxFixture('classe-ndrc2-ccf.xlsx');
    classe = { sheets: sheets.map((s) => ({ name: s.name, rows: officeRows(s.values) })) };
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('goes through the three steps on the sample class', async () => {
    const { page, blocked } = await openTaskpane(browser, url, { bundle, config: classe });
    expect(blocked.some((u) => u.includes('appsforoffice.microsoft.com'))).toBe(true);

    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText(/\d+ candidats trouvés/).waitFor();
    const found = Number(
      /(\d+) candidats trouvés/.exec(await page.locator('.ge4-step:not([hidden])').innerText())?.[1],
    );
    expect(found).toBeGreaterThan(10);
    await expect(page.getByRole('button', { name: 'Créer les onglets' }).isEnabled()).resolves.toBe(true);
    await screenshot(page, 'excel-1-liste');

    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText(/onglets créés/).waitFor();
    const text = await page.locator('.ge4-step:not([hidden])').innerText();
    expect(text).toContain(`${found} onglets créés, 0 déjà présent`);
    const afterCreate = await fakeView(page);
    expect(afterCreate.names.length).toBeGreaterThanOrEqual(classe.sheets.length + found + 1);
    expect(afterCreate.names.some((n) => n.startsWith('GE4-modèle'))).toBe(false);
    await screenshot(page, 'excel-2-grilles');

    await page.getByRole('tab', { name: '2. Contrôle' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText(/candidats : /).waitFor();
    const groups = page.locator('.ge4-findings details summary');
    expect(await groups.count()).toBe(found);
    await groups.first().click();
    const links = page.locator('.ge4-findings details[open] button.ge4-link');
    expect(await links.count()).toBeGreaterThan(0);
    const first = await links.first().innerText();
    await links.first().click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeExcel: { model: { selection: unknown } } }).__fakeExcel.model
          .selection !== null,
    );
    const selection = (await fakeView(page)).selection;
    expect(selection).not.toBeNull();
    expect(first).toContain(`(${selection?.sheet}, ${selection?.address.split(':')[0]})`);
    expect((await fakeView(page)).names).toEqual(expect.arrayContaining(['Contrôle', 'Suivi E4']));
    await screenshot(page, 'excel-3-controle');

    await page.getByRole('tab', { name: '3. Statistiques' }).click();
    await page.getByLabel('Établissement').fill('Lycée Jean Moulin');
    await page.getByLabel('UAI').fill('0750001A');
    await expect(page.getByLabel('Ajouter la liste nominative des candidats').isChecked()).resolves.toBe(
      false,
    );
    await page.getByRole('button', { name: 'Produire les statistiques' }).click();
    await page.getByText(/inscrits/).waitFor({ timeout: 60000 });
    expect((await fakeView(page)).created).toBe(1);
    const download = page.getByRole('link', { name: /Télécharger statistiques/ });
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    await screenshot(page, 'excel-4-statistiques');
    await page.close();
  });

  it('keeps names that look like formulas or HTML as text, in the pane and in the tabs', async () => {
    const rows: Scalar[][] = [
      ['N° candidat', 'Nom', 'Prénom'],
      ['0001', '=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>'],
      ['0002', '+33 MARTIN', '@Léa'],
    ];
    const { page } = await openTaskpane(browser, url, {
      bundle,
      config: { sheets: [{ name: 'Liste', rows }] },
    });
    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('2 candidats trouvés.').waitFor();
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(
      page.getByText('<img src=x onerror=alert(1)>', { exact: false }).count(),
    ).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText(/2 onglets créés/).waitFor();
    const names = (await fakeView(page)).names.filter((n) => n !== 'Liste' && n !== 'Suivi E4');
    expect(names).toHaveLength(2);
    const cells = await page.evaluate((tabs) => {
      const fake = (
        window as unknown as {
          __fakeExcel: {
            model: { get(n: string): { cells: Map<string, { value: unknown; formula?: string }> } };
          };
        }
      ).__fakeExcel;
      return tabs.flatMap((t) =>
        [...fake.model.get(t).cells.values()]
          .filter((c) => typeof c.value === 'string' && /HYPERLINK|\+33|@Léa/.test(c.value as string))
          .map((c) => ({ ...c })),
      );
    }, names);
    expect(cells.length).toBeGreaterThanOrEqual(2);
    for (const cell of cells) expect(cell.formula).toBeUndefined();
    await page.close();
  });

  it('says it runs in file mode, and why, when office.js is missing', async () => {
    const { page } = await openTaskpane(browser, url);
    await page
      .getByRole('status')
      .getByText(/Mode fichier : cette page n'est pas ouverte dans Excel/)
      .waitFor();
    await expect(page.getByLabel('Liste de la classe (.xlsx)').count()).resolves.toBe(1);
    await screenshot(page, 'excel-0-hors-excel');
    await page.close();
  });

  it('says it runs in file mode below ExcelApi 1.8, because of the Excel version', async () => {
    const { page } = await openTaskpane(browser, url, { bundle, config: { sheets: [], excelApi: 1.7 } });
    await page
      .getByRole('status')
      .getByText(/Mode fichier : cette version d'Excel \(sans ExcelApi 1\.8/)
      .waitFor();
    await expect(page.getByRole('tab').count()).resolves.toBe(0);
    await page.close();
  });

  it('reads a stored cell through the fake', async () => {
    const { page } = await openTaskpane(browser, url, {
      bundle,
      config: { sheets: [{ name: 'Liste', rows: [['x']] }] },
    });
    await page.getByRole('tab', { name: '1. Grilles' }).waitFor();
    expect(await cellOf(page, 'Liste', 'A1')).toMatchObject({ value: 'x' });
    await page.close();
  });
});

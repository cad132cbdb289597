import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { toCellValue } from '../helpers/fixtures';
import { launchChromium, screenshot } from './excel-harness';
import { SheetsBackend, TIME_LIMIT_MESSAGE, openSidebar, workbookOf } from './sheets-harness';
import { TEMPLATE_PREFIX } from '../../apps-script/template-name';
import { CODE_JS_ENTRY_POINTS } from '../apps-script/build-gas';

/**
 * The Google Sheets sidebar (dist/apps-script/Sidebar.html) in Chromium, its google.script.run calls
 * served by the built Code.js over the strict SpreadsheetApp fake (see sheets-harness.ts).
 */

interface Tab {
  name: string;
  values: unknown[][];
}

/** The sample class as Sheets would hold it after an import: every tab's values. */
async function sampleClass(): Promise<Tab[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.resolve(__dirname, '../../samples/classe-exemple.xlsx'));
  return workbook.worksheets.map((ws) => {
    const values: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(toCellValue(ws.getCell(r, c).value));
      values.push(row);
    }
    return { name: ws.name, values };
  });
}

const visibleStep = (page: Page) => page.locator('.ge4-step:not([hidden])');

/** The tab names an uninterrupted generation gives, computed without the browser. */
function uninterruptedTabs(roster: Tab[]): string[] {
  const backend = new SheetsBackend(workbookOf(roster));
  for (let i = 0; i < 10; i++) {
    const answer = backend.run('generateChunk', [
      { form: 'ccf', session: 2026, chunkSize: 8, fresh: i === 0 },
    ]);
    if (!answer.ok) throw new Error(answer.message);
    if ((answer.value as { remaining: number }).remaining === 0) break;
  }
  return backend.gridTabs(roster.map((t) => t.name));
}

/** Waits (at most 10 s) for something the page triggers in the Node process. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 10_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function templatesVisible(backend: SheetsBackend): string[] {
  return backend.spreadsheet.sheets
    .filter((s) => s.name.startsWith(TEMPLATE_PREFIX) && !s.hidden)
    .map((s) => s.name);
}

describe('Google Sheets sidebar in Chromium, google.script.run served by the built Code.js on the fake', () => {
  let browser: Browser;
  let roster: Tab[];
  let rosterNames: string[];

  beforeAll(async () => {
    [browser, roster] = await Promise.all([launchChromium(), sampleClass()]);
    rosterNames = roster.map((t) => t.name);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('goes through the three steps on the sample class, the tabs created over several chunks', async () => {
    const backend = new SheetsBackend(workbookOf(roster));
    backend.chunkSize = 8;
    const { page, blocked, progress, dialogs } = await openSidebar(browser, backend);

    // Step 1: the preview.
    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('32 candidats trouvés.').waitFor();
    const preview = await visibleStep(page).innerText();
    expect(preview).toContain(`Feuille : ${rosterNames[0]}`);
    expect(preview).toMatch(/En-tête détecté à la ligne 4 : N° candidat · NOM · Prénom/);
    const names = page.getByRole('list', { name: 'Candidats trouvés' }).getByRole('listitem');
    await expect(names.count()).resolves.toBe(9);
    await expect(names.last().innerText()).resolves.toBe('… et 24 autres');
    await screenshot(page, 'sheets-1-liste');

    // Creation: 4 chunks of 8, the bar moving after each.
    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText(/onglets créés/).waitFor();
    expect(await visibleStep(page).innerText()).toContain('32 onglets créés, 0 déjà présent');
    // The chunk that builds the template makes 1.75 × 8 = 14 tabs.
    expect(await progress()).toEqual([14, 22, 30, 32].map((n) => `${n}/32 | Onglets créés (${n} / 32)`));
    const chunks = backend.calledChunks();
    expect(chunks.map((c) => c.answer.ok)).toEqual([true, true, true, true]);
    // The sidebar asks for its own chunk size; the first chunk of a run lists every tab afresh.
    // « Session » was left as the panel filled it: no forced year, the roster's title or today's
    // date decide on the server (chooseSession)…
    const session = { asker: 'panel' };
    // …and it reads the roster the preview read.
    const rosterRead = { sheet: 'Classe NDRC2' };
    expect(chunks.map((c) => c.args[0])).toEqual(
      [true, false, false, false].map((fresh) => ({
        form: 'ccf',
        session,
        chunkSize: 40,
        fresh,
        roster: rosterRead,
      })),
    );
    const grids = backend.gridTabs(rosterNames);
    expect(grids).toHaveLength(32);
    expect(new Set(grids.map((n) => n.toLowerCase())).size).toBe(32);
    expect(backend.spreadsheet.sheets.map((s) => s.name)).toContain('Suivi E4');
    expect(templatesVisible(backend)).toEqual([]);
    expect(backend.services.lock.held).toBe(false);
    await screenshot(page, 'sheets-2-grilles');

    // Step 2: findings grouped by candidate; a click selects the cell in the spreadsheet.
    await page.getByRole('tab', { name: '2. Contrôle' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText(/32 candidats : /).waitFor();
    const groups = page.locator('.ge4-findings details summary');
    const titles = await groups.allInnerTexts();
    expect(titles).toHaveLength(32);
    for (const title of titles) expect(title).toMatch(/^.+ \(n° \S+\) – \d+ remarques?$/);
    await groups.nth(2).click();
    const link = page.locator('.ge4-findings details[open] button.ge4-link').first();
    const where = /\(([^,()]+), ([A-Z]+\d+)\)$/.exec(await link.innerText());
    expect(where).not.toBeNull();
    await link.click();
    await until(() => backend.log.some((c) => c.name === 'selectCell'));
    expect(backend.log.filter((c) => c.name === 'selectCell').map((c) => c.args)).toEqual([
      [where?.[1], where?.[2]],
    ]);
    expect(backend.spreadsheet.active).toEqual({ sheet: where?.[1], range: where?.[2] });
    expect(grids).toContain(where?.[1]);
    expect(backend.spreadsheet.sheets.map((s) => s.name)).toContain('Contrôle');
    await screenshot(page, 'sheets-3-controle');

    // Step 3: a new Google Sheet, a link to open it and one to download it as .xlsx.
    await page.getByRole('tab', { name: '3. Statistiques' }).click();
    await expect(page.getByLabel('Ajouter la liste nominative des candidats').isChecked()).resolves.toBe(
      false,
    );
    await page.getByLabel('Établissement').fill('Lycée Jean Moulin');
    await page.getByLabel('UAI').fill('0750001A');
    await page.getByRole('button', { name: 'Produire les statistiques' }).click();
    await page.getByText('32 inscrits', { exact: false }).waitFor();
    expect(backend.services.sheets.files).toHaveLength(1);
    const id = backend.services.sheets.files[0].id;
    const open = page.getByRole('link', { name: 'Ouvrir le classeur des statistiques' });
    await expect(open.getAttribute('href')).resolves.toBe(
      `https://docs.google.com/spreadsheets/d/${id}/edit`,
    );
    await expect(open.getAttribute('target')).resolves.toBe('_blank');
    const download = page.getByRole('link', { name: /^Télécharger .+\.xlsx$/ });
    await expect(download.getAttribute('href')).resolves.toBe(
      `https://docs.google.com/spreadsheets/d/${id}/export?format=xlsx`,
    );
    await screenshot(page, 'sheets-4-statistiques');

    expect(backend.log.filter((c) => !c.answer.ok)).toEqual([]);
    expect(blocked).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('says in French that an interrupted creation stopped, then resumes it without duplicate tabs', async () => {
    const backend = new SheetsBackend(workbookOf(roster));
    backend.chunkSize = 8;
    // The first chunk goes through; the second is stopped by the time limit at its batchUpdate (a
    // chunk's tabs are made all at once: none of them exists), and so are the sidebar's two retries.
    backend.cutExecutions({ fn: 'generateChunk', skip: 1, afterBatches: 0, times: 3 });
    const { page, progress } = await openSidebar(browser, backend);

    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('32 candidats trouvés.').waitFor();
    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    const alert = page.getByRole('alert').filter({ hasText: "La création s'est interrompue" });
    await alert.waitFor({ timeout: 30_000 });
    const message = await alert.innerText();
    // Apps Script's English reason is said in French.
    expect(message).toContain(
      "Google a arrêté le traitement : il a dépassé la durée maximale d'une exécution Apps Script.",
    );
    expect(message).not.toContain(TIME_LIMIT_MESSAGE);
    expect(backend.calledChunks()[1].answer).toEqual({ ok: false, message: TIME_LIMIT_MESSAGE });
    expect(message).toContain(
      "Les onglets déjà créés sont conservés : cliquez de nouveau sur « Créer les onglets », elle reprendra où elle s'est arrêtée.",
    );
    // The chunk that builds the template makes 1.75 × 8 = 14 tabs.
    expect(await progress()).toEqual(['14/32 | Onglets créés (14 / 32)']);
    expect(backend.calledChunks().map((c) => c.answer.ok)).toEqual([true, false, false, false]);
    const before = backend.gridTabs(rosterNames);
    expect(before).toHaveLength(14);
    expect(backend.services.lock.held).toBe(false);
    await expect(page.getByRole('button', { name: 'Créer les onglets' }).isEnabled()).resolves.toBe(true);
    await screenshot(page, 'sheets-5-reprise');

    // The user clicks again: the run starts from what exists.
    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText(/onglets créés/).waitFor();
    await expect(page.getByRole('alert').filter({ hasText: 'interrompue' }).count()).resolves.toBe(0);
    expect(await visibleStep(page).innerText()).toContain('18 onglets créés, 14 déjà présents');
    expect((await progress()).slice(1)).toEqual([
      '8/18 | Onglets créés (8 / 18)',
      '16/18 | Onglets créés (16 / 18)',
      '18/18 | Onglets créés (18 / 18)',
    ]);
    const after = backend.gridTabs(rosterNames);
    expect(after).toHaveLength(32);
    expect(new Set(after.map((n) => n.toLowerCase())).size).toBe(32);
    expect(after).toEqual(expect.arrayContaining(before));
    expect([...after].sort()).toEqual([...uninterruptedTabs(roster)].sort());
    expect(templatesVisible(backend)).toEqual([]);
    expect(backend.spreadsheet.sheets.filter((s) => s.name === 'Suivi E4')).toHaveLength(1);
    await page.close();
  });

  it('retries a chunk stopped once by the time limit by itself, fresh, with no duplicate and no message', async () => {
    const backend = new SheetsBackend(workbookOf(roster));
    backend.chunkSize = 8;
    // The third chunk is stopped right after its batchUpdate: its tabs exist, its answer never comes.
    backend.cutExecutions({ fn: 'generateChunk', skip: 2, afterBatches: 0, applied: true, times: 1 });
    const { page, progress } = await openSidebar(browser, backend);
    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('32 candidats trouvés.').waitFor();
    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText(/onglets créés/).waitFor({ timeout: 30_000 });
    // The sidebar knows only what successful chunks reported; the tabs are all there, once.
    expect(await visibleStep(page).innerText()).toContain('24 onglets créés, 8 déjà présents');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    const chunks = backend.calledChunks();
    // 14 tabs with the template, 8, then 8 made by the chunk stopped after its batchUpdate (they exist,
    // its answer never came): the fresh retry finds them and makes the last 2.
    expect(chunks.map((c) => c.answer.ok)).toEqual([true, true, false, true]);
    expect(chunks.map((c) => (c.args[0] as { fresh: boolean }).fresh)).toEqual([true, false, false, true]);
    expect((await progress()).map((p) => p.split(' | ')[0])).toEqual(['14/32', '22/32', '32/32']);
    const grids = backend.gridTabs(rosterNames);
    expect([...grids].sort()).toEqual([...uninterruptedTabs(roster)].sort());
    expect(templatesVisible(backend)).toEqual([]);
    await page.close();
  });

  it('shows names that look like HTML or formulas as text, in the pane and in the tabs', async () => {
    const rows = [
      ['N° candidat', 'Nom', 'Prénom'],
      ['0001', '<img src=x onerror=alert(1)>', 'Léa'],
      ['0002', '=HYPERLINK("http://x";"y")', 'Tom'],
      ['0003', '+33 MARTIN', '@Zoé'],
    ];
    const backend = new SheetsBackend(workbookOf([{ name: 'Liste', values: rows }]));
    const { page, dialogs, blocked } = await openSidebar(browser, backend);

    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('3 candidats trouvés.').waitFor();
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.getByText('<img src=x onerror=alert(1)> Léa (n° 0001)').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText('3 onglets créés, 0 déjà présent').waitFor();
    const grids = backend.gridTabs(['Liste']);
    expect(grids).toHaveLength(3);
    const written = grids.flatMap((name) =>
      [...backend.spreadsheet.sheet(name).cells.values()].filter(
        (c) => typeof c.value === 'string' && /<img|HYPERLINK|\+33|@Zoé/.test(c.value),
      ),
    );
    expect(written.length).toBeGreaterThanOrEqual(4);
    for (const cell of written) expect(cell.formula).toBeUndefined();

    await page.getByRole('tab', { name: '2. Contrôle' }).click();
    await page.getByRole('button', { name: 'Lancer le contrôle' }).click();
    await page.getByText(/3 candidats : /).waitFor();
    await expect(
      page.locator('.ge4-findings summary').filter({ hasText: '<img src=x onerror=alert(1)> Léa' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('stubs exactly the top-level functions of the built Code.js', () => {
    const backend = new SheetsBackend(workbookOf(roster));
    expect(backend.functions).toEqual(CODE_JS_ENTRY_POINTS);
    expect(backend.run('generateGrids', [])).toEqual({
      ok: false,
      message: 'Script function not found: generateGrids',
    });
  });
});

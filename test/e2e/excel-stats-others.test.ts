import { join } from 'path';
import { XlsxHost } from '../../xlsx/host';
import { tempDir } from '../helpers/cli';
import { gridsFile, type GridsPupil } from '../helpers/grids-file';
import { openTaskpane, screenshot, usePaneSession } from './excel-harness';

function pupils(prefix: string, group: string, notes: number[]): GridsPupil[] {
  return notes.map((note, i) => ({
    number: `${prefix}${i + 1}`,
    nom: `${group}NOM${i + 1}`,
    group,
    fill: { note },
  }));
}

describe('Excel task pane: « Ajouter d’autres classeurs… » in the statistics step', () => {
  const pane = usePaneSession();

  it('reads two workbooks chosen on the computer and consolidates them with the open one', async () => {
    const dir = tempDir();
    const a = join(dir, await gridsFile(dir, 'ndrc2b', pupils('0260002', '2B', [8, 10])));
    const b = join(dir, await gridsFile(dir, 'ndrc2c', pupils('0260003', '2C', [12, 14, 16])));
    const rows = [
      ['N° candidat', 'Nom', 'Prénom', 'Division'],
      ['02600011', 'OUVERT', 'Léa', '2A'],
    ];
    const { page } = await openTaskpane(pane.browser, pane.url, {
      bundle: pane.bundle,
      config: { sheets: [{ name: 'Liste', rows }] },
    });
    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('1 candidat trouvé.').waitFor();
    await page.locator('#ge4-session').fill('2026');
    await page.getByRole('button', { name: 'Créer les onglets' }).click();
    await page.getByText(/1 onglet créé/).waitFor();

    await page.getByRole('tab', { name: '3. Statistiques' }).click();
    await page.getByRole('button', { name: "Ajouter d'autres classeurs…" }).waitFor();
    await page.locator('#ge4-autres-classeurs').setInputFiles([a, b]);
    await page.getByText('ndrc2c.xlsx').waitFor();
    await page.getByRole('button', { name: 'Retirer ndrc2b.xlsx' }).click();
    await page.locator('#ge4-autres-classeurs').setInputFiles([a]);
    await page.getByRole('button', { name: 'Retirer ndrc2b.xlsx' }).waitFor();
    await page.getByRole('button', { name: 'Produire les statistiques' }).click();
    await page
      .locator('.ge4-step:not([hidden]) .ge4-result .ge4-done, .ge4-error:not([hidden])')
      .first()
      .waitFor({ timeout: 60000 });
    const text = await page.locator('.ge4-step:not([hidden])').innerText();
    expect(await page.locator('.ge4-error').innerText()).toBe('');
    expect(text).toContain('Classeurs réunis : Classeur ouvert (1), ndrc2c.xlsx (3), ndrc2b.xlsx (2).');
    expect(text).toMatch(/6 inscrits/);

    await screenshot(page, 'excel-7-autres-classeurs');
    const created = await page.evaluate(
      () =>
        (window as unknown as { __fakeExcel: { model: { createdWorkbooks: string[] } } }).__fakeExcel.model
          .createdWorkbooks,
    );
    expect(created).toHaveLength(1);
    const stats = await XlsxHost.fromBytes(new Uint8Array(Buffer.from(created[0], 'base64')));
    const [classeurs] = await stats.readRanges([{ sheet: 'Classeurs' }]);
    expect(classeurs.slice(4, 7).map((r) => [r[0], r[4]])).toEqual([
      ['Classeur ouvert', 1],
      ['ndrc2c.xlsx', 3],
      ['ndrc2b.xlsx', 2],
    ]);
    await page.close();
  });
});

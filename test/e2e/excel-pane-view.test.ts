import type { Locator, Page } from 'playwright-core';
import type { FakeExcelConfig } from './fake-excel-entry';
import { openTaskpane, screenshot, usePaneSession } from './excel-harness';

/**
 * The pane as a teacher sees it in a narrow Excel pane (320 × 700): progress and failures next to the
 * button, in view, announced; and the Content-Security-Policy of taskpane.html.
 */
const NARROW = { width: 320, height: 700 };

const roster: FakeExcelConfig['sheets'] = [
  {
    name: 'Liste',
    rows: [
      ['N° candidat', 'Nom', 'Prénom'],
      ...Array.from({ length: 12 }, (_, i) => [`000${i + 1}`, `NOM${i + 1}`, 'Léa']),
    ],
  },
];

async function inView(page: Page, box: Locator): Promise<boolean> {
  const rect = await box.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  const visible = rect !== null && rect.y >= -1 && rect.y + rect.height <= height + 1;
  if (!visible) console.log('not in view', rect, height);
  return visible;
}

describe('Excel task pane at 320 × 700', () => {
  const pane = usePaneSession();

  it('shows the progress, then the failure, next to « Créer les onglets », in view and focused', async () => {
    // A request limit no batch can meet: Excel refuses even the templates alone.
    const config: FakeExcelConfig = { sheets: roster, requestLimit: 40_000, delayMs: 1500 };
    const { page } = await openTaskpane(pane.browser, pane.url, { bundle: pane.bundle, config }, NARROW);
    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('12 candidats trouvés.').waitFor();
    const create = page.getByRole('button', { name: 'Créer les onglets' });
    await create.click();

    const progress = page.locator('.ge4-progress');
    await progress.getByText(/cela peut prendre une minute/).waitFor();
    expect(await progress.getAttribute('aria-live')).toBe('polite');
    expect(await inView(page, progress)).toBe(true);
    expect(await progress.locator('progress').getAttribute('value')).toBeNull();
    await screenshot(page, 'excel-5-progression', false);

    const error = page.getByRole('alert');
    await error.getByText(/trop volumineuse/).waitFor({ timeout: 30000 });
    expect(await inView(page, error)).toBe(true);
    expect(await error.evaluate((node) => node === document.activeElement)).toBe(true);
    // Right after the button that started it.
    expect(
      await create.evaluate((button) => {
        const next = button.nextElementSibling;
        return (
          next?.classList.contains('ge4-progress') && next.nextElementSibling?.classList.contains('ge4-error')
        );
      }),
    ).toBe(true);
    await screenshot(page, 'excel-6-erreur', false);
    await page.close();
  });

  it('runs under its Content-Security-Policy without a violation, and refuses an inline script', async () => {
    const { page } = await openTaskpane(
      pane.browser,
      pane.url,
      { bundle: pane.bundle, config: { sheets: roster } },
      NARROW,
    );
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(policy).toContain("object-src 'none'");
    await page.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective));
    });
    await page.getByRole('button', { name: 'Lire la liste' }).click();
    await page.getByText('12 candidats trouvés.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    );
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true;';
      document.body.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return {
        inline: (window as unknown as { __inline?: boolean }).__inline === true,
        violations: (window as unknown as { __violations: string[] }).__violations,
      };
    });
    expect(ran.inline).toBe(false);
    expect(ran.violations.some((d) => d.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});

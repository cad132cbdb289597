import { JSDOM } from 'jsdom';
import type { Bridge } from '../../ui/bridge';
import { LONG_REQUEST, isIndeterminate, progressLabel } from '../../ui/progress';

/** The panel's progress and error regions: next to the button that started the work, announced, in view. */
const dom = new JSDOM('<!doctype html><html><body><main id="app"></main></body></html>');
const g = globalThis as unknown as Record<string, unknown>;
g.document = dom.window.document;
g.HTMLElement = dom.window.HTMLElement;

// Imported after the globals: ui/dom.ts builds nodes with the global document.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PanelContext } = require('../../ui/context') as typeof import('../../ui/context');

const bridge = { host: 'excel' } as unknown as Bridge;

describe('progressLabel', () => {
  it('says a request may take a minute while nothing is done yet, then counts', () => {
    expect(progressLabel(0, 35, 'Création des onglets')).toBe(
      `Création des onglets (0 / 35) – ${LONG_REQUEST}…`,
    );
    expect(progressLabel(0, 0, 'Création des onglets…')).toBe(`Création des onglets – ${LONG_REQUEST}…`);
    expect(progressLabel(150, 600, 'Création des onglets')).toBe('Création des onglets (150 / 600)');
    expect(isIndeterminate(0, 35)).toBe(true);
    expect(isIndeterminate(150, 600)).toBe(false);
  });
});

describe('PanelContext regions', () => {
  interface Setup {
    ctx: InstanceType<typeof PanelContext>;
    create: HTMLButtonElement;
    control: HTMLButtonElement;
    fail: () => void;
  }

  function setup(): Setup {
    const doc = dom.window.document;
    const root = doc.getElementById('app') as HTMLElement;
    while (root.firstChild) root.removeChild(root.firstChild);
    const ctx = new PanelContext(bridge, root);
    const section = doc.createElement('section');
    root.append(ctx.progressBox, ctx.errorBox, section);
    let fail: () => void = () => undefined;
    const create = ctx.action('Créer les onglets', () => {
      void ctx.run('Création des onglets…', async (progress) => {
        progress(0, 35, 'Création des onglets');
        await new Promise<void>((resolve) => (fail = resolve));
        throw new Error("Excel a refusé l'opération.");
      });
    });
    const control = ctx.action('Lancer le contrôle', () => {
      void ctx.run('Contrôle…', async () => {
        throw new Error('Un onglet a été supprimé.');
      });
    });
    section.append(doc.createElement('p'), create, doc.createElement('p'), control);
    return { ctx, create, control, fail: () => fail() };
  }

  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  it('shows an indeterminate bar announced politely right after the button, with the minute warning', () => {
    const { ctx, create } = setup();
    create.click();
    expect(create.nextSibling).toBe(ctx.progressBox);
    expect(ctx.progressBox.hidden).toBe(false);
    expect(ctx.progressBox.getAttribute('aria-live')).toBe('polite');
    expect(ctx.progressBox.querySelector('progress')?.hasAttribute('value')).toBe(false);
    expect(ctx.progressBox.textContent).toContain(LONG_REQUEST);
  });

  it('puts a failure right after the button that started it, focused and announced as an alert', async () => {
    const { ctx, create, fail } = setup();
    create.click();
    fail();
    await settle();
    expect(ctx.progressBox.hidden).toBe(true);
    expect(create.nextSibling).toBe(ctx.progressBox);
    expect(ctx.progressBox.nextSibling).toBe(ctx.errorBox);
    expect(ctx.errorBox.hidden).toBe(false);
    expect(ctx.errorBox.textContent).toBe("Excel a refusé l'opération.");
    expect(ctx.errorBox.getAttribute('role')).toBe('alert');
    expect(dom.window.document.activeElement).toBe(ctx.errorBox);
  });

  it('moves both regions to the button of the next operation', async () => {
    const { ctx, control } = setup();
    control.click();
    await settle();
    expect(control.nextSibling).toBe(ctx.progressBox);
    expect(ctx.progressBox.nextSibling).toBe(ctx.errorBox);
    expect(ctx.errorBox.textContent).toBe('Un onglet a été supprimé.');
    expect(dom.window.document.activeElement).toBe(ctx.errorBox);
  });
});

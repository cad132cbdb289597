import { JSDOM } from 'jsdom';
import type { Bridge } from '../../ui/bridge';
import type { GenerateResult, RosterPreview } from '../../core/workflows/types';

/**
 * The panel's « Session » field: it shows the year generation will use (the roster's title, else
 * today's school year), and only a year the teacher typed instead is sent as forced.
 */
const dom = new JSDOM('<!doctype html><html><body><main id="app"></main></body></html>');
const g = globalThis as unknown as Record<string, unknown>;
g.document = dom.window.document;
g.HTMLElement = dom.window.HTMLElement;

// Imported after the globals: ui/dom.ts builds nodes with the global document.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PanelContext } = require('../../ui/context') as typeof import('../../ui/context');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { grillesStep } = require('../../ui/step-grilles') as typeof import('../../ui/step-grilles');

const TITLED = { year: 2026, text: 'Session 2026 — Épreuve E4 (CCF)', row: 2 };

function preview(session?: typeof TITLED): RosterPreview {
  return {
    sheet: 'Classe',
    header: { row: 3, columns: {} } as RosterPreview['header'],
    headerLabels: ['N° candidat', 'Nom'],
    candidates: [{ number: '1', nom: 'DURAND', prenom: 'Léa' }],
    problems: [],
    usable: true,
    ...(session ? { session } : {}),
  };
}

function setup(previews: RosterPreview[]) {
  const sent: Array<{ form: string; session?: number }> = [];
  const bridge = {
    host: 'excel',
    defaultSession: () => 2027,
    previewRoster: async () => previews.shift() as RosterPreview,
    generate: async (options: { form: string; session?: number }) => {
      sent.push(options);
      return {
        preview: preview(),
        created: [],
        existing: 1,
        refreshed: [],
        orphans: [],
        remaining: 0,
        problems: [],
        exitCode: 0,
      } as GenerateResult;
    },
  } as unknown as Bridge;
  const root = dom.window.document.getElementById('app') as HTMLElement;
  while (root.firstChild) root.removeChild(root.firstChild);
  const step = grillesStep(new PanelContext(bridge, root));
  root.append(step);
  const button = (text: string): HTMLButtonElement =>
    [...step.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
  const field = step.querySelector('#ge4-session') as HTMLInputElement;
  return { step, sent, field, read: button('Lire la liste'), create: button('Créer les onglets') };
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the panel’s « Session » field', () => {
  it('takes the roster title’s year after reading the list, and sends no forced year', async () => {
    const { step, sent, field, read, create } = setup([preview(TITLED)]);
    expect(field.value).toBe('2027');
    read.click();
    await settle();
    expect(field.value).toBe('2026');
    expect(step.textContent).toContain('Session 2026 (lue dans le titre de la liste)');
    create.click();
    await settle();
    expect(sent).toEqual([{ form: 'ccf' }]);
  });

  it('sends a year the teacher typed as forced, and keeps it when the list is read again', async () => {
    const { sent, field, read, create } = setup([preview(TITLED), preview(TITLED)]);
    read.click();
    await settle();
    field.value = '2027';
    read.click();
    await settle();
    expect(field.value).toBe('2027');
    create.click();
    await settle();
    expect(sent).toEqual([{ form: 'ccf', session: 2027 }]);
  });

  it('goes back to today’s school year when another list names no session', async () => {
    const { field, read } = setup([preview(TITLED), preview()]);
    read.click();
    await settle();
    expect(field.value).toBe('2026');
    read.click();
    await settle();
    expect(field.value).toBe('2027');
  });
});

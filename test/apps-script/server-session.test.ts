import { generateChunk, previewRoster } from '../../apps-script/server';
import { tabSessions, titledClass } from './titled-class';

describe('the Sheets server: the session of the roster', () => {
  it('previewRoster gives the title’s session; generateChunk, asked by the sidebar, prints it', async () => {
    const { spreadsheet, deps } = await titledClass();
    const preview = await previewRoster(deps);
    expect(preview.session).toEqual({ year: 2026, text: 'Session 2026 — Épreuve E4 (CCF)', row: 2 });

    const result = await generateChunk(deps, {
      form: 'ccf',
      session: { asker: 'panel' },
      roster: preview.source,
    });
    expect(result.remaining).toBe(0);
    expect(result.session).toMatchObject({ session: 2026, warning: false });
    expect(await tabSessions(spreadsheet)).toEqual(new Set([2026]));
  });

  it('keeps a year typed in the sidebar, with a warning', async () => {
    const { spreadsheet, deps } = await titledClass();
    const result = await generateChunk(deps, { form: 'ccf', session: { forced: 2027, asker: 'panel' } });
    expect(result.exitCode).toBe(1);
    expect(result.session?.message).toMatch(/^Avertissement : .* la session 2027 est indiquée dans le champ/);
    expect(await tabSessions(spreadsheet)).toEqual(new Set([2027]));
  });
});

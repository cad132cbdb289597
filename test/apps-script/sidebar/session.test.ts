import { generateChunk, previewRoster } from '../../../apps-script/server';
import { GasBridge, type ScriptRunner } from '../../../apps-script/sidebar/bridge';
import { previewLines } from '../../../ui/text';
import { tabSessions, titledClass } from '../titled-class';

/**
 * google.script.run wired to the real server functions over the fake spreadsheet: answers go through
 * JSON as they do between Apps Script and the sidebar.
 */
function runnerOver(server: Record<string, (...args: never[]) => Promise<unknown>>): {
  runner: () => ScriptRunner;
  requests: unknown[];
} {
  const requests: unknown[] = [];
  const runner = (): ScriptRunner => {
    let ok: (value: unknown) => void = () => undefined;
    let ko: (error: Error) => void = () => undefined;
    const run: ScriptRunner = {
      withSuccessHandler(handler) {
        ok = handler;
        return run;
      },
      withFailureHandler(handler) {
        ko = handler;
        return run;
      },
    };
    for (const [name, fn] of Object.entries(server)) {
      run[name] = (...args: unknown[]) => {
        const wired = JSON.parse(JSON.stringify(args)) as never[];
        if (name === 'generateChunk') requests.push(wired[0]);
        fn(...wired).then((value) => ok(JSON.parse(JSON.stringify(value ?? null))), ko);
      };
    }
    return run;
  };
  return { runner, requests };
}

async function sidebarOverTitledClass() {
  const world = await titledClass();
  const { runner, requests } = runnerOver({
    previewRoster: (source: never) => previewRoster(world.deps, source),
    generateChunk: (request: never) => generateChunk(world.deps, request),
  });
  // Chunks of 10: the 32 candidates take several calls, which must all print one session.
  const bridge = new GasBridge(runner, { chunkSize: 10 }, world.deps.clock);
  return { ...world, bridge, requests };
}

describe('the Sheets sidebar: the session of the roster', () => {
  it('shows the title’s 2026 in the preview and creates every tab in 2026 although the clock says 2027', async () => {
    const { spreadsheet, bridge, requests } = await sidebarOverTitledClass();
    expect(bridge.defaultSession()).toBe(2027);

    const preview = await bridge.previewRoster();
    expect(previewLines(preview)).toContain('Session 2026 (lue dans le titre de la liste)');

    const result = await bridge.generate({ form: 'ccf' }, () => undefined);
    expect(requests.length).toBeGreaterThan(1);
    expect(result.remaining).toBe(0);
    expect(result.session).toMatchObject({ session: 2026, warning: false });
    expect(result.session?.message).toContain('« Session 2026 — Épreuve E4 (CCF) »');
    expect(await tabSessions(spreadsheet)).toEqual(new Set([2026]));
  });

  it('sends a year typed in the panel as forced, and reports the warning', async () => {
    const { spreadsheet, bridge, requests } = await sidebarOverTitledClass();
    await bridge.previewRoster();
    const result = await bridge.generate({ form: 'ccf', session: 2027 }, () => undefined);
    expect(requests[0]).toMatchObject({ session: { forced: 2027, asker: 'panel' } });
    expect(result.exitCode).toBe(1);
    expect(result.session?.message).toMatch(/^Avertissement : .* indiquée dans le champ « Session »/);
    expect(await tabSessions(spreadsheet)).toEqual(new Set([2027]));
  });
});

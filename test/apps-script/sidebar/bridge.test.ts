import { GasBridge, RESUME_HINT, type ScriptRunner } from '../../../apps-script/sidebar/bridge';
import { defaultSession } from '../../../core/referentiel/lookup';
import type { GenerateResult } from '../../../core/workflows/types';
import type { Finding } from '../../../core/validate/types';
import { packFindings } from '../../../apps-script/findings-pack';

type Handler = (...args: unknown[]) => unknown;

const FINDING: Finding = {
  severity: 'erreur',
  code: 'level-missing',
  candidate: { number: '026000001', nom: 'DUPONT', prenom: 'Marie' },
  sheet: 'DUPONT Marie',
  cell: 'F12',
  rubric: 'Niveau',
  message: 'Niveau manquant.',
};

/**
 * google.script.run as the sidebar sees it: a fresh runner per call, handlers chained, then the server
 * function by name; the answer comes back asynchronously through the success or failure handler.
 */
function fakeRun(server: Record<string, Handler>) {
  const calls: Array<{ name: string; args: unknown[] }> = [];
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
        calls.push({ name, args });
        setTimeout(() => {
          try {
            ok(fn(...args));
          } catch (error) {
            ko(error as Error);
          }
        }, 0);
      };
    }
    return run;
  };
  return { runner, calls };
}

function chunk(created: string[], remaining: number, extra: Partial<GenerateResult> = {}): GenerateResult {
  return {
    preview: { usable: true } as GenerateResult['preview'],
    created,
    existing: 0,
    refreshed: [],
    orphans: [],
    remaining,
    problems: [],
    exitCode: 0,
    ...extra,
  };
}

describe('GasBridge.generate', () => {
  it('drives generateChunk until nothing remains, the first chunk fresh, with progress over the whole run', async () => {
    const answers = [
      chunk(['A', 'B'], 3, { existing: 4 }),
      chunk(['C', 'D'], 1, { existing: 6 }),
      chunk(['E'], 0, { existing: 8 }),
    ];
    const { runner, calls } = fakeRun({ generateChunk: () => answers.shift() });
    const progress: Array<[number, number, string]> = [];
    const result = await new GasBridge(runner, { chunkSize: 2 }).generate(
      { form: 'ccf', session: 2026 },
      (d, t, l) => progress.push([d, t, l]),
    );
    expect(result.created).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(result.existing).toBe(4);
    expect(result.remaining).toBe(0);
    expect(calls.map((c) => (c.args[0] as { fresh: boolean }).fresh)).toEqual([true, false, false]);
    expect(calls[0].args[0]).toMatchObject({
      form: 'ccf',
      session: { forced: 2026, asker: 'panel' },
      chunkSize: 2,
    });
    expect(progress).toEqual([
      [2, 5, 'Onglets créés'],
      [4, 5, 'Onglets créés'],
      [5, 5, 'Onglets créés'],
    ]);
  });

  it('retries a failed chunk after a pause, as a fresh chunk, and goes on', async () => {
    let failures = 1;
    const answers = [chunk(['A'], 1), chunk(['B'], 0)];
    const { runner, calls } = fakeRun({
      generateChunk: () => {
        if (calls.length === 2 && failures-- > 0) throw new Error('Exceeded maximum execution time');
        return answers.shift();
      },
    });
    const result = await new GasBridge(runner, { chunkSize: 1, retryDelay: 1 }).generate(
      { form: 'ponctuel', session: 2026 },
      () => undefined,
    );
    expect(result.created).toEqual(['A', 'B']);
    expect(calls.map((c) => (c.args[0] as { fresh: boolean }).fresh)).toEqual([true, false, true]);
  });

  it('counts the tabs a stopped attempt made as already there, so created + existing covers the class', async () => {
    // 1 tab before the run; chunk 1 makes A, B; an attempt makes 2 tabs then dies; the retry finds them.
    const answers = [chunk(['A', 'B'], 4, { existing: 1 }), chunk(['C', 'D'], 0, { existing: 5 })];
    let dead = 0;
    const { runner } = fakeRun({
      generateChunk: () => {
        if (answers.length === 1 && !dead++) throw new Error('Exceeded maximum execution time');
        return answers.shift();
      },
    });
    const result = await new GasBridge(runner, { chunkSize: 2, retryDelay: 1 }).generate(
      { form: 'ccf', session: 2026 },
      () => undefined,
    );
    expect(result.created).toEqual(['A', 'B', 'C', 'D']);
    expect(result.existing).toBe(3);
  });

  it('gives up after the retries with the reason and how to resume (tabs already made are kept)', async () => {
    const { runner, calls } = fakeRun({
      generateChunk: () => {
        throw new Error('Un autre traitement est en cours');
      },
    });
    const run = new GasBridge(runner, { retries: 2, retryDelay: 1 }).generate(
      { form: 'ccf', session: 2026 },
      () => undefined,
    );
    await expect(run).rejects.toThrow('Un autre traitement est en cours');
    await expect(run).rejects.toThrow(RESUME_HINT);
    expect(calls).toHaveLength(3);
  });

  it('stops when a chunk makes no progress instead of looping, and on an unusable roster', async () => {
    const stuck = fakeRun({ generateChunk: () => chunk([], 7) });
    const result = await new GasBridge(stuck.runner).generate(
      { form: 'ccf', session: 2026 },
      () => undefined,
    );
    expect(result.remaining).toBe(7);
    expect(stuck.calls).toHaveLength(1);
    const unusable = fakeRun({ generateChunk: () => chunk(['A'], 3, { exitCode: 2 }) });
    await new GasBridge(unusable.runner).generate({ form: 'ccf', session: 2026 }, () => undefined);
    expect(unusable.calls).toHaveLength(1);
  });
});

describe('GasBridge outside Google Sheets and for the other steps', () => {
  it('says where the panel opens from when google.script.run is absent, and rejects calls', async () => {
    const bridge = new GasBridge(() => null);
    expect(await bridge.unavailableReason()).toMatch(/Extensions › Grilles E4 › Ouvrir/);
    await expect(bridge.loadSettings()).rejects.toThrow(/indisponible/);
  });

  it('passes the arguments of control, statistics and selectCell to the server functions', async () => {
    const { runner, calls } = fakeRun({
      runControl: () => ({ summary: { candidates: 1 }, packed: packFindings([FINDING]) }),
      runStatistics: (options) => ({ url: 'u', options }),
      selectCell: () => undefined,
    });
    const bridge = new GasBridge(runner);
    const steps: string[] = [];
    const control = await bridge.control((_d, _t, label) => steps.push(label));
    expect(control.findings).toEqual([FINDING]);
    expect(control).not.toHaveProperty('packed');
    const stats = await bridge.statistics({ settings: { etablissement: 'X' } as never, nominatif: true });
    await bridge.selectCell('DUPONT Marie', 'D12');
    expect(steps).toEqual(['Lecture des onglets…', 'Contrôle terminé']);
    expect(stats).toMatchObject({ url: 'u', options: { nominatif: true } });
    expect(calls.map((c) => [c.name, c.args])).toEqual([
      ['runControl', []],
      ['runStatistics', [{ settings: { etablissement: 'X' }, nominatif: true }]],
      ['selectCell', ['DUPONT Marie', 'D12']],
    ]);
  });

  it('gives the session of its own clock', () => {
    for (const date of [new Date(2026, 0, 10), new Date(2026, 9, 10)]) {
      const bridge = new GasBridge(
        () => null,
        {},
        () => date,
      );
      expect(bridge.defaultSession()).toBe(defaultSession(() => date));
    }
  });
});

describe('GasBridge.previewRoster', () => {
  it('asks for the active sheet, then for a picked one, and generates from the roster last read', async () => {
    const { runner, calls } = fakeRun({
      previewRoster: (source) => {
        const sheet = (source as { sheet?: string }).sheet ?? 'Classe NDRC2';
        return { sheet, usable: true, source: { sheet }, sheets: ['Classe NDRC1', 'Classe NDRC2'] };
      },
      generateChunk: () => chunk(['A'], 0),
    });
    const bridge = new GasBridge(runner);
    const active = await bridge.previewRoster();
    expect(active).toMatchObject({ sheet: 'Classe NDRC2', sheets: ['Classe NDRC1', 'Classe NDRC2'] });
    await bridge.generate({ form: 'ccf', session: 2026 }, () => undefined);
    const picked = await bridge.previewRoster('Classe NDRC1');
    expect(picked.sheet).toBe('Classe NDRC1');
    await bridge.generate({ form: 'ccf', session: 2026 }, () => undefined);
    expect(calls.map((c) => [c.name, c.args[0]])).toEqual([
      ['previewRoster', {}],
      ['generateChunk', expect.objectContaining({ roster: { sheet: 'Classe NDRC2' } })],
      ['previewRoster', { sheet: 'Classe NDRC1' }],
      ['generateChunk', expect.objectContaining({ roster: { sheet: 'Classe NDRC1' } })],
    ]);
  });
});

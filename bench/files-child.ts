import { statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../cli/main';
import type { CliIo } from '../cli/io';
import type { ApplyPlan, HostPort } from '../core/port';
import { E4 } from '../core/referentiel';
import { generateGrids } from '../core/workflows/generate';
import { scanWorkbook, sheetsOfKind } from '../core/workflows/scan';
import { openInput, saveAtomic } from '../xlsx/files';
import { XlsxHost } from '../xlsx/host';
import { floorScan } from './floor';
import { peakRssMb, timedMs } from './measure';
import { rosterValues, seeded, teacherCells } from './synthetic';

/**
 * One benchmark step on files, run in its own process (see measure.inChild) so that its peak memory is
 * its own. Prints one JSON line: { seconds, bytes, peakMb, code }.
 */

const quiet: CliIo = {
  out: () => undefined,
  err: () => undefined,
  clock: () => new Date('2026-03-01T10:00:00Z'),
  cwd: process.cwd(),
};

async function command(argv: string[], output: string | null): Promise<void> {
  const { ms, cpuMs, value: code } = await timedMs(() => main(argv, quiet));
  const bytes = output === null ? 0 : statSync(output).size;
  console.log(
    JSON.stringify({ seconds: ms / 1000, cpuSeconds: cpuMs / 1000, bytes, peakMb: peakRssMb(), code }),
  );
}

/** The floor of a read, timed in its own process like the commands. */
async function floor(path: string, codec: 'zlib' | 'fflate'): Promise<void> {
  const { ms, cpuMs } = await timedMs(async () => floorScan(path, codec));
  console.log(
    JSON.stringify({
      seconds: ms / 1000,
      cpuSeconds: cpuMs / 1000,
      bytes: statSync(path).size,
      peakMb: peakRssMb(),
      code: 0,
    }),
  );
}

/**
 * The bare exceljs floor of `grilles`: the same candidate tabs (template + own cells) built as a full
 * exceljs model and written, as the engine did before it worked on the package.
 */
async function exceljsFloor(roster: string, output: string): Promise<void> {
  const { host } = await openInput(roster);
  let plan: ApplyPlan | null = null;
  const capture: HostPort = {
    listSheets: () => host.listSheets(),
    readRanges: (r) => host.readRanges(r),
    createWorkbook: (s) => host.createWorkbook(s),
    apply: async (p) => {
      plan = p;
      return { created: p.add.map((a) => a.name) };
    },
  };
  await generateGrids(capture, { form: 'ponctuel', session: 2026, roster: {}, clock: quiet.clock });
  const captured = plan as ApplyPlan | null;
  if (!captured) throw new Error('pas de plan');
  // exceljs is loaded here, outside the timing, and only in this step: loaded with the module, it would
  // sit in every step's process and hide its load time from the commands that still import it lazily.
  const { renderWorkbookSpec } = await import('../xlsx/render');
  const { mergeCellLists } = await import('../xlsx/render-cells');
  const { ms, cpuMs } = await timedMs(async () => {
    const sheets = captured.add.map((a) => {
      const template = captured.templates[a.template];
      return { ...template, name: a.name, cells: mergeCellLists(template.cells, a.cells) };
    });
    writeFileSync(output, await renderWorkbookSpec({ title: 'plancher', sheets }));
  });
  console.log(
    JSON.stringify({
      seconds: ms / 1000,
      cpuSeconds: cpuMs / 1000,
      bytes: statSync(output).size,
      peakMb: peakRssMb(),
      code: 0,
    }),
  );
}

async function writeRoster(n: number, dir: string): Promise<string> {
  const host = XlsxHost.fromRows([{ name: 'Candidats', rows: rosterValues(n) }]);
  const path = join(dir, `liste-${n}.xlsx`);
  await saveAtomic(host, path);
  return path;
}

/** Types every tab's inputs, as the teachers would over the year (one apply, then one save). */
async function fill(grids: string, filled: string): Promise<void> {
  const { host } = await openInput(grids);
  const tabs = sheetsOfKind(await scanWorkbook(host), 'grid');
  const rand = seeded(tabs.length);
  const updates = tabs.map((t) => ({
    sheet: t.sheet,
    cells: teacherCells(E4, t.marker.form ?? 'ponctuel', 2026, rand),
  }));
  await host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(host, filled);
  console.log(JSON.stringify({ tabs: tabs.length }));
}

async function run(): Promise<void> {
  const [mode, a, dir] = process.argv.slice(2);
  switch (mode) {
    case 'roster':
      console.log(JSON.stringify({ path: await writeRoster(Number(a), dir) }));
      return;
    case 'grilles':
      return command(
        ['grilles', a, '--forme', 'ponctuel', '--session', '2026', '-o', join(dir, 'grilles.xlsx')],
        join(dir, 'grilles.xlsx'),
      );
    case 'fill':
      return fill(join(dir, 'grilles.xlsx'), join(dir, 'remplies.xlsx'));
    case 'controle':
      return command(
        ['controle', join(dir, 'remplies.xlsx'), '-o', join(dir, 'controlees.xlsx')],
        join(dir, 'controlees.xlsx'),
      );
    case 'lire':
      return command(
        ['lire', join(dir, 'remplies.xlsx'), '--json', '-o', join(dir, 'lire.json')],
        join(dir, 'lire.json'),
      );
    case 'floor':
      return floor(join(dir, 'remplies.xlsx'), 'zlib');
    case 'floor-fflate':
      return floor(join(dir, 'remplies.xlsx'), 'fflate');
    case 'exceljs-floor':
      return exceljsFloor(a, join(dir, 'exceljs.xlsx'));
    case 'stats':
      return command(
        ['stats', join(dir, 'remplies.xlsx'), '-o', join(dir, 'stats.xlsx')],
        join(dir, 'stats.xlsx'),
      );
    default:
      throw new Error(`mode inconnu : ${mode}`);
  }
}

run().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

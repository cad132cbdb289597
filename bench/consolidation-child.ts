import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { CliIo } from '../cli/io';
import { main } from '../cli/main';
import { E4 } from '../core/referentiel';
import { scanWorkbook, sheetsOfKind } from '../core/workflows/scan';
import { openInput, saveAtomic } from '../xlsx/files';
import { XlsxHost } from '../xlsx/host';
import { peakRssMb, timedMs } from './measure';
import { rosterValues, seeded, teacherCells } from './synthetic';

/**
 * The consolidation benchmark's steps, each in its own process (see measure.inChild):
 * - prepare K N DIR: K grids workbooks of N candidates (part-1…K) and one workbook holding the same K×N
 *   candidates (union), every tab filled with the same inputs in both (seeded by the candidate number);
 * - one DIR / many DIR: `stats` on the union, or on the K parts; prints { seconds, bytes, peakMb, code }.
 */

const quiet: CliIo = {
  out: () => undefined,
  err: () => undefined,
  clock: () => new Date('2026-03-01T10:00:00Z'),
  cwd: process.cwd(),
};

async function grids(rows: ReturnType<typeof rosterValues>, dir: string, name: string): Promise<void> {
  const host = XlsxHost.fromRows([{ name: 'Candidats', rows }]);
  const roster = join(dir, `${name}-liste.xlsx`);
  await saveAtomic(host, roster);
  const out = join(dir, `${name}.xlsx`);
  const code = await main(['grilles', roster, '--forme', 'ponctuel', '--session', '2026', '-o', out], quiet);
  if (code > 1) throw new Error(`grilles ${name} : code ${code}`);
  const opened = await openInput(out);
  const tabs = sheetsOfKind(await scanWorkbook(opened.host), 'grid');
  const updates = tabs.map((t) => ({
    sheet: t.sheet,
    // Seeded by the candidate: the same candidate gets the same inputs in a part and in the union.
    cells: teacherCells(E4, 'ponctuel', 2026, seeded(Number((t.marker.candidateNumber ?? '0').slice(-7)))),
  }));
  await opened.host.apply({ templates: {}, add: [], replace: [], updates });
  await saveAtomic(opened.host, out);
}

async function prepare(k: number, n: number, dir: string): Promise<void> {
  const all = rosterValues(k * n);
  const [header, ...rows] = all;
  for (let i = 0; i < k; i++) await grids([header, ...rows.slice(i * n, (i + 1) * n)], dir, `part-${i + 1}`);
  await grids(all, dir, 'union');
  console.log(JSON.stringify({ parts: k, candidates: k * n }));
}

async function stats(inputs: string[], output: string): Promise<void> {
  const { ms, value: code } = await timedMs(() => main(['stats', ...inputs, '-o', output], quiet));
  console.log(
    JSON.stringify({ seconds: ms / 1000, bytes: statSync(output).size, peakMb: peakRssMb(), code }),
  );
}

async function run(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'prepare') return prepare(Number(args[0]), Number(args[1]), args[2]);
  const dir = args[0];
  if (mode === 'one') return stats([join(dir, 'union.xlsx')], join(dir, 'stats-union.xlsx'));
  if (mode === 'many') {
    const parts = readdirSync(dir)
      .filter((f) => /^part-\d+\.xlsx$/.test(f))
      .map((f) => join(dir, f));
    return stats(parts, join(dir, 'stats-parts.xlsx'));
  }
  throw new Error(`mode inconnu : ${mode}`);
}

run().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

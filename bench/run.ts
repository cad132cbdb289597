import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { consolidationSection } from './consolidation';
import { coreBench } from './core';
import { fmt, inChild, table } from './measure';

/**
 * `npm run bench`: the figures the issues ask for, per class size. Pure core timings in-process;
 * commands on files each in a fresh process (wall time and that process's peak RSS).
 */

const SIZES = [35, 600, 1500];
const CHILD = join(__dirname, 'files-child.js');
const CENTRE_600 = resolve(__dirname, '../../test/fixtures/rosters/centre-ponctuel-600.xlsx');

interface FileRun {
  seconds: number;
  /** User + system CPU time of the step (all threads): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  bytes: number;
  peakMb: number;
  code: number;
}

function coreSection(): void {
  console.log('\n## Cœur (pur TypeScript, médiane de 5 passages, ms)');
  const rows = SIZES.map((n) => coreBench(n));
  console.log(
    table(
      ['candidats', 'lecture liste', 'specs onglets', 'relecture grilles', 'validation', 'statistiques'],
      rows.map((r) => [
        r.n,
        fmt(r.parseMs),
        fmt(r.specsMs),
        fmt(r.readMs),
        fmt(r.validateMs),
        fmt(r.statsMs),
      ]),
    ),
  );
  const r1500 = rows[rows.length - 1];
  console.log(
    `Cibles 1500 : liste + specs ${fmt(r1500.parseMs + r1500.specsMs)} ms (< 1000) ; validation ${fmt(r1500.validateMs)} ms (< 200) ; statistiques ${fmt(r1500.statsMs)} ms (< 100)`,
  );
}

/** What the read steps write in the bench folder: removed before each run (the commands never overwrite). */
const READ_OUTPUTS = ['lire.json', 'controlees.xlsx', 'stats.xlsx'];

/**
 * Each read step and the floors `runs` times, interleaved (floor, lire, …, floor, lire, …) so that a busy
 * moment of the machine falls on every step alike; the median wall and CPU time of each, and its peak RSS.
 * One run per step swung by ±15 % from one bench to the next on this 2-core machine; with 3 runs at 1500
 * tabs, two benches ten minutes apart still differed by 8 % (lire 0.61 against 0.66 s).
 */
function medianRuns(modes: string[], dir: string, runs: number): FileRun[] {
  const all: FileRun[][] = modes.map(() => []);
  for (let i = 0; i < runs; i++)
    modes.forEach((mode, m) => {
      for (const name of READ_OUTPUTS) rmSync(join(dir, name), { force: true });
      all[m].push(inChild<FileRun>(CHILD, [mode, '', dir]));
    });
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return all.map((rs) => ({
    seconds: median(rs.map((r) => r.seconds)),
    cpuSeconds: median(rs.map((r) => r.cpuSeconds)),
    bytes: rs[rs.length - 1].bytes,
    peakMb: Math.max(...rs.map((r) => r.peakMb)),
    code: Math.max(...rs.map((r) => r.code)),
  }));
}

/** Ratio of a time to its floor, as printed in the tables ('×1.93': two decimals, to judge a target of ×2). */
function times(seconds: number, floorSeconds: number): string {
  return floorSeconds > 0 ? `×${fmt(seconds / floorSeconds, 2)}` : '-';
}

/** A ratio against its target, judged on the unrounded figures: '×1.93 ✓ (≤ ×2)'. */
function judged(seconds: number, floorSeconds: number, max: number): string {
  const met = floorSeconds > 0 && seconds / floorSeconds <= max;
  return `${times(seconds, floorSeconds)} ${met ? '✓' : '✗'} (≤ ×${max})`;
}

function filesSection(): void {
  console.log(
    '\n## Commandes sur fichiers .xlsx (processus séparé par étape ; lecture : médiane de 7 passages entrelacés, 5 à 1500 ; pic RSS : le plus haut)',
  );
  console.log(
    'Plancher de lecture : décompresser le classeur (zlib de Node, le plus rapide ; fflate en référence) et parcourir une fois le XML de chaque feuille (bench/floor.ts).',
  );
  console.log(
    'Plancher de grilles : les mêmes onglets construits en modèle exceljs complet puis écrits (avant le moteur par parties).',
  );
  const rows: Array<Array<string | number>> = [];
  const targets: string[] = [];
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), `grilles-bench-${n}-`));
    const { path } = inChild<{ path: string }>(CHILD, ['roster', String(n), dir]);
    const grilles = inChild<FileRun>(CHILD, ['grilles', path, dir]);
    const bare = n === 600 ? inChild<FileRun>(CHILD, ['exceljs-floor', path, dir]) : null;
    inChild(CHILD, ['fill', '', dir]);
    const [floor, floorFflate, lire, controle, stats] = medianRuns(
      ['floor', 'floor-fflate', 'lire', 'controle', 'stats'],
      dir,
      n >= 1500 ? 5 : 7,
    );
    const line = (step: string, r: FileRun, against: FileRun | null): void => {
      rows.push([
        n,
        step,
        fmt(r.seconds, 3),
        against ? times(r.seconds, against.seconds) : '',
        fmt(r.cpuSeconds, 3),
        against ? times(r.cpuSeconds, against.cpuSeconds) : '',
        fmt(r.bytes / 1024 / 1024, 2),
        fmt(r.peakMb, 0),
        r.code,
      ]);
    };
    if (bare) line('plancher exceljs (grilles)', bare, null);
    line('grilles', grilles, bare);
    line('plancher lecture', floor, floor);
    line('plancher lecture (fflate, référence)', floorFflate, floor);
    line('lire --json', lire, floor);
    line('stats', stats, floor);
    line('controle', controle, floor);
    const both = (r: FileRun, f: FileRun, max: number): string =>
      `${judged(r.seconds, f.seconds, max)} (CPU ${times(r.cpuSeconds, f.cpuSeconds)})`;
    const peak = Math.max(grilles.peakMb, lire.peakMb, stats.peakMb, controle.peakMb);
    if (n >= 600)
      targets.push(
        `${n} : lire ${both(lire, floor, 2)}, stats ${both(stats, floor, 2)}, controle ${both(controle, floor, 3)}` +
          (bare ? `, grilles ${both(grilles, bare, 0.5)} du plancher exceljs` : '') +
          `, pic RSS max ${fmt(peak, 0)} Mo${n === 1500 ? ` ${peak < 400 ? '✓' : '✗'} (< 400)` : ''}`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    table(
      [
        'candidats',
        'étape',
        'durée s',
        'rapport',
        'CPU s',
        'rapport CPU',
        'fichier Mo',
        'pic RSS Mo',
        'code',
      ],
      rows,
    ),
  );
  console.log(`Cibles (rapport au plancher mesuré dans le même passage) :\n${targets.join('\n')}`);
}

function fixtureSection(): void {
  if (!existsSync(CENTRE_600)) return;
  const dir = mkdtempSync(join(tmpdir(), 'grilles-bench-centre-'));
  const r = inChild<FileRun>(CHILD, ['grilles', CENTRE_600, dir]);
  console.log(
    `\n## grilles-e4 grilles centre-ponctuel-600.xlsx --forme ponctuel : ${fmt(r.seconds, 2)} s, ${fmt(r.bytes / 1024 / 1024, 2)} Mo, pic RSS ${fmt(r.peakMb, 0)} Mo (code ${r.code})`,
  );
  rmSync(dir, { recursive: true, force: true });
}

function cell(v: unknown): string {
  return typeof v === 'number' && !Number.isInteger(v) ? fmt(v, 2) : String(v);
}

/** A table of the rows; a text column that is the same on every row is printed once, below, as a note. */
function printRows(rows: Array<Record<string, unknown>>): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const constant = keys.filter(
    (k) => typeof rows[0][k] === 'string' && rows.every((r) => r[k] === rows[0][k]),
  );
  const shown = keys.filter((k) => !constant.includes(k));
  console.log(
    table(
      shown,
      rows.map((r) => shown.map((k) => cell(r[k]))),
    ),
  );
  for (const k of constant) console.log(`${k} : ${String(rows[0][k])}`);
}

async function hostSections(): Promise<void> {
  // The add-in hosts' round-trip budgets, when their benchmarks are built (office-addin and apps-script).
  for (const [title, file, fn] of [
    ['Excel (Office.js) : allers-retours context.sync', './office-syncs', 'officeSyncBudget'],
    ['Google Sheets (Apps Script) : appels de service', './apps-script-calls', 'appsScriptCallBudget'],
  ] as const) {
    if (!existsSync(join(__dirname, `${file}.js`))) continue;
    console.log(`\n## ${title}`);
    const mod = (await import(file)) as Record<
      string,
      (sizes: number[]) => Promise<Array<Record<string, unknown>>>
    >;
    printRows(await mod[fn](SIZES));
  }
}

async function runAll(): Promise<void> {
  console.log(`Grilles E4 — banc de mesure (${new Date().toISOString()}, Node ${process.version})`);
  coreSection();
  filesSection();
  fixtureSection();
  consolidationSection();
  await hostSections();
}

runAll().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

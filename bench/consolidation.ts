import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fmt, inChild, table } from './measure';

/**
 * `stats` over several grids workbooks against `stats` over one workbook holding the same candidates
 * (issue 15: within 1.3×). Each run is a fresh process; the median of three runs of each is kept, the
 * two alternated so that a busy moment of the machine weighs on both alike.
 */

const CHILD = join(__dirname, 'consolidation-child.js');
const RUNS = 3;
const TARGET = 1.3;

interface StatsRun {
  seconds: number;
  peakMb: number;
  code: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function consolidationSection(
  cases: Array<[number, number]> = [
    [10, 35],
    [4, 400],
  ],
): void {
  console.log(
    '\n## stats sur plusieurs classeurs / sur un classeur des mêmes candidats (processus séparés, médiane de 3)',
  );
  const rows: Array<Array<string | number>> = [];
  for (const [k, n] of cases) {
    const dir = mkdtempSync(join(tmpdir(), `grilles-bench-consolidation-${k}x${n}-`));
    inChild(CHILD, ['prepare', String(k), String(n), dir]);
    const one: StatsRun[] = [];
    const many: StatsRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      one.push(inChild<StatsRun>(CHILD, ['one', dir]));
      many.push(inChild<StatsRun>(CHILD, ['many', dir]));
    }
    const a = median(one.map((r) => r.seconds));
    const b = median(many.map((r) => r.seconds));
    rows.push([
      `${k} × ${n}`,
      fmt(a, 2),
      fmt(b, 2),
      fmt(b / a, 2),
      fmt(Math.max(...one.map((r) => r.peakMb)), 0),
      fmt(Math.max(...many.map((r) => r.peakMb)), 0),
      `${one[0].code}/${many[0].code}`,
    ]);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    table(
      [
        'classeurs',
        '1 classeur s',
        'plusieurs s',
        'rapport',
        'pic RSS 1 Mo',
        'pic RSS plusieurs Mo',
        'codes',
      ],
      rows,
    ),
  );
  console.log(`Cible : rapport ≤ ${TARGET} (plusieurs classeurs / un classeur des mêmes candidats)`);
}

if (require.main === module) consolidationSection();

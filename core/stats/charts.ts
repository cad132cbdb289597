import type { Epreuve } from '../referentiel/types';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../spec/types';
import { NOTE_BANDS } from './bands';
import { STATS_SHEETS } from './names';
import { CLASSEURS_FIRST_ROW, CLASSEURS_HEADERS, CLASSEURS_SHEET } from './sheets/classeurs';

/**
 * The charts of the statistics workbook, as data every host can draw: the .xlsx writer as DrawingML parts,
 * Google Sheets as addChart requests. Each chart points at cells the sheets already hold (so that the
 * figures and the chart cannot disagree) and carries those values, which a reader shows before it
 * recalculates anything.
 */

/** A block of cells, 1-based and inclusive. */
export interface ChartRange {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ChartSeries {
  /** Legend text. */
  name: string;
  values: ChartRange;
  /** The numbers the cells hold; null where a cell has no figure (a dash). */
  cache: Array<number | null>;
  /** RGB hex, no '#'. */
  color: string;
}

export interface ChartSpec {
  sheet: string;
  title: string;
  /** Vertical columns, or horizontal bars (long category labels). */
  direction: 'column' | 'bar';
  /** percentStacked: each bar is the whole (100 %), split by series. */
  grouping: 'clustered' | 'percentStacked';
  categories: ChartRange;
  categoryCache: string[];
  series: ChartSeries[];
  valueAxis: { title: string; min?: number; max?: number; format: string };
  /** Values written on the bars (counts of a distribution). */
  dataLabels: boolean;
  /** Placement in cells, 1-based: the chart covers rows row..row+rows-1 and columns col..col+cols-1. */
  anchor: { row: number; col: number; rows: number; cols: number };
}

const BLUE = '2F5597';
/** TI → TS from red to green: the order of the levels reads as the colours do. */
const LEVEL_COLORS = ['C00000', 'F4B183', 'A9D18E', '548235'];

function cellAt(sheet: SheetSpec, r: number, c: number): CellSpec | undefined {
  return sheet.cells.find((x) => x.r === r && x.c === c);
}

function numbers(sheet: SheetSpec, col: number, r1: number, r2: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let r = r1; r <= r2; r++) {
    const v = cellAt(sheet, r, col)?.value;
    out.push(typeof v === 'number' ? v : null);
  }
  return out;
}

function texts(sheet: SheetSpec, col: number, r1: number, r2: number): string[] {
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) {
    const v = cellAt(sheet, r, col)?.value;
    out.push(v === null || v === undefined ? '' : String(v));
  }
  return out;
}

function column(sheet: SheetSpec, col: number, r1: number, r2: number): ChartRange {
  return { sheet: sheet.name, r1, c1: col, r2, c2: col };
}

/** Below what the sheet holds, across its printed columns. */
function below(sheet: SheetSpec, rows: number, cols = sheet.size.cols): ChartSpec['anchor'] {
  return { row: sheet.size.rows + 2, col: 1, rows, cols };
}

/** A column chart of counts: categories in column A, counts in column B, rows r1…r2 of the sheet. */
function countsChart(
  sheet: SheetSpec,
  title: string,
  r1: number,
  r2: number,
  dataLabels: boolean,
): ChartSpec {
  return {
    sheet: sheet.name,
    title,
    direction: 'column',
    grouping: 'clustered',
    categories: column(sheet, 1, r1, r2),
    categoryCache: texts(sheet, 1, r1, r2),
    series: [
      {
        name: 'Nombre de notes',
        values: column(sheet, 2, r1, r2),
        cache: numbers(sheet, 2, r1, r2),
        color: BLUE,
      },
    ],
    valueAxis: { title: 'Nombre de candidats', min: 0, format: '0' },
    dataLabels,
    anchor: below(sheet, 18),
  };
}

function bandsChart(sheet: SheetSpec): ChartSpec | null {
  const first = sheet.cells.find((x) => x.c === 1 && x.value === NOTE_BANDS[0].label);
  if (!first) return null;
  const r2 = first.r + NOTE_BANDS.length - 1;
  return countsChart(sheet, 'Répartition des notes par tranche', first.r, r2, true);
}

function histogramChart(sheet: SheetSpec, epreuve: Epreuve): ChartSpec | null {
  const header = sheet.cells.find((x) => x.c === 1 && x.value === 'Note (point)');
  if (!header) return null;
  const r1 = header.r + 1;
  return countsChart(sheet, 'Nombre de notes par point', r1, r1 + epreuve.noteMax, false);
}

function levelsChart(sheet: SheetSpec, epreuve: Epreuve): ChartSpec | null {
  const header = sheet.cells.find((x) => x.c === 1 && x.value === 'Bloc');
  if (!header) return null;
  const r1 = header.r + 1;
  let r2 = r1 - 1;
  while (typeof cellAt(sheet, r2 + 1, 2)?.value === 'number') r2++;
  if (r2 < r1) return null;
  const series = epreuve.levels.flatMap((level, i) => {
    const h = sheet.cells.find((x) => x.r === header.r && x.value === level.code);
    if (!h) return [];
    return [
      {
        name: level.code,
        values: column(sheet, h.c, r1, r2),
        cache: numbers(sheet, h.c, r1, r2),
        color: LEVEL_COLORS[i % LEVEL_COLORS.length],
      },
    ];
  });
  return {
    sheet: sheet.name,
    title: 'Part de chaque niveau par critère (candidats positionnés)',
    direction: 'bar',
    grouping: 'percentStacked',
    categories: column(sheet, 3, r1, r2),
    categoryCache: texts(sheet, 3, r1, r2),
    series,
    valueAxis: { title: 'Part des candidats positionnés', min: 0, max: 1, format: '0%' },
    dataLabels: false,
    anchor: below(sheet, Math.max(20, Math.ceil((r2 - r1 + 1) * 1.6) + 6)),
  };
}

function meansChart(sheet: SheetSpec): ChartSpec | null {
  const r1 = CLASSEURS_FIRST_ROW;
  let r2 = r1 - 1;
  // The sources' rows end at the whole's row, which has no file name in a text cell of its own style.
  while (cellAt(sheet, r2 + 1, 1)?.style === 'text') r2++;
  if (r2 < r1) return null;
  const meanCol = CLASSEURS_HEADERS.indexOf('Moyenne') + 1;
  return {
    sheet: sheet.name,
    title: 'Moyenne par classeur',
    direction: 'bar',
    grouping: 'clustered',
    categories: column(sheet, 1, r1, r2),
    categoryCache: texts(sheet, 1, r1, r2),
    series: [
      {
        name: 'Moyenne',
        values: column(sheet, meanCol, r1, r2),
        cache: numbers(sheet, meanCol, r1, r2),
        color: BLUE,
      },
    ],
    valueAxis: { title: 'Moyenne sur 20', min: 0, max: 20, format: '0' },
    dataLabels: true,
    anchor: below(sheet, Math.max(12, 2 * (r2 - r1 + 1) + 6)),
  };
}

/**
 * The charts of a statistics workbook built by `statisticsWorkbook` (and `consolidateStatistics`): the
 * distribution by band on « Synthèse », by point on « Répartition », the levels per criterion on
 * « Compétences » and, with several workbooks, the mean of each on « Classeurs ».
 */
export function statisticsCharts(epreuve: Epreuve, workbook: WorkbookSpec): ChartSpec[] {
  const byName = new Map(workbook.sheets.map((s) => [s.name, s]));
  const make: Array<[string, (s: SheetSpec) => ChartSpec | null]> = [
    [STATS_SHEETS.synthese, bandsChart],
    [STATS_SHEETS.repartition, (s) => histogramChart(s, epreuve)],
    [STATS_SHEETS.competences, (s) => levelsChart(s, epreuve)],
    [CLASSEURS_SHEET, meansChart],
  ];
  return make.flatMap(([name, build]) => {
    const sheet = byName.get(name);
    const chart = sheet ? build(sheet) : null;
    return chart ? [chart] : [];
  });
}

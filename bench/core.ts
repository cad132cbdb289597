import type { Assessment } from '../core/assessment/types';
import { candidateCells, gridTemplate } from '../core/grid/layout';
import { gridMap } from '../core/grid/map';
import { newTabId } from '../core/grid/marker';
import { tabName } from '../core/grid/naming';
import { readAssessment } from '../core/grid/read';
import { recapSheet } from '../core/grid/recap';
import { E4 } from '../core/referentiel';
import type { FormId } from '../core/referentiel/types';
import { parseRoster } from '../core/roster';
import type { Candidate } from '../core/roster/types';
import { parseRange } from '../core/spec/a1';
import type { CellSpec, CellValue } from '../core/spec/types';
import { computeStatistics, statisticsWorkbook } from '../core/stats';
import { validate } from '../core/validate';
import { medianMs } from './measure';
import { rosterValues, seeded, teacherCells } from './synthetic';

/** Pure core timings (no host, no file): what a host's round trips come on top of. */
export interface CoreRow {
  n: number;
  parseMs: number;
  specsMs: number;
  readMs: number;
  validateMs: number;
  statsMs: number;
}

const SESSION = 2026;

function specs(form: FormId, candidates: Candidate[]): void {
  gridTemplate(E4, form, SESSION);
  const names = new Set<string>();
  const ids = new Set<string>();
  const rows = candidates.map((c) => {
    const name = tabName(c, names);
    candidateCells(E4, form, SESSION, c, newTabId(c, ids));
    return { sheet: name, candidate: c, form };
  });
  recapSheet(E4, rows);
}

/** A tab's readRange rectangle as a host would read it back (formula cells read as empty). */
function tabValues(form: FormId, cells: CellSpec[]): CellValue[][] {
  const box = parseRange(gridMap(E4, form).readRange);
  const values: CellValue[][] = Array.from({ length: box.r2 }, () => Array<CellValue>(box.c2).fill(null));
  for (const c of cells)
    if (c.r <= box.r2 && c.c <= box.c2 && c.value !== undefined) values[c.r - 1][c.c - 1] = c.value;
  return values;
}

export function coreBench(n: number, form: FormId = 'ponctuel'): CoreRow {
  const values = rosterValues(n);
  const parseMs = medianMs(() => parseRoster(values));
  const candidates = parseRoster(values).candidates;
  const specsMs = medianMs(() => specs(form, candidates));
  const template = gridTemplate(E4, form, SESSION).cells;
  const rand = seeded(n);
  const ids = new Set<string>();
  const tabs = candidates.map((c, i) => ({
    sheet: `T${i}`,
    values: tabValues(form, [
      ...template,
      ...candidateCells(E4, form, SESSION, c, newTabId(c, ids)),
      ...teacherCells(E4, form, SESSION, rand),
    ]),
  }));
  let assessments: Assessment[] = [];
  const readMs = medianMs(() => {
    assessments = tabs.flatMap((t) => {
      const r = readAssessment(E4, t.sheet, t.values);
      return 'assessment' in r ? [r.assessment] : [];
    });
  });
  if (assessments.length !== n) throw new Error(`bench: ${assessments.length} grilles lues sur ${n}`);
  const validateMs = medianMs(() => validate(E4, { assessments, roster: candidates }));
  const statsMs = medianMs(() => {
    const stats = computeStatistics(E4, assessments, { hasErrors: false });
    statisticsWorkbook(
      E4,
      stats,
      {
        academie: 'SIEC',
        etablissement: 'Lycée',
        uai: '',
        session: SESSION,
        forms: ['Forme ponctuelle'],
        divisions: [],
        issuedOn: new Date(),
      },
      { nominatif: true, assessments },
    );
  });
  return { n, parseMs, specsMs, readMs, validateMs, statsMs };
}

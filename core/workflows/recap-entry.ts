import type { Assessment } from '../assessment/types';
import type { TabMarker } from '../grid/marker';
import { RECAP_HEADERS, recapSheet, type RecapRow } from '../grid/recap';
import type { RangeRequest } from '../port';
import type { Epreuve, FormId } from '../referentiel/types';
import type { Candidate } from '../roster/types';
import type { CellValue, SheetSpec } from '../spec/types';
import { sheetsOfKind, type MarkedSheet, type WorkbookScan } from './scan';

/**
 * « Suivi E4 » is rewritten whole by each operation; these helpers give it its rows (in tab order, what the
 * teacher sees) and carry the « Dernier contrôle » column over from the previous version.
 */

type Verdicts = Record<string, { date: string; verdict: string }>;

const FIRST_DATA_ROW = 4;
const SHEET_COL = RECAP_HEADERS.indexOf('Onglet');
const CONTROL_COL = RECAP_HEADERS.indexOf('Dernier contrôle');
const SEPARATOR = ' – ';

/** The read request for the current recap's rows, when there is one (to go in the same batch as the roster). */
export function recapRequest(scan: WorkbookScan): RangeRequest[] {
  const recap = sheetsOfKind(scan, 'recap')[0];
  return recap
    ? [{ sheet: recap.sheet, range: `A${FIRST_DATA_ROW}:G${FIRST_DATA_ROW + scan.names.length}` }]
    : [];
}

/** « Dernier contrôle » per tab name, from the values of `recapRequest`. */
export function lastControlFrom(values: CellValue[][] | undefined): Verdicts {
  const verdicts: Verdicts = {};
  for (const row of values ?? []) {
    const sheet = row[SHEET_COL];
    const text = row[CONTROL_COL];
    if (typeof sheet !== 'string' || typeof text !== 'string' || !text.includes(SEPARATOR)) continue;
    const at = text.indexOf(SEPARATOR);
    verdicts[sheet] = { date: text.slice(0, at), verdict: text.slice(at + SEPARATOR.length) };
  }
  return verdicts;
}

function markerRow(tab: MarkedSheet, fallbackForm: FormId): RecapRow {
  const m: TabMarker = tab.marker;
  return {
    sheet: tab.sheet,
    candidate: { number: m.candidateNumber ?? '', nom: m.nom ?? '', prenom: m.prenom ?? '' },
    form: m.form ?? fallbackForm,
    layoutVersion: m.layoutVersion,
  };
}

/** Rows at generation: the existing tabs (identity refreshed from the roster when matched), then the new ones. */
export function recapAfterGeneration(
  epreuve: Epreuve,
  existing: MarkedSheet[],
  matched: Map<string, Candidate>,
  created: Array<{ name: string; candidate: Candidate }>,
  form: FormId,
  verdicts: Verdicts,
): { spec: SheetSpec; position: 'first' } {
  const rows: RecapRow[] = existing.map((tab) => {
    const row = markerRow(tab, form);
    const c = matched.get(tab.sheet);
    return c ? { ...row, candidate: { number: c.number, nom: c.nom, prenom: c.prenom } } : row;
  });
  for (const { name, candidate } of created)
    rows.push({
      sheet: name,
      candidate: { number: candidate.number, nom: candidate.nom, prenom: candidate.prenom },
      form,
    });
  return { spec: recapSheet(epreuve, rows, verdicts), position: 'first' };
}

/**
 * Rows after a check: every candidate tab in tab order, with this check's verdicts. A tab the reader
 * could not read (another layout version) keeps its row, from its marker.
 */
export function recapAfterControl(
  epreuve: Epreuve,
  tabs: MarkedSheet[],
  assessments: Assessment[],
  verdicts: Verdicts,
): { spec: SheetSpec; position: 'first' } {
  const read = new Map(assessments.map((a) => [a.sheet, a]));
  const rows: RecapRow[] = tabs.map((tab) => {
    const a = read.get(tab.sheet);
    if (!a) return markerRow(tab, 'ccf');
    return {
      sheet: a.sheet,
      candidate: {
        number: a.identity.number.value ?? a.identity.markerNumber ?? '',
        nom: a.identity.nom.value ?? '',
        prenom: a.identity.prenom.value ?? '',
      },
      form: a.form,
      layoutVersion: a.layoutVersion,
    };
  });
  return { spec: recapSheet(epreuve, rows, verdicts), position: 'first' };
}

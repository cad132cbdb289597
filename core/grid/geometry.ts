import { formDef } from '../referentiel/lookup';
import type { Bloc, Epreuve, FormDef, FormId, PartDef } from '../referentiel/types';

/**
 * Row and column plan of a candidate's tab, computed from the référentiel only (never from a session or a
 * candidate), so that the map, the layout and the reader agree by construction. Page 1 is the grid
 * (annex V-4/V-6), page 2 the fiche (V-5/V-7).
 */

/**
 * Layout versions: 1 (first release); 2 adds the annex's column header « CRITÈRES D'ÉVALUATION et
 * COMPÉTENCES » above the blocs, puts the members' signatures before the note (V-6) and the advisory band,
 * which is not in the annex, after the note. The identity and status rows did not move. Tabs of every
 * version from 1 on are read through their own geometry.
 */
export const LAYOUT_VERSION = 2;
export const FIRST_LAYOUT_VERSION = 1;

/** A version this code knows how to read (and refresh), or null. */
export function knownLayoutVersion(version: number | undefined): number | null {
  return version !== undefined && version >= FIRST_LAYOUT_VERSION && version <= LAYOUT_VERSION
    ? version
    : null;
}

/** Columns of the printed form. The level marks follow the level column, one per level of the épreuve. */
export const COL = {
  number: 1,
  wording: 2,
  indicators: 3,
  level: 4,
  firstMark: 5,
  /** Left label (merged A:B) / value (C) and right label (merged level + first mark) / value (the other marks). */
  leftLabel: 1,
  leftValue: 3,
  rightLabel: 4,
  rightValue: 6,
} as const;

/** Hidden column holding the marker (see marker.ts). Kept outside the print area, inside the trimmed size. */
export const MARKER_COL = 11;
/**
 * Hidden column of working cells: each input the live formulas test, normalised to a number (see
 * layout-formulas.ts). Outside the print area, next to the marker.
 */
export const HELPER_COL = MARKER_COL - 1;
/** Rows of the marker (K1:K14): more than today's fields, so that a field can be added without a new layout. */
export const MARKER_ROWS = 14;

export type HeaderField = 'ficheNumber' | 'commission' | 'ficheTitle' | 'date';

/** A label/value pair on a row: left (A:B label, C value) or right (D:E label, F:last value). */
export interface PairPlace {
  row: number;
  side: 'left' | 'right';
}

export interface BlocPlace {
  bloc: Bloc;
  titleRow: number;
  firstRow: number;
  lastRow: number;
  /** Row per criterion id. */
  rows: Record<string, number>;
}

export interface PartPlace {
  part: PartDef;
  titleRow: number;
  dateRow: number | null;
  simulation: { activityRow: number; numberRow: number; titleRow: number } | null;
  appreciationLabelRow: number;
  appreciationRow: number;
  membersLabelRow: number | null;
  memberRows: number[];
}

export interface Geometry {
  form: FormDef;
  lastCol: number;
  grid: {
    titleRows: number[];
    identityRows: [number, number];
    header: Partial<Record<HeaderField, PairPlace>>;
    statusRow: number;
    progressRow: number;
    motifLabelRow: number;
    motifRows: number[];
    activityRow: number;
    /** « CRITÈRES D'ÉVALUATION et COMPÉTENCES » (layout 2 on), null before. */
    criteriaHeaderRow: number | null;
    blocs: BlocPlace[];
    legendRow: number;
    advisoryRow: number;
    noteRow: number;
    membersLabelRow: number | null;
    memberRows: number[];
    footerRow: number;
  };
  fiche: {
    titleRows: number[];
    nameRow: number;
    header: Partial<Record<HeaderField | 'number', PairPlace>>;
    parts: PartPlace[];
    membersLabelRow: number | null;
    memberRows: number[];
    noteRow: number;
    footerRow: number;
  };
  lastRow: number;
}

/** Hands out rows top to bottom. */
class Rows {
  private next = 1;
  take(): number {
    return this.next++;
  }
  takeMany(n: number): number[] {
    return Array.from({ length: n }, () => this.take());
  }
  get current(): number {
    return this.next - 1;
  }
}

/** Places fields two per row (left, then right), in the order given. */
function pairUp<K extends string>(rows: Rows, fields: K[]): Partial<Record<K, PairPlace>> {
  const out: Partial<Record<K, PairPlace>> = {};
  fields.forEach((field, i) => {
    const row = i % 2 === 0 ? rows.take() : rows.current;
    out[field] = { row, side: i % 2 === 0 ? 'left' : 'right' };
  });
  return out;
}

/** Header fields of the forme ponctuelle, in the order of annex V-6, as the form's flags say. */
function headerFields(form: FormDef): HeaderField[] {
  const fields: HeaderField[] = [];
  if (form.headerSimulation) fields.push('ficheNumber');
  if (form.headerCommission) fields.push('commission');
  if (form.headerSimulation) fields.push('ficheTitle');
  if (form.headerDate) fields.push('date');
  return fields;
}

function gridPage(epreuve: Epreuve, form: FormDef, rows: Rows, version: number): Geometry['grid'] {
  const titleRows = rows.takeMany(3);
  const identityRows = rows.takeMany(2) as [number, number];
  const header = pairUp(rows, headerFields(form));
  const statusRow = rows.take();
  const progressRow = rows.take();
  const motifLabelRow = rows.take();
  const motifRows = rows.takeMany(epreuve.nvMotifs.length);
  const activityRow = rows.take();
  const criteriaHeaderRow = version >= 2 ? rows.take() : null;
  const blocs = epreuve.blocs.map((bloc): BlocPlace => {
    const titleRow = rows.take();
    const criterionRows = rows.takeMany(bloc.criteria.length);
    const byId: Record<string, number> = {};
    bloc.criteria.forEach((c, i) => (byId[c.id] = criterionRows[i]));
    return {
      bloc,
      titleRow,
      firstRow: criterionRows[0],
      lastRow: criterionRows[criterionRows.length - 1],
      rows: byId,
    };
  });
  const legendRow = rows.take();
  const tail = version >= 2 ? annexTail(form, rows) : firstTail(form, rows);
  const footerRow = rows.take();
  return {
    titleRows,
    identityRows,
    header,
    statusRow,
    progressRow,
    motifLabelRow,
    motifRows,
    activityRow,
    criteriaHeaderRow,
    blocs,
    legendRow,
    ...tail,
    footerRow,
  };
}

type Tail = Pick<Geometry['grid'], 'advisoryRow' | 'noteRow' | 'membersLabelRow' | 'memberRows'>;

/** Layout 1: advisory band, note, then the members. */
function firstTail(form: FormDef, rows: Rows): Tail {
  const advisoryRow = rows.take();
  const noteRow = rows.take();
  const membersLabelRow = form.formMemberLines > 0 ? rows.take() : null;
  const memberRows = rows.takeMany(form.formMemberLines);
  return { advisoryRow, noteRow, membersLabelRow, memberRows };
}

/** Layout 2, as annex V-6: the members' signatures, then the note; the advisory band (not official) after. */
function annexTail(form: FormDef, rows: Rows): Tail {
  const membersLabelRow = form.formMemberLines > 0 ? rows.take() : null;
  const memberRows = rows.takeMany(form.formMemberLines);
  const noteRow = rows.take();
  const advisoryRow = rows.take();
  return { advisoryRow, noteRow, membersLabelRow, memberRows };
}

function partPlace(part: PartDef, rows: Rows): PartPlace {
  const titleRow = rows.take();
  const dateRow = part.hasDate ? rows.take() : null;
  const simulation = part.hasSimulation
    ? { activityRow: rows.take(), numberRow: rows.take(), titleRow: rows.take() }
    : null;
  const appreciationLabelRow = rows.take();
  const appreciationRow = rows.take();
  const membersLabelRow = part.memberLines > 0 ? rows.take() : null;
  const memberRows = rows.takeMany(part.memberLines);
  return {
    part,
    titleRow,
    dateRow,
    simulation,
    appreciationLabelRow,
    appreciationRow,
    membersLabelRow,
    memberRows,
  };
}

function fichePage(form: FormDef, rows: Rows): Geometry['fiche'] {
  const titleRows = rows.takeMany(3);
  const nameRow = rows.take();
  // V-7's order: N° Candidat, N° COMMISSION, Date, FICHE D'activité N°, then the titre, left, where the
  // column is wide. Only mirrors live here: the order can follow the annex without moving an input.
  const present = headerFields(form);
  const order: HeaderField[] = ['commission', 'date', 'ficheNumber', 'ficheTitle'];
  const fields = order.filter((f) => present.includes(f));
  const header = fields.length > 0 ? pairUp<HeaderField | 'number'>(rows, ['number', ...fields]) : {};
  const parts = form.parts.map((p) => partPlace(p, rows));
  const membersLabelRow = form.formMemberLines > 0 ? rows.take() : null;
  const memberRows = rows.takeMany(form.formMemberLines);
  const noteRow = rows.take();
  const footerRow = rows.take();
  return { titleRows, nameRow, header, parts, membersLabelRow, memberRows, noteRow, footerRow };
}

export function geometry(epreuve: Epreuve, formId: FormId, version: number = LAYOUT_VERSION): Geometry {
  const form = formDef(epreuve, formId);
  const rows = new Rows();
  const grid = gridPage(epreuve, form, rows, version);
  const fiche = fichePage(form, rows);
  const lastCol = COL.firstMark + epreuve.levels.length - 1;
  if (lastCol >= MARKER_COL) throw new Error('Trop de niveaux pour la mise en page de la grille.');
  return { form, lastCol, grid, fiche, lastRow: Math.max(rows.current, MARKER_ROWS) };
}

/** Column of a pair's value cell. */
export function valueCol(side: PairPlace['side']): number {
  return side === 'left' ? COL.leftValue : COL.rightValue;
}

import type { Assessment, Field } from '../assessment/types';
import { RUBRIC, levelRubric, motifRubric, partName } from '../grid/read-rubrics';
import { allCriteria } from '../referentiel/lookup';
import { advisoryBand } from '../validate/advisory-band';
import type { Epreuve, FormDef, PartDef } from '../referentiel/types';

/** A value as an export writes it: text, a number (the note) or nothing. */
export type ExportValue = string | number | null;

/** One column of the flat export: its French header and how to take it from an assessment. */
export interface ExportColumn {
  header: string;
  /** Numbers are written with a decimal comma; text is escaped against formulas. */
  get: (a: Assessment) => ExportValue;
}

function v<T extends string | number | boolean>(field: Field<T> | null | undefined): ExportValue {
  const value = field?.value;
  if (value === null || value === undefined) return null;
  return typeof value === 'boolean' ? (value ? 'X' : '') : value;
}

/** ISO date → « jj/mm/aaaa », what a French spreadsheet reads as a date. */
function frenchDate(field: Field<string> | null | undefined): ExportValue {
  const iso = field?.value;
  return iso ? iso.split('-').reverse().join('/') : null;
}

function identityColumns(): ExportColumn[] {
  return [
    { header: 'Onglet', get: (a) => a.sheet },
    { header: RUBRIC.nom, get: (a) => v(a.identity.nom) },
    { header: RUBRIC.prenom, get: (a) => v(a.identity.prenom) },
    { header: RUBRIC.number, get: (a) => v(a.identity.number) },
    { header: RUBRIC.group, get: (a) => v(a.identity.group) },
    { header: 'Forme', get: (a) => a.form },
    { header: 'Session', get: (a) => a.session },
  ];
}

function gradingColumns(epreuve: Epreuve): ExportColumn[] {
  return [
    { header: RUBRIC.status, get: (a) => v(a.status) },
    ...epreuve.nvMotifs.map((_, i) => ({ header: motifRubric(i), get: (a: Assessment) => v(a.nvMotifs[i]) })),
    { header: RUBRIC.activity, get: (a) => v(a.activity) },
    ...allCriteria(epreuve).map((c) => ({
      header: levelRubric(c),
      get: (a: Assessment) => v(a.levels[c.id]),
    })),
    { header: RUBRIC.note, get: (a) => v(a.note) },
    // The tab's « Note indicative », by the same rule (only once every level that counts is filled).
    { header: 'Note indicative (non officielle)', get: (a) => advisoryBand(epreuve, a) || null },
    { header: RUBRIC.ficheNumber, get: (a) => v(a.fiche.number) },
    { header: RUBRIC.ficheTitle, get: (a) => v(a.fiche.title) },
  ];
}

function headerColumns(forms: FormDef[]): ExportColumn[] {
  const lines = Math.max(0, ...forms.map((f) => f.formMemberLines));
  const cols: ExportColumn[] = [];
  if (forms.some((f) => f.headerDate)) cols.push({ header: RUBRIC.date, get: (a) => frenchDate(a.date) });
  if (forms.some((f) => f.headerCommission)) {
    cols.push({ header: RUBRIC.commissionNumber, get: (a) => v(a.commissionNumber) });
  }
  for (let i = 0; i < lines; i++) cols.push({ header: `Membre ${i + 1}`, get: (a) => v(a.members[i]) });
  return cols;
}

function partColumns(form: FormDef, part: PartDef): ExportColumn[] {
  const name = partName(part);
  const of = (a: Assessment) => (a.form === form.id ? a.parts.find((p) => p.partId === part.id) : undefined);
  const cols: ExportColumn[] = [];
  if (part.hasDate) cols.push({ header: `${RUBRIC.date} – ${name}`, get: (a) => frenchDate(of(a)?.date) });
  cols.push({ header: `Appréciation – ${name}`, get: (a) => v(of(a)?.appreciation) });
  for (let i = 0; i < part.memberLines; i++) {
    cols.push({ header: `Membre ${i + 1} – ${name}`, get: (a) => v(of(a)?.members[i]) });
  }
  return cols;
}

/**
 * The columns for these assessments: every field of every form present (a centre may mix forms), each
 * criterion level included; a field another form lacks stays empty.
 */
export function exportColumns(epreuve: Epreuve, assessments: Assessment[]): ExportColumn[] {
  const forms = epreuve.forms.filter((f) => assessments.some((a) => a.form === f.id));
  return [
    ...identityColumns(),
    ...gradingColumns(epreuve),
    ...headerColumns(forms),
    ...forms.flatMap((f) => f.parts.map((p) => partColumns(f, p)).flat()),
  ];
}

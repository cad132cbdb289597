import type { Assessment, Field } from '../assessment/types';
import { perEpreuve } from '../referentiel/memo';
import type { Epreuve } from '../referentiel/types';

/** A field as the JSON export writes it: its normalised value and where it lives. */
interface JsonField<T> {
  value: T | null;
  sheet: string;
  cell: string;
}

function f<T>(field: Field<T>): JsonField<T> {
  return { value: field.value, sheet: field.ref.sheet, cell: field.ref.cell };
}

function opt<T>(field: Field<T> | null): JsonField<T> | null {
  return field ? f(field) : null;
}

/** Each criterion with its bloc, listed once per épreuve (the export lists them for every candidate). */
const criteriaWithBloc = perEpreuve((epreuve) =>
  epreuve.blocs.flatMap((b) => b.criteria.map((criterion) => ({ bloc: b.id, criterion }))),
);

/** Written field by field, not spread from f(): the same keys in the same order, without an object per level. */
function levels(epreuve: Epreuve, a: Assessment) {
  return criteriaWithBloc(epreuve).map(({ bloc, criterion: c }) => {
    const field = a.levels[c.id];
    return field
      ? {
          criterion: c.id,
          bloc,
          wording: c.wording,
          value: field.value,
          sheet: field.ref.sheet,
          cell: field.ref.cell,
        }
      : { criterion: c.id, bloc, wording: c.wording, value: null, sheet: a.sheet, cell: '' };
  });
}

function record(epreuve: Epreuve, a: Assessment) {
  return {
    sheet: a.sheet,
    tabId: a.tabId,
    form: a.form,
    session: a.session,
    layoutVersion: a.layoutVersion,
    candidate: {
      nom: f(a.identity.nom),
      prenom: f(a.identity.prenom),
      number: f(a.identity.number),
      group: f(a.identity.group),
      birthDate: a.identity.birthDate || null,
    },
    // Distinct codes: present / absent / non_valide, negociation / evenement (« NV » means both on paper).
    status: f(a.status),
    nvMotifs: a.nvMotifs.map((m, i) => ({
      motif: i + 1,
      label: epreuve.nvMotifs[i] ?? '',
      value: m.value,
      sheet: m.ref.sheet,
      cell: m.ref.cell,
    })),
    activity: f(a.activity),
    levels: levels(epreuve, a),
    note: f(a.note),
    fiche: { number: f(a.fiche.number), title: f(a.fiche.title) },
    date: opt(a.date),
    commissionNumber: opt(a.commissionNumber),
    members: a.members.map(f),
    parts: a.parts.map((p) => ({
      partId: p.partId,
      date: opt(p.date),
      appreciation: f(p.appreciation),
      members: p.members.map(f),
    })),
  };
}

/** One record per candidate tab, every field with its normalised value, sheet and cell. */
export function assessmentsToJson(epreuve: Epreuve, assessments: Assessment[]): unknown {
  return { epreuve: epreuve.id, candidates: assessments.map((a) => record(epreuve, a)) };
}

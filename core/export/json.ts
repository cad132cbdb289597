import type { Assessment, Field } from '../assessment/types';
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

function levels(epreuve: Epreuve, a: Assessment) {
  return epreuve.blocs.flatMap((b) =>
    b.criteria.map((c) => ({
      criterion: c.id,
      bloc: b.id,
      wording: c.wording,
      ...(a.levels[c.id] ? f(a.levels[c.id]) : { value: null, sheet: a.sheet, cell: '' }),
    })),
  );
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
    nvMotifs: a.nvMotifs.map((m, i) => ({ motif: i + 1, label: epreuve.nvMotifs[i] ?? '', ...f(m) })),
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

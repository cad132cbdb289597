import type { Assessment, Field, PartAssessment } from '../assessment/types';
import type { CellValue } from '../spec/types';
import type { SourceDigest } from './consolidate';

/**
 * A workbook's digest in fewer bytes, for the one google.script.run call that carries every picked
 * workbook: a field is `[value, cell]`, its raw content and its tab added only when they differ from
 * the value and from the candidate's tab. Lossless: `unpackDigest(packDigest(d))` is `d`.
 */

type Value = CellValue;
export type PackedField = [Value, string] | [Value, string, Value] | [Value, string, Value, string];

interface PackedPart {
  partId: string;
  date: PackedField | null;
  appreciation: PackedField;
  members: PackedField[];
}

export interface PackedAssessment {
  tabId: string;
  sheet: string;
  layoutVersion: number;
  epreuve: string;
  form: Assessment['form'];
  session: number;
  identity: {
    nom: PackedField;
    prenom: PackedField;
    number: PackedField;
    group: PackedField;
    birthDate: string;
    markerNumber?: string;
  };
  status: PackedField;
  nvMotifs: PackedField[];
  activity: PackedField;
  levels: Record<string, PackedField>;
  note: PackedField;
  parts: PackedPart[];
  fiche: { number: PackedField; title: PackedField };
  date: PackedField | null;
  commissionNumber: PackedField | null;
  members: PackedField[];
  readProblems: Assessment['readProblems'];
}

export interface PackedDigest extends Omit<SourceDigest, 'counted' | 'uncounted'> {
  counted: PackedAssessment[];
  uncounted: PackedAssessment[];
}

function packField<T>(field: Field<T>, sheet: string): PackedField {
  const value = field.value as Value;
  if (field.ref.sheet !== sheet) return [value, field.ref.cell, field.raw, field.ref.sheet];
  return field.raw === value ? [value, field.ref.cell] : [value, field.ref.cell, field.raw];
}

function unpackField<T>(packed: PackedField, sheet: string): Field<T> {
  return {
    value: packed[0] as T | null,
    raw: packed.length > 2 ? (packed[2] as Value) : packed[0],
    ref: { sheet: packed[3] ?? sheet, cell: packed[1] },
  };
}

function mapRecord<A, B>(record: Record<string, A>, f: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

export function packAssessment(a: Assessment): PackedAssessment {
  const f = <T>(field: Field<T>): PackedField => packField(field, a.sheet);
  const part = (p: PartAssessment): PackedPart => ({
    partId: p.partId,
    date: p.date === null ? null : f(p.date),
    appreciation: f(p.appreciation),
    members: p.members.map(f),
  });
  return {
    ...a,
    identity: {
      ...a.identity,
      nom: f(a.identity.nom),
      prenom: f(a.identity.prenom),
      number: f(a.identity.number),
      group: f(a.identity.group),
    },
    status: f(a.status),
    nvMotifs: a.nvMotifs.map(f),
    activity: f(a.activity),
    levels: mapRecord(a.levels, f),
    note: f(a.note),
    parts: a.parts.map(part),
    fiche: { number: f(a.fiche.number), title: f(a.fiche.title) },
    date: a.date === null ? null : f(a.date),
    commissionNumber: a.commissionNumber === null ? null : f(a.commissionNumber),
    members: a.members.map(f),
  };
}

export function unpackAssessment(p: PackedAssessment): Assessment {
  const f = <T>(field: PackedField): Field<T> => unpackField<T>(field, p.sheet);
  const part = (q: PackedPart): PartAssessment => ({
    partId: q.partId,
    date: q.date === null ? null : f(q.date),
    appreciation: f(q.appreciation),
    members: q.members.map((m) => f<string>(m)),
  });
  return {
    ...p,
    identity: {
      ...p.identity,
      nom: f(p.identity.nom),
      prenom: f(p.identity.prenom),
      number: f(p.identity.number),
      group: f(p.identity.group),
    },
    status: f(p.status),
    nvMotifs: p.nvMotifs.map((m) => f<boolean>(m)),
    activity: f(p.activity),
    levels: mapRecord(p.levels, (l) => f(l)),
    note: f(p.note),
    parts: p.parts.map(part),
    fiche: { number: f(p.fiche.number), title: f(p.fiche.title) },
    date: p.date === null ? null : f(p.date),
    commissionNumber: p.commissionNumber === null ? null : f(p.commissionNumber),
    members: p.members.map((m) => f<string>(m)),
  };
}

export function packDigest(d: SourceDigest): PackedDigest {
  return { ...d, counted: d.counted.map(packAssessment), uncounted: d.uncounted.map(packAssessment) };
}

export function unpackDigest(p: PackedDigest): SourceDigest {
  return { ...p, counted: p.counted.map(unpackAssessment), uncounted: p.uncounted.map(unpackAssessment) };
}

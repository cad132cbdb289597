import type { Assessment, Field } from '../assessment/types';
import { RUBRIC, partRubric } from '../grid/read-rubrics';
import { looseKey } from '../grid/read-values';
import { advisoryRule, noteInBand } from '../referentiel/advisory';
import type { Epreuve } from '../referentiel/types';
import { countingLevels } from './advisory-band';
import { cellFinding, type FindingOf } from './finding';

/**
 * Advice only (avertissements): the commission's note and choices always win. Typed so: no rule here can
 * make the statistics PROVISOIRE (see hasErreur in validate.ts).
 */
type Advice = FindingOf<'avertissement'>;

function frenchNumber(n: number): string {
  return String(n).replace('.', ',');
}

function bandRule(epreuve: Epreuve, a: Assessment): Advice[] {
  const note = a.note.value;
  const levels = countingLevels(epreuve, a);
  if (note === null || note < 0 || note > epreuve.noteMax || levels === null) return [];
  const rule = advisoryRule(epreuve, levels);
  if (!rule || noteInBand(rule, note)) return [];
  return [
    cellFinding(
      a,
      'avertissement',
      'note-outside-band',
      a.note.ref,
      RUBRIC.note,
      `Note ${frenchNumber(note)} hors de la fourchette indicative « ${rule.label} » que suggèrent les niveaux : ` +
        'vérifiez-la (indication non officielle, la note de la commission prévaut).',
    ),
  ];
}

function decimalsRule(a: Assessment): Advice[] {
  const note = a.note.value;
  if (note === null) return [];
  const hundredths = note * 100;
  if (Math.abs(hundredths - Math.round(hundredths)) < 1e-9) return [];
  return [
    cellFinding(
      a,
      'avertissement',
      'note-decimals',
      a.note.ref,
      RUBRIC.note,
      `Note ${frenchNumber(note)} avec plus de 2 décimales : arrondissez-la (au demi-point ou au centième).`,
    ),
  ];
}

function datedFields(epreuve: Epreuve, a: Assessment): Array<{ field: Field<string>; rubric: string }> {
  const fromParts = a.parts.flatMap((p) =>
    p.date ? [{ field: p.date, rubric: partRubric(epreuve, a.form, p.partId, RUBRIC.date) }] : [],
  );
  return a.date ? [{ field: a.date, rubric: RUBRIC.date }, ...fromParts] : fromParts;
}

function dateYearRule(epreuve: Epreuve, a: Assessment, session: number): Advice[] {
  return datedFields(epreuve, a)
    .filter(({ field }) => field.value !== null && Number(field.value.slice(0, 4)) !== session)
    .map(({ field, rubric }) =>
      cellFinding(
        a,
        'avertissement',
        'date-outside-session',
        field.ref,
        rubric,
        `Date ${(field.value ?? '').split('-').reverse().join('/')} hors de l'année de la session ${session} : vérifiez l'année.`,
      ),
    );
}

/** The same person twice in one commission: names compared ignoring case, accents and spaces. */
function duplicateMembers(a: Assessment, members: Field<string>[], rubric: string): Advice[] {
  const seen = new Set<string>();
  const found: Advice[] = [];
  for (const m of members) {
    if (m.value === null) continue;
    const key = looseKey(m.value);
    if (key !== '' && seen.has(key)) {
      found.push(
        cellFinding(
          a,
          'avertissement',
          'member-duplicate',
          m.ref,
          rubric,
          `« ${m.value} » figure deux fois dans la même commission : indiquez l'autre membre.`,
        ),
      );
    }
    seen.add(key);
  }
  return found;
}

function memberRules(epreuve: Epreuve, a: Assessment): Advice[] {
  return [
    ...duplicateMembers(a, a.members, RUBRIC.members),
    ...a.parts.flatMap((p) =>
      duplicateMembers(a, p.members, partRubric(epreuve, a.form, p.partId, RUBRIC.members)),
    ),
  ];
}

export function adviceRules(epreuve: Epreuve, a: Assessment, session: number): Advice[] {
  const present = a.status.value === 'present';
  return [
    ...(present ? bandRule(epreuve, a) : []),
    ...(present ? decimalsRule(a) : []),
    ...dateYearRule(epreuve, a, session),
    ...memberRules(epreuve, a),
  ];
}

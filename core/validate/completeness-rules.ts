import type { Assessment, Field, PartAssessment } from '../assessment/types';
import { RUBRIC, levelRubric, partRubric } from '../grid/read-rubrics';
import { isBlank, joinOr } from '../grid/read-values';
import { activityBloc, commonCriteria, formDef, requiredCriteria } from '../referentiel/lookup';
import { perEpreuve } from '../referentiel/memo';
import type { ActivityCode, Criterion, Epreuve } from '../referentiel/types';
import { cellFinding, filled } from './finding';
import type { Finding } from './types';

/**
 * What a present candidate's tab must hold to be complete. A field whose cell holds something the
 * reader could not understand is already an erreur of its own (read problem): it is not reported
 * again as missing.
 */
function isMissing(field: Field<unknown>): boolean {
  return !filled(field) && isBlank(field.raw);
}

function missing(
  a: Assessment,
  field: Field<unknown>,
  code: string,
  rubric: string,
  message: string,
): Finding[] {
  return isMissing(field) ? [cellFinding(a, 'erreur', code, field.ref, rubric, message)] : [];
}

/** missing(), pushed into `found` (no array for the usual case: nothing is missing). */
function pushMissing(
  found: Finding[],
  a: Assessment,
  field: Field<unknown>,
  code: string,
  rubric: string,
  message: string,
): void {
  if (isMissing(field)) found.push(cellFinding(a, 'erreur', code, field.ref, rubric, message));
}

/** The texts of the level rules, built once per épreuve (the same for every tab). */
const levelTexts = perEpreuve((epreuve) => ({
  levelMissing: `Niveau non positionné : choisissez ${joinOr(epreuve.levels.map((l) => l.code))} dans la liste.`,
  activityMissing: `Activité simulée non choisie : choisissez ${joinOr(epreuve.activities.map((x) => `« ${x.label} »`))} dans la liste.`,
}));

function requiredLevels(
  epreuve: Epreuve,
  a: Assessment,
  criteria: readonly Criterion[],
  found: Finding[],
): void {
  for (const c of criteria) {
    const field = a.levels[c.id];
    if (field && isMissing(field))
      found.push(
        cellFinding(
          a,
          'erreur',
          'level-missing',
          field.ref,
          levelRubric(c),
          levelTexts(epreuve).levelMissing,
        ),
      );
  }
}

/** A level in the bloc of the activity that was not simulated is a mistake, not extra data. */
function otherActivityLevels(epreuve: Epreuve, a: Assessment, chosen: ActivityCode, found: Finding[]): void {
  const chosenBloc = activityBloc(epreuve, chosen);
  for (const bloc of epreuve.blocs) {
    if (bloc.activity === undefined || bloc.id === chosenBloc.id) continue;
    for (const c of bloc.criteria) {
      const field = a.levels[c.id];
      // An unreadable value is already a read problem: only a real level is reported here.
      if (!field || !filled(field)) continue;
      const message =
        `Niveau saisi dans le bloc « ${bloc.title} », qui n'est pas celui de l'activité simulée : ` +
        "effacez-le, ou corrigez l'activité choisie.";
      found.push(cellFinding(a, 'erreur', 'level-other-activity', field.ref, levelRubric(c), message));
    }
  }
}

/**
 * The activity and the levels it requires. Loops over criteria lists built once per épreuve, with texts
 * built once: the flatMap chains and joinOr per tab were the check's largest cost at 1500 tabs.
 */
function levelRules(epreuve: Epreuve, a: Assessment): Finding[] {
  const activity = a.activity.value;
  const found = missing(
    a,
    a.activity,
    'activity-missing',
    RUBRIC.activity,
    levelTexts(epreuve).activityMissing,
  );
  if (activity === null) {
    requiredLevels(epreuve, a, commonCriteria(epreuve), found);
    return found;
  }
  requiredLevels(epreuve, a, requiredCriteria(epreuve, activity), found);
  otherActivityLevels(epreuve, a, activity, found);
  return found;
}

function noteRules(epreuve: Epreuve, a: Assessment): Finding[] {
  const note = a.note.value;
  if (note === null) {
    return missing(
      a,
      a.note,
      'note-missing',
      RUBRIC.note,
      `Note absente : saisissez la note de la commission (0 à ${epreuve.noteMax}).`,
    );
  }
  if (note < 0 || note > epreuve.noteMax) {
    return [
      cellFinding(
        a,
        'erreur',
        'note-out-of-range',
        a.note.ref,
        RUBRIC.note,
        `Note ${String(note).replace('.', ',')} hors de l'échelle : saisissez une note de 0 à ${epreuve.noteMax}.`,
      ),
    ];
  }
  return [];
}

/**
 * The rules of one part (phase or situation), pushed into `found`. Most tabs miss nothing: a rubric is
 * named only for a finding (the check asks this of every part of every tab).
 */
function partRules(epreuve: Epreuve, a: Assessment, part: PartAssessment, found: Finding[]): void {
  const def = formDef(epreuve, a.form).parts.find((p) => p.id === part.partId);
  const rubric = (what: string) => partRubric(epreuve, a.form, part.partId, what);
  if (def?.hasDate && part.date && isMissing(part.date)) {
    found.push(
      cellFinding(
        a,
        'erreur',
        'date-missing',
        part.date.ref,
        rubric(RUBRIC.date),
        'Date non renseignée : saisissez la date (jj/mm/aaaa).',
      ),
    );
  }
  if (isMissing(part.appreciation)) {
    found.push(
      cellFinding(
        a,
        'erreur',
        'appreciation-missing',
        part.appreciation.ref,
        rubric('Appréciation de la commission'),
        'Appréciation de la commission absente : rédigez-la.',
      ),
    );
  }
  memberCount(a, part.members, def?.minMembers ?? 0, () => rubric(RUBRIC.members), found);
}

/**
 * Members named: at least `min` of the lines (ponctuelle: the 2 lines; CCF situation: at least 1). One
 * finding per member still missing, on the first empty lines, as the live count of the tab counts them.
 */
function memberCount(
  a: Assessment,
  members: Field<string>[],
  min: number,
  rubric: () => string,
  found: Finding[],
): void {
  if (min === 0 || members.length === 0) return;
  let missingCount = min;
  for (const m of members) if (filled(m)) missingCount--;
  if (missingCount <= 0) return;
  const expected = min === members.length ? `les ${min} membres` : `au moins ${count(min, 'membre')}`;
  for (const m of members) {
    if (missingCount === 0) break;
    if (!isMissing(m)) continue;
    missingCount--;
    found.push(
      cellFinding(
        a,
        'erreur',
        'members-missing',
        m.ref,
        rubric(),
        `Membre de la commission non indiqué (il faut ${expected}) : saisissez son nom.`,
      ),
    );
  }
}

function count(n: number, word: string): string {
  return `${n} ${n > 1 ? `${word}s` : word}`;
}

function headerRules(epreuve: Epreuve, a: Assessment, found: Finding[]): void {
  const form = formDef(epreuve, a.form);
  pushMissing(
    found,
    a,
    a.fiche.number,
    'fiche-number-missing',
    RUBRIC.ficheNumber,
    "N° de la fiche d'activité simulée absent : saisissez-le.",
  );
  pushMissing(
    found,
    a,
    a.fiche.title,
    'fiche-title-missing',
    RUBRIC.ficheTitle,
    "Titre de la fiche d'activité simulée absent : saisissez-le.",
  );
  if (form.headerDate && a.date) {
    pushMissing(
      found,
      a,
      a.date,
      'date-missing',
      RUBRIC.date,
      "Date de l'épreuve non renseignée : saisissez-la (jj/mm/aaaa).",
    );
  }
  if (form.headerCommission && a.commissionNumber) {
    pushMissing(
      found,
      a,
      a.commissionNumber,
      'commission-missing',
      RUBRIC.commissionNumber,
      'N° de commission absent : saisissez-le.',
    );
  }
  memberCount(a, a.members, form.formMinMembers, () => RUBRIC.members, found);
}

/** Every rule of completeness for a candidate whose status is « présent ». */
export function completenessRules(epreuve: Epreuve, a: Assessment): Finding[] {
  const found = levelRules(epreuve, a);
  found.push(...noteRules(epreuve, a));
  headerRules(epreuve, a, found);
  for (const p of a.parts) partRules(epreuve, a, p, found);
  return found;
}

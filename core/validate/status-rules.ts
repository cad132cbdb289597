import type { Assessment } from '../assessment/types';
import { RUBRIC, motifRubric } from '../grid/read-rubrics';
import { isBlank, joinOr } from '../grid/read-values';
import type { Epreuve } from '../referentiel/types';
import { completenessRules } from './completeness-rules';
import { cellFinding, filled } from './finding';
import type { Finding } from './types';

function statusWord(epreuve: Epreuve, code: string): string {
  const def = epreuve.statuses.find((s) => s.code === code);
  return def ? def.shortLabel || def.label : code;
}

function ticked(a: Assessment) {
  return a.nvMotifs.filter((m) => m.value === true);
}

/** A candidate ABS or NV has no note: the mention replaces it. */
function noNoteRule(epreuve: Epreuve, a: Assessment): Finding[] {
  if (!filled(a.note) || a.status.value === null) return [];
  const word = statusWord(epreuve, a.status.value);
  return [
    cellFinding(
      a,
      'erreur',
      'note-not-allowed',
      a.note.ref,
      RUBRIC.note,
      `Une note est saisie pour un candidat ${word} : effacez la note, ou corrigez le statut.`,
    ),
  ];
}

function nvMotifRule(a: Assessment): Finding[] {
  if (ticked(a).length > 0 || a.nvMotifs.length === 0) return [];
  return [
    cellFinding(
      a,
      'erreur',
      'nv-motif-missing',
      a.nvMotifs[0].ref,
      'Motifs de non-validité',
      'Candidat NV sans motif : cochez (X) au moins un motif de non-conformité du dossier.',
    ),
  ];
}

/** Motifs only make sense for a non valide dossier: ticked elsewhere they are probably a slip. */
function strayMotifs(epreuve: Epreuve, a: Assessment): Finding[] {
  const status = a.status.value;
  if (status === null) return [];
  // A loop, not map/filter/map: asked of every tab, and the motifs are nearly always unticked.
  const found: Finding[] = [];
  a.nvMotifs.forEach((m, i) => {
    if (m.value !== true) return;
    const word = statusWord(epreuve, status) || 'présent';
    found.push(
      cellFinding(
        a,
        'avertissement',
        'motif-without-nv',
        m.ref,
        motifRubric(i),
        `Motif de non-validité coché pour un candidat ${word} : décochez-le, ou passez le statut à NV.`,
      ),
    );
  });
  return found;
}

/**
 * No status yet: the status is missing, and so is what a présent candidate needs (most are présents), as
 * the live count says. A status that is no choice is a read problem already, and nothing more is judged.
 */
function missingStatus(epreuve: Epreuve, a: Assessment): Finding[] {
  if (!isBlank(a.status.raw)) return [];
  return [
    ...completenessRules(epreuve, a),
    cellFinding(
      a,
      'erreur',
      'status-missing',
      a.status.ref,
      RUBRIC.status,
      `Statut non renseigné : choisissez ${joinOr(epreuve.statuses.map((s) => `« ${s.label} »`))} dans la liste.`,
    ),
  ];
}

/** The rules that depend on the status cell, the completeness of a present candidate included. */
export function statusRules(epreuve: Epreuve, a: Assessment): Finding[] {
  switch (a.status.value) {
    case null:
      return missingStatus(epreuve, a);
    case 'present':
      return [...completenessRules(epreuve, a), ...strayMotifs(epreuve, a)];
    case 'absent':
      return [...noNoteRule(epreuve, a), ...strayMotifs(epreuve, a)];
    case 'non_valide':
      return [...noNoteRule(epreuve, a), ...nvMotifRule(a)];
  }
}

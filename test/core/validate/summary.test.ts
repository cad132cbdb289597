import { E4 } from '../../../core/referentiel';
import { computeStatistics } from '../../../core/stats/compute';
import { isComplete, outcome, summarize } from '../../../core/validate/summary';
import { validate } from '../../../core/validate/validate';
import { candidate, tab } from './helpers';

describe('summary of a check', () => {
  const complete = tab({}, 'A');
  const incomplete = tab({ note: null }, 'B');
  const absent = tab({ status: 'ABS', note: null }, 'C');
  const nv = tab({ status: 'NV', note: null, nvMotifs: [0] }, 'D');
  const absentWithNote = tab({ status: 'ABS', note: 9 }, 'E');
  const noStatus = tab({ status: null }, 'F');
  const warned = tab({ note: 14.125 }, 'G');
  const wrong = tab({ levels: { 'cibler.1': 'B' }, note: null }, 'H');
  const blank = tab(
    {
      allLevels: null,
      activity: null,
      note: null,
      date: null,
      appreciation: null,
      members: [],
      ficheNumber: null,
      ficheTitle: null,
    },
    'I',
  );
  const nvWithoutMotif = tab({ status: 'NV', note: null }, 'J');
  const all = [
    complete,
    incomplete,
    absent,
    nv,
    absentWithNote,
    noStatus,
    warned,
    wrong,
    blank,
    nvWithoutMotif,
  ];
  const findings = validate(E4, { assessments: all, roster: null });

  it('puts each tab in exactly one box; an ABS or NV tab stays ABS or NV with its erreur', () => {
    expect(all.map((a) => outcome(findings, a))).toEqual([
      'complete',
      'incomplete',
      'absent',
      'nonValide',
      'absent',
      'incomplete',
      'complete',
      'toCorrect',
      'notStarted',
      'nonValide',
    ]);
  });

  it('counts candidates, boxes, erreurs and avertissements', () => {
    expect(summarize(all, findings)).toEqual({
      candidates: 10,
      complete: 2,
      incomplete: 2,
      toCorrect: 1,
      notStarted: 1,
      absent: 2,
      nonValide: 2,
      // B note, E note, F status, H level + note, I one line, J motif.
      errors: 7,
      warnings: 1,
    });
  });

  it('a grid nothing was typed in is one line, not one per empty item', () => {
    const mine = findings.filter((f) => f.sheet === 'I');
    expect(mine.map((f) => f.code)).toEqual(['grid-not-started']);
    expect(mine[0].message).toContain('16 éléments à saisir');
  });

  it('a tab is complete when no erreur points into it, avertissements aside', () => {
    expect(isComplete(findings, warned)).toBe(true);
    expect(isComplete(findings, incomplete)).toBe(false);
  });

  it('a roster erreur on a tab (a second tab for the candidate) makes it to be corrected', () => {
    const twin = tab({ tabId: 'twin' }, 'A bis');
    const withRoster = validate(E4, {
      assessments: [complete, twin],
      roster: [candidate(2, 'DUPONT', 'Marie', '02600001')],
    });
    expect(summarize([complete, twin], withRoster)).toMatchObject({ complete: 0, toCorrect: 2, errors: 2 });
  });
});

describe('Contrôle and the statistics count an ABS with a note alike', () => {
  it('one ABS (with an erreur) in both, not an ABS in one and an incomplete in the other', () => {
    const tabs = [tab({ status: 'ABS', note: 9 }, 'E'), tab({ number: '02600002', tabId: 'a2' }, 'A')];
    const found = validate(E4, { assessments: tabs, roster: null });
    const summary = summarize(tabs, found);
    const stats = computeStatistics(E4, tabs, { hasErrors: summary.errors > 0 });
    expect(summary).toMatchObject({ absent: 1, complete: 1, errors: 1 });
    expect(stats.counts).toMatchObject({ absents: summary.absent, presentsNotes: summary.complete });
    expect(stats.provisional).toBe(true);
  });
});

import { E4 } from '../../../core/referentiel';
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
  const all = [complete, incomplete, absent, nv, absentWithNote, noStatus, warned];
  const findings = validate(E4, { assessments: all, roster: null });

  it('puts each tab in exactly one box; an ABS or NV tab with an erreur is incomplete', () => {
    expect(all.map((a) => outcome(findings, a))).toEqual([
      'complete',
      'incomplete',
      'absent',
      'nonValide',
      'incomplete',
      'incomplete',
      'complete',
    ]);
  });

  it('counts candidates, boxes, erreurs and avertissements', () => {
    expect(summarize(all, findings)).toEqual({
      candidates: 7,
      complete: 2,
      incomplete: 3,
      absent: 1,
      nonValide: 1,
      errors: 3,
      warnings: 1,
    });
  });

  it('a tab is complete when no erreur points into it, avertissements aside', () => {
    expect(isComplete(findings, warned)).toBe(true);
    expect(isComplete(findings, incomplete)).toBe(false);
  });

  it('a roster erreur on a tab (a second tab for the candidate) makes it incomplete', () => {
    const twin = tab({ tabId: 'twin' }, 'A bis');
    const withRoster = validate(E4, {
      assessments: [complete, twin],
      roster: [candidate(2, 'DUPONT', 'Marie', '02600001')],
    });
    expect(summarize([complete, twin], withRoster)).toMatchObject({ complete: 0, incomplete: 2, errors: 2 });
  });
});

import { gridMap } from '../../../core/grid/map';
import { E4 } from '../../../core/referentiel';
import { validate } from '../../../core/validate/validate';
import type { Assessment } from '../../../core/assessment/types';
import type { Candidate } from '../../../core/roster/types';
import type { UnreadTab } from '../../../core/validate/roster-rules';
import { candidate, tab } from './helpers';

const map = gridMap(E4, 'ccf');

function rosterFindings(assessments: Assessment[], roster: Candidate[], unread: UnreadTab[] = []) {
  return validate(E4, { assessments, roster, tabsWithoutReader: unread }).map((f) => ({
    severity: f.severity,
    code: f.code,
    sheet: f.sheet,
    cell: f.cell,
  }));
}

describe('roster ↔ tabs', () => {
  const dupont = candidate(2, 'DUPONT', 'Marie', '02600001');
  const martin = candidate(3, 'MARTIN', 'Léo', '02600002');

  it('finds nothing when each candidate has exactly one tab', () => {
    const tabs = [tab(), tab({ nom: 'MARTIN', prenom: 'Léo', number: '02600002', tabId: 'g2' })];
    expect(rosterFindings(tabs, [dupont, martin])).toEqual([]);
  });

  it('reports a roster candidate without a tab, after the tab findings', () => {
    const findings = validate(E4, { assessments: [tab()], roster: [dupont, martin] });
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'erreur',
        code: 'roster-no-tab',
        sheet: null,
        cell: null,
        candidate: { number: '02600002', nom: 'MARTIN', prenom: 'Léo' },
      }),
    ]);
    expect(findings[0].message).toContain('ligne 3');
  });

  it('reports a tab whose candidate left the roster, as advice (the tab is kept)', () => {
    expect(rosterFindings([tab()], [])).toEqual([
      { severity: 'avertissement', code: 'tab-not-in-roster', sheet: 'DUPONT Marie', cell: map.identity.nom },
    ]);
  });

  it('reports two tabs for one candidate, on each tab', () => {
    const tabs = [tab({}, 'DUPONT Marie'), tab({ tabId: 'g9' }, 'DUPONT Marie (2)')];
    const findings = validate(E4, { assessments: tabs, roster: [dupont] });
    expect(findings.map((f) => [f.code, f.sheet])).toEqual([
      ['tab-duplicate', 'DUPONT Marie'],
      ['tab-duplicate', 'DUPONT Marie (2)'],
    ]);
    expect(findings[0].message).toContain('« DUPONT Marie (2) »');
  });

  it('reports a visible N° candidat edited by hand, matching the tab by its marker', () => {
    const edited = tab({ number: '02609999', markerNumber: '02600001' });
    expect(rosterFindings([edited], [dupont])).toEqual([
      { severity: 'erreur', code: 'number-mismatch', sheet: 'DUPONT Marie', cell: map.identity.number },
    ]);
  });

  it('matches by NOM + Prénom (accents and case aside) when the tab was made before the numbers came', () => {
    const early = tab({ nom: 'Dupont', prenom: 'MARIE', number: '', markerNumber: '' });
    expect(rosterFindings([early], [dupont])).toEqual([]);
  });

  it('attaches a tab whose N° candidat the roster corrected, and asks for the rerun that updates it', () => {
    const old = tab({ number: '02600001' });
    const renumbered = candidate(2, 'DUPONT', 'Marie', '02600042');
    const findings = validate(E4, { assessments: [old], roster: [renumbered] });
    expect(findings.map((f) => [f.severity, f.code])).toEqual([['avertissement', 'number-corrected']]);
    expect(findings[0].message).toContain('02600001 → 02600042');
  });

  it('does not attach by name a tab whose N° candidat another roster row carries', () => {
    const old = tab({ number: '02600001' });
    const other = candidate(2, 'DUPONT', 'Marie', '02600001');
    const renumbered = candidate(3, 'DUPONT', 'Marie', '02600042');
    const findings = validate(E4, { assessments: [old], roster: [other, renumbered] });
    expect(findings.map((f) => [f.severity, f.code])).toEqual([['erreur', 'roster-no-tab']]);
  });

  it('does not ask for a birth date the roster row and the tab already have (issue 10, case 3)', () => {
    const old = tab({ number: '02600001', birthDate: '2005-03-12' });
    const other = candidate(2, 'DUPONT', 'Marie', '02600042', '2005-03-13');
    const findings = validate(E4, { assessments: [old], roster: [other] });
    expect(findings.map((f) => f.code)).toEqual(['tab-ambiguous', 'roster-no-tab']);
    expect(findings[0].message).not.toContain('date de naissance');
  });

  it('separates homonyms by birth date, and says when it cannot', () => {
    const elder = candidate(2, 'DUPONT', 'Marie', '', '2004-01-01');
    const younger = candidate(3, 'DUPONT', 'Marie', '', '2006-06-06');
    const tabYounger = tab({ number: '', markerNumber: '', birthDate: '2006-06-06' });
    expect(rosterFindings([tabYounger], [elder, younger]).map((f) => f.code)).toEqual(['roster-no-tab']);
    const unknown = tab({ number: '', markerNumber: '' });
    const findings = validate(E4, { assessments: [unknown], roster: [elder, younger] });
    expect(findings.map((f) => [f.severity, f.code, f.sheet])).toEqual([
      ['avertissement', 'tab-ambiguous', 'DUPONT Marie'],
      ['avertissement', 'match-ambiguous', null],
      ['avertissement', 'match-ambiguous', null],
    ]);
    expect(findings[1].message).toContain('date de naissance');
  });

  it('counts an unreadable tab that names its candidate as that candidate’s tab', () => {
    const unread: UnreadTab[] = [
      {
        sheet: 'MARTIN Léo',
        problem: 'ancienne mise en page',
        candidate: { number: '02600002', nom: 'MARTIN', prenom: 'Léo' },
      },
    ];
    expect(rosterFindings([tab()], [dupont, martin], unread)).toEqual([
      { severity: 'erreur', code: 'tab-unreadable', sheet: 'MARTIN Léo', cell: null },
    ]);
  });
});

import { lastControlVerdicts } from '../../../core/report/verdicts';
import { errorsBySheet, errorsIn, outcome, outcomeOf } from '../../../core/validate/summary';
import type { Finding } from '../../../core/validate/types';
import { tab } from './helpers';

function finding(sheet: string | null, severity: Finding['severity'], code: string, n: number): Finding {
  return { severity, code, candidate: null, sheet, cell: `A${n}`, rubric: 'r', message: `m${n}` };
}

/** The erreurs of every tab, indexed once, must be exactly what filtering the findings per tab gives. */
describe('erreurs indexed by tab', () => {
  const sheets = ['A', 'B', 'C', 'sans erreur'];
  const codes = ['level-missing', 'grid-not-started', 'read-problem', 'note-outside-band'];
  const findings: Finding[] = [];
  for (let n = 0; n < 60; n++) {
    const sheet = n % 7 === 0 ? null : sheets[n % 3];
    findings.push(finding(sheet, n % 4 === 0 ? 'avertissement' : 'erreur', codes[n % codes.length], n));
  }

  it('gives each tab its erreurs in the findings order, and none to a tab without', () => {
    const errorsOf = errorsBySheet(findings);
    for (const sheet of [...sheets, 'inconnu']) expect(errorsOf(sheet)).toEqual(errorsIn(findings, sheet));
    expect(errorsOf('sans erreur')).toEqual([]);
  });

  it('gives each tab the outcome and verdict that a filter per tab gives', () => {
    const tabs = sheets.map((s) => tab({ activity: 'negociation' }, s));
    const errorsOf = errorsBySheet(findings);
    for (const a of tabs) expect(outcomeOf(a, errorsOf(a.sheet))).toBe(outcome(findings, a));
    const verdicts = lastControlVerdicts(tabs, findings, new Date(Date.UTC(2026, 2, 1, 10)));
    expect(verdicts.A.verdict).toBe('Non commencée');
    expect(verdicts['sans erreur'].verdict).toBe('Complète');
  });
});

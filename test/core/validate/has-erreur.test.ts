import type { Assessment } from '../../../core/assessment/types';
import { allCriteria, E4 } from '../../../core/referentiel';
import type { Candidate } from '../../../core/roster/types';
import { hasErreur, validate, type ValidateInput } from '../../../core/validate';
import type { UnreadTab } from '../../../core/validate';
import { candidate, tab } from './helpers';

/**
 * What makes the statistics PROVISOIRE: hasErreur answers what validate(…).some(erreur) answers, on every
 * kind of class the check tells apart, while building neither the advice nor the order.
 */

const first = allCriteria(E4)[0].id;

const TABS: Array<[string, () => Assessment]> = [
  ['complete', () => tab({ nom: 'COMPLET', number: '02600000001' })],
  ['complete, ponctuelle', () => tab({ nom: 'PONCTUEL', number: '02600000002', form: 'ponctuel' })],
  [
    'complete with advice only',
    () => tab({ nom: 'CONSEIL', number: '02600000003', note: 19.5, allLevels: 'I' }),
  ],
  ['absent', () => tab({ nom: 'ABSENT', number: '02600000004', status: 'ABS', note: null, allLevels: null })],
  ['NV without motif', () => tab({ nom: 'NONVALIDE', number: '02600000005', status: 'NV', note: null })],
  [
    'not started',
    () => tab({ nom: 'VIDE', number: '02600000006', allLevels: null, note: null, activity: null }),
  ],
  [
    'a level it cannot read',
    () => tab({ nom: 'ETRANGE', number: '02600000007', levels: { [first]: 'très bien' } }),
  ],
  [
    'a date outside the session',
    () => tab({ nom: 'DATE', number: '02600000008', date: new Date('2019-05-18') }),
  ],
  ['a member twice', () => tab({ nom: 'DOUBLE', number: '02600000009', members: ['M. A', 'M. A'] })],
];

const ROSTERS: Array<[string, (tabs: Assessment[]) => Candidate[] | null]> = [
  ['no roster', () => null],
  [
    'the roster of the tabs',
    (tabs) =>
      tabs.map((a, i) =>
        candidate(
          i + 2,
          a.identity.nom.value ?? '',
          a.identity.prenom.value ?? '',
          a.identity.number.value ?? '',
        ),
      ),
  ],
  ['a roster with a candidate without tab', () => [candidate(2, 'AUTRE', 'Paul', '02600000099')]],
];

const UNREAD: UnreadTab[] = [
  { sheet: 'ANCIEN Paul', problem: "L'onglet « ANCIEN Paul » a une mise en page plus ancienne." },
];

describe('whether the check finds an erreur', () => {
  for (const [what, make] of TABS)
    for (const [rosterWhat, roster] of ROSTERS)
      for (const unread of [[], UNREAD])
        it(`answers as the whole check: a tab ${what}, ${rosterWhat}, ${unread.length} tab unread`, () => {
          const tabs = [TABS[0][1](), make()];
          const input: ValidateInput = { assessments: tabs, roster: roster(tabs), tabsWithoutReader: unread };
          expect(hasErreur(E4, input)).toBe(validate(E4, input).some((f) => f.severity === 'erreur'));
        });

  it('is false for a clean class with advice, true as soon as one tab has an erreur', () => {
    const clean = [TABS[0][1](), TABS[2][1]()];
    expect(validate(E4, { assessments: clean, roster: null }).length).toBeGreaterThan(0);
    expect(hasErreur(E4, { assessments: clean, roster: null })).toBe(false);
    expect(hasErreur(E4, { assessments: [...clean, TABS[5][1]()], roster: null })).toBe(true);
  });
});

import { gridMap } from '../../../core/grid/map';
import { E4 } from '../../../core/referentiel';
import { validate } from '../../../core/validate/validate';
import type { Finding } from '../../../core/validate/types';
import type { FilledTabInit } from '../../helpers/filled-tab';
import { tab } from './helpers';

const ccf = gridMap(E4, 'ccf');
const ponctuel = gridMap(E4, 'ponctuel');

function check(init: FilledTabInit): Finding[] {
  return validate(E4, { assessments: [tab(init)], roster: null });
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity}:${f.code}@${f.cell}`);
}

describe('a complete tab', () => {
  it.each([
    ['ccf', 'negociation'],
    ['ccf', 'evenement'],
    ['ponctuel', 'negociation'],
    ['ponctuel', 'evenement'],
  ] as const)('%s / %s has no finding', (form, activity) => {
    expect(check({ form, activity })).toEqual([]);
  });
});

describe('présent: the grid must be positioned', () => {
  it('reports each criterion of a required bloc left empty, on its cell', () => {
    const findings = check({ levels: { 'cibler.2': null, 'negocier.1': null } });
    expect(codes(findings)).toEqual([
      `erreur:level-missing@${ccf.levels['cibler.2']}`,
      `erreur:level-missing@${ccf.levels['negocier.1']}`,
    ]);
    expect(findings[0]).toMatchObject({
      sheet: 'DUPONT Marie',
      rubric: 'Niveau – Identifier des cibles de clientèle',
      candidate: { nom: 'DUPONT', prenom: 'Marie', number: '02600001' },
    });
    expect(findings[0].message).toContain('TI, I, S ou TS');
  });

  it('reports a missing activity and still checks the common blocs, not the activity blocs', () => {
    const findings = check({ activity: null, levels: { 'exploiter.2': null } });
    expect(codes(findings)).toEqual([
      `erreur:activity-missing@${ccf.activity}`,
      `erreur:level-missing@${ccf.levels['exploiter.2']}`,
    ]);
  });

  it.each(['negociation', 'evenement'] as const)(
    'reports a level in the bloc of the activity not simulated (%s chosen)',
    (activity) => {
      const other = activity === 'negociation' ? 'evenement.3' : 'negocier.2';
      const findings = check({ activity, levels: { [other]: 'TS' } });
      expect(codes(findings)).toEqual([`erreur:level-other-activity@${ccf.levels[other]}`]);
      expect(findings[0].message).toContain('effacez-le');
    },
  );

  it('reports a missing note and a note off the scale', () => {
    expect(codes(check({ note: null }))).toEqual([`erreur:note-missing@${ccf.note}`]);
    expect(codes(check({ note: 21 }))).toEqual([`erreur:note-out-of-range@${ccf.note}`]);
    expect(codes(check({ note: -1 }))).toEqual([`erreur:note-out-of-range@${ccf.note}`]);
  });

  it('CCF: reports the date, appreciation and members of each situation, and the fiche', () => {
    const findings = check({
      date: null,
      appreciation: null,
      members: [],
      ficheNumber: null,
      ficheTitle: null,
    });
    const [a, b] = ccf.parts;
    expect(codes(findings).sort()).toEqual(
      [
        `erreur:date-missing@${a.date}`,
        `erreur:date-missing@${b.date}`,
        `erreur:appreciation-missing@${a.appreciation}`,
        `erreur:appreciation-missing@${b.appreciation}`,
        `erreur:members-missing@${a.members[0]}`,
        `erreur:members-missing@${b.members[0]}`,
        `erreur:fiche-number-missing@${ccf.fiche.number}`,
        `erreur:fiche-title-missing@${ccf.fiche.title}`,
      ].sort(),
    );
    expect(findings.find((f) => f.cell === b.date)?.rubric).toBe('Date – Situation B');
  });

  it('CCF: one member per situation is enough', () => {
    expect(check({ members: ['Mme MARTIN Claire'] })).toEqual([]);
  });

  it('ponctuelle: needs the date, the N° commission and exactly 2 members', () => {
    const findings = check({
      form: 'ponctuel',
      date: null,
      commissionNumber: null,
      members: ['Mme MARTIN Claire'],
    });
    expect(codes(findings)).toEqual(
      expect.arrayContaining([
        `erreur:date-missing@${ponctuel.date}`,
        `erreur:commission-missing@${ponctuel.commissionNumber}`,
        `erreur:members-missing@${ponctuel.members[1]}`,
      ]),
    );
    expect(findings.find((f) => f.code === 'members-missing')?.message).toContain('les 2 membres');
    expect(findings.filter((f) => f.code === 'members-missing')).toHaveLength(1);
  });

  it('ponctuelle: one finding per member missing, on each empty line (as the live count)', () => {
    const findings = check({ form: 'ponctuel', members: [] });
    expect(codes(findings)).toEqual([
      `erreur:members-missing@${ponctuel.members[0]}`,
      `erreur:members-missing@${ponctuel.members[1]}`,
    ]);
  });

  it('ponctuelle: an appreciation is needed for each phase', () => {
    const findings = check({ form: 'ponctuel', appreciation: null });
    expect(findings.map((f) => f.rubric)).toEqual([
      'Appréciation de la commission – Phase 1',
      'Appréciation de la commission – Phase 2',
      'Appréciation de la commission – Phase 3',
    ]);
  });
});

describe('ABS and NV', () => {
  it.each([
    ['Absent (ABS)', []],
    ['Non valide (NV)', [0]],
  ])('a note for a candidate « %s » is an erreur', (status, nvMotifs) => {
    const findings = check({ status, note: 12, nvMotifs });
    expect(codes(findings)).toEqual([`erreur:note-not-allowed@${ccf.note}`]);
  });

  it('an absent candidate with no note and an empty grid has no finding', () => {
    expect(check({ status: 'ABS', note: null, allLevels: null, activity: null, date: null })).toEqual([]);
  });

  it('NV needs at least one V-8 motif', () => {
    expect(codes(check({ status: 'NV', note: null }))).toEqual([
      `erreur:nv-motif-missing@${ccf.nvMotifs[0]}`,
    ]);
    expect(check({ status: 'NV', note: null, nvMotifs: [4] })).toEqual([]);
  });

  it('a motif ticked for a present or absent candidate is an avertissement', () => {
    expect(codes(check({ nvMotifs: [2] }))).toEqual([`avertissement:motif-without-nv@${ccf.nvMotifs[2]}`]);
    expect(codes(check({ status: 'ABS', note: null, nvMotifs: [0] }))).toEqual([
      `avertissement:motif-without-nv@${ccf.nvMotifs[0]}`,
    ]);
  });

  it('an empty status is an erreur, and the grid is then checked as a présent one', () => {
    const findings = check({ status: null });
    expect(codes(findings)).toEqual([`erreur:status-missing@${ccf.status}`]);
    expect(findings[0].message).toMatch(/^Statut non renseigné/);
    expect(codes(check({ status: null, note: null }))).toEqual([
      `erreur:status-missing@${ccf.status}`,
      `erreur:note-missing@${ccf.note}`,
    ]);
  });
});

describe('read problems', () => {
  it('are erreurs on their cell, not reported again as missing', () => {
    const findings = check({ levels: { 'cibler.1': 'Bien' }, status: 'peut-être', note: '12,5/10' });
    expect(codes(findings)).toEqual([
      `erreur:read-problem@${ccf.status}`,
      `erreur:read-problem@${ccf.levels['cibler.1']}`,
      `erreur:read-problem@${ccf.note}`,
    ]);
  });

  it('a pasted level that differs only by spaces or case is no finding', () => {
    expect(check({ levels: { 'cibler.1': 'ts', 'cibler.2': ' S ' }, status: ' présent' })).toEqual([]);
  });

  it('a level the tab cannot read either, a note or a date typed as text, are erreurs', () => {
    const findings = check({ levels: { 'cibler.2': 'Très satisfaisant' }, note: '14,5', date: '18/05/2026' });
    expect(codes(findings)).toEqual([
      `erreur:read-problem@${ccf.levels['cibler.2']}`,
      `erreur:read-problem@${ccf.note}`,
      `erreur:read-problem@${ccf.parts[0].date}`,
      `erreur:read-problem@${ccf.parts[1].date}`,
    ]);
  });

  it('a level in the bloc not simulated that is unreadable is reported once', () => {
    expect(codes(check({ levels: { 'evenement.1': 'B' } }))).toEqual([
      `erreur:read-problem@${ccf.levels['evenement.1']}`,
    ]);
  });
});

describe('avertissements', () => {
  it('a note outside the advisory band of the levels', () => {
    const findings = check({ allLevels: 'TS', note: 10 });
    expect(codes(findings)).toEqual([`avertissement:note-outside-band@${ccf.note}`]);
    expect(findings[0].message).toContain('« 14 et plus »');
    expect(check({ allLevels: 'TS', note: 14 })).toEqual([]);
    expect(codes(check({ allLevels: 'I', note: 8 }))).toEqual([
      `avertissement:note-outside-band@${ccf.note}`,
    ]);
  });

  it('no band advice while the grid is not fully positioned', () => {
    const findings = check({ allLevels: 'TS', levels: { 'cibler.1': null }, note: 5 });
    expect(findings.map((f) => f.code)).toEqual(['level-missing']);
  });

  it('a note with more than 2 decimals', () => {
    expect(codes(check({ note: 14.125 }))).toEqual([`avertissement:note-decimals@${ccf.note}`]);
    expect(check({ note: 14.25 })).toEqual([]);
  });

  it('a date outside the session year', () => {
    const findings = check({ date: new Date(Date.UTC(2025, 4, 18)) });
    expect(codes(findings)).toEqual([
      `avertissement:date-outside-session@${ccf.parts[0].date}`,
      `avertissement:date-outside-session@${ccf.parts[1].date}`,
    ]);
    expect(findings[0].message).toContain('18/05/2025');
  });

  it('the session given to the check wins over the tabs’ own', () => {
    const findings = validate(E4, { assessments: [tab()], roster: null, session: 2027 });
    expect(findings.map((f) => f.code)).toEqual(['date-outside-session', 'date-outside-session']);
  });

  it('the same person twice in one commission, ignoring case, accents and spaces', () => {
    const findings = check({ form: 'ponctuel', members: ['Mme Hélène MARTIN', 'MME  helene martin'] });
    expect(codes(findings)).toEqual([`avertissement:member-duplicate@${ponctuel.members[1]}`]);
  });
});

describe('order', () => {
  it('follows the tabs in the order given, then rows and columns', () => {
    const first = tab({ nom: 'ZOLA', note: null, levels: { 'cibler.1': null } });
    const second = tab({ nom: 'ADAM', status: null });
    const findings = validate(E4, { assessments: [first, second], roster: null });
    expect(findings.map((f) => [f.sheet, f.code])).toEqual([
      ['ZOLA Marie', 'level-missing'],
      ['ZOLA Marie', 'note-missing'],
      ['ADAM Marie', 'status-missing'],
    ]);
    const again = validate(E4, { assessments: [first, second], roster: null });
    expect(again).toEqual(findings);
  });

  it('lists unreadable tabs as erreurs after the read ones', () => {
    const findings = validate(E4, {
      assessments: [tab({ note: null })],
      roster: null,
      tabsWithoutReader: [
        {
          sheet: 'ANCIEN Léo',
          problem: 'L’onglet « ANCIEN Léo » a été créé avec une mise en page plus ancienne.',
        },
      ],
    });
    expect(findings.map((f) => [f.severity, f.code, f.sheet])).toEqual([
      ['erreur', 'note-missing', 'DUPONT Marie'],
      ['erreur', 'tab-unreadable', 'ANCIEN Léo'],
    ]);
  });
});

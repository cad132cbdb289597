import type { Assessment } from '../../../core/assessment/types';
import { LAYOUT_VERSION, gridMap } from '../../../core/grid/map';
import { markerCell } from '../../../core/grid/marker';
import { readAssessment, type ReadResult } from '../../../core/grid/read';
import { E4, allCriteria } from '../../../core/referentiel';
import { parseA1 } from '../../../core/spec/a1';
import type { CellValue } from '../../../core/spec/types';
import { filledTab, type FilledTabInit } from '../../helpers/filled-tab';

function read(init: FilledTabInit = {}, sheet = 'DUPONT Marie'): ReadResult {
  return readAssessment(E4, sheet, filledTab(init));
}

function assessed(init: FilledTabInit = {}, sheet?: string): Assessment {
  const result = read(init, sheet);
  if (!('assessment' in result)) throw new Error(`not read: ${result.problem}`);
  return result.assessment;
}

describe('readAssessment — a CCF tab', () => {
  const map = gridMap(E4, 'ccf');
  const a = assessed({ activity: 'evenement', note: 15.5, birthDate: '2005-03-02' });

  it('takes form, session, tab id and layout from the marker', () => {
    expect(a).toMatchObject({
      tabId: 'gtest001',
      form: 'ccf',
      session: 2026,
      layoutVersion: LAYOUT_VERSION,
      epreuve: 'E4',
    });
    expect(a.identity.birthDate).toBe('2005-03-02');
    expect(a.identity.markerNumber).toBe('02600001');
  });

  it('reads identity, status, activity and note with their cells', () => {
    expect(a.identity.nom).toEqual({
      value: 'DUPONT',
      raw: 'DUPONT',
      ref: { sheet: 'DUPONT Marie', cell: map.identity.nom },
    });
    expect(a.identity.number.value).toBe('02600001');
    expect(a.status.value).toBe('present');
    expect(a.activity.value).toBe('evenement');
    expect(a.note).toMatchObject({ value: 15.5, ref: { cell: map.note } });
  });

  it('reads a level for every criterion of the épreuve, the unchosen bloc empty', () => {
    expect(Object.keys(a.levels).sort()).toEqual(
      allCriteria(E4)
        .map((c) => c.id)
        .sort(),
    );
    expect(a.levels['evenement.2']).toMatchObject({ value: 'S', ref: { cell: map.levels['evenement.2'] } });
    expect(a.levels['negocier.1'].value).toBeNull();
  });

  it('reads both situations with their date, appreciation and members', () => {
    expect(a.parts.map((p) => p.partId)).toEqual(['A', 'B']);
    expect(a.parts[0].date?.value).toBe('2026-05-18');
    expect(a.parts[1].appreciation.value).toBe('Prestation solide et bien argumentée.');
    expect(a.parts[1].members.map((m) => m.value)).toEqual(['Mme MARTIN Claire', 'M. BERNARD Paul']);
    expect(a.date).toBeNull();
    expect(a.commissionNumber).toBeNull();
    expect(a.fiche.title.value).toBe('Vente de solutions de gestion à une PME');
    expect(a.readProblems).toEqual([]);
  });

  it('reads the V-8 motifs in official order', () => {
    const nv = assessed({ status: 'NV', note: null, nvMotifs: [1, 3] });
    expect(nv.status.value).toBe('non_valide');
    expect(nv.nvMotifs.map((m) => m.value)).toEqual([false, true, false, true, false]);
  });
});

describe('readAssessment — a ponctuelle tab', () => {
  const map = gridMap(E4, 'ponctuel');
  const a = assessed({ form: 'ponctuel', commissionNumber: 'C07', date: new Date(Date.UTC(2026, 4, 19)) });

  it('reads the header: date, N° commission, members and fiche', () => {
    expect(a.form).toBe('ponctuel');
    expect(a.date).toMatchObject({ value: '2026-05-19', ref: { cell: map.date } });
    expect(a.commissionNumber?.value).toBe('C07');
    expect(a.members.map((m) => m.value)).toEqual(['Mme MARTIN Claire', 'M. BERNARD Paul']);
    expect(a.fiche.number).toMatchObject({ value: '1', ref: { cell: map.fiche.number } });
  });

  it('reads the three phases', () => {
    expect(a.parts.map((p) => p.partId)).toEqual(['1', '2', '3']);
    expect(a.parts.every((p) => p.appreciation.value !== null)).toBe(true);
  });
});

describe('readAssessment — pasted values', () => {
  it('normalises levels, statuses and activity pasted with spaces or another case', () => {
    const a = assessed({
      status: 'présent ',
      activityRaw: 'négociation',
      levels: { 'cibler.1': 'ts', 'cibler.2': ' TS', 'exploiter.1': 'ti' },
    });
    expect(a.levels['cibler.1'].value).toBe('TS');
    expect(a.levels['cibler.2']).toMatchObject({ value: 'TS', raw: ' TS' });
    expect(a.levels['exploiter.1'].value).toBe('TI');
    expect(a.status.value).toBe('present');
    expect(a.activity.value).toBe('negociation');
    expect(a.readProblems).toEqual([]);
  });

  it('reports what it cannot read, on its cell and rubric, and keeps the raw value', () => {
    const map = gridMap(E4, 'ccf');
    const a = assessed({ levels: { 'cibler.4': 'Bien' }, note: 'douze' });
    expect(a.levels['cibler.4']).toMatchObject({ value: null, raw: 'Bien' });
    expect(a.readProblems).toEqual([
      expect.objectContaining({
        ref: { sheet: 'DUPONT Marie', cell: map.levels['cibler.4'] },
        rubric: 'Niveau – Développer des réseaux professionnels',
      }),
      expect.objectContaining({ ref: { sheet: 'DUPONT Marie', cell: map.note }, rubric: 'Note sur 20' }),
    ]);
  });

  it('reads a date given as an Excel serial number (Office.js)', () => {
    expect(assessed({ date: 46160 }).parts[0].date?.value).toBe('2026-05-18');
  });

  it('reads empty cells given as empty strings like null ones', () => {
    const a = assessed({ empty: '', note: null, appreciation: null });
    expect(a.note.value).toBeNull();
    expect(a.parts[0].appreciation.value).toBeNull();
    expect(a.readProblems).toEqual([]);
  });
});

describe('readAssessment — which tabs it reads', () => {
  it('reads a renamed tab by its marker, reporting its current name', () => {
    const a = assessed({}, 'Marie (oral du matin)');
    expect(a.sheet).toBe('Marie (oral du matin)');
    expect(a.identity.nom.ref.sheet).toBe('Marie (oral du matin)');
    expect(a.tabId).toBe('gtest001');
  });

  it('refuses a tab of a version before the first, saying which tab, which version and what to do', () => {
    const result = read({ layoutVersion: 0 }, 'MARTIN Léo');
    expect(result).toEqual({ problem: expect.stringContaining('« MARTIN Léo »') });
    const problem = 'problem' in result ? result.problem : '';
    expect(problem).toContain('version 0');
    expect(problem).toMatch(/Recopiez|regénér/);
  });

  it.each(['ccf', 'ponctuel'] as const)(
    'reads a %s tab of layout 1 through its own cells (the levels moved in layout 2)',
    (form) => {
      const old = gridMap(E4, form, 1);
      expect(old.levels['cibler.1']).not.toBe(gridMap(E4, form).levels['cibler.1']);
      const result = read({ form, layoutVersion: 1, note: 13, members: ['Mme A', 'M. B'] });
      if (!('assessment' in result)) throw new Error('problem' in result ? result.problem : '');
      expect(result.assessment.note).toMatchObject({ value: 13, ref: { cell: old.note } });
      expect(result.assessment.levels['cibler.1']).toMatchObject({
        value: 'S',
        ref: { cell: old.levels['cibler.1'] },
      });
      expect(result.assessment.layoutVersion).toBe(1);
      expect(result.assessment.readProblems).toEqual([]);
      if (form === 'ponctuel')
        expect(result.assessment.members.map((m) => m.value)).toEqual(['Mme A', 'M. B']);
    },
  );

  it('refuses a tab written by a newer version and asks for an update', () => {
    const result = read({ layoutVersion: LAYOUT_VERSION + 1 });
    expect('problem' in result && result.problem).toContain('mettez à jour');
  });

  it('refuses a sheet without marker', () => {
    const values: CellValue[][] = [['NOM', 'DUPONT']];
    expect(readAssessment(E4, 'Feuil1', values)).toEqual({ problem: expect.stringContaining('« Feuil1 »') });
  });

  it('refuses a grid of another épreuve', () => {
    const values = filledTab();
    const { r, c } = parseA1(markerCell('epreuve'));
    values[r - 1][c - 1] = 'E6';
    expect(readAssessment(E4, 'X', values)).toEqual({ problem: expect.stringContaining('E6') });
  });
});

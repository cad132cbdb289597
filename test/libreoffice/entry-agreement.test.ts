import { gridMap } from '../../core/grid/map';
import { E4 } from '../../core/referentiel';
import type { FormId } from '../../core/referentiel/types';
import { advisoryBand, entryCounts, entryFindings, outcome, validate } from '../../core/validate';
import { generateGrids } from '../../core/workflows/generate';
import { readClass } from '../../core/workflows/read-class';
import { XlsxHost } from '../../xlsx/host';
import { teacherInputs } from '../helpers/fill';
import { exceljsOf } from '../helpers/xlsx-view';
import { NOTHING_TYPED, type FilledTabInit } from '../helpers/filled-tab';
import { convertToCsv, describeWithLibreOffice, tempXlsx } from '../helpers/libreoffice';

/**
 * One set of rules: the live formulas of a tab (missing count, corrections, status text, advisory band) as
 * LibreOffice recalculates them, and « Contrôle » reading the same tab, must agree on every grid state.
 * One workbook per form holds every state in its own tab, plus a sheet of references to each tab's live
 * cells, so that a single LibreOffice conversion per form gives every figure.
 */

const clock = (): Date => new Date('2026-03-01T10:00:00Z');

type State = [string, FilledTabInit | null];

function states(form: FormId): State[] {
  const map = gridMap(E4, form);
  return [
    ['nothing typed', null],
    ['complete, négociation', {}],
    ['complete, évènement', { activity: 'evenement' }],
    ['ABS, nothing else', { ...NOTHING_TYPED, status: 'Absent (ABS)' }],
    ['NV without motif', { ...NOTHING_TYPED, status: 'Non valide (NV)' }],
    ['NV with a motif', { ...NOTHING_TYPED, status: 'Non valide (NV)', nvMotifs: [2] }],
    ['note and a level missing', { note: null, levels: { 'cibler.3': null } }],
    ['activity missing', { activity: null }],
    ['level in the bloc not chosen', { levels: { 'evenement.1': 'TS' } }],
    [
      'levels pasted with spaces and case',
      { levels: { 'cibler.1': ' ts', 'cibler.2': 's ', 'exploiter.1': 'i' } },
    ],
    ['level « B »', { levels: { 'cibler.1': 'B' } }],
    ['level « Très satisfaisant »', { levels: { 'cibler.2': 'Très satisfaisant' } }],
    ['note typed as text', { note: '12,5' }],
    ['note off the scale', { note: 25 }],
    ['ABS with a note', { ...NOTHING_TYPED, status: 'Absent (ABS)', note: 9 }],
    ['status « abs » pasted', { ...NOTHING_TYPED, status: ' abs ' }],
    ['status unknown', { status: 'excusé' }],
    ['status empty', { status: null }],
    ['status and note empty', { status: null, note: null }],
    ['no member', { members: [] }],
    ['date typed as text', { date: '18/05/2026' }],
    [
      'NV with an unknown mark',
      { ...NOTHING_TYPED, status: 'Non valide (NV)', cells: { [map.nvMotifs[1]]: 'oui' } },
    ],
    ['activity « NV »', { activityRaw: 'NV' }],
    ['activity with a former label', { activityRaw: 'Négociation-vente (NV)' }],
    ['appreciations of spaces', { appreciation: '   ' }],
    ['no level, négociation', { allLevels: null }],
    ['no level, évènement', { allLevels: null, activity: 'evenement' }],
    ['NV with a note', { ...NOTHING_TYPED, status: 'Non valide (NV)', note: 12, nvMotifs: [0] }],
    ['missing and wrong at once', { levels: { 'negocier.1': null, 'evenement.2': 'I' }, note: null }],
    ['one S only', { allLevels: null, levels: { 'cibler.1': 'S' } }],
    ['every level TS', { allLevels: 'TS', note: 18 }],
    ['every level I', { allLevels: 'I', note: 7 }],
  ];
}

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

interface Live {
  missing: string;
  corrections: string;
  text: string;
  advisory: string;
}

/** A class of one tab per state, and a last sheet pointing at each tab's live cells; one conversion. */
async function liveAndHost(
  form: FormId,
  cases: State[],
): Promise<{ live: Live[]; host: XlsxHost; tabs: string[] }> {
  const host = XlsxHost.fromRows([
    {
      name: 'Classe',
      rows: [
        ['N° candidat', 'NOM', 'Prénom'],
        ...cases.map((_, i) => [`026${String(i + 1).padStart(5, '0')}`, `CAS${i + 1}`, 'Test']),
      ],
    },
  ]);
  const { created } = await generateGrids(host, { form, session: 2026, roster: {}, clock });
  const updates = cases.flatMap(([, init], i) =>
    init === null
      ? []
      : [
          {
            sheet: created[i],
            cells: teacherInputs(form, {
              session: 2026,
              number: `026${String(i + 1).padStart(5, '0')}`,
              nom: `CAS${i + 1}`,
              prenom: 'Test',
              ...init,
            }),
          },
        ],
  );
  await host.apply({ templates: {}, add: [], replace: [], updates });
  const map = gridMap(E4, form);
  // The probe sheet is added by another tool (exceljs): our engine never writes a formula from a value.
  const wb = await exceljsOf(host);
  const probe = wb.addWorksheet('Sonde');
  created.forEach((sheet, i) => {
    const refs = [map.missingCount, map.check.corrections, map.statusText, map.advisory];
    refs.forEach((ref, c) => {
      probe.getCell(i + 1, c + 1).value = { formula: `${quoted(sheet)}!${ref}` } as never;
    });
  });
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const path = tempXlsx(bytes, `${form}-etats.xlsx`);
  const rows = await convertToCsv(path, wb.worksheets.length);
  const live = created.map((_, i) => {
    const [missing, corrections, text, advisory] = rows[i] ?? [];
    return { missing, corrections, text, advisory };
  });
  return { live, host, tabs: created };
}

/** The live status text the rules expect from Contrôle's counts. */
function expectedText(missing: number, corrections: number): RegExp {
  if (corrections > 0) {
    const more = corrections > 1 ? ` \\(\\+ ${corrections - 1} autre\\(s\\)\\)` : '';
    return new RegExp(`^À corriger : [^(]+${more}$`);
  }
  return missing === 0
    ? /^Saisie complète$/
    : new RegExp(`^Saisie incomplète : ${missing} élément\\(s\\) manquant\\(s\\)$`);
}

describeWithLibreOffice('the live count of a tab and « Contrôle » agree on every grid state', () => {
  it.each(['ccf', 'ponctuel'] as const)('%s', async (form) => {
    const cases = states(form);
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const { live, host, tabs } = await liveAndHost(form, cases);
    const read = await readClass(host, E4);
    const findings = validate(E4, { assessments: read.assessments, roster: null });
    const rows = tabs.map((sheet, i) => {
      const a = read.assessments.find((x) => x.sheet === sheet);
      if (!a) throw new Error(`onglet non lu : ${sheet}`);
      const counts = entryCounts(entryFindings(E4, a));
      return {
        state: cases[i][0],
        live: live[i],
        control: { ...counts, verdict: outcome(findings, a), advisory: advisoryBand(E4, a) },
      };
    });
    if (process.env.SHOW_STATES) console.log(JSON.stringify(rows.map((r) => [r.state, r.live, r.control])));
    for (const row of rows) {
      expect({ state: row.state, missing: row.live.missing, corrections: row.live.corrections }).toEqual({
        state: row.state,
        missing: String(row.control.missing),
        corrections: String(row.control.corrections),
      });
      expect({ state: row.state, text: row.live.text }).toEqual({
        state: row.state,
        text: expect.stringMatching(expectedText(row.control.missing, row.control.corrections)),
      });
      expect({ state: row.state, advisory: row.live.advisory }).toEqual({
        state: row.state,
        advisory: row.control.advisory,
      });
    }
    // The states do cover every verdict and both kinds of live status.
    const verdicts = new Set(rows.map((r) => r.control.verdict));
    expect([...verdicts].sort()).toEqual(
      ['absent', 'complete', 'incomplete', 'nonValide', 'notStarted', 'toCorrect'].sort(),
    );
    const byState = Object.fromEntries(rows.map((r) => [r.state, r]));
    expect(byState['nothing typed'].live.missing).toBe(form === 'ccf' ? '16' : '17');
    expect(byState['levels pasted with spaces and case'].live.text).toBe('Saisie complète');
    expect(byState['level « B »'].live.text).toBe('À corriger : niveau non reconnu');
    expect(byState['ABS with a note'].control.verdict).toBe('absent');
    expect(byState['one S only'].live.advisory).toBe("pas d'indication");
    expect(byState['every level TS'].live.advisory).toBe('14 et plus');
  });
});

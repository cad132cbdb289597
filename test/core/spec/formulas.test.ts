import { gridTemplate } from '../../../core/grid/layout';
import { recapSheet } from '../../../core/grid/recap';
import { E4 } from '../../../core/referentiel';
import type { FormId } from '../../../core/referentiel/types';
import { controlReportSheet } from '../../../core/report';
import { settingsSheet } from '../../../core/settings/sheet';
import { functionsUsed, unportableFunctions } from '../../../core/spec/formulas';
import type { SheetSpec } from '../../../core/spec/types';
import { computeStatistics, statisticsWorkbook } from '../../../core/stats';
import { makeAssessment } from '../../helpers/assessment';

/** Every sheet any spec builder writes, for both forms and for sessions of both duration variants. */
function everySpec(): SheetSpec[] {
  const forms: FormId[] = ['ccf', 'ponctuel'];
  const grids = forms.flatMap((form) => [2024, 2026].map((session) => gridTemplate(E4, form, session)));
  const recap = recapSheet(E4, [
    { sheet: "O'CONNOR Sean", candidate: { number: '1', nom: "O'CONNOR", prenom: 'Sean' }, form: 'ccf' },
    { sheet: 'DUPONT Marie', candidate: { number: '2', nom: 'DUPONT', prenom: 'Marie' }, form: 'ponctuel' },
  ]);
  const summary = {
    candidates: 1,
    complete: 0,
    incomplete: 1,
    toCorrect: 0,
    notStarted: 0,
    absent: 0,
    nonValide: 0,
    errors: 1,
    warnings: 0,
  };
  const report = controlReportSheet(E4, [], summary, new Date('2026-06-01T10:00:00Z'));
  const assessments = [makeAssessment(), makeAssessment({ note: 8 })];
  const stats = computeStatistics(E4, assessments, { hasErrors: false });
  const meta = {
    academie: 'SIEC',
    etablissement: 'L',
    uai: '',
    session: 2026,
    forms: ['CCF'],
    divisions: ['A', 'B'],
    issuedOn: new Date(),
  };
  const workbook = statisticsWorkbook(E4, stats, meta, { nominatif: true, assessments });
  return [
    ...grids,
    recap,
    report,
    settingsSheet({ academie: 'SIEC', etablissement: '', uai: '' }),
    ...workbook.sheets,
  ];
}

function formulasOf(spec: SheetSpec): string[] {
  return [
    ...spec.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula])),
    ...spec.conditionalFormats.map((f) => f.formula),
  ];
}

describe('formulas every host evaluates alike', () => {
  it('finds the functions a formula calls, not words inside strings or sheet names', () => {
    expect(functionsUsed('IF(COUNTBLANK(D16:D19)=0,"OK (SUM(x))",\'LET(me) Tab\'!A1)')).toEqual([
      'IF',
      'COUNTBLANK',
    ]);
    expect(unportableFunctions('LET(x,1,x)+TEXTJOIN(",",TRUE,A1:A2)')).toEqual(['LET', 'TEXTJOIN']);
  });

  it('every formula of every spec uses only whitelisted functions', () => {
    const offending = everySpec().flatMap((spec) =>
      formulasOf(spec).flatMap((f) =>
        unportableFunctions(f).map((name) => `${spec.name || spec.kind}: ${name} in ${f}`),
      ),
    );
    expect(offending).toEqual([]);
  });

  it('the grids do have live formulas (the check is not vacuous)', () => {
    const grid = everySpec()[0];
    const used = new Set(formulasOf(grid).flatMap(functionsUsed));
    expect([...used]).toEqual(expect.arrayContaining(['IF', 'COUNTIF', 'TRIM', 'ISNUMBER']));
  });
});

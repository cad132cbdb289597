import { emptyPlan } from '../../core/port';
import { controlReportSheet } from '../../core/report';
import { E4 } from '../../core/referentiel';
import type { Finding } from '../../core/validate/types';
import { makeOfficeHost } from './make-host';

const finding: Finding = {
  severity: 'erreur',
  code: 'note-missing',
  candidate: { number: '1', nom: 'DUPONT', prenom: 'Marie' },
  sheet: 'DUPONT Marie',
  cell: 'D32',
  rubric: 'Note sur 20',
  message: 'Note absente : saisissez la note de la commission (0 à 20).',
};
const summary = {
  candidates: 1,
  complete: 0,
  incomplete: 1,
  toCorrect: 0,
  notStarted: 0,
  absent: 0,
  nonValide: 0,
  errors: 2,
  warnings: 0,
};

describe('OfficeHost and rows that follow their wrapped text', () => {
  it('asks Excel to fit the finding rows of « Contrôle », in the same sync as the rest of the tab', async () => {
    const { excel, host } = makeOfficeHost();
    const spec = controlReportSheet(
      E4,
      [finding, { ...finding, cell: 'D16' }],
      summary,
      new Date('2026-06-01T10:00:00Z'),
    );
    const plan = emptyPlan();
    plan.replace.push({ spec, position: 'last' });
    await host.apply(plan);
    const fit = spec.autoFitRows ?? { from: 0, to: -1 };
    expect([...excel.model.get('Contrôle').autoFittedRows].sort((a, b) => a - b)).toEqual([fit.from, fit.to]);
  });
});

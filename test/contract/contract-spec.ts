import type { FormId } from '../../core/referentiel/types';
import type { SheetSpec } from '../../core/spec/types';

/** A small grid template with the parts every host must render: labels, inputs, a formula, a dropdown. */
export function buildGridTemplate(form: FormId): SheetSpec {
  return {
    name: `grille-${form}`,
    kind: 'grid',
    size: { rows: 10, cols: 4 },
    cells: [
      { r: 1, c: 1, value: 'Nom', style: 'label' },
      { r: 2, c: 1, value: form === 'ccf' ? 'Situation B' : 'Phase 2', style: 'label' },
      { r: 2, c: 2, style: 'input' },
      { r: 3, c: 1, formula: 'IF(B2="","à remplir","ok")' },
    ],
    styles: { label: { bold: true, border: 'thin' }, input: { locked: false } },
    columns: [{ width: 24 }, { width: 12 }],
    merges: ['C1:D1'],
    validations: [
      { range: 'B2', kind: 'list', values: ['TI', 'I', 'S', 'TS'], error: 'Choisissez un niveau.' },
    ],
    conditionalFormats: [{ range: 'B2', formula: 'B2=""', style: { fill: 'FFF2CC' } }],
    protect: true,
  };
}

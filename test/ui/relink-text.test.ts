import type { RosterPreview } from '../../core/workflows/types';
import { previewLines } from '../../ui/text';

describe('the preview of « Créer les onglets »', () => {
  it('announces a tab kept through a corrected number before anything is applied', () => {
    const preview: RosterPreview = {
      sheet: 'Liste',
      header: { row: 1, columns: {} },
      headerLabels: ['N° candidat', 'NOM', 'Prénom'],
      candidates: [{ number: '02600007919', nom: 'DUPONT', prenom: 'Marie' }],
      problems: [],
      usable: true,
      relinks: [
        {
          sheet: 'DUPONT Marie',
          nom: 'DUPONT',
          prenom: 'Marie',
          from: '02600007918',
          to: '02600007919',
          relinked: true,
        },
      ],
    };
    expect(previewLines(preview)).toContain(
      'Onglet conservé, numéro corrigé : DUPONT Marie, 02600007918 → 02600007919 (onglet « DUPONT Marie », retrouvé par le NOM et le Prénom).',
    );
  });
});

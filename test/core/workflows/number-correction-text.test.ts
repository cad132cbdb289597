import { numberCorrectionText } from '../../../core/workflows/number-corrections';

describe('numberCorrectionText', () => {
  const correction = {
    sheet: 'DUPONT Marie 02600000002',
    nom: 'DUPONT',
    prenom: 'Marie',
    from: '02600000002',
    to: '02600000003',
    relinked: true,
  };

  it('says the new name of a tab the correction renames', () => {
    expect(numberCorrectionText({ ...correction, newName: 'DUPONT Marie 02600000003' })).toBe(
      'numéro corrigé : DUPONT Marie, 02600000002 → 02600000003 (onglet « DUPONT Marie 02600000002 » renommé « DUPONT Marie 02600000003 », retrouvé par le NOM et le Prénom)',
    );
  });

  it('names the tab alone when it keeps its name', () => {
    expect(numberCorrectionText({ ...correction, sheet: 'DUPONT Marie', relinked: false })).toBe(
      'numéro corrigé : DUPONT Marie, 02600000002 → 02600000003 (onglet « DUPONT Marie »)',
    );
  });
});

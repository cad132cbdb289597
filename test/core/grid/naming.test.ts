import { RECAP_SHEET, REPORT_SHEET, SETTINGS_SHEET, tabName } from '../../../core/grid/naming';

const person = (nom: string, prenom: string, number = '') => ({ nom, prenom, number });

describe('tabName', () => {
  it('names a tab « NOM Prénom » and records it lower-cased', () => {
    const taken = new Set<string>();
    expect(tabName(person('MARTIN', 'Léa'), taken)).toBe('MARTIN Léa');
    expect(taken.has('martin léa')).toBe(true);
  });

  it('keeps to 31 characters', () => {
    const name = tabName(person('DE LA ROCHEFOUCAULD-MONTMORENCY', 'Marie-Charlotte'), new Set());
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.startsWith('DE LA ROCHEFOUCAULD')).toBe(true);
  });

  it('removes the characters hosts refuse and apostrophes at either end', () => {
    expect(tabName(person('A[B]:C*D?E/F\\G', 'H'), new Set())).toBe('A B C D E F G H');
    expect(tabName(person("'OCONNOR", "Sean'"), new Set())).toBe('OCONNOR Sean');
    expect(tabName(person("O'CONNOR", 'Sean'), new Set())).toBe("O'CONNOR Sean");
  });

  it('never gives History nor the add-in tab names, in any case', () => {
    expect(tabName(person('HISTORY', ''), new Set()).toLowerCase()).not.toBe('history');
    expect(tabName(person('Suivi', 'E4'), new Set())).not.toBe(RECAP_SHEET);
    expect(tabName(person('contrôle', ''), new Set()).toLowerCase()).not.toBe(REPORT_SHEET.toLowerCase());
    expect(tabName(person('Paramètres', 'E4'), new Set())).not.toBe(SETTINGS_SHEET);
  });

  it('gives homonyms distinct names, unique ignoring case', () => {
    const taken = new Set<string>();
    const first = tabName(person('MARTIN', 'Léa', '0001'), taken);
    const second = tabName(person('Martin', 'LÉA', '0002'), taken);
    const third = tabName(person('MARTIN', 'Léa'), taken);
    const fourth = tabName(person('MARTIN', 'Léa'), taken);
    expect(first).toBe('MARTIN Léa');
    expect(second).toBe('Martin LÉA 0002');
    expect(third).toBe('MARTIN Léa (2)');
    expect(fourth).toBe('MARTIN Léa (3)');
  });

  it('fits the suffix of a long homonym within 31 characters', () => {
    const taken = new Set<string>();
    const long = person('DE LA ROCHEFOUCAULD-MONTMORENCY', 'Marie', '123456789012');
    tabName(long, taken);
    const second = tabName(long, taken);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' 123456789012')).toBe(true);
  });
});

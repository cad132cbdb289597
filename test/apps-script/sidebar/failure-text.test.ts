import { failureText } from '../../../apps-script/sidebar/failure-text';
import { BUSY_MESSAGE } from '../../../apps-script/server';

describe('failureText', () => {
  it('says the known Apps Script failures in French', () => {
    expect(failureText('Exceeded maximum execution time')).toMatch(/^Google a arrêté le traitement/);
    expect(failureText('Exception: Service Spreadsheets timed out while accessing document')).toBe(
      "Google Sheets n'a pas répondu à temps.",
    );
    expect(failureText('NetworkError: Connection failure due to HTTP 0')).toBe(
      'La connexion avec Google a été perdue.',
    );
    expect(failureText('Authorization is required to perform that action.')).toMatch(/nouvelle autorisation/);
    expect(failureText('Exception: Service invoked too many times for one day: spreadsheets.')).toMatch(
      /quota/,
    );
    expect(
      failureText(
        'Exception: A sheet with the name "DUPONT Jean" already exists. Please enter another name.',
      ),
    ).toMatch(/^Un onglet de ce nom existe déjà/);
  });

  it('keeps the server’s French messages, without the runtime’s « Error: » prefix', () => {
    expect(failureText(`Error: ${BUSY_MESSAGE}`)).toBe(BUSY_MESSAGE);
    expect(failureText('L’onglet « DUPONT Jean » n’existe plus.')).toBe(
      'L’onglet « DUPONT Jean » n’existe plus.',
    );
  });
});

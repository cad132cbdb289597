import { chooseSession, sessionInTitle } from '../../../core/roster/session';

const supported = (y: number): boolean => y >= 2020;

describe('the session in a roster title', () => {
  it('is read from the rows above the header only', () => {
    const values = [['Lycée — BTS NDRC'], [null, 'Session 2026 — Épreuve E4 (CCF)'], ['N° candidat', 'NOM']];
    expect(sessionInTitle(values, 3)).toEqual({
      year: 2026,
      text: 'Session 2026 — Épreuve E4 (CCF)',
      row: 2,
    });
    expect(
      sessionInTitle(
        [
          ['N° candidat', 'NOM'],
          ['Session 2026', 'X'],
        ],
        1,
      ),
    ).toBeNull();
    expect(sessionInTitle([['session : 2025'], ['N°']], 2)?.year).toBe(2025);
  });
});

describe('choosing the session', () => {
  const titled = { year: 2026, text: 'Session 2026', row: 1 };

  it('takes the roster’s over the default, and says so', () => {
    const c = chooseSession(undefined, titled, 2027, supported);
    expect(c).toMatchObject({ session: 2026, warning: false });
    expect(c.message).toBe(
      "Session 2026 : la liste de la classe indique « Session 2026 » (ligne 1), et non 2027, l'année scolaire en cours.",
    );
  });

  it('says nothing when they agree or when the roster names none', () => {
    expect(chooseSession(undefined, titled, 2026, supported)).toEqual({ session: 2026, warning: false });
    expect(chooseSession(undefined, undefined, 2027, supported)).toEqual({ session: 2027, warning: false });
    expect(chooseSession(2026, titled, 2027, supported)).toEqual({ session: 2026, warning: false });
  });

  it('warns when the user forces another year, and keeps the forced one', () => {
    const c = chooseSession(2027, titled, 2027, supported);
    expect(c).toMatchObject({ session: 2027, warning: true });
    expect(c.message).toMatch(/^Avertissement : /);
  });

  it('warns and keeps the default when the roster names a session the référentiel does not know', () => {
    const c = chooseSession(undefined, { year: 2019, text: 'Session 2019', row: 1 }, 2027, supported);
    expect(c).toMatchObject({ session: 2027, warning: true });
  });
});

describe('the panels’ wording of the same rule', () => {
  const titled = { year: 2026, text: 'Session 2026 — Épreuve E4 (CCF)', row: 2 };

  it('names the panel’s « Session » field, never --session, when the user typed another year', () => {
    const c = chooseSession(2027, titled, 2027, supported, 'panel');
    expect(c).toMatchObject({ session: 2027, warning: true });
    expect(c.message).toBe(
      "Avertissement : la liste de la classe indique « Session 2026 — Épreuve E4 (CCF) » (ligne 2), mais la session 2027 est indiquée dans le champ « Session » : les grilles portent la session 2027. Vérifiez l'année.",
    );
  });

  it('takes the roster’s over the default exactly as the command line does', () => {
    expect(chooseSession(undefined, titled, 2027, supported, 'panel')).toEqual(
      chooseSession(undefined, titled, 2027, supported, 'cli'),
    );
  });

  it('points to the field when the roster’s year is unknown to the référentiel', () => {
    const c = chooseSession(undefined, { ...titled, year: 2019 }, 2027, supported, 'panel');
    expect(c.session).toBe(2027);
    expect(c.message).toContain('dans le champ « Session »');
    expect(c.message).not.toContain('--session');
  });
});

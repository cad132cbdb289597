import { E4 } from '../referentiel';
import { defaultSession, sessionVariant, type Clock } from '../referentiel/lookup';
import type { Epreuve } from '../referentiel/types';
import { chooseSession, type SessionAsker, type SessionChoice, type TitleSession } from '../roster/session';

/**
 * How a session is asked for when the roster's title may decide it: the command line and both panels
 * pass this to generateGrids, which reads the title with the roster and applies `chooseSession`.
 */
export interface SessionRequest {
  /** The year the user chose (--session, or typed in the panel's « Session »): it wins, with a warning. */
  forced?: number;
  asker: SessionAsker;
}

/** The session the tabs print for this roster title, today's default coming from the clock. */
export function decideSession(
  request: SessionRequest,
  titled: TitleSession | undefined,
  clock: Clock,
  epreuve: Epreuve = E4,
): SessionChoice {
  return chooseSession(
    request.forced,
    titled,
    defaultSession(clock),
    (year) => sessionVariant(epreuve, year) !== undefined,
    request.asker,
  );
}

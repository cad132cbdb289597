import { startProgress, type ProgressStream } from '../../cli/progress';

function fakeStream(isTTY: boolean, columns = 80): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return {
    isTTY,
    columns,
    written,
    write: (text: string) => {
      written.push(text);
      return true;
    },
  };
}

describe('the progress line on stderr', () => {
  afterEach(() => jest.useRealTimers());

  it('writes nothing when stderr is not a terminal (a pipe or a log)', () => {
    const stream = fakeStream(false);
    let t = 0;
    const p = startProgress({ stream, delayMs: 0, now: () => t });
    t = 5000;
    p.report(1, 2, 'Création de « A »');
    p.say('Enregistrement…');
    p.end();
    expect(stream.written).toEqual([]);
  });

  it('stays silent during the first seconds, so a short run prints only its result', () => {
    const stream = fakeStream(true);
    let t = 0;
    const p = startProgress({ stream, delayMs: 2000, now: () => t });
    t = 500;
    p.report(1, 3, 'Création de « A »');
    t = 1000;
    p.report(3, 3, 'Création de « C »');
    p.end();
    expect(stream.written).toEqual([]);
  });

  it('shows the label and the count on one line, then clears it at the end', () => {
    const stream = fakeStream(true);
    let t = 0;
    const p = startProgress({ stream, delayMs: 2000, intervalMs: 100, now: () => t });
    t = 2500;
    p.report(12, 35, 'Création de « DUPONT Léa »');
    t = 2520;
    p.report(13, 35, 'Création de « DURAND Marc »');
    t = 2700;
    p.report(14, 35, 'Création de « ÉTIENNE Zoé »');
    p.end();
    expect(stream.written).toEqual([
      '\r\x1b[KCréation de « DUPONT Léa » (12/35)',
      '\r\x1b[KCréation de « ÉTIENNE Zoé » (14/35)',
      '\r\x1b[K',
    ]);
  });

  it('shows a long phase once the delay is over, even without any update', () => {
    jest.useFakeTimers();
    const stream = fakeStream(true);
    const p = startProgress({ stream, delayMs: 2000 });
    p.say('Enregistrement de classe-grilles.xlsx…');
    expect(stream.written).toEqual([]);
    jest.advanceTimersByTime(2000);
    expect(stream.written).toEqual(['\r\x1b[KEnregistrement de classe-grilles.xlsx…']);
    p.end();
    p.end();
    expect(stream.written).toHaveLength(2);
  });

  it('cuts the line to the width of the terminal', () => {
    const stream = fakeStream(true, 20);
    let t = 0;
    const p = startProgress({ stream, delayMs: 0, now: () => t });
    t = 1;
    p.say('Mise à jour de « Suivi E4 » et de bien d’autres onglets');
    expect(stream.written[0]).toBe('\r\x1b[KMise à jour de « Su'); // 19 characters
    p.end();
  });
});

describe('messages printed during a run', () => {
  it('clear the progress line first, and the line comes back on the next update', () => {
    const stream = fakeStream(true);
    const printed: string[] = [];
    let t = 0;
    const p = startProgress({ stream, delayMs: 0, intervalMs: 0, now: () => t });
    const io = p.wrap({
      out: (text) => printed.push(`out:${text}`),
      err: (text) => printed.push(`err:${text}`),
      clock: () => new Date(0),
      cwd: '/',
    });
    t = 1;
    p.report(1, 2, 'Création de « A »');
    io.err('Avertissement : ligne 4');
    p.report(2, 2, 'Création de « B »');
    p.end();
    io.out('2 onglets créés');
    expect(stream.written).toEqual([
      '\r\x1b[KCréation de « A » (1/2)',
      '\r\x1b[K',
      '\r\x1b[KCréation de « B » (2/2)',
      '\r\x1b[K',
    ]);
    expect(printed).toEqual(['err:Avertissement : ligne 4', 'out:2 onglets créés']);
  });

  it('leave the io untouched when stderr is not a terminal', () => {
    const io = { out: () => undefined, err: () => undefined, clock: () => new Date(0), cwd: '/' };
    expect(startProgress({ stream: fakeStream(false) }).wrap(io)).toBe(io);
  });
});

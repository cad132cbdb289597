import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { E4 } from '../../core/referentiel';
import { parseRoster } from '../../core/roster';
import { readClass } from '../../core/workflows/read-class';
import { openInput, saveAtomic } from '../../xlsx/files';
import { copyFixture, runCli, tempDir } from '../helpers/cli';

const CENTRE = 'centre-ponctuel-600.xlsx';

interface Seen {
  file: string;
  commission: string;
  number: string;
}

/** Every candidate tab of every commission workbook, with the commission its tab says. */
async function tabsOf(dir: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (const file of readdirSync(dir).sort()) {
    const read = await readClass((await openInput(join(dir, file))).host, E4);
    expect(await (await openInput(join(dir, file))).host.listSheets()).toContain('Suivi E4');
    for (const a of read.assessments)
      seen.push({ file, commission: a.identity.group.value ?? '', number: a.identity.number.value ?? '' });
  }
  return seen;
}

async function centreRoster(path: string): Promise<Array<{ number: string; commission: string }>> {
  const { host } = await openInput(path);
  const [values] = await host.readRanges([{ sheet: 'Candidats' }]);
  return parseRoster(values, 'Candidats').candidates.map((c) => ({
    number: c.number,
    commission: c.commission ?? '',
  }));
}

/** Adds rows at the end of the centre's roster (a test copy). */
async function appendRows(path: string, rows: string[][]): Promise<void> {
  const opened = await openInput(path);
  const [values] = await opened.host.readRanges([{ sheet: 'Candidats' }]);
  const cells = rows.flatMap((row, i) =>
    row.map((value, c) => ({ r: values.length + 1 + i, c: c + 1, value })),
  );
  await opened.host.apply({ templates: {}, add: [], replace: [], updates: [{ sheet: 'Candidats', cells }] });
  await saveAtomic(opened.host, path);
}

describe('grilles-e4 grilles --par-commission', () => {
  it('writes one workbook per commission of the 600-candidate centre, together exactly the roster; a rerun adds a newcomer', async () => {
    const dir = tempDir();
    copyFixture(CENTRE, dir);
    const before = readFileSync(join(dir, CENTRE));
    const run = await runCli(['grilles', CENTRE, '--par-commission', '-o', 'commissions'], dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, CENTRE))).toEqual(before);

    const roster = await centreRoster(join(dir, CENTRE));
    const commissions = [...new Set(roster.map((c) => c.commission))].sort();
    const out = join(dir, 'commissions');
    expect(readdirSync(out).sort()).toEqual(commissions.map((c) => `commission-${c}-grilles.xlsx`));
    const seen = await tabsOf(out);
    for (const s of seen) expect(s.file).toBe(`commission-${s.commission}-grilles.xlsx`);
    const rosterCommission = new Map(roster.map((c) => [c.number, c.commission]));
    for (const s of seen) expect(rosterCommission.get(s.number)).toBe(s.commission);
    expect(seen.map((s) => s.number).sort()).toEqual(roster.map((c) => c.number).sort());

    // A newcomer in C03 and one without commission: C03 gets a tab, nothing else changes.
    await appendRows(join(dir, CENTRE), [
      ['02609999999', 'NOUVEAU', 'Arrivé', 'CFA Commerce', 'C03', '', ''],
      ['02609999998', 'SANSCOMMISSION', 'Léa', 'CFA Commerce', '', '', ''],
    ]);
    const again = await runCli(['grilles', CENTRE, '--par-commission', '-o', 'commissions'], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Sans commission');
    expect(again.err).toContain('SANSCOMMISSION Léa (N° 02609999998)');
    const c03 = roster.filter((c) => c.commission === 'C03').length;
    expect(again.out).toContain(`Commission C03 : ${c03 + 1} candidats, 1 onglet créé, ${c03} déjà présents`);
    const after = await tabsOf(out);
    expect(after).toHaveLength(seen.length + 1);
    expect(after.find((s) => s.number === '02609999999')?.file).toBe('commission-C03-grilles.xlsx');
    expect(after.some((s) => s.number === '02609999998')).toBe(false);
    expect(
      (await readClass((await openInput(join(out, 'commission-C01-grilles.xlsx'))).host, E4)).assessments,
    ).toHaveLength(roster.filter((c) => c.commission === 'C01').length);
  }, 240_000);

  it('refuses a roster without a commission column, writing nothing (exit 2)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'classe.csv');
    writeFileSync(csv, 'N° candidat;Nom;Prénom\r\n001;DUPONT;Léa\r\n');
    const run = await runCli(['grilles', 'classe.csv', '--par-commission'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('pas de colonne « Commission »');
    expect(readdirSync(dir)).toEqual(['classe.csv']);
  });
});

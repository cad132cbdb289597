import { readFileSync } from 'fs';
import { E4 } from '../../core/referentiel';
import type { Finding } from '../../core/validate/types';
import { generateGrids } from '../../core/workflows/generate';
import { runControl } from '../../core/workflows/control';
import { runStatistics } from '../../core/workflows/statistics';
import { XlsxHost } from '../../xlsx/host';
import { nodeByteText } from '../../xlsx/node-text';
import { teacherInputs } from '../helpers/fill';
import { convertToCsv, describeWithLibreOffice, roundTripXlsx, tempXlsx } from '../helpers/libreoffice';
import { gridMap } from '../../core/grid/map';
import { parseA1 } from '../../core/spec/a1';

/**
 * A class workbook filled by the test, saved by LibreOffice as a teacher's LibreOffice would, then read
 * back: the check must find exactly what it found before the round trip, and the statistics workbook, once
 * LibreOffice shows it, the same figures as the core computed.
 */

const clock = (): Date => new Date('2026-06-01T10:00:00Z');
const NAMES = ['COMPLET', 'SANSNIVEAU', 'ABSNOTE', 'TEXTE', 'AUTREBLOC', '=HYPERLINK("http://x/";"clic")'];

async function filledClass(): Promise<XlsxHost> {
  const host = XlsxHost.fromRows([
    {
      name: 'Classe',
      rows: [['N° candidat', 'NOM', 'Prénom'], ...NAMES.map((nom, i) => [`0260000${i + 1}`, nom, 'Test'])],
    },
  ]);
  const { created } = await generateGrids(host, { form: 'ccf', session: 2026, roster: {}, clock });
  const map = gridMap(E4, 'ccf');
  const level = (id: string): { r: number; c: number } => parseA1(map.levels[id]);
  const cases = [
    teacherInputs('ccf', { number: '02600001', note: 12.5 }),
    teacherInputs('ccf', { levels: { 'cibler.2': null }, note: 9 }),
    teacherInputs('ccf', { status: 'Absent (ABS)', note: 11, allLevels: null, activity: null }),
    teacherInputs('ccf', { note: '12,5', levels: { 'cibler.1': 'ts' } }),
    [...teacherInputs('ccf', { note: 15 }), { ...level('evenement.1'), value: 'S' }],
    teacherInputs('ccf', { note: 16.25 }),
  ];
  await host.apply({
    templates: {},
    add: [],
    replace: [],
    updates: created.map((sheet, i) => ({ sheet, cells: cases[i] })),
  });
  return host;
}

function key(f: Finding): string {
  return [f.severity, f.code, f.sheet, f.cell, f.message].join(' | ');
}

describeWithLibreOffice('a workbook saved by LibreOffice', () => {
  it('is checked with the same findings as before the round trip', async () => {
    const host = await filledClass();
    const before = await runControl(host, { clock, write: false });
    expect(before.findings.length).toBeGreaterThan(3);
    const saved = new Uint8Array(
      readFileSync(await roundTripXlsx(tempXlsx(await host.toBytes(), 'classe.xlsx'))),
    );
    // Both readers: the pane's walks every tab, the command line's searches LibreOffice's XML for the cells.
    for (const options of [{}, { byteText: nodeByteText }]) {
      const after = await runControl(await XlsxHost.fromBytes(saved, 'classe.xlsx', options), {
        clock,
        write: false,
      });
      expect(after.findings.map(key)).toEqual(before.findings.map(key));
      expect(after.summary).toEqual(before.summary);
    }
    expect(before.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['level-missing', 'note-not-allowed', 'level-other-activity']),
    );
  });

  it('shows in the statistics workbook the figures the core computed, names staying text', async () => {
    const host = await filledClass();
    const run = await runStatistics(host, {
      clock,
      nominatif: true,
      persistSettings: false,
      settings: { etablissement: 'Lycée =1+1' },
    });
    const path = tempXlsx(run.created.bytes as Uint8Array, 'stats.xlsx');
    const synthese = await convertToCsv(path, 1);
    const line = (label: string): string[] => synthese.find((r) => r[0] === label) ?? [];
    const mean = run.summary.mean as number;
    expect(line('Moyenne')[1]).toBe(mean.toFixed(2).replace('.', ','));
    expect(line('Présents notés')[1]).toBe(String(run.summary.presentsNotes));
    expect(line('Inscrits')[1]).toBe(String(run.summary.inscrits));
    const notesIndex = run.workbook.sheets.findIndex((s) => s.name === 'Notes') + 1;
    const notes = await convertToCsv(path, notesIndex);
    expect(notes.flat()).toContain('=HYPERLINK("http://x/";"clic")');
    expect(synthese.flat().join(' ')).toContain('Lycée =1+1');
  });
});

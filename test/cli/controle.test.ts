import { join } from 'path';
import { openInput } from '../../xlsx/files';
import { runCli, tempDir } from '../helpers/cli';
import { classFile } from '../helpers/class-file';
import { exceljsOf } from '../helpers/xlsx-view';

describe('grilles-e4 controle', () => {
  it('exits 0 when every candidate is complete and writes « Contrôle » and « Dernier contrôle »', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [
      {},
      { status: 'Absent (ABS)', note: null, allLevels: null, activity: null },
    ]);
    const run = await runCli(['controle', file], dir, '2026-06-02T08:30:00Z');
    expect(run.code).toBe(0);
    const { host } = await openInput(join(dir, file));
    const workbook = await exceljsOf(host);
    expect(workbook.getWorksheet('Contrôle')).toBeDefined();
    const recap = workbook.getWorksheet('Suivi E4');
    const lastControl = recap
      ?.getColumn(7)
      .values.filter((v) => typeof v === 'string' && v.includes('02/06/2026'));
    expect(lastControl).toHaveLength(2);
  });

  it('exits 1 and names the candidate, the cell and the rubric of each erreur', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: null }, {}]);
    const run = await runCli(['controle', file], dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain('NOM1 Prénom');
    expect(run.out).toMatch(/Note/);
    expect(run.out).not.toContain('NOM2 Prénom (');
  });

  it('prints findings and assessments as JSON with --json', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ levels: { 'cibler.1': null } }]);
    const run = await runCli(['controle', file, '--json'], dir);
    const json = JSON.parse(run.out) as {
      findings: Array<{ code: string; cell: string }>;
      summary: { incomplete: number };
    };
    expect(json.summary.incomplete).toBe(1);
    expect(json.findings.some((f) => f.code === 'level-missing' && /^D\d+$/.test(f.cell))).toBe(true);
  });

  it('exits 2 on a workbook without any candidate tab', async () => {
    const dir = tempDir();
    await classFile(dir, [{}]);
    const run = await runCli(['controle', 'classe.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('grilles-e4 grilles');
  });

  it('never changes a cell the teacher filled', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 13.5 }]);
    const before = await openInput(join(dir, file));
    const tab = (await before.host.listSheets()).find((name) => name.startsWith('NOM1')) ?? '';
    const values = JSON.stringify(await before.host.readRanges([{ sheet: tab }]));
    await runCli(['controle', file], dir);
    const after = await openInput(join(dir, file));
    expect(JSON.stringify(await after.host.readRanges([{ sheet: tab }]))).toBe(values);
  });
});

describe('grilles-e4 lire', () => {
  it('exports one CSV record per candidate, BOM and « ; », text that could run escaped', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12.5, appreciation: '=1+1 très bien' }]);
    const run = await runCli(['lire', file, '--csv'], dir);
    expect(run.code).toBe(0);
    const [header, record] = run.out
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(run.out.startsWith('\uFEFF')).toBe(true);
    expect(header.split(';').length).toBe(record.split(';').length);
    expect(record).toContain('12,5');
    expect(record).toContain("'=1+1 très bien");
  });

  it('asks for one format', async () => {
    const dir = tempDir();
    expect((await runCli(['lire', 'x.xlsx'], dir)).err).toContain('--json ou --csv');
  });
});

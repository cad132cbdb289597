import { benchDeps, generationChunks, roster } from '../../bench/apps-script-calls';
import { runControl } from '../../apps-script/server';
import { unpackFindings } from '../../apps-script/findings-pack';
import { AppsScriptHost } from '../../apps-script/host';
import { FakeSpreadsheet, type FakeSheet, sheetsApiOf } from '../fakes/apps-script';
import { startEveryGrid } from '../helpers/start-grids';

/** Cells of a column from `from` down to the last non-empty one. */
function column(sheet: FakeSheet, col: number, from: number) {
  const cells = [];
  for (let r = from; r <= sheet.maxRows; r++) {
    const cell = sheet.peek(r, col);
    if (cell === undefined || (cell.value === '' && cell.formula === undefined)) break;
    cells.push(cell);
  }
  return cells;
}

async function checkedClass(n: number) {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.addSheetWithValues('Liste', roster(n));
  const deps = benchDeps(spreadsheet);
  await generationChunks(spreadsheet, deps);
  await startEveryGrid(new AppsScriptHost({ spreadsheet, sheetsApi: sheetsApiOf(spreadsheet) }));
  const answer = await runControl(deps);
  return { spreadsheet, control: { ...answer, findings: unpackFindings(answer.packed) } };
}

describe('internal links in Google Sheets', () => {
  it('writes every « Cellule » of « Contrôle » as a live HYPERLINK to the tab’s gid, not as text', async () => {
    const { spreadsheet, control } = await checkedClass(32);
    const report = spreadsheet.sheet('Contrôle');
    const header = [...report.cells.entries()].find(([, c]) => c.value === 'Cellule');
    expect(header).toBeDefined();
    const [row, col] = (header?.[0] ?? '0,0').split(',').map(Number);
    const links = column(report, col, row + 1);
    expect(links.length).toBe(control.findings.filter((f) => f.sheet !== null).length);
    expect(links.length).toBeGreaterThan(100);
    for (const cell of links) {
      expect(cell.formula).toMatch(/^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+","[A-Z]+\d+"\)$/);
      expect(cell.numFmt).not.toBe('@');
    }
    const first = control.findings.find((f) => f.sheet !== null);
    const gid = spreadsheet.sheet(first?.sheet ?? '').id;
    expect(links[0].formula).toContain(`#gid=${gid}&`);
  });

  it('writes every « Onglet » of « Suivi E4 » as a live HYPERLINK, and its live columns as formulas', async () => {
    const { spreadsheet } = await checkedClass(32);
    const recap = spreadsheet.sheet('Suivi E4');
    const links = column(recap, 4, 4);
    expect(links).toHaveLength(32);
    for (const cell of links)
      expect(cell.formula).toMatch(/^=HYPERLINK\("#gid=\d+&range=A1","NOM\d+ Prénom\d+"\)$/);
    for (const cell of column(recap, 5, 4)) expect(cell.formula).toMatch(/^=IFERROR\(/);
  });

  it('writes « Suivi E4 » after the tabs its formulas point into, in one chunk or many (no unresolved reference)', async () => {
    for (const n of [32, 130]) {
      const spreadsheet = new FakeSpreadsheet();
      spreadsheet.addSheetWithValues('Liste', roster(n));
      await generationChunks(spreadsheet, benchDeps(spreadsheet));
      const recap = spreadsheet.sheet('Suivi E4');
      const formulas = [...recap.cells.values()].filter((c) => c.formula?.includes("'!") === true);
      expect(formulas.length).toBeGreaterThan(n);
      const unresolved = spreadsheet.sheets.flatMap((s) =>
        [...s.cells.values()]
          .filter((c) => c.unresolved !== undefined)
          .map((c) => `${s.name}: ${c.unresolved}`),
      );
      expect(unresolved).toEqual([]);
    }
  });
});

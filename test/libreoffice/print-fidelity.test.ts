import { spawnSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import type { FormId } from '../../core/referentiel/types';
import { generateGrids } from '../../core/workflows/generate';
import { openInput } from '../../xlsx/files';
import { teacherInputs } from '../helpers/fill';
import { NOTHING_TYPED, type FilledTabInit } from '../helpers/filled-tab';
import { tempDir } from '../helpers/cli';
import { convertToPdf, describeWithLibreOffice, pdfPages, pdfText, tempXlsx } from '../helpers/libreoffice';

/**
 * The pages as LibreOffice prints them: what the annex says, nothing cut, every page A4. One class per
 * form (from a CSV roster, so that the roster sheet is one the add-in wrote), a blank, a complete, an
 * absent and a non-valide candidate, printed to one PDF.
 */

const clock = (): Date => new Date('2026-03-01T10:00:00Z');

const CASES: Array<[string, FilledTabInit | null]> = [
  ['VIERGE', null],
  ['COMPLET', { note: 15 }],
  ['ABSENT', { ...NOTHING_TYPED, status: 'Absent (ABS)' }],
  ['NONVALIDE', { ...NOTHING_TYPED, status: 'Non valide (NV)', nvMotifs: [0, 2] }],
];

async function printed(form: FormId): Promise<{ pdf: string; pages: string[] }> {
  const dir = tempDir();
  const csv = join(dir, 'classe.csv');
  const lines = CASES.map(([nom], i) => `0260000${i + 1};${nom};Test`);
  writeFileSync(csv, ['N° candidat;Nom;Prénom', ...lines].join('\r\n'));
  const { host } = await openInput(csv);
  const { created } = await generateGrids(host, { form, session: 2026, roster: {}, clock });
  const updates = CASES.flatMap(([nom, init], i) =>
    init === null
      ? []
      : [
          {
            sheet: created[i],
            cells: teacherInputs(form, { number: `0260000${i + 1}`, nom, prenom: 'Test', ...init }),
          },
        ],
  );
  await host.apply({ templates: {}, add: [], replace: [], updates });
  const pdf = await convertToPdf(tempXlsx(await host.toBytes(), `${form}.xlsx`));
  const pages = Array.from({ length: pdfPages(pdf) }, (_, i) => pdfText(pdf, i + 1));
  return { pdf, pages };
}

/** Short × long side in points of every page (pdfinfo), whatever its orientation. */
function pageSizes(pdf: string, count: number): string[] {
  const r = spawnSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...r.stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) =>
    [Math.round(Number(m[1])), Math.round(Number(m[2]))].sort((a, b) => a - b).join('x'),
  );
}

function pageOf(pages: string[], ...words: string[]): string {
  const page = pages.find((p) => words.every((w) => p.includes(w)));
  if (page === undefined) throw new Error(`aucune page avec ${words.join(', ')}`);
  return page;
}

describeWithLibreOffice('the printed pages', () => {
  it('CCF: annex wording, ABS and non valide on the fiche, full activity labels, nothing cut, A4', async () => {
    const { pdf, pages } = await printed('ccf');
    expect(new Set(pageSizes(pdf, pages.length))).toEqual(new Set(['595x842']));
    const grids = pages.filter((p) => p.includes("Grille d'aide à l'évaluation"));
    expect(grids).toHaveLength(4);
    for (const grid of grids) {
      expect(grid).toContain('dessous');
      expect(grid).toContain('N° Candidat');
      expect(grid).toContain("CRITÈRES D'ÉVALUATION et COMPÉTENCES");
      expect(grid).not.toContain('Membre 1');
      expect(grid).not.toContain('’');
    }
    const fiche = (nom: string): string => pageOf(pages, "Fiche d'évaluation", nom);
    expect(fiche('COMPLET')).toContain('Négociation Vente et Accompagnement de la Relation Client');
    expect(fiche('COMPLET')).toMatch(/NOTE sur 20\s+15/);
    expect(fiche('ABSENT')).toMatch(/ABS\s+Absent\(e\)/);
    expect(fiche('NONVALIDE')).toMatch(/NV\s+Dossier non valide/);
    expect(fiche('NONVALIDE')).toContain('n°1 n°3');
    expect(fiche('VIERGE')).not.toMatch(/\bNV\b/);
  });

  it('ponctuelle: one commission field on one line, V-7 header order, A4', async () => {
    const { pdf, pages } = await printed('ponctuel');
    expect(new Set(pageSizes(pdf, pages.length))).toEqual(new Set(['595x842']));
    const grid = pageOf(pages, "Grille d'aide à l'évaluation", 'COMPLET');
    expect(grid).toMatch(/N° COMMISSION/);
    expect(grid.match(/Commission/g) ?? []).toHaveLength(0);
    // V-6: the members sign before the note; the advisory band (not in the annex) comes after it.
    expect(grid.indexOf('Nom et signature des membres')).toBeLessThan(grid.indexOf('NOTE sur 20'));
    expect(grid.indexOf('NOTE sur 20')).toBeLessThan(grid.indexOf('Note indicative'));
    const fiche = pageOf(pages, "Fiche d'évaluation", 'COMPLET');
    const at = (label: string): number => fiche.indexOf(label);
    expect(at('N° Candidat')).toBeLessThan(at('N° COMMISSION'));
    expect(at('N° COMMISSION')).toBeLessThan(at('Date'));
    expect(at('Date')).toBeLessThan(at("FICHE D'activité N°"));
    expect(at("FICHE D'activité N°")).toBeLessThan(at('TITRE'));
  });
});

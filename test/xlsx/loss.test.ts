import JSZip from 'jszip';
import { markerCells } from '../../core/grid/marker';
import { detectLoss } from '../../xlsx/loss';
import { renderWorkbookSpec } from '../../xlsx/render';
import { plainSheet } from './sample-spec';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Two sheets: « Liste » (the teacher's) and « Grille » (ours, with its marker and a page break). */
async function basePackage(): Promise<JSZip> {
  const grid = plainSheet(
    'Grille',
    markerCells({ kind: 'grid', tabId: 'g1', layoutVersion: 1, epreuve: 'E4' }),
  );
  grid.styles = { marker: { size: 8 } };
  grid.print = {
    paper: 'A4',
    orientation: 'portrait',
    fitToWidth: true,
    printArea: 'A1:H40',
    rowBreaks: [20],
  };
  const bytes = await renderWorkbookSpec({
    title: 't',
    sheets: [plainSheet('Liste', [{ r: 1, c: 1, value: 'NOM' }]), grid],
  });
  return JSZip.loadAsync(bytes);
}

async function bytesOf(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array' });
}

async function addSheetRel(zip: JSZip, sheet: number, type: string, target: string): Promise<void> {
  const path = `xl/worksheets/_rels/sheet${sheet}.xml.rels`;
  const xml =
    (await zip.file(path)?.async('string')) ??
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    path,
    xml.replace(
      '</Relationships>',
      `<Relationship Id="rId99" Type="${type}" Target="${target}"/></Relationships>`,
    ),
  );
}

async function editSheet(zip: JSZip, sheet: number, edit: (xml: string) => string): Promise<void> {
  const path = `xl/worksheets/sheet${sheet}.xml`;
  zip.file(path, edit((await zip.file(path)?.async('string')) ?? ''));
}

describe('detectLoss', () => {
  it('finds nothing in a workbook exceljs wrote itself, our page breaks included', async () => {
    expect(await detectLoss(await bytesOf(await basePackage()))).toEqual([]);
  });

  it('names the sheet holding a chart in its drawing', async () => {
    const zip = await basePackage();
    await addSheetRel(zip, 1, `${REL}/drawing`, '../drawings/drawing1.xml');
    zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr xmlns:xdr="x"><xdr:graphicFrame/></xdr:wsDr>');
    zip.file(
      'xl/drawings/_rels/drawing1.xml.rels',
      `<Relationships><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    );
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    expect(await detectLoss(await bytesOf(zip))).toEqual([
      'Des graphiques (onglet « Liste ») seraient supprimés.',
    ]);
  });

  it('reports images and shapes, pivot tables and slicers per sheet', async () => {
    const zip = await basePackage();
    await addSheetRel(zip, 1, `${REL}/drawing`, '../drawings/drawing1.xml');
    zip.file(
      'xl/drawings/drawing1.xml',
      '<xdr:wsDr xmlns:xdr="x"><xdr:twoCellAnchor><xdr:sp/></xdr:twoCellAnchor></xdr:wsDr>',
    );
    await addSheetRel(zip, 2, `${REL}/pivotTable`, '../pivotTables/pivotTable1.xml');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/pivotCache/pivotCacheDefinition1.xml', '<pivotCacheDefinition/>');
    zip.file('xl/slicers/slicer1.xml', '<slicers/>');
    expect(await detectLoss(await bytesOf(zip))).toEqual([
      'Des tableaux croisés dynamiques (onglet « Grille ») seraient supprimés.',
      'Des images, formes ou dessins (onglet « Liste ») seraient supprimés ou altérés.',
      'Des segments (slicers) seraient supprimés.',
    ]);
  });

  it('reports macros, external links, threaded comments, form controls and timelines', async () => {
    const zip = await basePackage();
    zip.file('xl/vbaProject.bin', 'binary');
    zip.file('xl/externalLinks/externalLink1.xml', '<externalLink/>');
    zip.file('xl/threadedComments/threadedComment1.xml', '<ThreadedComments/>');
    zip.file('xl/timelines/timeline1.xml', '<timelines/>');
    await editSheet(zip, 1, (x) =>
      x.replace('</worksheet>', '<controls><control r:id="rId5"/></controls></worksheet>'),
    );
    expect(await detectLoss(await bytesOf(zip))).toEqual([
      'Des chronologies (timelines) seraient supprimées.',
      'Les macros VBA du classeur seraient supprimées.',
      'Des contrôles de formulaire ou ActiveX (onglet « Liste ») seraient supprimés.',
      "Les liaisons vers d'autres classeurs seraient supprimées.",
      'Des commentaires avec réponses (fils de discussion) seraient supprimés.',
    ]);
  });

  it("reports page breaks and sparklines of a teacher's sheet, not the breaks of ours", async () => {
    const zip = await basePackage();
    await editSheet(zip, 1, (x) =>
      x.replace(
        '</worksheet>',
        '<rowBreaks count="1" manualBreakCount="1"><brk id="5" man="1"/></rowBreaks><extLst><ext><x14:sparklineGroups/></ext></extLst></worksheet>',
      ),
    );
    expect(await detectLoss(await bytesOf(zip))).toEqual([
      'Des sauts de page (onglet « Liste ») seraient supprimés.',
      'Des graphiques sparkline (onglet « Liste ») seraient supprimés.',
    ]);
  });

  it('names several sheets in one sentence', async () => {
    const zip = await basePackage();
    for (const n of [1, 2])
      await editSheet(zip, n, (x) => x.replace('</worksheet>', '<oleObjects/></worksheet>'));
    expect(await detectLoss(await bytesOf(zip))).toEqual([
      'Des objets incorporés (OLE) (onglets « Liste », « Grille ») seraient supprimés.',
    ]);
  });
});

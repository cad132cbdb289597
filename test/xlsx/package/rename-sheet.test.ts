import { renameSheetInWorkbookXml } from '../../../xlsx/package/rename-sheet';

/** A workbook part as Excel writes it, with the given sheets and defined names. */
function workbookXml(sheets: string[], definedNames: string[] = []): string {
  const names = definedNames.length === 0 ? '' : `<definedNames>${definedNames.join('')}</definedNames>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    sheets.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${names}<calcPr calcId="191029"/></workbook>`
  );
}

function printArea(id: number, ref: string): string {
  return `<definedName name="_xlnm.Print_Area" localSheetId="${id}">${ref}</definedName>`;
}

describe('renameSheetInWorkbookXml', () => {
  it('renames the sheet and its print area, and nothing else', () => {
    const xml = workbookXml(
      ['Suivi E4', 'DUPONT Marie 02600000002', 'DUPONT Marie'],
      [printArea(1, "'DUPONT Marie 02600000002'!$A$1:$H$60"), printArea(2, "'DUPONT Marie'!$A$1:$H$60")],
    );
    const out = renameSheetInWorkbookXml(xml, 'DUPONT Marie 02600000002', 'DUPONT Marie 02600000003');
    expect(out).toBe(
      workbookXml(
        ['Suivi E4', 'DUPONT Marie 02600000003', 'DUPONT Marie'],
        [printArea(1, "'DUPONT Marie 02600000003'!$A$1:$H$60"), printArea(2, "'DUPONT Marie'!$A$1:$H$60")],
      ),
    );
  });

  it('escapes the new name in the attribute and in the formula text, and doubles its apostrophes', () => {
    const xml = workbookXml(
      ['Liste', 'O&apos;BRIEN &amp; Co'],
      [
        `<definedName name="Notes">'O''BRIEN &amp; Co'!$B$2:$B$9</definedName>`,
        printArea(1, "'O''BRIEN &amp; Co'!$A$1:$H$60"),
      ],
    );
    const out = renameSheetInWorkbookXml(xml, "O'BRIEN & Co", 'D\'ARC "Jeanne" <2> & fils');
    expect(out).toContain('<sheet name="D\'ARC &quot;Jeanne&quot; &lt;2&gt; &amp; fils" sheetId="2"');
    expect(out).toContain(
      `<definedName name="Notes">'D''ARC "Jeanne" &lt;2&gt; &amp; fils'!$B$2:$B$9</definedName>`,
    );
    expect(out).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="1">'D''ARC "Jeanne" &lt;2&gt; &amp; fils'!$A$1:$H$60</definedName>`,
    );
    expect(out).toContain('<sheet name="Liste" sheetId="1"');
  });

  it('rewrites unquoted references, quoting the new name only when Excel needs it', () => {
    const xml = workbookXml(
      ['Liste', 'Autre'],
      [
        '<definedName name="Classe">Liste!$A$2:$D$40</definedName>',
        '<definedName name="Deux">SUM(Liste!$A$1,LISTE!$B$1,\'Liste\'!$C$1)</definedName>',
      ],
    );
    const plain = renameSheetInWorkbookXml(xml, 'Liste', 'Classe_1');
    expect(plain).toContain('<definedName name="Classe">Classe_1!$A$2:$D$40</definedName>');
    expect(plain).toContain(
      '<definedName name="Deux">SUM(Classe_1!$A$1,Classe_1!$B$1,Classe_1!$C$1)</definedName>',
    );
    const spaced = renameSheetInWorkbookXml(xml, 'Liste', 'Liste 2026');
    expect(spaced).toContain('<sheet name="Liste 2026" sheetId="1"');
    expect(spaced).toContain('<definedName name="Classe">\'Liste 2026\'!$A$2:$D$40</definedName>');
    // A name Excel would read as a cell or an R1C1 reference is quoted.
    expect(renameSheetInWorkbookXml(xml, 'Liste', 'AB12')).toContain(
      '<definedName name="Classe">\'AB12\'!$A$2:$D$40</definedName>',
    );
    expect(renameSheetInWorkbookXml(xml, 'Liste', 'R1C2')).toContain("'R1C2'!$A$2:$D$40");
  });

  it('leaves text, other sheets with a similar name and other workbooks alone', () => {
    const untouched = [
      '<definedName name="Texte">"Liste!A1"&amp;Autre!$A$1</definedName>',
      `<definedName name="Proche">'Liste 2'!$A$1+XListe!$A$1+Liste2!$A$1</definedName>`,
      '<definedName name="Externe">[1]Liste!$A$1+\'[2]Liste\'!$A$1</definedName>',
      '<definedName name="Fonction">LISTE($A$1)</definedName>',
    ];
    const xml = workbookXml(['Liste', 'Liste 2', 'XListe', 'Liste2'], untouched);
    const out = renameSheetInWorkbookXml(xml, 'Liste', 'Classe');
    expect(out).toBe(workbookXml(['Classe', 'Liste 2', 'XListe', 'Liste2'], untouched));
  });

  it('renames either end of a 3-D reference', () => {
    const xml = workbookXml(
      ['Liste', 'Autre'],
      ['<definedName name="Toutes">SUM(Liste:Autre!$A$1,\'Autre:Liste\'!$B$1)</definedName>'],
    );
    expect(renameSheetInWorkbookXml(xml, 'Liste', 'Classe A')).toContain(
      "<definedName name=\"Toutes\">SUM('Classe A:Autre'!$A$1,'Autre:Classe A'!$B$1)</definedName>",
    );
  });

  it('gives back the same text when the sheet is not in the workbook', () => {
    const xml = workbookXml(['Liste'], [printArea(0, 'Liste!$A$1:$D$9')]);
    expect(renameSheetInWorkbookXml(xml, 'Absente', 'Autre')).toBe(xml);
  });

  it('reads single-quoted attributes and numeric entities as XML does', () => {
    const xml =
      "<workbook><sheets><sheet name='L&#233;a &#x26; co' sheetId='1'/></sheets>" +
      '<definedNames><definedName name="X">\'L&#233;a &amp; co\'!$A$1</definedName></definedNames></workbook>';
    expect(renameSheetInWorkbookXml(xml, 'Léa & co', "Zoé's")).toBe(
      "<workbook><sheets><sheet name='Zoé&apos;s' sheetId='1'/></sheets>" +
        "<definedNames><definedName name=\"X\">'Zoé''s'!$A$1</definedName></definedNames></workbook>",
    );
  });
});

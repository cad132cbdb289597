import { decodeText, detectSeparator, parseCsv } from '../../../core/roster/csv';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('drops a UTF-8 BOM and decodes the rest', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Élève;Né(e) le')]))).toBe('Élève;Né(e) le');
  });

  it('decodes UTF-8 without BOM', () => {
    expect(decodeText(utf8('Prénom;Mél\r\nLéa;léa@example.fr'))).toBe('Prénom;Mél\r\nLéa;léa@example.fr');
  });

  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    // « Prénom;Œuvre €;Zoé » in Windows-1252: é = E9, Œ = 8C, € = 80.
    const bytes = new Uint8Array([
      0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d, 0x3b, 0x8c, 0x75, 0x76, 0x72, 0x65, 0x20, 0x80, 0x3b, 0x5a, 0x6f,
      0xe9,
    ]);
    expect(decodeText(bytes)).toBe('Prénom;Œuvre €;Zoé');
  });

  it('maps the Windows-1252 specials of 0x80–0x9F (’ … œ Ÿ)', () => {
    expect(decodeText(new Uint8Array([0x4c, 0x92, 0x85, 0x9c, 0x9f, 0xe9]))).toBe(
      'L\u2019\u2026\u0153\u0178é',
    );
  });

  it('decodes UTF-16 LE with its BOM (Excel « Texte Unicode »)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x4c, 0x00, 0xe9, 0x00, 0x61, 0x00]);
    expect(decodeText(bytes)).toBe('Léa');
  });

  it('returns an empty string for no bytes', () => {
    expect(decodeText(new Uint8Array())).toBe('');
  });
});

describe('detectSeparator', () => {
  it('prefers the separator found the same number of times on each line', () => {
    expect(detectSeparator('Nom;Note\nDUPONT;12,5\nMARTIN;8,25\n')).toBe(';');
    expect(detectSeparator('Nom,Prénom,Classe\nDUPONT,Marie,NDRC2\n')).toBe(',');
    expect(detectSeparator('Nom\tPrénom\nDUPONT\tMarie\n')).toBe('\t');
  });

  it('ignores separators inside quotes', () => {
    expect(detectSeparator('Nom,Prénom\n"DUPONT; dit Max",Marie\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('splits a semicolon file with CRLF line ends', () => {
    expect(parseCsv('N° candidat;Nom;Prénom\r\n026;DUPONT;Marie\r\n')).toEqual([
      ['N° candidat', 'Nom', 'Prénom'],
      ['026', 'DUPONT', 'Marie'],
    ]);
  });

  it('splits a comma file with LF line ends and no final newline', () => {
    expect(parseCsv('Nom,Prénom\nDUPONT,Marie')).toEqual([
      ['Nom', 'Prénom'],
      ['DUPONT', 'Marie'],
    ]);
  });

  it('splits a tab file', () => {
    expect(parseCsv("Nom\tPrénom\r\nN'DIAYE\tYanis\r\n")).toEqual([
      ['Nom', 'Prénom'],
      ["N'DIAYE", 'Yanis'],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks inside', () => {
    const text = 'Nom;Remarque\n"DUPONT; Marie";"dit ""Max""\nen stage"\n';
    expect(parseCsv(text)).toEqual([
      ['Nom', 'Remarque'],
      ['DUPONT; Marie', 'dit "Max"\nen stage'],
    ]);
  });

  it('keeps blank lines as rows so row numbers stay the line numbers', () => {
    expect(parseCsv('Nom;Prénom\n\nDUPONT;Marie\n')).toEqual([['Nom', 'Prénom'], [''], ['DUPONT', 'Marie']]);
  });

  it('keeps empty fields, including a last empty one', () => {
    expect(parseCsv('a;;c;\n')).toEqual([['a', '', 'c', '']]);
  });

  it('keeps formula-like text verbatim', () => {
    expect(parseCsv('Nom;Prénom\n=1+1;@SUM(A1)\n')[1]).toEqual(['=1+1', '@SUM(A1)']);
  });

  it('drops a BOM left at the start of the text', () => {
    expect(parseCsv('\uFEFFNom;Prénom\n')).toEqual([['Nom', 'Prénom']]);
  });

  it('returns no row for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

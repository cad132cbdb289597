import { attributes, tags } from '../../../xlsx/package/xml';

/** The attributes of start tags as other tools write them (workbook.xml, relationships, sheets). */
describe('the attributes of a start tag', () => {
  it('reads each name and its decoded value, namespace prefixes kept', () => {
    expect(attributes('<sheet name="Dupont &amp; fils" sheetId="3" r:id="rId3"/>')).toEqual({
      name: 'Dupont & fils',
      sheetId: '3',
      'r:id': 'rId3',
    });
  });

  it("takes either quote, and white space (space, tab, line end) around '='", () => {
    expect(attributes("<c r='B2' s =\t\"4\"\nt\r\n=\n'str'>")).toEqual({ r: 'B2', s: '4', t: 'str' });
  });

  it('keeps the other quote inside a value, and an empty value', () => {
    expect(attributes(`<a title='dit "oui"' alt="l'été" x=""/>`)).toEqual({
      title: 'dit "oui"',
      alt: "l'été",
      x: '',
    });
  });

  it('skips a bare word and a value left unquoted, and the tag name itself', () => {
    expect(attributes('<x:row hidden r="5" spans=1:3 ht="15"/>')).toEqual({ r: '5', ht: '15' });
  });

  it('reads names with dots, dashes and underscores', () => {
    expect(attributes('<e mc.x-y_z="1" xml:space="preserve">')).toEqual({
      'mc.x-y_z': '1',
      'xml:space': 'preserve',
    });
  });

  it('gives the same answer from tag to tag (nothing carried over between calls)', () => {
    const list = tags('<r><s a="1"/><s a="2" b="3"/><s/></r>', 's').map(attributes);
    expect(list).toEqual([{ a: '1' }, { a: '2', b: '3' }, {}]);
  });
});

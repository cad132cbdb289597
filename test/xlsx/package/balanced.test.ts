import { balanced } from '../../../xlsx/package/check';

/** The cheap well-formedness check of the parts the writer wrote: every start tag closed, in order. */
describe('balanced', () => {
  it.each([
    ['<a></a>'],
    ['<?xml version="1.0"?>\n<a><b/><c x="1"/></a>'],
    ['<x:a xmlns:x="u"><x:b>t</x:b></x:a>'],
    ['<a\tk="v"><b\nk="v"></b><c\r\nk="v"/></a>'],
    ['<a><!-- note --><b></b></a>'],
    ['<a><b /></a>'],
    [''],
  ])('accepts %j', (xml) => {
    expect(balanced(xml)).toBe(true);
  });

  it.each([
    ['<a>'],
    ['<a></b>'],
    ['<a><b></a></b>'],
    ['</a>'],
    ['<a></a'],
    ['<a><b'],
    ['<ab></a>'],
    ['<a></ab>'],
    ['<x:a></a>'],
  ])('refuses %j', (xml) => {
    expect(balanced(xml)).toBe(false);
  });
});

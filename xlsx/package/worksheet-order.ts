/** The children of <worksheet>, in the order the schema requires (ECMA-376 Part 1, §18.3.1.99). */
const WORKSHEET_CHILDREN = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/**
 * Where a new `child` element goes in a worksheet's XML: before the first element the schema puts after
 * it, else before </worksheet>. Excel refuses a worksheet whose children are out of order.
 */
export function worksheetInsertionPoint(xml: string, child: string): number {
  const at = WORKSHEET_CHILDREN.indexOf(child);
  if (at < 0) throw new Error(`not a worksheet child: ${child}`);
  const later = new RegExp(`<(?:${WORKSHEET_CHILDREN.slice(at + 1).join('|')})[\\s/>]`).exec(xml);
  return later ? later.index : xml.lastIndexOf('</worksheet>');
}

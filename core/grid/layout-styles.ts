import type { CellStyle } from '../spec/types';
import { MARKER_STYLE, markerStyle } from './marker';

/** Sober, official-looking form: bold titles, thin borders, grey headers, light yellow input cells. */
const GREY = 'D9D9D9';
const LIGHT_GREY = 'F2F2F2';
export const INPUT_FILL = 'FFF9DB';
const WORKING_FILL = 'DDEBF7';
export const GREYED_FILL = 'BFBFBF';
export const GREYED_TEXT = '808080';

const input: CellStyle = { border: 'thin', fill: INPUT_FILL, locked: false, vAlign: 'middle', wrap: true };

export const GRID_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 12, hAlign: 'center', vAlign: 'middle', wrap: true },
  subtitle: { bold: true, size: 11, hAlign: 'center', vAlign: 'middle', wrap: true },
  session: { hAlign: 'center', vAlign: 'middle' },
  label: { bold: true, fill: LIGHT_GREY, border: 'thin', vAlign: 'middle', wrap: true },
  labelSmall: { bold: true, size: 8, fill: LIGHT_GREY, border: 'thin', vAlign: 'middle' },
  /** Rows that are not in the annex (live state, advisory band): set apart from the official grid. */
  working: { italic: true, fill: WORKING_FILL, border: 'thin', vAlign: 'middle', wrap: true },
  signature: { border: 'thin', vAlign: 'middle' },
  /** After the fiche's note: « / 20 », or the status in words when there is no note. */
  noteAfter: { bold: true, border: 'thin', vAlign: 'middle', wrap: true },
  /** A value kept for the reader but not shown nor printed. */
  unseen: { numFmt: ';;;' },
  labelRight: { bold: true, fill: LIGHT_GREY, border: 'thin', vAlign: 'middle', hAlign: 'right', wrap: true },
  value: { border: 'thin', vAlign: 'middle', wrap: true, numFmt: '@' },
  mirror: { border: 'thin', vAlign: 'middle', wrap: true },
  mirrorDate: { border: 'thin', vAlign: 'middle', hAlign: 'left', numFmt: 'dd/mm/yyyy' },
  mirrorCenter: { border: 'thin', vAlign: 'middle', hAlign: 'center', bold: true },
  input,
  inputText: { ...input, numFmt: '@' },
  inputCenter: { ...input, hAlign: 'center', bold: true },
  inputDate: { ...input, hAlign: 'left', numFmt: 'dd/mm/yyyy' },
  inputLong: { ...input, vAlign: 'top', numFmt: '@' },
  blocTitle: { bold: true, fill: GREY, border: 'thin', vAlign: 'middle', wrap: true },
  header: { bold: true, fill: GREY, border: 'thin', hAlign: 'center', vAlign: 'middle' },
  section: { bold: true, fill: GREY, border: 'thin', vAlign: 'middle', wrap: true },
  number: { border: 'thin', hAlign: 'center', vAlign: 'top' },
  wording: { border: 'thin', vAlign: 'top', wrap: true },
  indicators: { italic: true, size: 9, border: 'thin', vAlign: 'top', wrap: true },
  mark: { bold: true, border: 'thin', hAlign: 'center', vAlign: 'middle' },
  computed: { bold: true, border: 'thin', vAlign: 'middle', wrap: true },
  computedCenter: { bold: true, border: 'thin', hAlign: 'center', vAlign: 'middle' },
  hint: { italic: true, size: 9, vAlign: 'middle', wrap: true, border: 'thin' },
  legend: { italic: true, size: 9, vAlign: 'middle', wrap: true },
  footer: { italic: true, size: 8, hAlign: 'center', vAlign: 'middle', wrap: true },
  [MARKER_STYLE]: { ...markerStyle, numFmt: '@' },
  /** Hidden working cells of the live formulas. */
  check: { ...markerStyle },
};

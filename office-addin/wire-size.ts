import type { NewSheet } from '../core/port';
import type { CellSpec, SheetSpec } from '../core/spec/types';

/**
 * The size of a write request as Office.js serializes it, estimated from what the host queues.
 * Calibrated on Microsoft's own serializer (npm @microsoft/office-js 1.1.110, excel-web-16.00.debug.js,
 * run with a capturing executor by bench/office-wire.ts on 2026-11-29; docs/host-facts/excel.md): a new
 * tab copied from its template weighs ~13 KB on the wire whatever its few cells (the copy, the name,
 * the options, the protection and their object paths), cells weigh ~1.6 times their JSON, a template
 * ~1.6 times the JSON of its spec. Rounded up: at or above every measured request.
 */
export const WIRE_SIZE = {
  /** Real bytes per byte of JSON of the cells written (values, formats, styles, links). */
  perCellJsonByte: 1.8,
  /** Real bytes of a new tab copied from its template, before its own cells. */
  perNewSheet: 13_000,
  /** Real bytes per byte of JSON of a template's whole spec (written once per run). */
  perTemplateJsonByte: 13,
  /** Real bytes of a piece of an add-in tab or an update (object paths, clear, protection). */
  perPiece: 16_000,
};

/** UTF-8 length of the JSON, counted by hand: IE 11 (Excel 2016/2019 panes) has no TextEncoder. */
function json(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function cellsWireBytes(cells: CellSpec[]): number {
  return Math.ceil(json(cells) * WIRE_SIZE.perCellJsonByte);
}

export function newSheetWireBytes(sheet: NewSheet): number {
  return WIRE_SIZE.perNewSheet + cellsWireBytes(sheet.cells);
}

export function templateWireBytes(spec: SheetSpec): number {
  return Math.ceil(json(spec) * WIRE_SIZE.perTemplateJsonByte);
}

export function pieceWireBytes(cells: CellSpec[]): number {
  return WIRE_SIZE.perPiece + cellsWireBytes(cells);
}

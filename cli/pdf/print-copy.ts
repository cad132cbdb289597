import type { Workbook, Worksheet } from 'exceljs';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import type { XlsxHost } from '../../xlsx/host';
import type { CandidateIdentity } from './file-names';

/**
 * The class workbook prepared for printing: only the candidate tabs print, in tab order. Other sheets are
 * hidden and lose their print area (LibreOffice prints a hidden sheet that has one), and a candidate tab
 * is made the active one (LibreOffice shows, hence prints, a hidden active sheet).
 */

export interface PrintCopy {
  tabs: CandidateIdentity[];
  bytes: Uint8Array;
}

function hideFromPrint(ws: Worksheet): void {
  ws.state = 'hidden';
  ws.pageSetup = { ...ws.pageSetup, printArea: undefined };
}

function activate(wb: Workbook, index: number): void {
  const view = wb.views?.[0];
  wb.views = [
    {
      x: view?.x ?? 0,
      y: view?.y ?? 0,
      width: view?.width ?? 20000,
      height: view?.height ?? 15000,
      visibility: 'visible',
      firstSheet: index,
      activeTab: index,
    },
  ];
}

/** Changes `host` in memory (the workbook on disk is never written) and returns the bytes to print. */
export async function printCopy(host: XlsxHost): Promise<PrintCopy> {
  const grids = sheetsOfKind(await scanWorkbook(host), 'grid');
  const gridNames = new Set(grids.map((g) => g.sheet));
  const sheets = host.workbook.worksheets;
  for (const ws of sheets) {
    if (gridNames.has(ws.name)) ws.state = 'visible';
    else hideFromPrint(ws);
  }
  const first = sheets.findIndex((ws) => gridNames.has(ws.name));
  if (first >= 0) activate(host.workbook, first);
  const tabs = grids.map(({ sheet, marker }) => ({
    sheet,
    candidateNumber: marker.candidateNumber,
    nom: marker.nom,
    prenom: marker.prenom,
  }));
  return { tabs, bytes: await host.toBytes() };
}

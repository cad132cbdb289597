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

/** Changes `host` in memory (the workbook on disk is never written) and returns the bytes to print. */
export async function printCopy(host: XlsxHost): Promise<PrintCopy> {
  const grids = sheetsOfKind(await scanWorkbook(host), 'grid');
  const gridNames = new Set(grids.map((g) => g.sheet));
  host.printOnly([...gridNames]);
  const tabs = grids.map(({ sheet, marker }) => ({
    sheet,
    candidateNumber: marker.candidateNumber,
    nom: marker.nom,
    prenom: marker.prenom,
  }));
  return { tabs, bytes: await host.toBytes() };
}

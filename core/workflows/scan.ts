import { MARKER_RANGE, readMarker, type TabMarker } from '../grid/marker';
import type { HostPort } from '../port';

/** Every sheet of the workbook with the add-in's marker when it has one (null: a teacher's own sheet). */
export interface WorkbookScan {
  names: string[];
  markers: Map<string, TabMarker | null>;
}

/**
 * Finds the add-in's tabs by identity, not by name: one listSheets and one batched read of the marker
 * cells of every sheet, whatever the class size.
 */
export async function scanWorkbook(host: HostPort): Promise<WorkbookScan> {
  const names = await host.listSheets();
  const values = await host.readRanges(names.map((sheet) => ({ sheet, range: MARKER_RANGE })));
  const markers = new Map<string, TabMarker | null>();
  names.forEach((name, i) => markers.set(name, readMarker(values[i] ?? [])));
  return { names, markers };
}

export interface MarkedSheet {
  sheet: string;
  marker: TabMarker;
}

export function sheetsOfKind(scan: WorkbookScan, kind: TabMarker['kind']): MarkedSheet[] {
  const found: MarkedSheet[] = [];
  for (const sheet of scan.names) {
    const marker = scan.markers.get(sheet);
    if (marker && marker.kind === kind) found.push({ sheet, marker });
  }
  return found;
}

/** The teacher's own sheets: where a roster may live. */
export function foreignSheets(scan: WorkbookScan): string[] {
  return scan.names.filter((name) => !scan.markers.get(name));
}

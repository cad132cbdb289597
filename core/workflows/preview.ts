import type { HostPort } from '../port';
import { readRoster, rosterPreview } from './roster-source';
import { scanWorkbook } from './scan';
import type { RosterPreview, RosterSource } from './types';

/** What the panel shows before « Créer les onglets »: the header found, the candidates, the problems. */
export async function previewRoster(host: HostPort, source: RosterSource): Promise<RosterPreview> {
  const scan = await scanWorkbook(host);
  return rosterPreview(await readRoster(host, scan, source));
}

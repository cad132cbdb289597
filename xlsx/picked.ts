import { E4 } from '../core/referentiel';
import { digestSource, type SourceRead } from '../core/workflows/consolidate';
import { packDigest, type PackedDigest } from '../core/workflows/digest-pack';
import { readClass } from '../core/workflows/read-class';
import { XlsxHost } from './host';

/**
 * Grids workbooks the user picked on the computer (« Ajouter d'autres classeurs… »), read in the pane:
 * nothing is uploaded. Free of Node APIs, like the rest of xlsx/ that the pane bundles.
 */

export interface PickedWorkbook {
  name: string;
  bytes: Uint8Array;
}

export interface PickedRead {
  sources: SourceRead[];
  /** French lines for the files set aside: not a grids workbook, or unreadable. */
  setAside: string[];
}

export async function readPickedWorkbooks(files: readonly PickedWorkbook[]): Promise<PickedRead> {
  const out: PickedRead = { sources: [], setAside: [] };
  for (const file of files) {
    let host: XlsxHost;
    try {
      host = await XlsxHost.fromBytes(file.bytes);
    } catch {
      out.setAside.push(
        `Ignoré : ${file.name} n'est pas un classeur .xlsx lisible (fichier abîmé, ou d'un autre format). Ouvrez-le dans Excel et enregistrez-le au format .xlsx.`,
      );
      continue;
    }
    const read = await readClass(host, E4);
    if (read.tabs.length === 0)
      out.setAside.push(`Ignoré : ${file.name} — aucune grille E4 (aucun onglet de candidat).`);
    else out.sources.push({ file: file.name, read });
  }
  return out;
}

export interface PickedDigests {
  digests: PackedDigest[];
  setAside: string[];
}

/**
 * The picked workbooks reduced to what consolidation needs, packed, as plain JSON (dates as ISO text): the
 * Sheets sidebar sends this to its server, never the files.
 */
export async function digestPickedWorkbooks(files: readonly PickedWorkbook[]): Promise<PickedDigests> {
  const read = await readPickedWorkbooks(files);
  const digests = read.sources.map((s) => packDigest(digestSource(E4, s)));
  return { digests: JSON.parse(JSON.stringify(digests)) as PackedDigest[], setAside: read.setAside };
}

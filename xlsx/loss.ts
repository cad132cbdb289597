import type JSZip from 'jszip';
import { MARKER_RANGE, readMarker } from '../core/grid/marker';
import { a1, parseRange } from '../core/spec/a1';
import type { CellValue } from '../core/spec/types';
import {
  attributes,
  decodeXml,
  loadZip,
  readText,
  relationships,
  relsPath,
  resolveTarget,
  sheetParts,
  type Relationship,
  type SheetPart,
} from './package';

/**
 * What exceljs would drop if it rewrote a file: it only writes back what it models. Each kind is data: how
 * to see it in a sheet (relationship types of the sheet or of its drawing, XML in the sheet) or in the
 * package, and the French sentence that names the sheets concerned.
 */

interface SheetFacts {
  sheet: SheetPart;
  xml: string;
  relTypes: string[];
  drawingRelTypes: string[];
  drawingXml: string;
  ours: boolean;
}

interface LossKind {
  /** `where` is '' or ' (onglets « A », « B »)'. */
  sentence: (where: string) => string;
  inSheet?: (f: SheetFacts) => boolean;
  /** Package parts that reveal the kind even when no sheet points at them. */
  parts?: RegExp;
}

const hasRel = (types: string[], suffix: string): boolean =>
  types.some((t) => t.toLowerCase().endsWith(suffix));

const KINDS: LossKind[] = [
  {
    sentence: (w) => `Des graphiques${w} seraient supprimés.`,
    inSheet: (f) => hasRel(f.drawingRelTypes, '/chart') || f.sheet.kind === 'chartsheet',
    parts: /^xl\/charts\/chart[^/]*\.xml$/,
  },
  {
    sentence: (w) => `Des tableaux croisés dynamiques${w} seraient supprimés.`,
    inSheet: (f) => hasRel(f.relTypes, '/pivottable'),
    parts: /^xl\/pivot(Cache|Tables)\//,
  },
  {
    sentence: (w) => `Des images, formes ou dessins${w} seraient supprimés ou altérés.`,
    inSheet: (f) => hasRel(f.drawingRelTypes, '/image') || /<(xdr:)?(sp|cxnSp|grpSp)\b/.test(f.drawingXml),
  },
  {
    sentence: (w) => `Des segments (slicers)${w} seraient supprimés.`,
    inSheet: (f) => hasRel(f.relTypes, '/slicer'),
    parts: /^xl\/slicer(Cache)?s\//,
  },
  {
    sentence: (w) => `Des chronologies (timelines)${w} seraient supprimées.`,
    inSheet: (f) => hasRel(f.relTypes, '/timeline'),
    parts: /^xl\/timeline(Cache)?s\//,
  },
  { sentence: () => `Les macros VBA du classeur seraient supprimées.`, parts: /^xl\/vbaProject\.bin$/i },
  {
    sentence: (w) => `Des contrôles de formulaire ou ActiveX${w} seraient supprimés.`,
    inSheet: (f) =>
      hasRel(f.relTypes, '/ctrlprop') || hasRel(f.relTypes, '/control') || /<controls\b/.test(f.xml),
    parts: /^xl\/(activeX|ctrlProps)\//,
  },
  {
    sentence: (w) => `Des objets incorporés (OLE)${w} seraient supprimés.`,
    inSheet: (f) => /<oleObjects\b/.test(f.xml),
  },
  {
    sentence: () => `Les liaisons vers d'autres classeurs seraient supprimées.`,
    parts: /^xl\/externalLinks\//,
  },
  {
    sentence: (w) => `Des sauts de page${w} seraient supprimés.`,
    inSheet: (f) => !f.ours && /<(rowBreaks|colBreaks)\b/.test(f.xml),
  },
  {
    sentence: (w) => `Des graphiques sparkline${w} seraient supprimés.`,
    inSheet: (f) => /sparklineGroup/.test(f.xml),
  },
  {
    sentence: (w) =>
      `Des listes déroulantes ou mises en forme conditionnelles étendues (Excel 2010+)${w} seraient supprimées.`,
    inSheet: (f) => /<x14:(dataValidations|conditionalFormattings)\b/.test(f.xml),
  },
  {
    sentence: (w) => `Des commentaires avec réponses (fils de discussion)${w} seraient supprimés.`,
    inSheet: (f) => hasRel(f.relTypes, '/threadedcomment'),
    parts: /^xl\/threadedComments\//,
  },
];

/** French sentences, one per kind of content exceljs would lose by rewriting the file; [] = safe. */
export async function detectLoss(bytes: Uint8Array): Promise<string[]> {
  const zip = await loadZip(bytes);
  const strings = sharedStrings((await readText(zip, 'xl/sharedStrings.xml')) ?? '');
  const facts: SheetFacts[] = [];
  for (const sheet of await sheetParts(zip)) facts.push(await sheetFacts(zip, sheet, strings));
  const paths = Object.keys(zip.files);
  const out: string[] = [];
  for (const kind of KINDS) {
    const sheets = kind.inSheet ? facts.filter(kind.inSheet).map((f) => f.sheet.name) : [];
    const inPackage = kind.parts !== undefined && paths.some((p) => kind.parts?.test(p));
    if (sheets.length > 0) out.push(kind.sentence(where(sheets)));
    else if (inPackage) out.push(kind.sentence(''));
  }
  return out;
}

function where(sheets: string[]): string {
  const names = sheets.map((s) => `« ${s} »`).join(', ');
  return sheets.length === 1 ? ` (onglet ${names})` : ` (onglets ${names})`;
}

async function relsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  return relationships((await readText(zip, relsPath(part))) ?? '');
}

async function sheetFacts(zip: JSZip, sheet: SheetPart, strings: string[]): Promise<SheetFacts> {
  const xml = (await readText(zip, sheet.path)) ?? '';
  const rels = await relsOf(zip, sheet.path);
  const drawingRelTypes: string[] = [];
  let drawingXml = '';
  for (const r of rels.filter((x) => x.type.toLowerCase().endsWith('/drawing') && !x.external)) {
    const path = resolveTarget(sheet.path, r.target);
    drawingXml += (await readText(zip, path)) ?? '';
    drawingRelTypes.push(...(await relsOf(zip, path)).map((d) => d.type));
  }
  const ours = readMarker(markerValues(xml, strings)) !== null;
  return { sheet, xml, relTypes: rels.map((r) => r.type), drawingRelTypes, drawingXml, ours };
}

function sharedStrings(xml: string): string[] {
  return (xml.match(/<si>[\s\S]*?<\/si>/g) ?? []).map((si) => textOf(si));
}

/** The text of an <si> or <is>: its <t> runs joined (rich text has several). */
function textOf(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1])).join('');
}

/** The MARKER_RANGE rectangle read straight from the sheet XML, enough to tell our tabs apart. */
function markerValues(xml: string, strings: string[]): CellValue[][] {
  const box = parseRange(MARKER_RANGE);
  const wanted = new Set<string>();
  for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) wanted.add(a1(r, c));
  const found = new Map<string, CellValue>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = attributes(`<c ${m[1]}>`);
    if (!attrs.r || !wanted.has(attrs.r)) continue;
    found.set(attrs.r, cellText(attrs.t, m[2] ?? '', strings));
  }
  const out: CellValue[][] = [];
  for (let r = box.r1; r <= box.r2; r++) {
    const row: CellValue[] = [];
    for (let c = box.c1; c <= box.c2; c++) row.push(found.get(a1(r, c)) ?? null);
    out.push(row);
  }
  return out;
}

function cellText(type: string | undefined, inner: string, strings: string[]): CellValue {
  if (type === 'inlineStr') return textOf(inner);
  const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  if (type === 's') return strings[Number(v)] ?? null;
  return decodeXml(v);
}

import { attributes, encodeXml, tags } from './xml';

/** [Content_Types].xml: the content type of every part, by extension (Default) or by name (Override). */

export const CONTENT_TYPES = '[Content_Types].xml';
export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function contentTypeOf(xml: string, part: string): string | undefined {
  const name = `/${part}`.toLowerCase();
  for (const tag of tags(xml, 'Override')) {
    const a = attributes(tag);
    if ((a.PartName ?? '').toLowerCase() === name) return a.ContentType;
  }
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const tag of tags(xml, 'Default')) {
    const a = attributes(tag);
    if ((a.Extension ?? '').toLowerCase() === ext) return a.ContentType;
  }
  return undefined;
}

export function addOverride(xml: string, part: string, type: string): string {
  const entry = `<Override PartName="/${encodeXml(part)}" ContentType="${type}"/>`;
  const at = xml.lastIndexOf('</Types>');
  return xml.slice(0, at) + entry + xml.slice(at);
}

export function removeOverride(xml: string, part: string): string {
  const name = `/${part}`.toLowerCase();
  return xml.replace(/<Override\b[^>]*\/>/g, (tag) =>
    (attributes(tag).PartName ?? '').toLowerCase() === name ? '' : tag,
  );
}

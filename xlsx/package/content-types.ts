import { attributes, encodeXml, tags } from './xml';

/** [Content_Types].xml: the content type of every part, by extension (Default) or by name (Override). */

export const CONTENT_TYPES = '[Content_Types].xml';
export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Every Override and Default, parsed once: the type of a part by its name. */
export function contentTypes(xml: string): (part: string) => string | undefined {
  const overrides = new Map<string, string>();
  for (const tag of tags(xml, 'Override')) {
    const a = attributes(tag);
    overrides.set((a.PartName ?? '').toLowerCase(), a.ContentType ?? '');
  }
  const defaults = new Map<string, string>();
  for (const tag of tags(xml, 'Default')) {
    const a = attributes(tag);
    defaults.set((a.Extension ?? '').toLowerCase(), a.ContentType ?? '');
  }
  return (part) =>
    overrides.get(`/${part}`.toLowerCase()) ??
    defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
}

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

export function overrideTag(part: string, type: string): string {
  return `<Override PartName="/${encodeXml(part)}" ContentType="${type}"/>`;
}

export function addOverrides(xml: string, tags: string[]): string {
  const at = xml.lastIndexOf('</Types>');
  return xml.slice(0, at) + tags.join('') + xml.slice(at);
}

export function removeOverride(xml: string, part: string): string {
  const name = `/${part}`.toLowerCase();
  return xml.replace(/<Override\b[^>]*\/>/g, (tag) =>
    (attributes(tag).PartName ?? '').toLowerCase() === name ? '' : tag,
  );
}

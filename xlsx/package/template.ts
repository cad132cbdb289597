import type { SheetSpec } from '../../core/spec/types';
import { renderSheetXml } from './sheet-render';
import { StyleSheetBuilder } from './styles-build';

/**
 * One sheet spec rendered as a worksheet part with its own scratch styles.xml, and the scratch style index
 * of every named style of the spec (the palette), so that per-candidate cells can be styled too. The
 * writer merges the scratch styles into the workbook's and remaps the indexes.
 */
export interface RenderedSheet {
  xml: string;
  stylesXml: string;
  palette: Map<string, number>;
}

export async function renderTemplate(spec: SheetSpec): Promise<RenderedSheet> {
  const styles = new StyleSheetBuilder();
  const xml = renderSheetXml(spec, styles);
  const palette = new Map(Object.entries(spec.styles).map(([name, style]) => [name, styles.xf(style)]));
  return { xml, stylesXml: styles.xml(), palette };
}

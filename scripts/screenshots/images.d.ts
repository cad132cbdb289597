/** Types of scripts/screenshots/images.js. */

export interface PanelImage {
  name: string;
  from: string;
  maxHeight: number;
}

export interface LibreOfficeImage {
  name: string;
  workbook: 'classe' | 'statistiques' | 'etablissement';
  has: string[];
  next?: boolean;
}

export declare const PANEL_IMAGES: PanelImage[];
export declare const LIBREOFFICE_IMAGES: LibreOfficeImage[];
export declare const OPTIONAL_PREFIX: string;
export declare const MAX_BYTES: number;

import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

/**
 * The settings of every LibreOffice profile this project starts (printing, the guide's pictures, the
 * tests): recalculate every formula on load — cached results are never trusted, so a file filled by
 * exceljs shows fresh totals — and display numbers and dates in French.
 */
export const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
</oor:items>
`;

/** Writes a LibreOffice user profile with PROFILE_SETTINGS into `dir` (created if needed); returns `dir`. */
export function writeProfileSync(dir: string): string {
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
  return dir;
}

export { controlReportSheet, REPORT_LAYOUT_VERSION, REPORT_TAB_ID } from './control-sheet';
export { lastControlVerdicts, type ControlVerdict } from './verdicts';
export { formatFindingsText } from './text';

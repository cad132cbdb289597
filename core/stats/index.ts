export * from './types';
export { computeStatistics } from './compute';
export { statisticsWorkbook, statsFileName } from './workbook';
export { NOTE_BANDS, PASS_MARK, LOW_MARK } from './bands';
export { STATS_SHEETS, PROVISIONAL } from './names';

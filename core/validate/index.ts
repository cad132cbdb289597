export * from './types';
export { hasErreur, validate, type ValidateInput } from './validate';
export { isComplete, outcome, summarize, type Outcome } from './summary';
export type { UnreadTab } from './roster-rules';
export { entryFindings } from './validate';
export { MISSING_CODES, NOT_STARTED_CODE, entryCounts, notStarted, type EntryCounts } from './entry-state';
export { advisoryBand, countingLevels } from './advisory-band';

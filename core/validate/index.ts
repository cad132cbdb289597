export * from './types';
export { validate, type ValidateInput } from './validate';
export { isComplete, outcome, summarize, type Outcome } from './summary';
export type { UnreadTab } from './roster-rules';

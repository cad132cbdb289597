export * from './types';
export { parseRoster, rosterIsUsable } from './parse';
export { parseRosterSheets } from './sheets';
export { decodeText, parseCsv } from './csv';
export { HEADER_FIELDS, findHeader } from './headers';
export type { HeaderFieldDef } from './headers';
export { splitFullName } from './names';
export type { SplitName } from './names';
export {
  chooseSession,
  sessionInTitle,
  type SessionAsker,
  type SessionChoice,
  type TitleSession,
} from './session';

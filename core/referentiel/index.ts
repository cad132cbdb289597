export * from './types';
export * from './lookup';
export * from './advisory';
export { E4 } from './e4';

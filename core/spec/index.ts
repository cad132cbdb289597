export * from './types';
export * from './a1';
export * from './text-height';

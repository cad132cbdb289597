export * from './map-types';
export * from './map';
export * from './marker';
export * from './layout';
export * from './naming';
export * from './match';
export * from './recap';

export * from './client';
export * from './endpoints';
export * from './errors';
export * from './http';
export * from './token-store';
export * from './property-area-endpoints';

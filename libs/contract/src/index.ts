export * from './roles';
export * from './modules';
export * from './errors';
export * from './api-types';
export * from './workflow';

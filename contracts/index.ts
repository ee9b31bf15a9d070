export * from './rights';
export * from './api';

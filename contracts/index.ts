export * from './rights';
export * from './api';
export * from './computers';

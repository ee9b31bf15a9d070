export * from './rights';
export * from './api';
export * from './computers';
export * from './groups';

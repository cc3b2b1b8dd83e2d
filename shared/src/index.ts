export * from './api.ts';
export * from './contracts.ts';
export * from './extension-id.ts';
export * from './identifiers.ts';
export * from './lookup.ts';
export * from './model.ts';
export * from './seed/index.ts';
export * from './stores/index.ts';

export * from './actions.ts';
export * from './build.ts';
export * from './link-types.ts';
export * from './types.ts';
export * from './validate.ts';

export * from './actions.ts';
export * from './build.ts';
export * from './countries.ts';
export * from './events.ts';
export * from './link-types.ts';
export * from './medium-formats.ts';
export * from './types.ts';
export * from './validate.ts';

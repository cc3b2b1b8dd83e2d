/**
 * Every registered store, ordered by name: the order of provider names, of the options page and
 * of the server's providers (merge ties go to the earlier one). Ordered here, not by the
 * registry's lines, so that a bundler's module namespace order cannot change it.
 */
import * as registered from './registry.ts';

type Registered = (typeof registered)[keyof typeof registered];

export const STORES: readonly Registered[] = Object.values(registered).sort((a, b) =>
  a.name < b.name ? -1 : 1,
);

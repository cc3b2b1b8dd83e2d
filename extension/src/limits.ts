/**
 * The server's batch limit for "is this linked?" (shared/src/api.ts), repeated here so content
 * scripts need not bundle zod for one number; a unit test keeps the two equal.
 */
export const MAX_URLS_TO_CHECK = 100;

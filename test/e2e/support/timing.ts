/**
 * How long a check waits for the page: generous, since the e2e shares two cores with the rest of
 * the suite; a passing check returns as soon as it holds.
 */
export const WAIT = { timeout: 20_000 };

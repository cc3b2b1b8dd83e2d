/** Recognizes "the database is not there" among the errors drivers and Drizzle throw. */

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** The error and the errors it wraps (its `cause` chain), at most `depth` of them. */
export function* causeChain(
  error: unknown,
  depth = 6,
): Generator<{ code?: unknown; message?: unknown; cause?: unknown }> {
  for (let e = error, n = 0; e && n < depth; e = (e as { cause?: unknown }).cause, n++)
    yield e as { code?: unknown; message?: unknown; cause?: unknown };
}

/** True when the error (or any error it wraps) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code } of causeChain(error))
    if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  return false;
}

/** PostgreSQL refusing Liner at the door: bad password, no such role or database. */
const REFUSED = new Set(['28P01', '28000', '3D000']);

/**
 * The one line to say at start when the database cannot be used, or undefined for any other
 * failure: its code, and the server's own reason when it refused (which names no secret).
 */
export function databaseStartProblem(error: unknown): string | undefined {
  for (const { code, message } of causeChain(error)) {
    if (typeof code !== 'string') continue;
    if (UNREACHABLE.has(code))
      return `the database cannot be reached (${code}): check database.url (DATABASE_URL) and that PostgreSQL runs there, or leave it unset for the embedded database`;
    if (REFUSED.has(code))
      return `the database refused the connection: ${String(message)} (check database.url, DATABASE_URL)`;
  }
  return undefined;
}

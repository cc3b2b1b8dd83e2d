/**
 * Suites that need something outside the repository (a browser, the recorded corpus, a
 * PostgreSQL server) say in one line which suite skips and why when it is missing. Under CI=true
 * a missing need that CI provides fails the run instead: nothing may skip there.
 */
export function need(
  suite: string,
  present: boolean,
  why: string,
  { requiredInCi = true }: { requiredInCi?: boolean } = {},
): boolean {
  if (present) return true;
  if (requiredInCi && process.env.CI === 'true') throw new Error(`CI=true but ${why}`);
  console.warn(`Skipping ${suite}: ${why}`);
  return false;
}

/** TEST_DATABASE_URL: the PostgreSQL server the database suites make throwaway databases on. */
export function postgresAvailable(suite: string): boolean {
  return need(
    suite,
    Boolean(process.env.TEST_DATABASE_URL),
    'TEST_DATABASE_URL is not set (a PostgreSQL server to make throwaway databases on, such as postgres://postgres@127.0.0.1:5432/postgres)',
  );
}

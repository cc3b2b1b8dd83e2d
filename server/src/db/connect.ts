/**
 * Opens the database: PGlite on a data directory when no URL is configured, PostgreSQL
 * otherwise. Both get the same Drizzle API, the same migrations and the same repositories.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { causeChain } from './errors.ts';
import { type DataDirLock, lockDataDir } from './lock.ts';
import { rowsOf } from './rows.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** Advisory lock key for migrations ("liner" in ASCII). */
const MIGRATION_LOCK = 0x6c696e6572;

export interface DatabaseHandle {
  readonly db: Db;
  /** PGlite in this process, or a PostgreSQL server: configured, or the embedded one. */
  readonly kind: 'pglite' | 'postgres' | 'embedded';
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** Reachable and fully migrated? Never throws. */
  readiness(): Promise<{ ready: boolean; reason?: string }>;
  /** This process's open connections, active and idle; undefined when it can't be told. */
  poolStats(): Promise<{ active: number; idle: number } | undefined>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string; lock?: boolean }
  | { kind: 'pglite-instance'; client: PGlite };

function migrationCount(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
  return journal.entries.length;
}

/** A failure's code (ECONNREFUSED, 57P01), found on it or its causes, as ": CODE". */
function failureCode(error: unknown): string {
  for (const { code } of causeChain(error, 4))
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return ` (${code})`;
  return '';
}

export async function checkReadiness(db: Db): Promise<{ ready: boolean; reason?: string }> {
  try {
    const rows = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const applied = Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
    const expected = migrationCount();
    if (applied < expected)
      return { ready: false, reason: `${applied} of ${expected} migrations applied` };
    return { ready: true };
  } catch (error) {
    // /ready is open without a token: the reason names the failure's code, never the query or
    // the server's message (which carry SQL, and names of the database and its users).
    return { ready: false, reason: `database unreachable${failureCode(error)}` };
  }
}

/** A handle on a PostgreSQL server through postgres.js: a configured one or the embedded one. */
function postgresHandle(
  connect: (options: postgres.Options<Record<string, never>>) => postgres.Sql,
  kind: 'postgres' | 'embedded',
  poolSize: number,
  onClose: (client: postgres.Sql, applicationName: string) => Promise<void> = async () => {},
): DatabaseHandle {
  // Named per process, so the server's own view of its connections (pg_stat_activity) can be
  // told apart from other instances on the same database.
  // Random, not host and PID: containers sharing a host namespace all run as PID 1.
  const applicationName = `liner:${randomUUID()}`;
  const client = connect({
    max: poolSize,
    onnotice: () => {},
    connection: { application_name: applicationName },
    connect_timeout: 5,
    // Idle connections are closed so a restarted database is reconnected to cleanly.
    idle_timeout: 30,
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  return {
    db,
    kind,
    async migrate() {
      // Instances starting together must not run migrations at the same time: the first takes
      // this session lock, the others wait and then find nothing left to apply.
      const session = await client.reserve();
      try {
        await session`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(db as never, { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await session`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
        session.release();
      }
    },
    readiness: () => checkReadiness(db),
    async poolStats() {
      try {
        const [row] = await client<{ active: number; idle: number }[]>`
          select count(*) filter (where state <> 'idle')::int - 1 as active,
                 count(*) filter (where state = 'idle')::int as idle
          from pg_stat_activity where application_name = ${applicationName}`;
        // The connection asking is itself active; it is not counted.
        return row ? { active: Math.max(0, row.active), idle: row.idle } : undefined;
      } catch {
        return undefined;
      }
    },
    async close() {
      try {
        await onClose(client, applicationName);
      } finally {
        await client.end({ timeout: 5 });
      }
    },
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres')
    return postgresHandle((o) => postgres(target.url, o), 'postgres', target.poolSize ?? 10);
  if (target.kind === 'embedded') {
    const server = await startEmbeddedPostgres(target.dataDir);
    return postgresHandle(
      (o) => postgres({ ...server.connection, ...o }),
      'embedded',
      target.poolSize ?? 10,
      (client, applicationName) => server.release(client, applicationName).catch(() => {}),
    );
  }
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (target.kind === 'pglite') {
    const inMemory = target.dataDir.startsWith('memory://');
    if (target.lock !== false && !inMemory) lock = lockDataDir(target.dataDir);
    try {
      if (!inMemory) mkdirSync(target.dataDir, { recursive: true });
      client = await PGlite.create(target.dataDir);
    } catch (error) {
      lock?.release();
      throw error;
    }
  } else {
    client = target.client;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    readiness: () => checkReadiness(db),
    poolStats: async () => undefined,
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

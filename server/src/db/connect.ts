/**
 * Opens the database: PGlite on a data directory when no URL is configured, PostgreSQL
 * otherwise. Both get the same Drizzle API, the same migrations and the same repositories.
 */
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
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** Reachable and fully migrated? Never throws. */
  readiness(): Promise<{ ready: boolean; reason?: string }>;
  /** Connections in use and idle, where the driver tells. */
  poolStats(): { total: number; idle: number } | undefined;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string; lock?: boolean }
  | { kind: 'pglite-instance'; client: PGlite };

function migrationCount(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
  return journal.entries.length;
}

async function checkReadiness(db: Db): Promise<{ ready: boolean; reason?: string }> {
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
    return { ready: false, reason: `database unreachable: ${(error as Error).message}` };
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const client = postgres(target.url, {
      max: target.poolSize ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      // Idle connections are closed so a restarted database is reconnected to cleanly.
      idle_timeout: 30,
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
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
      poolStats: () => undefined,
      close: () => client.end({ timeout: 5 }),
    };
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
    poolStats: () => ({ total: 1, idle: 1 }),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

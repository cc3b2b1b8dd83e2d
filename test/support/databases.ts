/**
 * The databases every repository and service test runs on: PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set, each suite in a database of its own that is dropped afterwards.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/connect.ts';

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  open(): Promise<DatabaseHandle>;
}

async function openPglite(): Promise<DatabaseHandle> {
  const bytes = readFileSync(inject('pgliteTemplate'));
  const client = await PGlite.create({ loadDataDir: new Blob([bytes]) });
  return openDatabase({ kind: 'pglite-instance', client });
}

/** Creates a fresh PostgreSQL database for one suite; dropped when the handle is closed. */
export async function createPostgresDatabase(
  baseUrl: string,
  migrate = true,
): Promise<{ handle: DatabaseHandle; url: string; drop: () => Promise<void> }> {
  const name = `liner_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 5 });
  if (migrate) await handle.migrate();
  const drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return { handle, url: url.href, drop };
}

async function openPostgres(baseUrl: string): Promise<DatabaseHandle> {
  const { handle, drop } = await createPostgresDatabase(baseUrl);
  return {
    ...handle,
    async close() {
      await handle.close();
      await drop();
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ kind: 'pglite', open: openPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ kind: 'postgres', open: () => openPostgres(url) });
  return list;
}

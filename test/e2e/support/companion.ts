/**
 * The real companion server as a process (`liner serve`), on its own database: a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set (fast to start), else an embedded one in a
 * temporary directory. Stopping it is how the e2e takes the server away.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerProcess, spawnServer } from '../../support/cli.ts';
import { CORPUS_DIR } from '../../support/corpus.ts';
import { createPostgresDatabase } from '../../support/databases.ts';

const PROVIDERS_DIR = resolve(fileURLToPath(import.meta.url), '../../../../server/src/providers');

/** The recorded corpus first, then every provider's hand-written fixtures. */
export function replayDirs(): string[] {
  const own = readdirSync(PROVIDERS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(PROVIDERS_DIR, entry.name, 'fixtures'));
  return [CORPUS_DIR, ...own];
}

export interface Companion {
  server: ServerProcess;
  stop(): Promise<void>;
}

export async function startCompanion(env: Record<string, string>): Promise<Companion> {
  const base = process.env.TEST_DATABASE_URL;
  const database = base
    ? await createPostgresDatabase(base, false).then(async (db) => {
        await db.handle.close();
        return { env: { DATABASE_URL: db.url }, drop: db.drop };
      })
    : {
        env: { LINER_DATA_DIR: mkdtempSync(join(tmpdir(), 'liner-e2e-data-')) },
        drop: async () => {},
      };
  const server = await spawnServer([], { ...env, ...database.env });
  let stopped = false;
  return {
    server,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop('SIGTERM');
      await database.drop();
    },
  };
}

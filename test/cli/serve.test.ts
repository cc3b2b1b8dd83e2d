import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LINER_BIN, runLiner, spawnServer } from '../support/cli.ts';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { postgresAvailable } from '../support/skip.ts';

describe('liner as a process', () => {
  it('serves on the embedded PostgreSQL, shares it with the CLI, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liner-data-'));
    const server = await spawnServer([], { LINER_DATA_DIR: dataDir });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.output()).toContain(`embedded database in ${dataDir}`);
      expect(server.output()).toContain('"database":"embedded"');
      // `npm start` also says where the browser extension is, built or not.
      await vi.waitFor(() => expect(server.output()).toMatch(/Browser extension/));
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      // The CLI beside the running server uses the same database instead of being refused.
      const migrate = await runLiner(['migrate'], { LINER_DATA_DIR: dataDir });
      expect(migrate.stderr).toBe('');
      expect(migrate.code).toBe(0);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(server.output()).toContain('"msg":"stopped"');
    const again = await spawnServer([], { LINER_DATA_DIR: dataDir });
    // Stopped right after it says it listens: the signal handlers must already be in place.
    expect(await again.stop('SIGINT')).toBe(0);
  });

  it('locks a PGlite data directory: a second process is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'liner-data-'));
    const env = { LINER_DATA_DIR: dataDir, LINER_DATABASE__EMBEDDED: 'pglite' };
    const server = await spawnServer([], env);
    try {
      expect(server.output()).toContain('"database":"pglite"');
      const second = await runLiner(['serve', '--port', '0'], env);
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(
        `liner: the data directory ${dataDir} is in use by another Liner process (pid ${server.child.pid}); stop it first, or give this one another LINER_DATA_DIR or a DATABASE_URL`,
      );
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    // The lock went with the process: the directory can be opened again, and stays PGlite's.
    const again = await spawnServer([], { LINER_DATA_DIR: dataDir });
    expect(again.output()).toContain('"database":"pglite"');
    expect(await again.stop('SIGINT')).toBe(0);
    // Three PGlite starts: each makes its WebAssembly cluster, slow on a loaded machine.
  }, 120_000);

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '`npm start` stops with the server on %s to npm: nothing left answering or holding the data directory',
    async (signal) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'liner-data-'));
      const server = await spawnServer([], { LINER_DATA_DIR: dataDir }, 60_000, LINER_BIN, {
        npm: true,
      });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      await server.stop(signal);
      // npm is gone; the server it started must be too, not orphaned and still listening.
      await vi.waitFor(() => expect(fetch(`${server.url}/health`)).rejects.toThrow(), {
        timeout: 20_000,
        interval: 200,
      });
      await vi.waitFor(() => expect(server.output()).toContain('"msg":"stopped"'), 20_000);
      const again = await spawnServer([], { LINER_DATA_DIR: dataDir });
      expect(await again.stop('SIGTERM')).toBe(0);
    },
    90_000,
  );

  it.skipIf(!corpusAvailable('liner serve --replay'))(
    'serves --replay on a throwaway in-memory database, never the configured one, and says so',
    async () => {
      // Neither database is touched: PostgreSQL is unreachable, the data directory never made.
      const dataDir = join(mkdtempSync(join(tmpdir(), 'liner-data-')), 'never-made');
      const server = await spawnServer(['--replay', CORPUS_DIR], {
        DATABASE_URL: 'postgres://liner@127.0.0.1:9/unreachable',
        LINER_DATA_DIR: dataDir,
        LINER_PROVIDERS: 'deezer',
      });
      try {
        const lines = server.output().split('\n');
        expect(lines[0]).toContain(
          `"msg":"replaying upstream answers from ${CORPUS_DIR} on a throwaway in-memory database (nothing is kept)"`,
        );
        expect(server.output()).toContain('(throwaway in-memory database)');
        const response = await fetch(`${server.url}/trpc/lookup.release`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ urls: ['https://www.deezer.com/album/629506181'] }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          result: { data: { release?: { title: string } } };
        };
        expect(body.result.data.release?.title).toBe('Die With A Smile');
      } finally {
        expect(await server.stop('SIGTERM')).toBe(0);
      }
      expect(existsSync(dataDir)).toBe(false);
    },
    90_000,
  );

  it('stops at start with one line for a bad setting, and refuses a public address without a token', async () => {
    const bad = await runLiner(['serve'], { LINER_PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'liner: invalid configuration: server.port = "eighty" (from LINER_PORT): expected a whole number from 0 to 65535\n',
    );
    const open = await runLiner(['serve', '--host', '0.0.0.0'], {
      LINER_DATA_DIR: mkdtempSync(join(tmpdir(), 'liner-data-')),
    });
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(/^liner: refusing to listen on 0\.0\.0\.0 without an API token/);
  });

  it.skipIf(!postgresAvailable('liner migrate on PostgreSQL'))(
    'migrates a PostgreSQL database with `liner migrate`, twice',
    async () => {
      const { handle, url, drop } = await createPostgresDatabase(
        process.env.TEST_DATABASE_URL!,
        false,
      );
      await handle.close();
      try {
        const first = await runLiner(['migrate'], { DATABASE_URL: url });
        expect(first.code).toBe(0);
        expect(first.stdout).toContain('"ready":true');
        expect((await runLiner(['migrate'], { DATABASE_URL: url })).code).toBe(0);
      } finally {
        await drop();
      }
    },
  );
});

describe('liner config', () => {
  it('prints the effective configuration with secrets redacted and where values came from', async () => {
    const { code, stdout } = await runLiner(['config'], {
      LINER_SPOTIFY_CLIENT_SECRET: 'super-secret-value',
      LINER_PORT: '6001',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('port: 6001');
    expect(stdout).toContain('#   server.port: LINER_PORT');
    expect(stdout).toContain('clientSecret: "[redacted]"');
    expect(stdout).not.toContain('super-secret-value');
    expect(stdout).toMatch(/#\s+deezer: enabled/);
  });
});

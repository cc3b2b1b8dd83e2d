/**
 * Circuit breakers shared by two instances on one PostgreSQL, each with its own connection pool
 * and HTTP client, as two server processes have: a host that stopped answering one instance is
 * skipped by the other too without a try of its own, and past the cool-down one probe across
 * both decides; its answer closes the breaker for both.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/connect.ts';
import { createHttpClient, type HttpClient } from '../../server/src/http/client.ts';
import { createRepositories } from '../../server/src/repositories/index.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { postgresAvailable } from '../support/skip.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

const baseUrl = process.env.TEST_DATABASE_URL;
const COOL_DOWN_MS = 1_500;

describe.skipIf(!postgresAvailable('circuit breakers shared by two instances (PostgreSQL)'))(
  'circuit breakers shared by two instances (PostgreSQL)',
  () => {
    let handles: DatabaseHandle[] = [];
    let drop: () => Promise<void>;
    let store: StandIn;
    const state = { hanging: true, held: [] as ServerResponse[] };
    let clients: HttpClient[];

    beforeAll(async () => {
      const created = await createPostgresDatabase(baseUrl!);
      drop = created.drop;
      handles = [
        created.handle,
        await openDatabase({ kind: 'postgres', url: created.url, poolSize: 3 }),
      ];
      // Accepts the connection and says nothing while hanging; answers once back.
      store = await startStandIn();
      store.route('*', (_req, res) => {
        if (state.hanging) return void state.held.push(res);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
      clients = handles.map((handle) =>
        createHttpClient({
          allowedHosts: new Map([['test', [store.host]]]),
          userAgent: 'Liner/0 ( https://example.org/liner )',
          timeoutMs: 300,
          retries: 0,
          maxRetryAfterMs: 1000,
          maxResponseBytes: 10_000,
          breakerFailures: 2,
          breakerCoolDownMs: COOL_DOWN_MS,
          sharedBreakers: {
            store: createRepositories(handle.db, () => new Date()).breakers,
            onError: (error) => {
              throw error;
            },
          },
        }),
      );
    });
    afterAll(async () => {
      for (const held of state.held) held.destroy();
      await store?.close();
      for (const handle of handles) await handle.close();
      await drop?.();
    });

    const ask = (instance: number) =>
      clients[instance]!.request({ provider: 'test', url: `${store.url}/album` }).then(
        () => 'answered',
        (error: { kind?: string }) => error.kind ?? String(error),
      );

    it("one instance's open breaker skips the host at the other; one probe closes it for both", async () => {
      // Two time-outs at instance 0 open its breaker.
      expect([await ask(0), await ask(0)]).toEqual(['timeout', 'timeout']);
      const sent = store.requests.length;
      // Instance 1 never tried the host, and skips it at once.
      expect(await ask(1)).toBe('skipped');
      expect(store.requests.length).toBe(sent);
      // Past the cool-down the host is back: of one request from each instance at once, one
      // goes as the probe while the other is still skipped; the probe's answer closes both.
      state.hanging = false;
      await new Promise((r) => setTimeout(r, COOL_DOWN_MS + 200));
      const both = await Promise.all([ask(0), ask(1)]);
      expect([...both].sort()).toEqual(['answered', 'skipped']);
      expect(store.requests.length).toBe(sent + 1);
      expect([await ask(1), await ask(0)]).toEqual(['answered', 'answered']);
    });
  },
);

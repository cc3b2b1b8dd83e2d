/**
 * /ready follows the database: false while PostgreSQL is unreachable, true again once it is back,
 * with no restart. Needs a real PostgreSQL (TEST_DATABASE_URL); CI always has one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { startTestServer } from '../support/server.ts';
import { postgresAvailable } from '../support/skip.ts';
import type { StandIn } from '../support/stand-in.ts';
import { startStoreStandIns, storeStandInEnv } from '../support/store-stand-ins.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const baseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresAvailable('readiness through a database outage (PostgreSQL)'))(
  'readiness through a database outage (PostgreSQL)',
  () => {
    let proxy: TcpProxy;
    let running: RunningServer;
    let drop: () => Promise<void>;
    let closeDb: () => Promise<void>;
    let upstream: StandIn;

    beforeAll(async () => {
      const created = await createPostgresDatabase(baseUrl!);
      drop = created.drop;
      await created.handle.close();
      const target = new URL(created.url);
      proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      target.host = `127.0.0.1:${proxy.port}`;
      const database = await openDatabase({ kind: 'postgres', url: target.href, poolSize: 2 });
      closeDb = () => database.close();
      upstream = await startStoreStandIns();
      running = await startTestServer({ database, env: storeStandInEnv(upstream, 'deezer') });
    });
    afterAll(async () => {
      await running?.stop();
      await proxy?.restore().catch(() => {});
      await closeDb?.();
      await proxy?.close();
      await upstream?.close();
      await drop?.();
    });

    const lookup = () =>
      fetch(`${running.url}/trpc/lookup.release`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ urls: ['https://www.deezer.com/album/100001'] }),
      });

    const ready = async () => {
      const response = await fetch(`${running.url}/ready`);
      return {
        status: response.status,
        body: (await response.json()) as { ready: boolean; reason?: string },
      };
    };

    it('turns false when the database goes away and true when it returns', async () => {
      expect(await ready()).toEqual({ status: 200, body: { ready: true } });
      await proxy.cut();
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body.ready).toBe(false);
      expect(down.body.reason).toMatch(/^database unreachable/);
      // Open without a token: no query, table or server message in it.
      expect(down.body.reason).not.toMatch(/select|drizzle|migrations/i);
      // Liveness does not depend on the database.
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
      // A look-up says what is wrong instead of failing obscurely, and at once: no request
      // waits on the database past its connection time-out (5 s), whatever it needs there.
      const started = performance.now();
      const failed = await lookup();
      const waited = performance.now() - started;
      console.info(`a look-up while the database is down answered in ${Math.round(waited)} ms`);
      expect(waited).toBeLessThan(5000);
      expect(failed.status).toBe(503);
      expect(await failed.text()).toContain(
        'the database is unreachable right now; nothing was saved, try again shortly',
      );
      await proxy.restore();
      let back = await ready();
      for (let i = 0; i < 20 && back.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 250));
        back = await ready();
      }
      expect(back).toEqual({ status: 200, body: { ready: true } });
      const recovered = await lookup();
      expect(recovered.status).toBe(200);
      expect((await recovered.json()).result.data.release.title).toBe('Two Sides');
    });
  },
);

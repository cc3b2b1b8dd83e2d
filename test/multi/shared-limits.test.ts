/**
 * Two instances' HTTP limiters on one PostgreSQL, each with its own connection pool as two
 * server processes have: a store's declared limit holds for both together, not for each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/connect.ts';
import { HostLimiter, type RateLimit, sharedHostLimits } from '../../server/src/http/limits.ts';
import { createRepositories } from '../../server/src/repositories/index.ts';
import { createPostgresDatabase } from '../support/databases.ts';
import { postgresAvailable } from '../support/skip.ts';

const baseUrl = process.env.TEST_DATABASE_URL;
// An hour's window: the test's few milliseconds straddle two only at the turn of an hour (about
// one run in 100,000). Not longer: the local queue's interval is a timer, capped at 24.8 days.
const RULE: RateLimit = { host: 'api.store.example', requests: 3, perMs: 3_600_000 };

describe.skipIf(!postgresAvailable('store limits shared by two instances (PostgreSQL)'))(
  'store limits shared by two instances (PostgreSQL)',
  () => {
    let handles: DatabaseHandle[] = [];
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const created = await createPostgresDatabase(baseUrl!);
      drop = created.drop;
      handles = [
        created.handle,
        await openDatabase({ kind: 'postgres', url: created.url, poolSize: 3 }),
      ];
    });
    afterAll(async () => {
      for (const handle of handles) await handle.close();
      await drop?.();
    });

    it('lets three of six requests go at once and holds the others back', async () => {
      const waited: number[] = [];
      const limiters = handles.map((handle) => {
        const repos = createRepositories(handle.db, () => new Date());
        const shared = sharedHostLimits(repos.rateBudgets, (message) => {
          throw new Error(`unexpected warning: ${message}`);
        });
        return new HostLimiter([RULE], { ...shared, sleep: async (ms) => void waited.push(ms) });
      });
      const sent: string[] = [];
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          limiters[i % 2]!.run(RULE.host, async () => void sent.push(`instance ${i % 2}`)),
        ),
      );
      expect(sent).toHaveLength(6);
      // Three went at once; the three over the limit each waited for the next window.
      expect(waited).toHaveLength(3);
      for (const ms of waited) expect(ms).toBeGreaterThan(0);
    });
  },
);

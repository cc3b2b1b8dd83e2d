import type { Db } from '../db/connect.ts';
import { breakerRepository } from './breakers.ts';
import { instanceRepository } from './instances.ts';
import { lookupRepository } from './lookups.ts';
import { mbIsrcRepository } from './mb-isrcs.ts';
import { mbQueueRepository } from './mb-queue.ts';
import { mbUrlRepository } from './mb-urls.ts';
import { providerCacheRepository } from './provider-cache.ts';
import { providerReleaseRepository } from './provider-releases.ts';
import { rateBudgetRepository } from './rate-budgets.ts';
import { responseRepository } from './responses.ts';
import type { Repositories } from './types.ts';

export type * from './types.ts';

/** Three missed beats of the default heartbeat (lookup.heartbeat, 2 s). */
const DEFAULT_HOLDER_STALE_MS = 6000;

export interface RepositoryOptions {
  /** After how long without a heartbeat an instance's leases may be taken over. */
  holderStaleMs?: number;
}

export function createRepositories(
  db: Db,
  now: () => Date = () => new Date(),
  options: RepositoryOptions = {},
): Repositories {
  const staleMs = options.holderStaleMs ?? DEFAULT_HOLDER_STALE_MS;
  return {
    responses: responseRepository(db),
    providerReleases: providerReleaseRepository(db),
    providerCache: providerCacheRepository(db, now, staleMs),
    instances: instanceRepository(db),
    lookups: lookupRepository(db),
    mbUrls: mbUrlRepository(db),
    mbUrlQueue: mbQueueRepository(db, 'url', staleMs),
    mbIsrcQueue: mbQueueRepository(db, 'isrc', staleMs),
    mbIsrcs: mbIsrcRepository(db),
    rateBudgets: rateBudgetRepository(db),
    breakers: breakerRepository(db),
  };
}

import type { Db } from '../db/connect.ts';
import { lookupRepository } from './lookups.ts';
import { mbUrlQueueRepository } from './mb-url-queue.ts';
import { mbUrlRepository } from './mb-urls.ts';
import { providerCacheRepository } from './provider-cache.ts';
import { providerReleaseRepository } from './provider-releases.ts';
import { rateBudgetRepository } from './rate-budgets.ts';
import { responseRepository } from './responses.ts';
import type { Repositories } from './types.ts';

export type * from './types.ts';

export function createRepositories(db: Db, now: () => Date = () => new Date()): Repositories {
  return {
    responses: responseRepository(db),
    providerReleases: providerReleaseRepository(db),
    providerCache: providerCacheRepository(db, now),
    lookups: lookupRepository(db),
    mbUrls: mbUrlRepository(db),
    mbUrlQueue: mbUrlQueueRepository(db),
    rateBudgets: rateBudgetRepository(db),
  };
}

/**
 * Hands a validated seed from the background to the tab that posts it. Kept in session storage
 * (memory, cleared with the browser) because the service worker may be stopped between opening
 * the tab and the tab asking; each seed is taken once, with the target it was validated for, so
 * the post page checks it against the same site and release once more.
 *
 * A seed whose tab never asked (closed before it loaded, blocked) would stay until the browser
 * closes; session storage is small (10 MB in Chrome), so every put drops the seeds older than
 * SEED_LIFETIME, which is far longer than a tab takes to load.
 */
import type { Seed } from '@liner/shared/seed/types';
import type { SeedTarget } from '@liner/shared/seed/validate';
import type { Browser } from 'wxt/browser';

type SessionArea = Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;

export const SEED_LIFETIME = 10 * 60_000;

export interface HandedSeed {
  seed: Seed;
  target: SeedTarget;
}

interface StoredSeed extends HandedSeed {
  at: number;
}

export interface SeedStore {
  put(handed: HandedSeed): Promise<string>;
  take(id: string): Promise<HandedSeed | undefined>;
}

const PREFIX = 'seed:';

export function createSeedStore(area: SessionArea, now: () => number = Date.now): SeedStore {
  const key = (id: string) => `${PREFIX}${id}`;
  const fresh = (stored: StoredSeed | undefined) =>
    stored !== undefined && now() - stored.at <= SEED_LIFETIME;

  return {
    async put(handed) {
      const all = (await area.get(null)) as Record<string, StoredSeed | undefined>;
      const old = Object.keys(all).filter((k) => k.startsWith(PREFIX) && !fresh(all[k]));
      if (old.length > 0) await area.remove(old);
      const id = crypto.randomUUID();
      await area.set({ [key(id)]: { ...handed, at: now() } satisfies StoredSeed });
      return id;
    },
    async take(id) {
      const stored = (await area.get(key(id)))[key(id)] as StoredSeed | undefined;
      await area.remove(key(id));
      return fresh(stored) ? { seed: stored!.seed, target: stored!.target } : undefined;
    },
  };
}

/**
 * Hands a validated seed from the background to the tab that posts it. Kept in session storage
 * (memory, cleared with the browser) because the service worker may be stopped between opening
 * the tab and the tab asking; each seed is taken once.
 */
import type { Seed } from '@liner/shared/seed/index';
import type { Browser } from 'wxt/browser';

type SessionArea = Pick<Browser.storage.StorageArea, 'get' | 'set' | 'remove'>;

export interface SeedStore {
  put(seed: Seed): Promise<string>;
  take(id: string): Promise<Seed | undefined>;
}

export function createSeedStore(area: SessionArea): SeedStore {
  const key = (id: string) => `seed:${id}`;
  return {
    async put(seed) {
      const id = crypto.randomUUID();
      await area.set({ [key(id)]: seed });
      return id;
    },
    async take(id) {
      const stored = (await area.get(key(id)))[key(id)] as Seed | undefined;
      await area.remove(key(id));
      return stored;
    },
  };
}

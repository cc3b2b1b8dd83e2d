/**
 * The API token, kept apart from the other settings in the extension's own IndexedDB. Settings
 * in `storage.local` can be read from every content script's world (Firefox offers no way to
 * keep them from it), so a compromised renderer on any store page could take a token stored
 * there; the extension origin's IndexedDB is open to the background and Liner's own pages only,
 * since a content script's IndexedDB is the page's.
 */
import type { LinerDatabase } from '../background/db.ts';

export interface TokenStore {
  get(): Promise<string | undefined>;
  /** Saves the token, or deletes it when there is none. */
  set(token: string | undefined): Promise<void>;
}

const TOKEN = 'api-token';

export function tokenStore(db: LinerDatabase): TokenStore {
  return {
    async get() {
      const row = await db.secrets.get(TOKEN);
      return row?.value || undefined;
    },
    async set(token) {
      if (token) await db.secrets.put({ name: TOKEN, value: token });
      else await db.secrets.delete(TOKEN);
    },
  };
}

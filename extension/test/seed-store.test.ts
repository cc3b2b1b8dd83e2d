/** The seed hand-over in session storage: taken once, with its target, and never left to pile up. */
import { buildReleaseSeed } from '@liner/shared/seed/build';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSeedStore, SEED_LIFETIME } from '../src/background/seed-store.ts';
import { sampleResult } from './support/release.ts';

const target = { editorUrl: 'https://musicbrainz.org' };
const seed = buildReleaseSeed(sampleResult(), target);

beforeEach(() => fakeBrowser.reset());

describe('the seed store', () => {
  it('hands a seed over once, with the target it was checked for', async () => {
    const store = createSeedStore(fakeBrowser.storage.session);
    const id = await store.put({ seed, target });
    expect(await store.take(id)).toEqual({ seed, target });
    expect(await store.take(id)).toBeUndefined();
  });

  it('drops the seeds no tab came for, on the next put', async () => {
    let now = 0;
    const store = createSeedStore(fakeBrowser.storage.session, () => now);
    const forgotten = await store.put({ seed, target });
    now += SEED_LIFETIME + 1;
    const next = await store.put({ seed, target });
    const keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys).toEqual([`seed:${next}`]);
    expect(await store.take(forgotten)).toBeUndefined();
    // Too old to post, even when still there: the tab was opened long ago.
    now += SEED_LIFETIME + 1;
    expect(await store.take(next)).toBeUndefined();
  });
});

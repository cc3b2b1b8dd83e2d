/** Settings: defaults, migrations from older shapes, field-by-field fallback, strict saving. */

import { beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LinerDatabase } from '../src/background/db.ts';
import { migrateSettings } from '../src/settings/migrate.ts';
import { DEFAULT_SERVER_URL, defaultSettings, SETTINGS_VERSION } from '../src/settings/schema.ts';
import {
  cachedSettings,
  loadSettings,
  SETTINGS_KEY,
  saveSettings,
} from '../src/settings/storage.ts';
import { type TokenStore, tokenStore } from '../src/settings/token.ts';

let tokens: TokenStore;
beforeEach(() => {
  fakeBrowser.reset();
  tokens = tokenStore(new LinerDatabase(`settings-${Math.random()}`));
});

describe('migrations', () => {
  it('starts from defaults when nothing is stored', () => {
    const { settings, changed } = migrateSettings(undefined);
    expect(changed).toBe(true);
    expect(settings).toEqual(defaultSettings());
    expect(settings).toMatchObject({
      version: 2,
      serverUrl: DEFAULT_SERVER_URL,
      musicbrainz: 'production',
      regions: [],
      providerOrder: [],
    });
    expect(Object.values(settings.stores).every(Boolean)).toBe(true);
  });

  it('brings version 1 up: the MusicBrainz URL becomes a site name, the store list becomes switches', () => {
    const { settings, changed } = migrateSettings({
      version: 1,
      serverUrl: 'https://liner.example.org/',
      musicbrainzUrl: 'https://beta.musicbrainz.org',
      enabledStores: ['deezer', 'bandcamp'],
      regions: ['gb'],
    });
    expect(changed).toBe(true);
    expect(settings).toMatchObject({
      version: 2,
      serverUrl: 'https://liner.example.org',
      musicbrainz: 'beta',
      regions: ['GB'],
    });
    expect(settings.stores).toMatchObject({
      deezer: true,
      bandcamp: true,
      spotify: false,
      discogs: false,
    });
  });

  it('keeps good fields and replaces bad ones with their defaults', () => {
    const { settings, changed } = migrateSettings({
      version: 2,
      serverUrl: 'ftp://nope',
      musicbrainz: 'test',
      regions: ['Mars'],
      stores: { tidal: 'maybe', qobuz: false },
    });
    expect(changed).toBe(false);
    expect(settings).toMatchObject({
      serverUrl: DEFAULT_SERVER_URL,
      musicbrainz: 'test',
      regions: [],
    });
    expect(settings.stores).toMatchObject({ tidal: true, qobuz: false });
  });

  it('does not guess at a shape from a newer version, nor ask to write over it', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION + 1, musicbrainz: 'test' })).toEqual({
      settings: defaultSettings(),
      changed: false,
    });
  });
});

describe('storage', () => {
  it('reads once for the background and again only after the settings change', async () => {
    const settings = cachedSettings(tokens);
    await saveSettings({ ...defaultSettings(), serverUrl: 'http://127.0.0.1:9001' }, tokens);
    let reads = 0;
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.get = ((...args: Parameters<typeof get>) => {
      reads++;
      return get(...args);
    }) as typeof get;
    expect((await settings()).serverUrl).toBe('http://127.0.0.1:9001');
    expect((await settings()).serverUrl).toBe('http://127.0.0.1:9001');
    expect(reads).toBe(1);
    await saveSettings({ ...defaultSettings(), serverUrl: 'http://127.0.0.1:9002' }, tokens);
    expect((await settings()).serverUrl).toBe('http://127.0.0.1:9002');
    expect(reads).toBe(2);
  });

  it('writes a migrated object back once', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { version: 1, musicbrainzUrl: 'https://test.musicbrainz.org' },
    });
    expect((await loadSettings(tokens)).musicbrainz).toBe('test');
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({
      version: 2,
      musicbrainz: 'test',
    });
  });

  it('leaves the settings of a newer version alone after a rollback', async () => {
    const newer = { version: SETTINGS_VERSION + 1, server: { url: 'https://liner.example.org' } };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: newer });
    expect(await loadSettings(tokens)).toEqual(defaultSettings());
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(newer);
  });

  it('refuses a bad value on save and names it', async () => {
    const form = {
      serverUrl: 'http://127.0.0.1:5733',
      musicbrainz: 'production' as const,
      stores: {},
      regions: ['GB', 'Mars'],
      providerOrder: [],
    };
    expect(await saveSettings(form, tokens)).toEqual({
      ok: false,
      errors: ['regions.1: a region is a two-letter code such as GB'],
    });
    const saved = await saveSettings(
      { ...form, regions: ['gb'], providerOrder: ['qobuz'] },
      tokens,
    );
    expect(saved).toMatchObject({
      ok: true,
      settings: { regions: ['GB'], providerOrder: ['qobuz'] },
    });
    expect(await loadSettings(tokens)).toMatchObject({ regions: ['GB'], providerOrder: ['qobuz'] });
  });

  it('keeps the token out of storage.local, and moves one an older version kept there', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { version: 2, musicbrainz: 'test', token: ' secret-token-123456 ' },
    });
    expect(await loadSettings(tokens)).toMatchObject({
      musicbrainz: 'test',
      token: 'secret-token-123456',
    });
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toMatchObject({ version: 2, musicbrainz: 'test' });
    expect(stored).not.toHaveProperty('token');
    expect(await tokens.get()).toBe('secret-token-123456');
    // Saving without a token deletes it; with one, it goes to IndexedDB only.
    const form = { ...defaultSettings(), token: 'another-token-7890' };
    await saveSettings(form, tokens);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('another');
    expect((await cachedSettings(tokens)()).token).toBe('another-token-7890');
    const { token: _, ...without } = form;
    await saveSettings(without, tokens);
    expect(await tokens.get()).toBeUndefined();
    expect(await loadSettings(tokens)).not.toHaveProperty('token');
  });
});

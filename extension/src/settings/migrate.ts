/**
 * Upgrades stored settings to the current version, one step at a time. Version 1 (the
 * extension's development builds) kept the MusicBrainz site as a URL and the enabled stores as a
 * list; version 2 keeps the site as a name (only the three known sites can be chosen) and the
 * stores as switches, so a store added later starts switched on instead of off. Values that
 * cannot be read fall back to their defaults one by one.
 */
import {
  defaultSettings,
  MUSICBRAINZ_SERVERS,
  SETTINGS_VERSION,
  type Settings,
  settingsSchema,
} from './schema.ts';

type Stored = Record<string, unknown>;

/** Step N turns a version-N object into a version-(N+1) object. */
const STEPS: Record<number, (old: Stored) => Stored> = {
  1: (old) => {
    const { musicbrainzUrl, enabledStores, ...rest } = old;
    const site = Object.entries(MUSICBRAINZ_SERVERS).find(([, url]) => url === musicbrainzUrl);
    const stores = Array.isArray(enabledStores)
      ? Object.fromEntries(
          ['spotify', 'deezer', 'itunes', 'bandcamp', 'tidal', 'beatport', 'qobuz', 'discogs'].map(
            (name) => [name, enabledStores.includes(name)],
          ),
        )
      : undefined;
    return { ...rest, version: 2, musicbrainz: site?.[0], stores };
  },
};

export interface Migrated {
  settings: Settings;
  /** The stored object was older (or missing) and should be written back. */
  changed: boolean;
}

export function migrateSettings(stored: unknown): Migrated {
  let value: Stored =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as Stored) } : {};
  const from = typeof value.version === 'number' ? value.version : undefined;
  // Written by a newer extension that was rolled back: use the defaults without guessing at a
  // shape this code does not know, and never write them over the newer settings, which the
  // newer extension reads again when it comes back.
  if (from !== undefined && from > SETTINGS_VERSION)
    return { settings: defaultSettings(), changed: false };
  if (from === undefined || !Number.isInteger(from) || from < 1)
    value = { version: SETTINGS_VERSION };
  for (let v = value.version as number; v < SETTINGS_VERSION; v++) value = STEPS[v]!(value);
  return { settings: settingsSchema.parse(value), changed: from !== SETTINGS_VERSION };
}

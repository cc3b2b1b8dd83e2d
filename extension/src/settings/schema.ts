/**
 * The extension's settings. Every field has a default so that a missing or damaged value never
 * stops the extension: it falls back field by field. `version` says which shape was stored;
 * migrate.ts brings older shapes up to this one.
 */
import { type ProviderName, providerNameSchema } from '@liner/shared/model';
import { z } from 'zod';
import { MUSICBRAINZ_SERVERS, type MusicBrainzServer } from '../musicbrainz-pages.ts';
import { SITE_NAMES, type SiteName } from '../sites.ts';

export const SETTINGS_VERSION = 2;

export { MUSICBRAINZ_SERVERS, type MusicBrainzServer };

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:5733';

const musicbrainzSite = z.enum(
  Object.keys(MUSICBRAINZ_SERVERS) as [MusicBrainzServer, ...MusicBrainzServer[]],
);

const serverUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
  .transform((value) => value.replace(/\/+$/, ''));

const region = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'a region is a two-letter code such as GB' }));

const storesSchema = z
  .object(
    Object.fromEntries(SITE_NAMES.map((name) => [name, z.boolean().catch(true)])) as Record<
      SiteName,
      z.ZodCatch<z.ZodBoolean>
    >,
  )
  .catch(() => Object.fromEntries(SITE_NAMES.map((name) => [name, true])) as never);

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  serverUrl: serverUrl.catch(DEFAULT_SERVER_URL),
  /** Bearer token for a server that requires one. */
  token: z.string().trim().max(512).optional().catch(undefined),
  musicbrainz: musicbrainzSite.catch('production'),
  stores: storesSchema,
  /** Storefront regions to ask first, in order; empty: the server's own default. */
  regions: z.array(region).max(30).catch([]),
  /**
   * Providers in the order the user trusts them: when stores found different releases, the
   * first one's is merged (the look-up's `prefer`), and the panel lists providers in this order.
   */
  providerOrder: z.array(providerNameSchema).max(20).catch([]),
});
export type Settings = z.output<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

/** The strict form the options page saves through: a bad value is an error, not a fallback. */
export const settingsFormSchema = z.object({
  serverUrl,
  token: z.string().trim().max(512).optional(),
  musicbrainz: musicbrainzSite,
  stores: z.partialRecord(z.enum(SITE_NAMES as [SiteName, ...SiteName[]]), z.boolean()),
  regions: z.array(region).max(30),
  providerOrder: z.array(providerNameSchema).max(20),
});
export type SettingsForm = z.input<typeof settingsFormSchema>;

export function musicBrainzUrl(settings: Pick<Settings, 'musicbrainz'>): string {
  return MUSICBRAINZ_SERVERS[settings.musicbrainz];
}

export function storeEnabled(settings: Settings, store: ProviderName): boolean {
  return (settings.stores as Partial<Record<ProviderName, boolean>>)[store] !== false;
}

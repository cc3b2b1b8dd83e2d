/**
 * Settings in `storage.local` under one key, and the API token apart from them in the
 * extension's IndexedDB (token.ts). Reads migrate (and write the upgrade back once), moving a
 * token that older versions kept in `storage.local` out of it; saves go through the strict form
 * schema so the options page can name a bad value. Only the background and Liner's own pages
 * use this: content scripts ask the background.
 */
import { browser } from 'wxt/browser';
import { migrateSettings } from './migrate.ts';
import {
  SETTINGS_VERSION,
  type Settings,
  type SettingsForm,
  settingsFormSchema,
  settingsSchema,
} from './schema.ts';
import type { TokenStore } from './token.ts';

export const SETTINGS_KEY = 'settings';

/** The settings as stored in `storage.local`: everything but the token. */
function withoutToken(settings: Settings): Settings {
  const { token: _, ...rest } = settings;
  return rest;
}

/** The token a version before 0.2 kept in `storage.local`, moved to the token store. */
async function moveOldToken(stored: unknown, tokens: TokenStore): Promise<boolean> {
  const old = (stored as { token?: unknown } | undefined)?.token;
  if (old === undefined) return false;
  const token = typeof old === 'string' ? old.trim() : '';
  // A token saved since wins over the old copy, which is dropped either way.
  if (token && !(await tokens.get())) await tokens.set(token);
  return true;
}

/** The settings without the token (what the background caches). */
async function loadStoredSettings(tokens: TokenStore): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const version = (stored as { version?: unknown } | undefined)?.version;
  // Settings of a newer version (a rollback) are never written over, so their token stays too.
  const newer = typeof version === 'number' && version > SETTINGS_VERSION;
  const moved = !newer && (await moveOldToken(stored, tokens));
  const { settings, changed } = migrateSettings(stored);
  if (changed || moved) await browser.storage.local.set({ [SETTINGS_KEY]: withoutToken(settings) });
  return withoutToken(settings);
}

/** `settings` with the stored token, if there is one. */
async function withStoredToken(settings: Settings, tokens: TokenStore): Promise<Settings> {
  const token = await tokens.get();
  return token ? { ...settings, token } : settings;
}

export async function loadSettings(tokens: TokenStore): Promise<Settings> {
  return withStoredToken(await loadStoredSettings(tokens), tokens);
}

/**
 * The background's settings: read (and migrated) once, then served from memory until the
 * stored settings change. Every message needs them, some several times.
 */
export function cachedSettings(tokens: TokenStore): () => Promise<Settings> {
  let current: Promise<Settings> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) current = undefined;
  });
  return async () => {
    current ??= loadStoredSettings(tokens).catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    // The token is read each time: the options page saves it where no change event tells.
    // After the settings: reading them may move an old token into place.
    return withStoredToken(await current, tokens);
  };
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

export async function saveSettings(form: SettingsForm, tokens: TokenStore): Promise<SaveResult> {
  const parsed = settingsFormSchema.safeParse(form);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const settings = settingsSchema.parse({ ...parsed.data, version: SETTINGS_VERSION });
  await tokens.set(settings.token);
  await browser.storage.local.set({ [SETTINGS_KEY]: withoutToken(settings) });
  return { ok: true, settings };
}

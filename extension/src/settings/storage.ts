/**
 * Settings in `storage.local` under one key. Reads migrate (and write the upgrade back once);
 * saves go through the strict form schema so the options page can name a bad value.
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

export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings, changed } = migrateSettings(stored);
  if (changed) await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return settings;
}

/**
 * The background's settings: read (and migrated) once, then served from memory until the
 * stored settings change. Every message needs them, some several times.
 */
export function cachedSettings(): () => Promise<Settings> {
  let current: Promise<Settings> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) current = undefined;
  });
  return () => {
    current ??= loadSettings().catch((error: unknown) => {
      current = undefined;
      throw error;
    });
    return current;
  };
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

export async function saveSettings(form: SettingsForm): Promise<SaveResult> {
  const parsed = settingsFormSchema.safeParse(form);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const settings = settingsSchema.parse({ ...parsed.data, version: SETTINGS_VERSION });
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return { ok: true, settings };
}

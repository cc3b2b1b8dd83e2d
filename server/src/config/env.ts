/**
 * Maps environment variables onto configuration paths. Three spellings work:
 * aliases for the common settings (LINER_PORT, DATABASE_URL), section shorthands
 * (LINER_HTTP_TIMEOUT, LINER_SPOTIFY_CLIENT_ID) and explicit nesting with "__"
 * (LINER_PROVIDERS__SPOTIFY__CLIENT_ID). Any of them with a _FILE suffix reads the value
 * from a file, for secrets mounted by systemd or Docker.
 */
import { PROVIDER_NAMES } from '@liner/shared';

export const ENV_PREFIX = 'LINER_';

/** Short names of common settings, the one table both the loader and the reference read. */
export const ENV_ALIASES: Readonly<Record<string, string>> = {
  LINER_PORT: 'server.port',
  LINER_HOST: 'server.host',
  LINER_PUBLIC_URL: 'server.publicUrl',
  LINER_API_TOKEN: 'server.apiToken',
  LINER_ALLOW_REMOTE: 'server.allowRemote',
  LINER_DATA_DIR: 'database.dataDir',
  DATABASE_URL: 'database.url',
  LINER_DATABASE_URL: 'database.url',
  LINER_LOG_LEVEL: 'log.level',
  LINER_LOG_FORMAT: 'log.format',
  LINER_REGIONS: 'lookup.regions',
  LINER_PROVIDERS: 'lookup.providers',
};

/** The aliases of a setting's path, in the table's order (DATABASE_URL before LINER_DATABASE_URL). */
export function aliasesOf(path: string): string[] {
  return Object.entries(ENV_ALIASES)
    .filter(([, target]) => target === path)
    .map(([name]) => name);
}

/**
 * Variables read elsewhere (the config file path) or by the test and benchmark tooling, never
 * settings: having them set must not stop the server.
 */
const NOT_SETTINGS = new Set(['LINER_CONFIG', 'LINER_CORPUS_DIR', 'LINER_CHROMIUM', 'LINER_BIN']);

const SECTIONS = ['server', 'database', 'cache', 'musicbrainz', 'http', 'lookup', 'merge', 'log'];

function camel(words: string[]): string {
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/** The configuration path an environment variable sets, or undefined when it is not Liner's. */
export function envPath(name: string): string | undefined {
  if (NOT_SETTINGS.has(name)) return undefined;
  const alias = ENV_ALIASES[name];
  if (alias) return alias;
  if (!name.startsWith(ENV_PREFIX)) return undefined;
  const rest = name.slice(ENV_PREFIX.length);
  if (rest.includes('__')) {
    return rest
      .split('__')
      .map((segment) => camel(segment.split('_')))
      .join('.');
  }
  const words = rest.split('_');
  const head = words[0]!.toLowerCase();
  // Sections first: LINER_MUSICBRAINZ_API_URL is the musicbrainz section, not the provider
  // (whose settings take the nested form LINER_PROVIDERS__MUSICBRAINZ__ENABLED).
  if (SECTIONS.includes(head) && words.length > 1) return `${head}.${camel(words.slice(1))}`;
  if ((PROVIDER_NAMES as readonly string[]).includes(head) && words.length > 1) {
    return `providers.${head}.${camel(words.slice(1))}`;
  }
  // Unknown LINER_ names are reported by the schema as unknown settings, so typos do not pass.
  return camel(words);
}

export interface EnvSetting {
  path: string;
  variable: string;
  /** Name of the file the value was read from (for *_FILE variables). */
  file?: string;
  value: string;
}

/**
 * The settings the environment gives, plain variables first and *_FILE variables after them, so
 * that a file wins over a plain variable for the same setting.
 */
export function settingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string,
): EnvSetting[] {
  const plain: EnvSetting[] = [];
  const fromFiles: EnvSetting[] = [];
  for (const [variable, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    if (variable.endsWith('_FILE')) {
      const path = envPath(variable.slice(0, -'_FILE'.length));
      if (!path) continue;
      let value: string;
      try {
        value = readFile(raw).replace(/\r?\n$/, '');
      } catch (error) {
        throw new Error(`cannot read ${variable} file "${raw}": ${(error as Error).message}`);
      }
      fromFiles.push({ path, variable, file: raw, value });
      continue;
    }
    const path = envPath(variable);
    if (path) plain.push({ path, variable, value: raw });
  }
  return [...plain, ...fromFiles];
}

/**
 * The configuration reference (docs/configuration.md), generated from the schema so it cannot
 * drift: every setting with its type, default, environment variables and description.
 */

import { z } from 'zod';
import { SECRET_KEYS } from '../log.ts';
import { aliasesOf, ENV_PREFIX } from './env.ts';
import { isSecretPath, redactConfig } from './load.ts';
import { type Config, configSchema } from './schema.ts';
import { formatDuration } from './values.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
}

const snake = (key: string) => key.replace(/([A-Z])/g, '_$1').toUpperCase();

function envNames(path: string): string[] {
  const parts = path.split('.');
  const nested = `${ENV_PREFIX}${parts.map(snake).join('__')}`;
  const short =
    parts[0] === 'providers'
      ? `${ENV_PREFIX}${parts.slice(1).map(snake).join('_')}`
      : `${ENV_PREFIX}${parts.map(snake).join('_')}`;
  return [...new Set([...aliasesOf(path), short, nested])];
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.type === 'array') return `list of ${typeOf(schema.items ?? {})}`;
  if (Array.isArray(schema.type)) return 'duration';
  if (schema.type === 'object') return 'map';
  const range = schema.minimum !== undefined ? ` (${schema.minimum}–${schema.maximum})` : '';
  return `${schema.type ?? 'value'}${range}`;
}

function at(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

const inputSchema = () =>
  z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

let durations: readonly string[] | undefined;

/** Paths of the duration settings ("server.shutdownTimeout", "providers.deezer.ttl"). */
export function durationPaths(): readonly string[] {
  // The schema does not change while the process runs: it is walked once.
  if (durations) return durations;
  const paths: string[] = [];
  const walk = (schema: JsonSchema, path: string) => {
    if (Array.isArray(schema.type)) paths.push(path);
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      walk(child, path ? `${path}.${key}` : key);
  };
  walk(inputSchema(), '');
  durations = paths;
  return paths;
}

/**
 * The configuration as `liner config` prints it: secrets redacted, durations with their unit, so
 * the output pasted into liner.yaml means what it says (a bare number there is seconds).
 */
export function printableConfig(config: Config): unknown {
  const tree = redactConfig(config) as Record<string, unknown>;
  for (const path of durationPaths()) {
    const dot = path.lastIndexOf('.');
    const holder = (dot < 0 ? tree : at(tree, path.slice(0, dot))) as
      | Record<string, unknown>
      | undefined;
    const last = path.slice(dot + 1);
    if (holder && typeof holder[last] === 'number')
      holder[last] = formatDuration(holder[last] as number);
  }
  return tree;
}

export function configReference(): string {
  const json = inputSchema();
  const defaults = configSchema.parse({});
  const rows: string[] = [];
  const walk = (schema: JsonSchema, path: string) => {
    if (schema.type === 'object' && schema.properties && path.split('.').length < 3) {
      for (const [key, child] of Object.entries(schema.properties))
        walk(child, path ? `${path}.${key}` : key);
      return;
    }
    const fallback = at(defaults, path);
    const value = schema.default ?? fallback;
    const shown =
      value === undefined ||
      (typeof value === 'object' && Object.keys(value as object).length === 0)
        ? ''
        : `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
    const secret = isSecretPath(path) ? ' **Secret**: use the `_FILE` variant.' : '';
    const env =
      path.startsWith('providers.') && path.split('.').length === 3 && path.endsWith('.endpoints')
        ? envNames(path).slice(-1)
        : envNames(path);
    rows.push(
      `| \`${path}\` | ${typeOf(schema)} | ${shown} | ${env.map((e) => `\`${e}\``).join('<br>')} | ${(schema.description ?? '').replace(/\|/g, '\\|')}${secret} |`,
    );
  };
  walk(json, '');
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from server/src/config/schema.ts by `npm run docs:config`; do not edit by hand. -->',
    '',
    'Settings are read in this order, later ones winning: defaults, the YAML file (`liner.yaml`, `--config` or',
    '`LINER_CONFIG`), environment variables, `*_FILE` variables (the value is read from the named file), and',
    'command-line flags. Durations take `ms`, `s`, `m`, `h` or `d` (`90s`, `24h`; a bare number is seconds); lists',
    'from the environment are comma-separated, maps YAML or JSON (`{laptop: <token>}`) or `name=value` pairs. A provider block `providers.<name>` exists for each provider; the table shows its settings',
    `once with \`<name>\` standing for ${Object.keys(json.properties?.providers?.properties ?? {})
      .map((p) => `\`${p}\``)
      .join(', ')}.`,
    'For the `musicbrainz` provider use the nested form (`LINER_PROVIDERS__MUSICBRAINZ__ENABLED`): `LINER_MUSICBRAINZ_*`',
    'belongs to the `musicbrainz` section.',
    `Secrets (${SECRET_KEYS.map((k) => `\`${k}\``).join(', ')}) never appear in logs or error messages.`,
    '',
    '| Setting | Type | Default | Environment | Description |',
    '|---|---|---|---|---|',
    ...dedupeProviders(rows),
    '',
  ].join('\n');
}

/** One row per provider setting, with <name> for the provider. */
function dedupeProviders(rows: string[]): string[] {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    const match = /^\| `providers\.([a-z]+)\.([A-Za-z]+)`/.exec(row);
    if (!match) return [row];
    const key = match[2]!;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      row
        .replaceAll(`providers.${match[1]}.`, 'providers.<name>.')
        .replaceAll(`_${match[1]!.toUpperCase()}_`, '_<NAME>_')
        .replaceAll(`__${match[1]!.toUpperCase()}__`, '__<NAME>__')
        .replace(`LINER_${match[1]!.toUpperCase()}_`, 'LINER_<NAME>_'),
    ];
  });
}

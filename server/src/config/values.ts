/**
 * zod building blocks for settings that arrive as YAML values or as environment strings, so that
 * "LINER_PORT=8080" and "port: 8080" validate the same way and fail with the same words.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "90s", "15m", "24h", "7d", "250ms" or a bare number of seconds into milliseconds. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 's']!);
}

/** Largest unit first: the one formatDuration writes a duration in. */
const UNITS_DOWN = Object.entries(UNITS).sort(([, a], [, b]) => b - a);

/** The inverse of parseDuration: 10000 -> "10s", 90000 -> "90s", 86400000 -> "1d", 250 -> "250ms". */
export function formatDuration(ms: number): string {
  for (const [unit, size] of UNITS_DOWN)
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** A duration setting, stored as milliseconds. */
export const duration = () =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a duration such as 90s, 15m, 24h or 7d' });
      return z.NEVER;
    }
    return ms;
  });

export const integer = (min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z
      .number({ error: `a whole number from ${min} to ${max}` })
      .int({ error: `a whole number from ${min} to ${max}` })
      .min(min, { error: `a whole number from ${min} to ${max}` })
      .max(max, { error: `a whole number from ${min} to ${max}` }),
  );

export const boolean = () =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const text = value.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(text)) return true;
      if (['false', '0', 'no', 'off', ''].includes(text)) return false;
      return value;
    },
    z.boolean({ error: 'true or false' }),
  );

/** A list; from the environment a comma-separated string. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : value,
    z.array(item),
  );

export const httpUrl = () =>
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), {
      error: 'an http:// or https:// URL',
    })
    .transform((value) => value.replace(/\/+$/, ''));

export const region = () =>
  z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(
      z.string().regex(/^[A-Z]{2}$/, { error: 'an ISO 3166-1 alpha-2 country code such as GB' }),
    );

/**
 * A mapping given as one environment string: YAML or JSON ("laptop: tok1, phone: tok2" needs
 * braces in YAML, so "{laptop: tok1, phone: tok2}"), or "name=value,name=value". Anything else
 * stays a string, for the schema to refuse with its own words.
 */
export function mappingFromText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  try {
    const parsed = parseYaml(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {}
  const pairs = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (pairs.length > 0 && pairs.every((pair) => /^[^=\s]+=\S/.test(pair))) {
    return Object.fromEntries(
      pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
  }
  return value;
}

/** A mapping setting (name: value) that the environment can give too (mappingFromText). */
export const mapping = <K extends z.ZodType<string>, V extends z.ZodType>(key: K, item: V) =>
  z.preprocess(mappingFromText, z.record(key, item));

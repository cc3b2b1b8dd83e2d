/**
 * Structured logging. JSON lines for machines, pretty lines in a terminal; secrets are redacted
 * by key down to four levels into a line (deeper than any object Liner logs), and URLs in errors
 * lose their credentials, so a token passed into a log call by mistake never lands on disk.
 */
import pino, { type Logger } from 'pino';
import { currentRequest } from './util/request-context.ts';

export type { Logger } from 'pino';

/**
 * Dotted paths of settings whose values never appear in logs or error messages. Kept here, with
 * the redaction that reads them, so the logger depends on no configuration code.
 */
export const SECRET_KEYS = [
  'server.apiToken',
  'server.apiTokens',
  'database.url',
  'providers.*.clientSecret',
  'providers.*.token',
];

/**
 * Names that hold a credential wherever they appear: the last part of each secret setting (but
 * "url", secret only as database.url, which is listed whole), the HTTP headers that carry
 * credentials in the spellings they are logged in, and OAuth's field names.
 */
const SECRET_NAMES = [
  ...new Set([
    ...SECRET_KEYS.map((key) => key.slice(key.lastIndexOf('.') + 1)).filter((k) => k !== 'url'),
    'password',
    'secret',
    'client_secret',
    'access_token',
    'refresh_token',
    'id_token',
    'authorization',
    'Authorization',
    'proxy-authorization',
    'Proxy-Authorization',
    'cookie',
    'Cookie',
    'set-cookie',
    'Set-Cookie',
    'x-api-key',
  ]),
];

const segment = (name: string) => (/^\w+$/.test(name) ? `.${name}` : `["${name}"]`);

/**
 * pino redacts only the paths it is given, so every name is listed at the depths it is logged at:
 * a field of the line, of an object on it (`headers`, `config`), or deeper (`req.headers`,
 * `config.providers.<name>`); the secret settings as whole paths from a config object logged at
 * the top of the line or under a key (`{ config }`).
 */
export const REDACT_PATHS = [
  ...new Set([
    ...SECRET_NAMES.flatMap((name) =>
      ['', '*', '*.*', '*.*.*'].map((prefix) => `${prefix}${segment(name)}`.replace(/^\./, '')),
    ),
    ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ]),
];

export interface LogOptions {
  level?: string;
  format?: 'auto' | 'json' | 'pretty';
  /** Where lines go; default stdout. Tests pass a stream to read them back. */
  destination?: NodeJS.WritableStream;
}

/** Removes credentials from URLs before they are logged (query tokens, user:password@). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = 'redacted';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/token|secret|key|password|signature/i.test(key))
        parsed.searchParams.set(key, 'redacted');
    }
    return parsed.href;
  } catch {
    return url;
  }
}

const URL_IN_TEXT = /\b[a-z][a-z\d+.-]*:\/\/[^\s"'<>]+/gi;

/** Every URL in a text replaced by `change(url)`, the rest of the text left as it is. */
export function replaceUrlsIn(text: string, change: (url: string) => string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    // Punctuation after a URL in a sentence ("(... https://x/?token=t).") is not part of it.
    const url = match.replace(/[).,;:!?]+$/, '');
    return change(url) + match.slice(url.length);
  });
}

/** Every URL in a text passed through redactUrl (an error message naming the URL it failed on). */
export function redactUrlsIn(text: string): string {
  return replaceUrlsIn(text, redactUrl);
}

function scrubUrls(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactUrlsIn(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubUrls(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubUrls(item, seen);
  return copy;
}

/**
 * Errors as pino writes them (message, stack, causes, own fields such as an UpstreamError's `url`),
 * with every URL in them redacted: errors keep the raw URL for the user, logs must not.
 */
export function serializeError(error: unknown): unknown {
  return scrubUrls(pino.stdSerializers.err(error as Error), new WeakSet());
}

export function createLogger(options: LogOptions = {}): Logger {
  const destination = options.destination ?? process.stdout;
  const pretty =
    options.format === 'pretty' ||
    (options.format !== 'json' && destination === process.stdout && process.stdout.isTTY === true);
  const base = {
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    base: { service: 'liner' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while a request is handled names it.
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
  };
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(base, destination as pino.DestinationStream);
}

/** A logger that drops everything, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

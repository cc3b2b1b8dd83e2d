/**
 * Structured logging. JSON lines for machines, pretty lines in a terminal; secrets are redacted
 * by key wherever they appear, so a token passed into a log call by mistake never lands on disk.
 */
import pino, { type Logger } from 'pino';
import { currentRequest } from './observability/context.ts';

export type { Logger } from 'pino';

export const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'token',
  '*.token',
  'apiToken',
  '*.apiToken',
  'apiTokens',
  '*.apiTokens',
  'clientSecret',
  '*.clientSecret',
  '*.*.clientSecret',
  'password',
  '*.password',
  'access_token',
  '*.access_token',
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

export function createLogger(options: LogOptions = {}): Logger {
  const destination = options.destination ?? process.stdout;
  const pretty =
    options.format === 'pretty' ||
    (options.format !== 'json' && destination === process.stdout && process.stdout.isTTY === true);
  const base = {
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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

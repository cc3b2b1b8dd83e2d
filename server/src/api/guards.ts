/**
 * Access control for the API: bearer tokens (when configured), CORS only for the extension's
 * origins, refusal of other websites' requests (a page on the web must not drive a server on
 * loopback), and a per-client request rate with a clear 429.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import { MAX_BATCH_CALLS } from './calls.ts';
import { hostGuard } from './host-guard.ts';
import { type Guard, refuse } from './route.ts';

/**
 * Harmony's doors (pages/harmony-routes.ts): they start look-ups, so a token server asks for its
 * token there; a browser that follows a link can only send it as Basic credentials (any user
 * name, the token as password), which the browser asks for once.
 */
export const HARMONY_ENTRY = /^\/release(\/actions)?\/?$/;

/** Paths that stay open without a token: probes, metrics and the pages MusicBrainz redirects to. */
const OPEN = /^\/(health|ready|metrics)$|^\/release\/(?!actions\/?$)/;

function tokenTable(config: Config): Map<string, string> {
  const tokens = new Map<string, string>(
    Object.entries(config.server.apiTokens).map(([name, token]) => [token, name]),
  );
  if (config.server.apiToken) tokens.set(config.server.apiToken, 'default');
  return tokens;
}

function matchToken(tokens: Map<string, string>, given: string): string | undefined {
  const candidate = Buffer.from(given);
  for (const [token, name] of tokens) {
    const expected = Buffer.from(token);
    if (expected.length === candidate.length && timingSafeEqual(expected, candidate)) return name;
  }
  return undefined;
}

export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (pattern === origin) return true;
    if (!pattern.endsWith('*')) return false;
    return (
      origin.startsWith(pattern.slice(0, -1)) && !origin.slice(pattern.length - 1).includes('/')
    );
  });
}

export function corsGuard(config: Config): Guard {
  return (req, reply, ctx) => {
    if (!ctx.url.pathname.startsWith('/trpc/')) return true;
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && originAllowed(origin, config.server.corsOrigins)) {
      void reply.headers({
        'access-control-allow-origin': origin,
        vary: 'Origin',
        'access-control-allow-headers': 'authorization, content-type, trpc-accept, x-request-id',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-max-age': '600',
      });
      if (req.method === 'OPTIONS') {
        void reply.code(204).send();
        return false;
      }
      return true;
    }
    // Web pages are refused: their POSTs carry a foreign Origin, and the GETs they can make
    // without CORS (images, links) are cross-site no-cors or navigation requests.
    const mode = req.headers['sec-fetch-mode'];
    const smuggled =
      req.headers['sec-fetch-site'] === 'cross-site' && (mode === 'no-cors' || mode === 'navigate');
    if (origin || smuggled)
      return refuse(reply, 403, {
        error: `requests from ${origin ?? 'another site'} are not allowed`,
      });
    return true;
  };
}

/** The token of Basic credentials (`user:token`), for the Harmony doors only. */
function basicToken(header: string): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

function harmonyAuth(tokens: Map<string, string>, header: string) {
  const given = basicToken(header) ?? /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return given ? matchToken(tokens, given) : undefined;
}

export function authGuard(config: Config): Guard {
  const tokens = tokenTable(config);
  return (req, reply, ctx) => {
    if (tokens.size === 0 || OPEN.test(ctx.url.pathname) || req.method === 'OPTIONS') return true;
    const header = req.headers.authorization ?? '';
    if (HARMONY_ENTRY.test(ctx.url.pathname)) {
      const name = harmonyAuth(tokens, header);
      if (name) {
        ctx.client = name;
        return true;
      }
      const error = 'this server needs its API token: give it as the password (any user name)';
      return refuse(reply, 401, { error }, { 'www-authenticate': 'Basic realm="liner"' });
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const name = match ? matchToken(tokens, match[1]!) : undefined;
    if (!name) {
      const error = match
        ? 'the API token is not valid'
        : 'this server needs an API token (Authorization: Bearer <token>)';
      return refuse(reply, 401, { error }, { 'www-authenticate': 'Bearer realm="liner"' });
    }
    ctx.client = name;
    return true;
  };
}

/**
 * A token bucket per client (token name, or address when no tokens are configured). Each call of a
 * tRPC batch takes a token of its own, so batching does not multiply the rate.
 */
export function rateLimitGuard(config: Config, now: () => number = Date.now): Guard {
  const perMinute = config.server.clientRequestsPerMinute;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (req, reply, ctx) => {
    // The pages count too: they read MusicBrainz (edit seeds, follow-ups) like the API does.
    if (!/^\/(trpc\/|release(\/|$))/.test(ctx.url.pathname)) return true;
    const calls = ctx.calls?.length ?? 1;
    // A batch over the cap is refused before any of its calls runs: it costs one request.
    const cost = calls > MAX_BATCH_CALLS ? 1 : calls;
    const key =
      ctx.client !== 'anonymous' ? `token:${ctx.client}` : `ip:${req.socket.remoteAddress ?? '?'}`;
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((t - bucket.at) / 60_000) * perMinute);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < cost) {
      const limit = `too many requests: at most ${perMinute} per minute`;
      if (cost > perMinute)
        return refuse(reply, 429, {
          error: `${limit}, fewer than the ${cost} calls in this batch: send them in smaller batches`,
        });
      const retry = Math.ceil(((cost - bucket.tokens) / perMinute) * 60);
      const error =
        cost === 1
          ? `${limit}; retry in ${retry} s`
          : `${limit} (each call of a batch counts), and this batch of ${cost} calls finds ${Math.floor(bucket.tokens)} left; retry in ${retry} s`;
      return refuse(reply, 429, { error }, { 'retry-after': String(retry) });
    }
    bucket.tokens -= cost;
    if (buckets.size > 10_000)
      for (const [k, b] of buckets) if (t - b.at > 60_000) buckets.delete(k);
    return true;
  };
}

/**
 * Harmony's doors start look-ups: a link followed (a top-level navigation) may open them from any
 * site, as Harmony's do; another site's image, frame or script request may not.
 */
export const entryGuard: Guard = (req, reply, ctx) => {
  if (!HARMONY_ENTRY.test(ctx.url.pathname)) return true;
  const site = req.headers['sec-fetch-site'];
  const embedded =
    req.headers['sec-fetch-mode'] !== 'navigate' || req.headers['sec-fetch-dest'] !== 'document';
  if (site && site !== 'same-origin' && site !== 'none' && embedded)
    return refuse(reply, 403, {
      error: 'another site may link to this page, not embed or fetch it',
    });
  return true;
};

export function defaultGuards(config: Config): Guard[] {
  return [
    hostGuard(config),
    corsGuard(config),
    entryGuard,
    authGuard(config),
    rateLimitGuard(config),
  ];
}

/**
 * The allow-list layer: a provider fetches only from its declared hosts, and redirects are
 * followed one hop at a time so that every target passes the same check before it is asked
 * (with automatic redirects the foreign host would already have had the request).
 */
import { hostMatches } from '@liner/shared';
import { BadBodyError, HostNotAllowedError } from './errors.ts';
import type { HttpRequest } from './types.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export type AllowedHosts = ReadonlyMap<string, readonly string[]>;

/** The URL parsed, or HostNotAllowedError when it is not http(s) on one of the provider's hosts. */
export function checkAllowed(allowedHosts: AllowedHosts, provider: string, url: string): URL {
  const allowed = allowedHosts.get(provider) ?? [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HostNotAllowedError(provider, url, allowed);
  }
  const ok =
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    allowed.some((pattern) =>
      pattern.includes(':') ? pattern === parsed.host : hostMatches(pattern, parsed.hostname),
    );
  if (!ok) throw new HostNotAllowedError(provider, url, allowed);
  return parsed;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())),
  );
}

/** Where a redirect leads, refused when it is malformed, leaves https, or leaves the allow-list. */
function redirectTarget(
  allowedHosts: AllowedHosts,
  request: HttpRequest,
  from: string,
  location: string,
): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new BadBodyError(request.provider, request.url, `a redirect to "${location}"`);
  }
  if (new URL(from).protocol === 'https:' && next.protocol !== 'https:')
    throw new BadBodyError(
      request.provider,
      request.url,
      `a redirect from https to ${next.protocol.slice(0, -1)}`,
    );
  checkAllowed(allowedHosts, request.provider, next.href);
  return next;
}

export interface Hop {
  fetch: typeof globalThis.fetch;
  allowedHosts: AllowedHosts;
  userAgent: string;
}

/** Sends `request`, following allowed redirects; the final response is returned unread. */
export async function fetchFollowing(
  hop: Hop,
  request: HttpRequest,
  signal: AbortSignal,
): Promise<Response> {
  let url = request.url;
  let method = request.method ?? 'GET';
  let body = request.body;
  let headers: Record<string, string> = { 'user-agent': hop.userAgent, ...request.headers };
  for (let count = 0; ; count++) {
    const response = await hop.fetch(url, { method, headers, body, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || !location) return response;
    await response.body?.cancel();
    if (count >= MAX_REDIRECTS)
      throw new BadBodyError(request.provider, request.url, `more than ${MAX_REDIRECTS} redirects`);
    const next = redirectTarget(hop.allowedHosts, request, url, location);
    // As browsers do: credentials go to the origin they were meant for, not where it points.
    if (next.origin !== new URL(url).origin) headers = withoutCredentials(headers);
    url = next.href;
    const { status } = response;
    if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

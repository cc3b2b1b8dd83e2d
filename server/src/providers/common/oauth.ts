/**
 * OAuth 2 client-credentials tokens, for stores whose catalogue API wants an app token (Spotify,
 * Tidal). One token per provider client: fetched when first needed, shared by concurrent
 * look-ups, reused until shortly before it expires, and fetched again once when the API refuses
 * it. The exchange is made with `secret: true`, so it is never stored, recorded or logged with
 * its body, and under replay it is answered with a placeholder token.
 */
import { z } from 'zod';
import type { HttpClient } from '../../http/client.ts';
import { UpstreamError } from '../../http/errors.ts';
import type { ProviderContext } from '../types.ts';
import { getJson, validate } from './fetch.ts';

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
});

/** Renewed this long before the stated expiry (at most a tenth of its life), never mid-look-up. */
const EXPIRY_MARGIN_MS = 60_000;

export interface ClientCredentialsOptions {
  http: HttpClient;
  provider: string;
  displayName: string;
  tokenUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  now: () => Date;
  /** Where the token is kept; one per provider, so clients made per look-up share it. */
  state?: TokenState;
}

/** The cached token and the request fetching one, shared by every client of the provider. */
export interface TokenState {
  cached?: { token: string; renewAt: number } | undefined;
  pending?: Promise<string> | undefined;
}

export interface TokenSource {
  /** A valid access token, fetched only when none is cached or the cached one is expiring. */
  token(): Promise<string>;
  /**
   * Runs an API call with a token. When the API answers 401 (a token revoked or expired early)
   * the token is dropped and the call is made once more with a fresh one.
   */
  authorized<T>(call: (token: string) => Promise<T>): Promise<T>;
  /** GETs JSON with the token as a Bearer credential (renewed once on 401) and validates it. */
  getJson<T extends z.ZodType>(
    url: string,
    schema: T,
    headers?: Record<string, string>,
  ): Promise<z.output<T>>;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof UpstreamError && error.status === 401;
}

export function clientCredentials(options: ClientCredentialsOptions): TokenSource {
  const { http, provider, displayName, tokenUrl } = options;
  const state: TokenState = options.state ?? {};

  async function fetchToken(): Promise<string> {
    if (!http.replaying && !(options.clientId && options.clientSecret)) {
      throw new UpstreamError(
        'credentials',
        provider,
        tokenUrl,
        `${displayName} needs providers.${provider}.clientId and providers.${provider}.clientSecret`,
      );
    }
    const basic = Buffer.from(`${options.clientId ?? ''}:${options.clientSecret ?? ''}`).toString(
      'base64',
    );
    let data: unknown;
    try {
      const response = await http.request({
        provider,
        url: tokenUrl,
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
        expect: 'json',
        secret: true,
      });
      data = response.data;
    } catch (error) {
      const status = error instanceof UpstreamError ? error.status : undefined;
      if (status === 400 || status === 401 || status === 403) {
        throw new UpstreamError(
          'credentials',
          provider,
          tokenUrl,
          `${displayName} refused the client credentials (HTTP ${status})`,
          status,
          { cause: error },
        );
      }
      throw error;
    }
    const token = validate(tokenResponse, data, provider, tokenUrl);
    const lifetimeMs = token.expires_in * 1000;
    state.cached = {
      token: token.access_token,
      renewAt: options.now().getTime() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 10),
    };
    return token.access_token;
  }

  async function token(): Promise<string> {
    if (state.cached && options.now().getTime() < state.cached.renewAt) return state.cached.token;
    state.pending ??= fetchToken().finally(() => {
      state.pending = undefined;
    });
    return state.pending;
  }

  async function authorized<T>(call: (token: string) => Promise<T>): Promise<T> {
    const first = await token();
    try {
      return await call(first);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      // Only the token that failed is dropped: a concurrent call may already have renewed it.
      if (state.cached?.token === first) state.cached = undefined;
      return call(await token());
    }
  }

  return {
    token,
    authorized,
    getJson: (url, schema, headers = {}) =>
      authorized(async (bearer) => {
        const init = { headers: { ...headers, authorization: `Bearer ${bearer}` } };
        return (await getJson(http, provider, url, schema, init)).data;
      }),
  };
}

/** The app token of a provider whose token endpoint is `<auth endpoint>/token`. */
export function appToken(ctx: ProviderContext, provider: string, displayName: string): TokenSource {
  const session = ctx.session ?? new Map<string, unknown>();
  if (!session.has('app-token')) session.set('app-token', {});
  return clientCredentials({
    state: session.get('app-token') as TokenState,
    http: ctx.http,
    provider,
    displayName,
    tokenUrl: `${ctx.endpoints.auth!}/token`,
    clientId: ctx.settings.clientId,
    clientSecret: ctx.settings.clientSecret,
    now: ctx.now,
  });
}

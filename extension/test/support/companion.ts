/**
 * A stand-in companion server for unit tests: tRPC's own fetch adapter serving the procedures
 * the extension calls, so requests and answers cross the real wire format. Each procedure's
 * answer is set by the test; calls are counted, and the whole server can be made unreachable,
 * slow, or answer like the server's guards (401, 403, 429). An answer that throws an
 * UpstreamFailure goes out as the server sends an upstream's failure (`data.upstream`).
 */

import { checkUrlsInputSchema, lookupInputSchema, type UrlCheck } from '@liner/shared/api';
import { discographyInputSchema, discographyProgressInputSchema } from '@liner/shared/contracts';
import type { LookupResult } from '@liner/shared/lookup';
import type { Seed } from '@liner/shared/seed/types';
import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { z } from 'zod';

/** An upstream's failure, as the server names it in an error's `data.upstream`. */
export class UpstreamFailure extends TRPCError {
  constructor(
    code: 'BAD_GATEWAY' | 'NOT_FOUND',
    message: string,
    readonly upstream: { provider: string; kind: string; status?: number },
  ) {
    super({ code, message });
  }
}

export interface CompanionAnswers {
  checkUrls(urls: string[]): UrlCheck[];
  lookup(input: {
    urls?: string[];
    gtin?: string;
    regions?: string[];
    prefer?: string;
    refresh?: boolean;
  }): LookupResult;
  seed(input: { id: string; existing?: string }): Seed & { problems: unknown[] };
  compare(input: { mbid: string; refresh: boolean }): unknown;
  discography(input: { url: string; refresh: boolean; progressId?: string }): unknown;
  progress(input: { progressId: string }): unknown;
}

export type Mode =
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'slow'; ms: number }
  | { kind: 'refuse'; status: number; error: string; retryAfter?: number };

export function fakeCompanion(answers: Partial<CompanionAnswers> = {}) {
  const calls: { path: string; input: unknown; headers: Headers }[] = [];
  let mode: Mode = { kind: 'up' };
  let headers = new Headers();
  const t = initTRPC.create({
    errorFormatter: ({ shape, error }) => ({
      ...shape,
      data: {
        ...shape.data,
        ...(error instanceof UpstreamFailure ? { upstream: error.upstream } : {}),
      },
    }),
  });
  /**
   * Refuses what the real server refuses (its own input schemas), but hands on and records the
   * input as sent, so tests see exactly what the extension asked.
   */
  const asServer =
    <S extends z.ZodType>(schema: S) =>
    (raw: unknown): z.input<S> => {
      schema.parse(raw);
      return raw as z.input<S>;
    };
  const record =
    (path: string) =>
    <T>(input: T): T => {
      calls.push({ path, input, headers });
      return input;
    };
  const router = t.router({
    musicbrainz: t.router({
      checkUrls: t.procedure
        .input(asServer(checkUrlsInputSchema))
        .query(({ input }) => answers.checkUrls!(record('musicbrainz.checkUrls')(input).urls)),
      compare: t.procedure
        .input(z.object({ mbid: z.string(), refresh: z.boolean().default(false) }))
        .query(({ input }) => answers.compare!(record('musicbrainz.compare')(input))),
    }),
    lookup: t.router({
      release: t.procedure
        .input(asServer(lookupInputSchema))
        .mutation(({ input }) => answers.lookup!(record('lookup.release')(input) as never)),
      queue: t.procedure.query(() => {
        record('lookup.queue')(undefined);
        return {
          lookupsRunning: 2,
          deadlineMs: 30_000,
          musicbrainz: { queuedUrls: 36, untilFreeMs: 400, etaMs: 1500 },
        };
      }),
    }),
    seeds: t.router({
      build: t.procedure
        .input(z.object({ id: z.string(), existing: z.string().optional() }))
        .query(({ input }) => answers.seed!(record('seeds.build')(input) as never)),
    }),
    discography: t.router({
      artist: t.procedure
        .input(asServer(discographyInputSchema))
        .query(({ input }) => answers.discography!(record('discography.artist')(input) as never)),
      progress: t.procedure
        .input(asServer(discographyProgressInputSchema))
        .query(({ input }) => answers.progress!(record('discography.progress')(input))),
    }),
    system: t.router({
      info: t.procedure.query(() => {
        record('system.info')(undefined);
        return {
          name: 'liner',
          version: '9.9.9',
          database: 'pglite',
          musicbrainz: 'https://musicbrainz.org',
          client: 'anonymous',
        };
      }),
    }),
  });

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    headers = request.headers;
    if (mode.kind === 'down') throw new TypeError('fetch failed');
    if (mode.kind === 'refuse') {
      const extra: Record<string, string> = mode.retryAfter
        ? { 'retry-after': String(mode.retryAfter) }
        : {};
      return new Response(JSON.stringify({ error: mode.error }), {
        status: mode.status,
        headers: { 'content-type': 'application/json', ...extra },
      });
    }
    if (mode.kind === 'slow') {
      const { ms } = mode;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        request.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(request.signal.reason);
        });
      });
    }
    return fetchRequestHandler({
      endpoint: '/trpc',
      req: request,
      router,
      createContext: () => ({}),
    });
  };

  return {
    fetch,
    calls,
    count: (path: string) => calls.filter((c) => c.path === path).length,
    set(next: Mode) {
      mode = next;
    },
  };
}

/**
 * Harmony's doors into a Liner server: `/release?<Harmony's look-up state>` runs (or finds) the
 * look-up and sends the browser to its permalink page, `/release/actions?release_mbid=…` to the
 * follow-up actions of that release. Tools that link to a Harmony instance then work with Liner
 * by a change of host. What each parameter becomes: docs/harmony.md.
 */
import { isMbid, type LookupInput, type LookupResult, type ProviderName } from '@liner/shared';
import { ZodError } from 'zod';
import { requestBase } from '../api/host-guard.ts';
import type { RouteContext, RouteHandler } from '../api/route.ts';
import type { App } from '../app.ts';
import { PROVIDERS } from '../providers/registry.ts';
import { isInputError } from '../services/errors.ts';
import { errorPage } from './error-page.tsx';
import { barcodeProviders, HarmonyParamError, parseHarmonyParams } from './harmony-params.ts';
import { send } from './routes.ts';

/** A wrong parameter, said on a page: the tools that link here open it in a browser. */
class EntryProblem extends Error {}

function lookupInput(app: App, params: URLSearchParams) {
  const parsed = parseHarmonyParams(params);
  const all = [...app.providers.clients]
    .filter(([, client]) => client.lookupByGtin)
    .map(([name]) => name);
  const defaults =
    app.config.lookup.providers ??
    [...PROVIDERS.values()].filter((d) => d.barcode?.byDefault).map((d) => d.name);
  const providers = barcodeProviders(parsed, all, defaults as ProviderName[]);
  const input: LookupInput = { ...parsed.input, ...(providers ? { providers } : {}) };
  return { input, at: parsed.at, empty: !input.urls?.length && !input.gtin };
}

/**
 * The look-up the parameters ask for: stored at `ts` (its ID; the result is read only where it
 * is needed), else looked up now (its result at hand).
 */
async function lookupOf(
  ctx: RouteContext,
  input: LookupInput,
  at: Date | undefined,
): Promise<{ id: string; result?: LookupResult | undefined }> {
  const { lookup } = ctx.app.services;
  const stored = at ? await lookup.madeBy(input, at) : undefined;
  if (stored !== undefined) return { id: stored };
  // The browser is sent to the permalink's page next: it must be written before.
  const result = await lookup.lookup(input, { arrivedAt: ctx.arrivedAt, written: true });
  return { id: result.id, result };
}

async function releaseEntry(ctx: RouteContext): Promise<string> {
  const { input, at, empty } = lookupInput(ctx.app, ctx.url.searchParams);
  if (empty)
    throw new EntryProblem(
      'Give a store URL (url=…), a release ID at a store (deezer=…) or a barcode (gtin=…) to look up.',
    );
  return `/release/${(await lookupOf(ctx, input, at)).id}`;
}

/**
 * The follow-ups of a release MusicBrainz now has: of the look-up the parameters describe, or,
 * with only `release_mbid` (as Harmony), of the release's own store links and barcode.
 */
async function actionsEntry(ctx: RouteContext, base: string | undefined): Promise<string> {
  const params = new URLSearchParams(ctx.url.searchParams);
  const mbid = params.get('release_mbid')?.trim().toLowerCase() ?? '';
  if (!isMbid(mbid))
    throw new EntryProblem('release_mbid must be a MusicBrainz release ID (a UUID).');
  params.delete('release_mbid');
  const { input, at, empty } = lookupInput(ctx.app, params);
  let found: { id: string; result?: LookupResult | undefined };
  if (empty) {
    const comparison = await ctx.app.services.compare.compare(mbid, {
      base,
      arrivedAt: ctx.arrivedAt,
    });
    if (!comparison.lookup)
      throw new EntryProblem(
        comparison.messages[0]?.text ?? 'This release has nothing to look up at the stores.',
      );
    found = { id: comparison.lookup.id, result: comparison.lookup };
  } else found = await lookupOf(ctx, input, at);
  const result = found.result ?? (await ctx.app.services.lookup.get(found.id));
  // Without a merged release there are no follow-ups: the look-up page says why.
  if (!result?.release) return `/release/${found.id}`;
  return `/release/${found.id}/imported?release_mbid=${mbid}`;
}

function problemOf(error: unknown): string | undefined {
  if (error instanceof EntryProblem || error instanceof HarmonyParamError || isInputError(error))
    return error.message;
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('; ');
  return undefined;
}

export const harmonyRoutes: RouteHandler = async (req, res, ctx) => {
  const path = ctx.url.pathname.replace(/\/$/, '');
  if (req.method !== 'GET' || (path !== '/release' && path !== '/release/actions')) return false;
  const editorUrl = ctx.app.config.musicbrainz.editorUrl;
  try {
    const base = requestBase(req.headers.host);
    const target = path === '/release' ? await releaseEntry(ctx) : await actionsEntry(ctx, base);
    res.writeHead(303, { location: target, 'cache-control': 'no-store' }).end();
  } catch (error) {
    const problem = problemOf(error);
    if (problem === undefined) throw error;
    send(res, 400, errorPage('Bad request', problem), editorUrl);
  }
  return true;
};

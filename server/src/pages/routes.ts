/**
 * Liner's own pages, for users without the extension and for MusicBrainz's redirect after an
 * import. Pages are open (MusicBrainz redirects a plain browser here); they only read stored
 * look-ups, and run no scripts.
 */

import type { ServerResponse } from 'node:http';
import { isMbid } from '@liner/shared';
import { requestBase } from '../api/host-guard.ts';
import type { RouteHandler } from '../api/route.ts';
import { errorPage } from './error-page.tsx';
import { importedPage } from './imported-page.tsx';
import { releasePage } from './release-page.tsx';

/** An HTML answer under the pages' policy: no scripts, forms only to MusicBrainz, no framing. */
export function send(res: ServerResponse, status: number, body: string, editorUrl: string): void {
  const formTarget = new URL(editorUrl).origin;
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      // Images: the stores' cover art (https) and Liner's icon (a data: URL).
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action ${formTarget}; frame-ancestors 'none'; base-uri 'none'`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // Built for this request (its Host, MusicBrainz's answers of the moment): never shared.
      'cache-control': 'no-store',
    })
    .end(body);
}

export const pageRoutes: RouteHandler = async (req, res, ctx) => {
  const match = /^\/release\/([a-z0-9]{1,64})(\/imported)?\/?$/.exec(ctx.url.pathname);
  if (!match || req.method !== 'GET') return false;
  const { app } = ctx;
  const editorUrl = app.config.musicbrainz.editorUrl;
  // Links back to this server go where this browser reached it.
  const base = requestBase(req.headers.host);
  const withBase = base ? { base } : {};
  const result = await app.services.lookup.get(match[1]!);
  if (!result) {
    send(
      res,
      404,
      errorPage('Not found', 'There is no look-up with this permalink on this server.'),
      editorUrl,
    );
    return true;
  }
  if (match[2]) {
    const mbid = ctx.url.searchParams.get('release_mbid') ?? '';
    if (!isMbid(mbid) || !result.release) {
      send(
        res,
        400,
        errorPage('Bad request', 'release_mbid must be a MusicBrainz release ID.'),
        editorUrl,
      );
      return true;
    }
    const actions = await app.services.seeds.followUps(result, mbid, base);
    const step = Number(ctx.url.searchParams.get('recording') ?? 0);
    const first = Number.isInteger(step) && step >= 0 ? step : 0;
    send(res, 200, importedPage(result, actions, mbid, editorUrl, first), editorUrl);
    return true;
  }
  const seeds = app.services.seeds;
  const add = result.release ? await seeds.seed(result, { ...withBase }) : undefined;
  // An edit seed needs MusicBrainz's current links; when it can't be asked, the page still
  // shows the release and the new-release form.
  const edits = result.release
    ? await Promise.all(
        result.existing.map(async (e) => {
          try {
            return {
              ...(await seeds.seed(result, { existing: e.mbid, ...withBase })),
              mbid: e.mbid,
            };
          } catch {
            return undefined;
          }
        }),
      )
    : [];
  send(
    res,
    200,
    releasePage(
      result,
      {
        ...(add ? { add } : {}),
        edits: edits.filter(
          (e): e is NonNullable<typeof e> =>
            e?.fields.some(([n]) => n.startsWith('urls.')) === true,
        ),
      },
      editorUrl,
    ),
    editorUrl,
  );
  return true;
};

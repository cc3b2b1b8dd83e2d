/**
 * The stores' APIs and MusicBrainz's ws/2/url for the e2e's companion server, on loopback. Every
 * provider endpoint the registry declares is served under /<provider>/<endpoint>/…, answering
 * from the recorded corpus and the providers' own fixtures through the server's replay lookup,
 * so the server runs as in production (live HTTP, its allow-list, rate limits and database)
 * while nothing leaves the machine. Scraped stores get their page back as HTML built around the
 * stored JSON; credential exchanges get a token; ws/2/url answers from a table, so one release
 * can be "in MusicBrainz" and the others not, and ws/2/release from a table of stand-in
 * MusicBrainz releases (read at each request, so a test can change one on the way).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderName } from '@liner/shared';
import { fixturePath } from '../../../server/src/http/fixture-path.ts';
import { findReplayFile } from '../../../server/src/http/replay.ts';
import { PROVIDERS } from '../../../server/src/providers/registry.ts';
import {
  musicBrainzRecordingRoute,
  type StandInRecording,
} from '../../support/musicbrainz-recordings.ts';
import { musicBrainzReleaseRoute, type StandInRelease } from '../../support/musicbrainz-release.ts';
import { type StandIn, startStandIn } from '../../support/stand-in.ts';
import { musicBrainzUrlRoute } from '../../support/stand-ins.ts';
import { loadScrapedPages, scrapedPage } from './scraped-pages.ts';

const TOKEN = JSON.stringify({ access_token: 'e2e-token', token_type: 'Bearer', expires_in: 3600 });

function envWord(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** The store URL a stand-in path stands for: /<provider>/<endpoint>/<rest>?<query>. */
function originalUrl(
  path: string,
): { provider: ProviderName; endpoint: string; url: string } | undefined {
  const match = /^\/([a-z]+)\/([a-z]+)(\/[^?]*)?(\?.*)?$/.exec(path);
  if (!match) return undefined;
  const [, provider, endpoint, rest = '', query = ''] = match;
  const base = PROVIDERS.get(provider as ProviderName)?.endpoints[endpoint!];
  if (!base) return undefined;
  // A "{band}"-style host template takes the first path segment.
  const template = /\{([a-z]+)\}/.exec(base);
  if (!template)
    return {
      provider: provider as ProviderName,
      endpoint: endpoint!,
      url: `${base}${rest}${query}`,
    };
  const [, first, ...others] = rest.split('/');
  const url = `${base.replace(template[0], first ?? '')}/${others.join('/')}${query}`.replace(
    /\/$/,
    '',
  );
  return { provider: provider as ProviderName, endpoint: endpoint!, url };
}

/**
 * An exact recording in any directory first, and only then one matched on its identifying query
 * parameters: a loose match in the corpus must not shadow a provider fixture recorded exactly.
 */
function replayFile(dirs: readonly string[], urls: readonly string[]): string | undefined {
  for (const url of urls) {
    const exact = dirs.map((dir) => join(dir, fixturePath(url))).find((file) => existsSync(file));
    if (exact) return exact;
  }
  return urls.flatMap((url) => dirs.map((dir) => findReplayFile(dir, url))).find(Boolean);
}

export interface Upstream {
  standIn: StandIn;
  /** Settings that point a server at this upstream. */
  env: Record<string, string>;
}

export async function startUpstream(options: {
  replayDirs: string[];
  /** Canonical store URL -> [target type, MBID] relations that MusicBrainz knows. */
  linked: Record<string, [string, string, string?][]>;
  /** MBID -> the release MusicBrainz has, or the HTTP status it answers for it. */
  releases?: Record<string, StandInRelease | number>;
  /** The recordings MusicBrainz's search finds by ISRC (none by default). */
  recordings?: StandInRecording[];
  /**
   * Answers by the store URL asked (as the provider would ask the store), before the replayed
   * ones: for what the corpus has none of (artists' listings).
   */
  answers?: Record<string, object>;
}): Promise<Upstream> {
  await loadScrapedPages(PROVIDERS.keys());
  const standIn = await startStandIn();
  const urlLookup = musicBrainzUrlRoute(options.linked);
  const releaseLookup = musicBrainzReleaseRoute(options.releases ?? {});
  const recordingSearch = musicBrainzRecordingRoute(options.recordings ?? []);
  standIn.route('*', (req, res) => {
    if (req.path.startsWith('/mb/ws/2/url')) return urlLookup(req, res);
    if (req.path.startsWith('/mb/ws/2/recording')) return recordingSearch(req, res);
    if (req.path.startsWith('/mb/ws/2/release/')) return releaseLookup(req, res);
    const target = originalUrl(req.path);
    if (target && req.method === 'POST' && target.endpoint === 'auth')
      return res.writeHead(200, { 'content-type': 'application/json' }).end(TOKEN);
    const answer = target && options.answers?.[target.url];
    if (answer)
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    const dirs = options.replayDirs;
    // HTTP drops a bare trailing "?", which the recordings keep in the file name.
    const forms = target ? [target.url, `${target.url}?`] : [];
    const file = replayFile(dirs, forms);
    if (!target || !file)
      return res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"Not Found"}');
    const page = scrapedPage(target.provider, target.endpoint, file);
    if (page) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(file));
  });
  const env: Record<string, string> = {
    LINER_MUSICBRAINZ_API_URL: `${standIn.url}/mb`,
    LINER_MUSICBRAINZ_REQUEST_INTERVAL: '10ms',
    LINER_HTTP_RETRIES: '0',
    // The barcode phase asks every store with answers here, Beatport and Qobuz too (by default
    // they are asked only when named), so a comparison finds each store's link.
    LINER_LOOKUP__PROVIDERS: 'deezer,itunes,spotify,tidal,beatport,qobuz',
  };
  for (const [name, declaration] of PROVIDERS) {
    if (name === 'musicbrainz') continue;
    const upper = name.toUpperCase();
    for (const [key, base] of Object.entries(declaration.endpoints)) {
      const template = /\{[a-z]+\}/.exec(base)?.[0];
      env[`LINER_PROVIDERS__${upper}__ENDPOINTS__${envWord(key)}`] =
        `${standIn.url}/${name}/${key}${template ? `/${template}` : ''}`;
    }
    // Nothing is sent anywhere but here, so any value unlocks a provider that wants credentials.
    for (const credential of declaration.requiredCredentials)
      env[`LINER_PROVIDERS__${upper}__${envWord(credential)}`] = `e2e-${credential}`;
  }
  return { standIn, env };
}

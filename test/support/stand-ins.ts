/**
 * Routes of stand-in upstreams, built from the project's own fixtures: a Deezer API that serves
 * the replay files, a Bandcamp that serves album pages, and a MusicBrainz ws/2/url. The upstream
 * most server tests share, all of them together, is startStoreStandIns (store-stand-ins.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../../server/src/http/fixture-path.ts';
import type { StandInHandler } from './stand-in.ts';

/** Serves `<origin><path>` from a replay directory as if it were the upstream at `origin`. */
export function replayRoute(prefix: string, origin: string, dir: string): StandInHandler {
  return (req, res) => {
    const path = req.path.slice(prefix.length);
    const file = join(dir, fixturePath(`${origin}${decodeURIComponent(path)}`));
    if (!existsSync(file))
      return res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not here"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(file));
  };
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export interface BandcampPage {
  artist: string;
  title: string;
  upc?: string;
  tracks: { title: string; duration: number }[];
  /** The album's credits text, as the artist wrote it. */
  credits?: string;
}

/** A Bandcamp album page with the data-tralbum and data-band attributes the provider reads. */
export function bandcampPage(page: BandcampPage): string {
  const tralbum = {
    id: 42,
    item_type: 'album',
    artist: page.artist,
    art_id: 99,
    current: {
      title: page.title,
      release_date: '05 May 2023 00:00:00 GMT',
      upc: page.upc ?? null,
      is_set_price: 1,
      set_price: 7,
      minimum_price: 7,
      type: 'album',
      credits: page.credits ?? null,
    },
    packages: null,
    freeDownloadPage: null,
    tralbum_subscriber_only: false,
    is_preorder: false,
    album_release_date: '05 May 2023 00:00:00 GMT',
    trackinfo: page.tracks.map((t, i) => ({
      id: 500 + i,
      track_num: i + 1,
      title: t.title,
      artist: null,
      title_link: `/track/${t.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      duration: t.duration,
      file: { 'mp3-128': 'https://t4.bcbits.com/x' },
      streaming: 1,
      is_downloadable: true,
    })),
    url: 'https://example.bandcamp.com/album/x',
  };
  const band = { id: 7, name: page.artist };
  return `<!DOCTYPE html><html><head><meta property="og:description" content="${page.tracks.length} track album">
<script data-tralbum="${escapeAttribute(JSON.stringify(tralbum))}" data-band="${escapeAttribute(JSON.stringify(band))}"></script></head><body></body></html>`;
}

/** "Two Sides" by Alpha as its Bandcamp page, the release Deezer's fixtures also have. */
export function twoSidesBandcampPage(): string {
  return bandcampPage({
    artist: 'Alpha',
    title: 'Two Sides',
    upc: '192758000019',
    tracks: [
      { title: 'Opening', duration: 201 },
      { title: 'Duet', duration: 185 },
      { title: 'Reprise', duration: 99 },
    ],
  });
}

/**
 * MusicBrainz ws/2/url: answers from a table of URL -> [targetType, mbid, title?] relations
 * (the title is a release's title, or an artist's or label's name, as MusicBrainz gives it).
 */
export function musicBrainzUrlRoute(
  known: Record<string, [string, string, string?][]>,
): StandInHandler {
  return (req, res) => {
    const params = new URL(req.path, 'http://x').searchParams;
    const resources = params.getAll('resource');
    const entity = (resource: string) => ({
      id: '00000000-0000-4000-8000-000000000000',
      resource,
      relations: (known[resource] ?? []).map(([type, id, title]) => ({
        'target-type': type,
        'type-id': 'x',
        ended: false,
        direction: 'backward',
        [type.replace('-', '_')]: {
          id,
          ...(title ? { [/^(artist|label)$/.test(type) ? 'name' : 'title']: title } : {}),
        },
      })),
    });
    const found = resources.filter((r) => known[r]);
    res.setHeader('content-type', 'application/json');
    if (resources.length === 1) {
      if (!found.length) return res.writeHead(404).end('{"error":"Not Found"}');
      return res.end(JSON.stringify(entity(found[0]!)));
    }
    res.end(
      JSON.stringify({ 'url-count': found.length, 'url-offset': 0, urls: found.map(entity) }),
    );
  };
}

/** The Deezer provider's own hand-written fixtures, which many server tests replay. */
export const DEEZER_FIXTURES = new URL(
  '../../server/src/providers/deezer/fixtures',
  import.meta.url,
).pathname;

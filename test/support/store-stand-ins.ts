/**
 * The stand-in upstream most server tests share: Deezer's API from the Deezer provider's own
 * fixtures under /deezer, a Bandcamp release page under /bandcamp, MusicBrainz's ws/2 under /mb
 * (URL look-ups that know `linked`, releases from `releases`, the recording search by ISRC over
 * `recordings`, MusicBrainz's 1 request/second rule when `musicBrainzGapMs` is set), and a hook for what a test does
 * differently (a store that fails or hangs). `storeStandInEnv` points a server at it.
 */
import {
  musicBrainzRateRule,
  musicBrainzRecordingRoute,
  type StandInRecording,
} from './musicbrainz-recordings.ts';
import { musicBrainzReleaseRoute, type StandInRelease } from './musicbrainz-release.ts';
import { json, type StandIn, type StandInHandler, startStandIn } from './stand-in.ts';
import {
  DEEZER_FIXTURES,
  musicBrainzUrlRoute,
  replayRoute,
  twoSidesBandcampPage,
} from './stand-ins.ts';

/** "Two Sides" by Alpha on Bandcamp: the page the stand-in serves under /bandcamp. */
export const TWO_SIDES_BANDCAMP = 'https://alpha.bandcamp.com/album/two-sides';
/** Alpha's MBID, the artist of "Two Sides" in the tests' stand-in MusicBrainz. */
export const ALPHA_MBID = '8c8b7a28-0d3c-4b8f-9c9b-6f1a2b3c4d5e';

/**
 * "Two Sides" as a stand-in MusicBrainz holds it for ws/2/release: unless `extra` says otherwise,
 * one flat medium of the three tracks (the stores have two media), no barcode or ISRC, and only
 * the Bandcamp link.
 */
export function twoSidesRelease(id: string, extra: Partial<StandInRelease> = {}): StandInRelease {
  return {
    id,
    title: 'Two Sides',
    artist: { id: ALPHA_MBID, name: 'Alpha' },
    media: [{ tracks: [{ title: 'Opening' }, { title: 'Duet' }, { title: 'Reprise' }] }],
    links: [{ url: TWO_SIDES_BANDCAMP, type: 'purchase for download' }],
    ...extra,
  };
}

export interface StoreStandInOptions {
  /** Store URL -> [entity type, MBID] pairs MusicBrainz's ws/2/url answers with. */
  linked?: Record<string, [string, string, string?][]>;
  /** MBID -> release (or an HTTP status) for ws/2/release. */
  releases?: Record<string, StandInRelease | number>;
  /** The recordings ws/2/recording's ISRC search finds (none by default). */
  recordings?: StandInRecording[];
  /** Artist MBID -> its release groups, for ws/2/release-group?artist= (credited to it alone). */
  artistGroups?: Record<string, { id: string; title: string; type?: string }[]>;
  /**
   * Refuse a MusicBrainz request that comes less than this after the previous one with 503, as
   * musicbrainz.org does at 1000 ms; by default every request is answered.
   */
  musicBrainzGapMs?: number;
  /** Answers first; returns true when it answered. */
  override?: (
    request: Parameters<StandInHandler>[0],
    response: Parameters<StandInHandler>[1],
  ) => boolean;
}

export async function startStoreStandIns(options: StoreStandInOptions = {}): Promise<StandIn> {
  const upstream = await startStandIn();
  const deezer = replayRoute('/deezer', 'https://api.deezer.com', DEEZER_FIXTURES);
  const releases = musicBrainzReleaseRoute(options.releases ?? {});
  const linked = options.linked ?? {};
  const recordings = musicBrainzRecordingRoute(options.recordings ?? []);
  const rate =
    options.musicBrainzGapMs === undefined
      ? undefined
      : musicBrainzRateRule(options.musicBrainzGapMs);
  upstream.route('*', (req, res) => {
    if (options.override?.(req, res)) return;
    if (rate && req.path.startsWith('/mb/') && rate(req, res)) return;
    if (req.path.startsWith('/mb/ws/2/recording')) return recordings(req, res);
    if (req.path.startsWith('/deezer/')) return deezer(req, res);
    if (req.path.startsWith('/mb/ws/2/release/')) return releases(req, res);
    if (req.path.startsWith('/mb/ws/2/release-group?'))
      return artistGroupsRoute(options.artistGroups ?? {})(req, res);
    // Read at each request: a test may link a URL between two look-ups.
    if (req.path.startsWith('/mb/ws/2/url')) return musicBrainzUrlRoute(linked)(req, res);
    if (req.path === '/bandcamp/alpha/album/two-sides')
      return res.writeHead(200, { 'content-type': 'text/html' }).end(twoSidesBandcampPage());
    return json({ error: 'no route' }, 404)(req, res);
  });
  return upstream;
}

/** Settings that point a server at startStoreStandIns() with these providers. */
export function storeStandInEnv(
  upstream: { url: string },
  providers = 'deezer,bandcamp',
): Record<string, string> {
  return {
    LINER_PROVIDERS: providers,
    LINER_PROVIDERS__DEEZER__BASE_URL: `${upstream.url}/deezer`,
    LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: `${upstream.url}/bandcamp/{band}`,
    LINER_MUSICBRAINZ_API_URL: `${upstream.url}/mb`,
    LINER_MUSICBRAINZ_REQUEST_INTERVAL: '20ms',
    LINER_HTTP_RETRIES: '0',
  };
}

/** ws/2/release-group?artist=<mbid>&inc=artist-credits from a table, as MusicBrainz browses. */
function artistGroupsRoute(
  table: NonNullable<StoreStandInOptions['artistGroups']>,
): StandInHandler {
  return (req, res) => {
    const artist = new URL(req.path, 'http://x').searchParams.get('artist') ?? '';
    const groups = (table[artist] ?? []).map((group) => ({
      id: group.id,
      title: group.title,
      'primary-type': group.type ?? null,
      'artist-credit': [{ name: 'Alpha', joinphrase: '', artist: { id: artist, name: 'Alpha' } }],
    }));
    json({ 'release-group-count': groups.length, 'release-groups': groups })(req, res);
  };
}

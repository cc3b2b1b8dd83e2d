/**
 * Stand-in stores for benchmarks, on loopback, answering as the real ones do: Deezer's API,
 * Apple's lookup, Bandcamp pages, Discogs releases, Beatport search pages, and a MusicBrainz
 * ws/2/url that holds to one request a second strictly (an arrival less than 1000 ms after the
 * one before is refused with 503 and Retry-After: 1, as musicbrainz.org does).
 *
 * Release n has TRACKS tracks and the barcode upcFor(n). An even n is at every store; an odd n
 * only at the store of its URL: elsewhere its barcode is a miss, answered as stores answer one
 * (Deezer: 200 with error code 800; Apple: 200 with no results; Beatport: a page listing none).
 * Every request is kept with when it arrived and when its answer was sent.
 */
import { gtinCheckDigit } from '@liner/shared';
import { type StandIn, type StandInRequest, startStandIn } from '../../test/support/stand-in.ts';
import { bandcampPage } from '../../test/support/stand-ins.ts';

export const TRACKS = 10;
const BENCH_ARTIST = '0b0b0b0b-0000-4000-8000-000000000001';

export interface Latencies {
  deezer: number;
  apple: number;
  bandcamp: number;
  discogs: number;
  beatport: number;
  musicbrainz: number;
}

export const LATENCY: Latencies = {
  deezer: 80,
  apple: 120,
  bandcamp: 150,
  discogs: 150,
  beatport: 200,
  musicbrainz: 100,
};

/** A valid 12-digit UPC derived from a number. */
export function upcFor(n: number): string {
  const body = String(19_000_000_000 + n).padStart(11, '0');
  return body + String(gtinCheckDigit(body));
}

/** The release number of a barcode in any padding, if it is one of ours. */
function releaseOf(barcode: string): number | undefined {
  const key = barcode.replace(/^0+/, '');
  if (key.length !== 12 || upcFor(Number(key.slice(0, 11)) - 19_000_000_000) !== key) return;
  return Number(key.slice(0, 11)) - 19_000_000_000;
}

export const everywhere = (n: number) => n % 2 === 0;
export const APPLE_ID_BASE = 700_000;

export interface Span {
  path: string;
  start: number;
  end: number;
}

export interface BenchStores extends StandIn {
  /** Every request with its arrival and the moment its answer was sent (ms, Date.now). */
  spans: Span[];
  /**
   * MusicBrainz arrivals (ms), how many were refused with 503, the URLs asked (each time, and
   * the distinct ones), and the recording searches answered with the ISRCs they asked (each
   * time, and the distinct ones).
   */
  musicbrainz: {
    arrivals: number[];
    refused: number;
    resources: number;
    urls: Set<string>;
    searches: number;
    isrcs: number;
    distinctIsrcs: Set<string>;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const deezerAlbum = (n: number) => ({
  id: n,
  title: `Album ${n}`,
  upc: upcFor(n),
  nb_tracks: TRACKS,
  release_date: '2024-01-01',
  record_type: 'album',
  label: 'Bench Records',
  contributors: [{ id: 1, name: 'Bench Artist', role: 'Main' }],
  tracks: {
    data: Array.from({ length: TRACKS }, (_, i) => ({
      id: n * 100 + i,
      title: `Track ${i + 1}`,
      duration: 180,
    })),
  },
});

const deezerTrack = (id: number) => ({
  id,
  title: `Track ${(id % 100) + 1}`,
  duration: 180,
  track_position: (id % 100) + 1,
  disk_number: 1,
  isrc: `GBAAA${String(id).padStart(7, '0').slice(-7)}`,
  available_countries: ['GB', 'US', 'DE', 'JP', 'FR'],
  contributors: [{ id: 1, name: 'Bench Artist', role: 'Main' }],
});

function appleRelease(n: number) {
  const collectionId = APPLE_ID_BASE + n;
  const common = { collectionId, artistId: 7, artistName: 'Bench Artist' };
  return {
    resultCount: TRACKS + 1,
    results: [
      {
        ...common,
        wrapperType: 'collection',
        collectionName: `Album ${n}`,
        artworkUrl100: `https://is1-ssl.mzstatic.com/image/thumb/Music/${upcFor(n)}.jpg/100x100bb.jpg`,
        trackCount: TRACKS,
        copyright: '℗ 2024 Bench Records',
        releaseDate: '2024-01-01T07:00:00Z',
      },
      ...Array.from({ length: TRACKS }, (_, i) => ({
        ...common,
        wrapperType: 'track',
        kind: 'song',
        trackId: collectionId * 100 + i,
        trackName: `Track ${i + 1}`,
        discNumber: 1,
        discCount: 1,
        trackNumber: i + 1,
        trackTimeMillis: 180_000,
      })),
    ],
  };
}

function discogsRelease(n: number) {
  return {
    id: n,
    title: `Album ${n}`,
    artists: [{ name: 'Bench Artist', anv: '', join: '', id: 9 }],
    labels: [{ name: 'Bench Records', catno: `BR-${n}`, id: 19 }],
    formats: [{ name: 'File', qty: '1', descriptions: ['Album'] }],
    identifiers: [{ type: 'Barcode', value: upcFor(n) }],
    country: 'UK',
    released: '2024-01-01',
    year: 2024,
    tracklist: Array.from({ length: TRACKS }, (_, i) => ({
      position: String(i + 1),
      type_: 'track',
      title: `Track ${i + 1}`,
      duration: '3:00',
    })),
  };
}

const NO_BEATPORT_RELEASES = `<html><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(
  {
    props: {
      pageProps: {
        dehydratedState: { queries: [{ state: { data: { releases: { count: 0, data: [] } } } }] },
      },
    },
  },
)}</script></html>`;

type Reply = { status?: number; type?: string; body: unknown; headers?: Record<string, string> };

type Route = (m: RegExpExecArray, q: URLSearchParams) => Promise<Reply>;

/** The stores' routes, each answering after that store's latency. */
function routes(latency: Latencies, mb: BenchStores['musicbrainz']): [RegExp, Route][] {
  const after = async <T>(ms: number, value: T) => {
    await sleep(ms);
    return value;
  };
  return [
    [
      /^\/deezer\/album\/upc:(\d+)$/,
      (m) => {
        const n = releaseOf(m[1]!);
        // Deezer answers only the form it keeps, the shortest.
        const found = n !== undefined && everywhere(n) && m[1]!.length === 12;
        const miss = { error: { type: 'DataException', message: 'no data', code: 800 } };
        return after(latency.deezer, { body: found ? deezerAlbum(n) : miss });
      },
    ],
    [/^\/deezer\/album\/(\d+)$/, (m) => after(latency.deezer, { body: deezerAlbum(Number(m[1])) })],
    [/^\/deezer\/track\/(\d+)$/, (m) => after(latency.deezer, { body: deezerTrack(Number(m[1])) })],
    [
      /^\/apple\/lookup$/,
      (_, q) => {
        const id = q.get('id');
        const upc = q.get('upc');
        const n = id ? Number(id) - APPLE_ID_BASE : upc ? releaseOf(upc) : undefined;
        // Found in the first storefront asked (GB) when it is at Apple at all.
        const found =
          n !== undefined && (id !== null || (everywhere(n) && q.get('country') === 'gb'));
        const body = found ? appleRelease(n) : { resultCount: 0, results: [] };
        return after(latency.apple, { body });
      },
    ],
    [
      /^\/bandcamp\/[\w-]+\/album\/album-(\d+)$/,
      (m) => {
        const n = Number(m[1]);
        const tracks = Array.from({ length: TRACKS }, (_, i) => ({
          title: `Track ${i + 1}`,
          duration: 180,
        }));
        const page = bandcampPage({
          artist: 'Bench Artist',
          title: `Album ${n}`,
          upc: upcFor(n),
          tracks,
        });
        return after(latency.bandcamp, { type: 'text/html', body: page });
      },
    ],
    [
      /^\/discogs\/releases\/(\d+)$/,
      (m) => after(latency.discogs, { body: discogsRelease(Number(m[1])) }),
    ],
    [
      /^\/beatport\/search$/,
      () => after(latency.beatport, { type: 'text/html', body: NO_BEATPORT_RELEASES }),
    ],
    [/^\/mb\/ws\/2\/url$/, (_, q) => musicBrainz(latency, mb, () => urlAnswer(q, mb))],
    [/^\/mb\/ws\/2\/recording$/, (_, q) => musicBrainz(latency, mb, () => recordingAnswer(q, mb))],
  ];
}

/** MusicBrainz's rule for every ws/2 request: one a second, 503 for any that comes sooner. */
async function musicBrainz(
  latency: Latencies,
  mb: BenchStores['musicbrainz'],
  answer: () => Reply,
): Promise<Reply> {
  const now = Date.now();
  const previous = mb.arrivals.at(-1);
  mb.arrivals.push(now);
  if (previous !== undefined && now - previous < 1000) {
    mb.refused++;
    return { status: 503, headers: { 'retry-after': '1' }, body: { error: 'rate limited' } };
  }
  await sleep(latency.musicbrainz);
  return answer();
}

/**
 * The recording search by ISRC: every bench track's ISRC (GBAAA + its Deezer track ID) is a
 * recording of the same title and length, on no release, so every track with an ISRC matches.
 */
function recordingAnswer(q: URLSearchParams, mb: BenchStores['musicbrainz']): Reply {
  const isrcs = [...(q.get('query') ?? '').matchAll(/isrc:([A-Z0-9]{12})/g)].map((m) => m[1]!);
  mb.searches++;
  mb.isrcs += isrcs.length;
  for (const isrc of isrcs) mb.distinctIsrcs.add(isrc);
  const recordings = isrcs.map((isrc) => {
    const id = Number(isrc.slice(5));
    return {
      id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
      title: `Track ${(id % 100) + 1}`,
      length: 180_000,
      'artist-credit': [
        { name: 'Bench Artist', artist: { id: BENCH_ARTIST, name: 'Bench Artist' } },
      ],
      isrcs: [isrc],
      releases: [],
    };
  });
  return { body: { count: recordings.length, offset: 0, recordings } };
}

function urlAnswer(q: URLSearchParams, mb: BenchStores['musicbrainz']): Reply {
  const resources = q.getAll('resource');
  mb.resources += resources.length;
  for (const url of resources) mb.urls.add(url);
  // None is known: a batch lists none, one URL alone is a 404.
  if (resources.length === 1) return { status: 404, body: { error: 'Not Found' } };
  return { body: { 'url-count': 0, 'url-offset': 0, urls: [] } };
}

/** The answer to one store request; undefined: no such route. */
function answer(req: StandInRequest, table: [RegExp, Route][]): Promise<Reply> | undefined {
  const url = new URL(req.path, 'http://stand.in');
  for (const [pattern, route] of table) {
    const m = pattern.exec(url.pathname);
    if (m) return route(m, url.searchParams);
  }
  return undefined;
}

export async function startBenchStores(latency: Latencies = LATENCY): Promise<BenchStores> {
  const stand = await startStandIn();
  const spans: Span[] = [];
  const musicbrainz = {
    arrivals: [] as number[],
    refused: 0,
    resources: 0,
    urls: new Set<string>(),
    searches: 0,
    isrcs: 0,
    distinctIsrcs: new Set<string>(),
  };
  const table = routes(latency, musicbrainz);
  stand.route('*', async (req, res) => {
    const start = Date.now();
    const reply = await answer(req, table);
    const {
      status = 200,
      type = 'application/json',
      body,
      headers = {},
    } = reply ?? {
      status: 404,
      body: { error: 'no route' },
    };
    res
      .writeHead(status, { 'content-type': type, ...headers })
      .end(typeof body === 'string' ? body : JSON.stringify(body));
    spans.push({ path: req.path, start, end: Date.now() });
  });
  return Object.assign(stand, { spans, musicbrainz });
}

/**
 * Settings that point a server at the stand-ins and change nothing else: the default store set,
 * the default barcode phase, the default limits.
 */
export function storeEnv(stores: { url: string }): Record<string, string> {
  return {
    LINER_PROVIDERS__DEEZER__BASE_URL: `${stores.url}/deezer`,
    LINER_PROVIDERS__ITUNES__BASE_URL: `${stores.url}/apple`,
    LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: `${stores.url}/bandcamp/{band}`,
    LINER_PROVIDERS__DISCOGS__BASE_URL: `${stores.url}/discogs`,
    LINER_PROVIDERS__BEATPORT__BASE_URL: `${stores.url}/beatport`,
    LINER_MUSICBRAINZ_API_URL: `${stores.url}/mb`,
  };
}

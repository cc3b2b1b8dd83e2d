/**
 * HAND-WRITTEN stand-ins of each store's artist-listing answers (no store's artist listing is in
 * the recorded corpus), written from the stores' documented formats with the paging each store
 * uses: Deezer index/limit 100 with `total`, Spotify offset/limit 50 with `total`, Apple's
 * look-up (one answer of up to 200), Discogs page/per_page 100 with `pagination`, Qobuz
 * offset/limit 100 with `albums.total`, Tidal v2's relationship pages of 20 by `links.next`
 * cursor, a Bandcamp /music page (grid items, the rest in `data-client-items`), and Beatport's
 * artist releases pages (`__NEXT_DATA__`, 50 a page with `count`). Release N of an artist is titled "Song Book N".
 */
import type { ProviderName } from '@liner/shared';

export interface ListingStandIn {
  store: ProviderName;
  /** The store's artist page the listing is asked for. */
  artistUrl: string;
  name: string;
  /** The store release URLs, in the listing's order, as Liner gives them. */
  releaseUrls: string[];
  /** Upstream URL (under `api`) -> JSON body. */
  routes: Record<string, object>;
  /** Requests the listing takes. */
  requests: number;
}

const title = (n: number) => `Song Book ${n}`;
const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const date = (n: number) =>
  `20${String(10 + (n % 15)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`;

export function deezerListing(api: string, count = 150): ListingStandIn {
  const routes: Record<string, object> = { [`${api}/artist/27`]: { id: 27, name: 'Ada Lane' } };
  for (let index = 0; index < count; index += 100)
    routes[`${api}/artist/27/albums?index=${index}&limit=100`] = {
      data: range(index, Math.min(count, index + 100)).map((n) => ({
        id: 500_000 + n,
        title: title(n),
        release_date: date(n),
        record_type: n % 3 ? 'album' : 'single',
      })),
      total: count,
    };
  return {
    store: 'deezer',
    artistUrl: 'https://www.deezer.com/artist/27',
    name: 'Ada Lane',
    releaseUrls: range(0, count).map((n) => `https://www.deezer.com/album/${500_000 + n}`),
    routes,
    requests: 1 + Math.ceil(count / 100),
  };
}

const spotifyId = (n: number) => `AdaLaneAlbum${String(n).padStart(4, '0')}`.padEnd(22, 'x');

export function spotifyListing(api: string, count = 70): ListingStandIn {
  const artist = 'AdaLaneArtist'.padEnd(22, '0');
  const routes: Record<string, object> = {
    [`${api}/artists/${artist}`]: { id: artist, name: 'Ada Lane' },
  };
  for (let offset = 0; offset < count; offset += 50)
    routes[
      `${api}/artists/${artist}/albums?include_groups=album,single,compilation&limit=50&offset=${offset}&market=GB`
    ] = {
      items: range(offset, Math.min(count, offset + 50)).map((n) => ({
        id: spotifyId(n),
        name: title(n),
        album_type: n % 4 ? 'album' : 'compilation',
        release_date: date(n),
        artists: [{ name: 'Ada Lane' }],
      })),
      total: count,
      next: null,
    };
  return {
    store: 'spotify',
    artistUrl: `https://open.spotify.com/artist/${artist}`,
    name: 'Ada Lane',
    releaseUrls: range(0, count).map((n) => `https://open.spotify.com/album/${spotifyId(n)}`),
    routes,
    requests: 1 + Math.ceil(count / 50),
  };
}

export function itunesListing(api: string, count = 12): ListingStandIn {
  const results = [
    { wrapperType: 'artist', artistType: 'Artist', artistName: 'Ada Lane', artistId: 909 },
    ...range(0, count).map((n) => ({
      wrapperType: 'collection',
      collectionType: 'Album',
      artistId: 909,
      collectionId: 1_700_000 + n,
      artistName: 'Ada Lane',
      collectionName: n % 2 ? title(n) : `${title(n)} - Single`,
      releaseDate: `${date(n)}T07:00:00Z`,
    })),
  ];
  return {
    store: 'itunes',
    artistUrl: 'https://music.apple.com/gb/artist/ada-lane/909',
    name: 'Ada Lane',
    releaseUrls: range(0, count).map((n) => `https://music.apple.com/gb/album/${1_700_000 + n}`),
    routes: {
      [`${api}/lookup?id=909&entity=album&limit=200&country=gb`]: {
        resultCount: results.length,
        results,
      },
    },
    requests: 1,
  };
}

export function discogsListing(api: string, count = 130): ListingStandIn {
  // Every fifth entry is an appearance ("Appearance"), which the listing leaves out.
  const entries = range(0, count).map((n) => ({
    id: 7_000_000 + n,
    type: n % 2 ? 'release' : 'master',
    title: title(n),
    year: 2010 + (n % 15),
    role: n % 5 === 4 ? 'Appearance' : 'Main',
    artist: 'Ada Lane',
    format: 'File, FLAC, Album',
  }));
  const pages = Math.ceil(count / 100);
  const routes: Record<string, object> = {
    [`${api}/artists/4242`]: { id: 4242, name: 'Ada Lane' },
  };
  for (let page = 1; page <= pages; page++)
    routes[`${api}/artists/4242/releases?sort=year&sort_order=asc&page=${page}&per_page=100`] = {
      pagination: { page, pages, per_page: 100, items: count, urls: {} },
      releases: entries.slice((page - 1) * 100, page * 100),
    };
  return {
    store: 'discogs',
    artistUrl: 'https://www.discogs.com/artist/4242-Ada-Lane',
    name: 'Ada Lane',
    releaseUrls: entries
      .filter((e) => e.role === 'Main')
      .map((e) => `https://www.discogs.com/${e.type}/${e.id}`),
    routes,
    requests: 1 + pages,
  };
}

export function qobuzListing(api: string, count = 120): ListingStandIn {
  const routes: Record<string, object> = {};
  for (let offset = 0; offset < count; offset += 100)
    routes[`${api}/artist/get?artist_id=313&extra=albums&limit=100&offset=${offset}`] = {
      id: 313,
      name: 'Ada Lane',
      albums: {
        offset,
        limit: 100,
        total: count,
        items: range(offset, Math.min(count, offset + 100)).map((n) => ({
          id: `qz${n}ada`,
          title: title(n),
          slug: `song-book-${n}-ada-lane`,
          release_date_original: date(n),
          product_type: n % 2 ? 'album' : 'single',
          artist: { id: 313, name: 'Ada Lane' },
        })),
      },
    };
  return {
    store: 'qobuz',
    artistUrl: 'https://www.qobuz.com/gb-en/interpreter/ada-lane/313',
    name: 'Ada Lane',
    releaseUrls: range(0, count).map(
      (n) => `https://www.qobuz.com/gb-en/album/song-book-${n}-ada-lane/qz${n}ada`,
    ),
    routes,
    requests: Math.ceil(count / 100),
  };
}

export function tidalListing(api: string, count = 45): ListingStandIn {
  const routes: Record<string, object> = {
    [`${api}/artists?countryCode=GB&filter%5Bid%5D=7007`]: {
      data: [{ id: '7007', type: 'artists', attributes: { name: 'Ada Lane' } }],
      included: [],
    },
  };
  const first = `${api}/artists/7007/relationships/albums?countryCode=GB&include=albums`;
  for (let start = 0, cursor = ''; start < count; start += 20) {
    const ids = range(start, Math.min(count, start + 20));
    const next = start + 20 < count ? `page-${start + 20}` : undefined;
    routes[cursor ? `${first}&page%5Bcursor%5D=${cursor}` : first] = {
      data: ids.map((n) => ({ id: String(300_000 + n), type: 'albums' })),
      included: ids.map((n) => ({
        id: String(300_000 + n),
        type: 'albums',
        attributes: { title: title(n), releaseDate: date(n), type: n % 3 ? 'ALBUM' : 'EP' },
      })),
      links: next
        ? {
            next: `/artists/7007/relationships/albums?countryCode=GB&include=albums&page%5Bcursor%5D=${next}`,
          }
        : {},
    };
    cursor = next ?? '';
  }
  return {
    store: 'tidal',
    artistUrl: 'https://tidal.com/artist/7007',
    name: 'Ada Lane',
    releaseUrls: range(0, count).map((n) => `https://tidal.com/album/${300_000 + n}`),
    routes,
    requests: 1 + Math.ceil(count / 20),
  };
}

/** A Bandcamp /music page: the first 8 releases as grid items, the rest in data-client-items. */
export function bandcampListing(base: string, count = 20): ListingStandIn {
  const slug = (n: number) => `song-book-${n}`;
  const kind = (n: number) => (n % 4 === 3 ? 'track' : 'album');
  const grid = range(0, Math.min(8, count))
    .map(
      (n) =>
        `<li data-item-id="${kind(n)}-${n}" class="music-grid-item square"><a href="/${kind(n)}/${slug(n)}"><div class="art"></div><p class="title">${title(n)}${n === 1 ? ' <br><span class="artist-override">Ada Lane &amp; Friends</span>' : ''}</p></a></li>`,
    )
    .join('\n');
  const rest = range(8, count).map((n) => ({
    id: n,
    type: kind(n),
    title: title(n),
    artist: null,
    page_url: `/${kind(n)}/${slug(n)}`,
  }));
  const clientItems = JSON.stringify(rest).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const html = `<!DOCTYPE html><html><head><meta property="og:site_name" content="Ada Lane"></head><body><ol id="music-grid" class="music-grid" data-client-items="${clientItems}">${grid}</ol></body></html>`;
  return {
    store: 'bandcamp',
    artistUrl: 'https://adalane.bandcamp.com/music',
    name: 'Ada Lane',
    releaseUrls: range(0, count).map((n) => `https://adalane.bandcamp.com/${kind(n)}/${slug(n)}`),
    routes: { [`${base}/music`]: { html } },
    requests: 1,
  };
}

/** Beatport's artist releases pages: __NEXT_DATA__ with a page of API v4 releases, 50 a page. */
export function beatportListing(base: string, count = 70): ListingStandIn {
  const routes: Record<string, object> = {};
  const pages = Math.ceil(count / 50);
  for (let page = 1; page <= pages; page++) {
    const results = range((page - 1) * 50, Math.min(count, page * 50)).map((n) => ({
      id: 4_200_000 + n,
      name: title(n),
      slug: `song-book-${n}`,
      catalog_number: `ADA${n}`,
      new_release_date: date(n),
      type: { id: 1, name: n % 2 ? 'Release' : 'EP' },
      artists: [{ id: 123456, name: 'Ada Lane', slug: 'ada-lane' }],
    }));
    const data = {
      props: {
        pageProps: {
          dehydratedState: {
            queries: [
              {
                queryKey: ['artist-releases', { artist_id: 123456, page }],
                state: { data: { results, count, page: `${page}/${pages}`, per_page: 50 } },
              },
            ],
          },
        },
      },
      buildId: 'b',
    };
    routes[`${base}/artist/ada-lane/123456/releases?page=${page}&per_page=50`] = {
      html: `<html><body><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script></body></html>`,
    };
  }
  return {
    store: 'beatport',
    artistUrl: 'https://www.beatport.com/artist/ada-lane/123456',
    name: 'Ada Lane',
    releaseUrls: range(0, count).map(
      (n) => `https://www.beatport.com/release/song-book-${n}/${4_200_000 + n}`,
    ),
    routes,
    requests: pages,
  };
}

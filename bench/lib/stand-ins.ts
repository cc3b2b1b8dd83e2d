/**
 * Synthetic stores for benchmarks: a Deezer API and Bandcamp pages that answer any ID after a set
 * latency, and a MusicBrainz ws/2/url that knows nothing. Loopback only; every request counted.
 */
import { gtinCheckDigit } from '@liner/shared';
import { type StandIn, startStandIn } from '../../test/support/stand-in.ts';
import { bandcampPage, musicBrainzUrlRoute } from '../../test/support/stand-ins.ts';

export interface Latencies {
  deezer: number;
  bandcamp: number;
  musicbrainz: number;
}

export const TRACKS = 10;

/** A valid 12-digit UPC derived from a number. */
export function upcFor(n: number): string {
  const body = String(19_000_000_000 + n).padStart(11, '0');
  return body + String(gtinCheckDigit(body));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSyntheticStores(latency: Latencies): Promise<StandIn> {
  const stores = await startStandIn();
  const mb = musicBrainzUrlRoute({});
  const json = (res: Parameters<Parameters<StandIn['route']>[1]>[1], body: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  stores.route('*', async (req, res) => {
    const path = req.path.split('?')[0]!;
    const album = /^\/deezer\/album\/(upc:)?(\d+)$/.exec(path);
    const track = /^\/deezer\/track\/(\d+)$/.exec(path);
    const page = /^\/bandcamp\/[\w-]+\/album\/album-(\d+)$/.exec(path);
    if (album) {
      const match = album;
      await sleep(latency.deezer);
      const id = match[1] ? Number(match[2]!.slice(-6)) : Number(match[2]);
      const tracks = Array.from({ length: TRACKS }, (_, i) => ({
        id: id * 100 + i,
        title: `Track ${i + 1}`,
        duration: 180,
      }));
      return json(res, {
        id,
        title: `Album ${id}`,
        upc: upcFor(id),
        nb_tracks: TRACKS,
        release_date: '2024-01-01',
        record_type: 'album',
        label: 'Bench Records',
        contributors: [{ id: 1, name: 'Bench Artist', role: 'Main' }],
        tracks: { data: tracks },
      });
    }
    if (track) {
      const match = track;
      await sleep(latency.deezer);
      const id = Number(match[1]);
      const isrc = `GBAAA${String(id).padStart(7, '0').slice(-7)}`;
      return json(res, {
        id,
        title: `Track ${(id % 100) + 1}`,
        duration: 180,
        track_position: (id % 100) + 1,
        disk_number: 1,
        isrc,
        contributors: [{ id: 1, name: 'Bench Artist', role: 'Main' }],
      });
    }
    if (page) {
      const match = page;
      await sleep(latency.bandcamp);
      const id = Number(match[1]);
      const tracks = Array.from({ length: TRACKS }, (_, i) => ({
        title: `Track ${i + 1}`,
        duration: 180,
      }));
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          bandcampPage({ artist: 'Bench Artist', title: `Album ${id}`, upc: upcFor(id), tracks }),
        );
    }
    if (path.startsWith('/mb/ws/2/url')) {
      await sleep(latency.musicbrainz);
      return mb(req, res);
    }
    res.writeHead(404).end();
  });
  return stores;
}

/** Environment pointing a Liner server at the synthetic stores. */
export function storeEnv(stores: StandIn): Record<string, string> {
  return {
    LINER_PROVIDERS: 'deezer,bandcamp',
    LINER_PROVIDERS__DEEZER__BASE_URL: `${stores.url}/deezer`,
    LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: `${stores.url}/bandcamp/{band}`,
    LINER_MUSICBRAINZ_API_URL: `${stores.url}/mb`,
  };
}

export function countBy(stores: StandIn, prefix: string, since = 0): number {
  return stores.requests.slice(since).filter((r) => r.path.startsWith(prefix)).length;
}

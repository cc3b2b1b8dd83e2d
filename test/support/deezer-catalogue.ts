/**
 * A made-up Deezer catalogue for the fault and burst tests, which need many distinct releases:
 * album N (and its barcode) answers for any N, shaped like the provider's own fixtures
 * (server/src/providers/deezer/fixtures), with three tracks each. Hand-written, not recorded.
 */
import type { ServerResponse } from 'node:http';
import type { StandInRequest } from './stand-in.ts';

/** A valid GTIN-13 for album `n` (the check digit computed, so barcode rules accept it). */
export function catalogueGtin(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function album(n: number) {
  const tracks = [1, 2, 3].map((k) => ({ id: n * 10 + k, title: `Part ${k}`, duration: 180 + k }));
  return {
    id: n,
    title: `Catalogue Release ${n}`,
    upc: catalogueGtin(n),
    link: `https://www.deezer.com/album/${n}`,
    label: 'Catalogue Test Records',
    nb_tracks: 3,
    release_date: '2024-02-02',
    record_type: 'album',
    contributors: [{ id: 7, name: 'Catalogue Artist', role: 'Main' }],
    artist: { id: 7, name: 'Catalogue Artist' },
    tracks: { data: tracks, total: 3 },
  };
}

function track(id: number) {
  const k = id % 10;
  return {
    id,
    title: `Part ${k}`,
    isrc: `GBCAT${String(id).padStart(7, '0')}`,
    duration: 180 + k,
    track_position: k,
    disk_number: 1,
    available_countries: ['DE', 'GB', 'US'],
    artist: { id: 7, name: 'Catalogue Artist' },
    contributors: [{ id: 7, name: 'Catalogue Artist', role: 'Main' }],
  };
}

/** The Deezer API of the catalogue under `prefix` (paths as api.deezer.com has them). */
export function deezerCatalogue(prefix: string) {
  return (req: StandInRequest, res: ServerResponse): boolean => {
    if (!req.path.startsWith(`${prefix}/`)) return false;
    const path = decodeURIComponent(req.path.slice(prefix.length).split('?')[0]!);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(catalogueBody(path)));
    return true;
  };
}

function catalogueBody(path: string): unknown {
  const byId = /^\/album\/(\d+)$/.exec(path) ?? /^\/album\/upc:2000*(\d+)\d$/.exec(path);
  if (byId) return album(Number(byId[1]));
  const trackId = /^\/track\/(\d+)$/.exec(path);
  if (trackId) return track(Number(trackId[1]));
  return { error: { type: 'DataException', message: 'no data', code: 800 } };
}

/** The Deezer album number a catalogue request asks about, if any (album/N or its tracks). */
export function catalogueAlbumOf(path: string): number | undefined {
  const album = /\/album\/(\d+)/.exec(path);
  if (album) return Number(album[1]);
  const track = /\/track\/(\d+)/.exec(path);
  return track ? Math.floor(Number(track[1]) / 10) : undefined;
}

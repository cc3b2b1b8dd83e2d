/**
 * The one list of stores: a store is its folder (`<name>/store.ts`, and its provider in
 * `server/src/providers/<name>/`) and one line here. Everything else derives from this list and
 * from what each store declares; the order is the provider order (merge ties, the options page).
 */
import { bandcamp } from './bandcamp/store.ts';
import { beatport } from './beatport/store.ts';
import { deezer } from './deezer/store.ts';
import { discogs } from './discogs/store.ts';
import { itunes } from './itunes/store.ts';
import { mora } from './mora/store.ts';
import { musicbrainz } from './musicbrainz/store.ts';
import { ototoy } from './ototoy/store.ts';
import { qobuz } from './qobuz/store.ts';
import { spotify } from './spotify/store.ts';
import { tidal } from './tidal/store.ts';

export const STORES = [
  deezer,
  itunes,
  bandcamp,
  beatport,
  musicbrainz,
  discogs,
  qobuz,
  spotify,
  tidal,
  mora,
  ototoy,
] as const;

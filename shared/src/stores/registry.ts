/**
 * The one list of stores, one line each: a store is its folder (`<name>/store.ts` with its
 * `recognition.ts`, and its provider in `server/src/providers/<name>/`) and its line here.
 * Everything else derives from these declarations (see all.ts); `npm run new-store` adds both.
 */
export { bandcamp } from './bandcamp/store.ts';
export { beatport } from './beatport/store.ts';
export { deezer } from './deezer/store.ts';
export { discogs } from './discogs/store.ts';
export { itunes } from './itunes/store.ts';
export { mora } from './mora/store.ts';
export { musicbrainz } from './musicbrainz/store.ts';
export { ototoy } from './ototoy/store.ts';
export { qobuz } from './qobuz/store.ts';
export { spotify } from './spotify/store.ts';
export { tidal } from './tidal/store.ts';

/**
 * The explicit list of providers. Adding a provider means adding its folder and one line here;
 * everything else (allowed hosts, rate limits, merge preferences, CLI names) derives from it.
 */
import type { ProviderName } from '@liner/shared';
import { bandcampProvider } from './bandcamp/index.ts';
import { beatportProvider } from './beatport/index.ts';
import { deezerProvider } from './deezer/index.ts';
import { discogsProvider } from './discogs/index.ts';
import { itunesProvider } from './itunes/index.ts';
import { musicbrainzProvider } from './musicbrainz/index.ts';
import { qobuzProvider } from './qobuz/index.ts';
import { spotifyProvider } from './spotify/index.ts';
import { tidalProvider } from './tidal/index.ts';
import type { ProviderDeclaration } from './types.ts';

function register(
  list: readonly ProviderDeclaration[],
): ReadonlyMap<ProviderName, ProviderDeclaration> {
  const map = new Map<ProviderName, ProviderDeclaration>();
  for (const provider of list) {
    if (map.has(provider.name)) throw new Error(`provider "${provider.name}" is registered twice`);
    map.set(provider.name, provider);
  }
  return map;
}

export const PROVIDERS = register([
  deezerProvider,
  itunesProvider,
  bandcampProvider,
  beatportProvider,
  musicbrainzProvider,
  discogsProvider,
  qobuzProvider,
  spotifyProvider,
  tidalProvider,
]);

export function providerDeclaration(name: ProviderName): ProviderDeclaration | undefined {
  return PROVIDERS.get(name);
}

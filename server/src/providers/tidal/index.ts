/**
 * Tidal: OpenAPI v2 with a client-credentials app token from Tidal's auth host (the v1 API is
 * only a fallback, see client.ts). Regional: each preferred country is asked in turn.
 */
import { storeByName } from '@liner/shared';
import type { ProviderDeclaration } from '../types.ts';
import { createTidalClient, TIDAL_BARCODE } from './client.ts';

export const provider: ProviderDeclaration = {
  name: 'tidal',
  displayName: 'Tidal',
  store: storeByName('tidal'),
  category: 'streaming',
  endpoints: {
    api: 'https://openapi.tidal.com/v2',
    legacy: 'https://openapi.tidal.com',
    auth: 'https://auth.tidal.com/v1/oauth2',
  },
  // Tidal publishes no figure for catalogue apps (another importer settled on 2 per 10 s); a 429
  // with Retry-After is honoured by the HTTP layer. A look-up needs one request per region tried
  // plus one per extra page, so 5 per 10 s keeps one look-up quick and many of them polite.
  rateLimits: [{ endpoint: 'api', requests: 5, perMs: 10_000, concurrency: 2 }],
  requiredCredentials: ['clientId', 'clientSecret'],
  regions: ['US', 'GB', 'DE', 'FR', 'SE', 'NO', 'NL', 'CA', 'AU', 'BR'],
  features: {
    gtinLookup: 'good',
    gtin: 'good',
    isrc: 'good',
    // The "providers" Tidal names are often distributors ("Universal"), not the label.
    labels: 'bad',
    catalogNumber: 'none',
    releaseDate: 'good',
    // ISO 8601 durations in whole seconds.
    durations: 'present',
    artistCredits: 'present',
    // Only "available in the region that answered".
    availability: 'bad',
    copyright: 'good',
    releaseTypes: 'present',
    coverSize: 1280,
  },
  barcode: TIDAL_BARCODE,
  create: createTidalClient,
};

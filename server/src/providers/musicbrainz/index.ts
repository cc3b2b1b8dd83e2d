/**
 * MusicBrainz as a source: a release by MBID (to compare it with the stores, or as the user's own
 * source), or by barcode search. Every request carries Liner's User-Agent and passes the
 * deployment-wide budget of one request per second (the HTTP layer's MusicBrainz gate).
 */
import { isMbid, type StoreEntity, sameGtin, storeByName } from '@liner/shared';
import { NotFoundError } from '../../http/errors.ts';
import { barcodeRounds, findByBarcode } from '../common/barcode.ts';
import { getJson } from '../common/fetch.ts';
import type {
  BarcodeDeclaration,
  ProviderContext,
  ProviderDeclaration,
  ProviderLookup,
} from '../types.ts';
import { mbRelease, mbSearch } from './api.ts';
import { parseMusicBrainzRelease } from './parse.ts';

const NAME = 'musicbrainz';

const BARCODE: BarcodeDeclaration = {
  // MusicBrainz keeps the barcode an editor typed: a UPC-A as its 12 digits, an EAN as 13, and
  // its search matches the string, so both are asked.
  forms: ['short', 'ean13'],
  // A database, asked for a barcode only when named (every request spends the one-a-second budget).
  byDefault: false,
};
// recording-level-rels: each recording's own URL relationships (its store links), so the
// comparison offers a recording only the links it lacks; annotation: an edit seed's annotation
// would replace it, so it is offered only where there is none.
const INC =
  'artist-credits+labels+recordings+release-groups+isrcs+url-rels+recording-level-rels+media+annotation';
const store = storeByName(NAME);

function createClient(ctx: ProviderContext) {
  const api = ctx.endpoints.api!;

  async function byMbid(mbid: string): Promise<ProviderLookup> {
    if (!isMbid(mbid))
      throw new NotFoundError(NAME, mbid, `"${mbid}" is not a MusicBrainz release ID`);
    const apiUrl = `${api}/ws/2/release/${mbid}?inc=${INC}&fmt=json`;
    const { data } = await getJson(ctx.http, NAME, apiUrl, mbRelease);
    const { release, messages, heldBarcode } = parseMusicBrainzRelease(data);
    const url = store.canonicalUrl({ store: NAME, type: 'release', id: data.id });
    return {
      release,
      messages,
      id: data.id,
      url,
      apiUrl,
      ...(heldBarcode !== undefined ? { heldBarcode } : {}),
    };
  }

  return {
    lookupById: (entity: StoreEntity) => byMbid(entity.id),
    lookupByGtin(gtin: string) {
      return findByBarcode({
        provider: NAME,
        displayName: 'MusicBrainz',
        gtin,
        rounds: barcodeRounds(gtin, BARCODE.forms),
        async search({ variant }) {
          const url = `${api}/ws/2/release?query=barcode:${variant}&fmt=json`;
          const { data } = await getJson(ctx.http, NAME, url, mbSearch);
          return {
            url,
            matches: data.releases.filter((r) => r.barcode && sameGtin(r.barcode, variant)),
          };
        },
        open: (match) => byMbid(match.id),
        describe: (m) => `${m.id} (${[m.date, m.country].filter(Boolean).join(', ') || 'no date'})`,
      });
    },
  };
}

export const provider: ProviderDeclaration = {
  name: NAME,
  displayName: 'MusicBrainz',
  store,
  category: 'database',
  endpoints: { api: 'https://musicbrainz.org' },
  rateLimits: [{ endpoint: 'api', requests: 1, perMs: 1000, concurrency: 1 }],
  requiredCredentials: [],
  // Editors change MusicBrainz all day, and a comparison right after adding links must see them.
  cacheTtlMs: 10 * 60_000,
  regions: 'worldwide',
  features: {
    gtinLookup: 'good',
    gtin: 'excellent',
    isrc: 'good',
    labels: 'excellent',
    catalogNumber: 'excellent',
    releaseDate: 'good',
    durations: 'good',
    artistCredits: 'excellent',
    availability: 'present',
    copyright: 'none',
    releaseTypes: 'excellent',
    coverSize: 0,
  },
  barcode: BARCODE,
  create: createClient,
};

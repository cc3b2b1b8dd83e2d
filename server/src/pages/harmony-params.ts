/**
 * Harmony's release look-up state (kellnerd/harmony `server/state.ts`), read as a Liner look-up,
 * so the tools that link to Harmony (the Picard plugin, SAMBL's seeders, the userscripts) work
 * with a Liner server by a change of host. Pure: the route (harmony-routes.ts) runs it.
 *
 * Harmony's parameters: `url` (repeated), `gtin`, `region` (repeated or comma-separated),
 * `category` (all, default, preferred), a provider's name as a switch (empty: search the barcode
 * there) or with its release ID, `<provider>!` for a template release, `ts` (Unix seconds: the
 * newest snapshot to use). docs/harmony.md says what each becomes here.
 */
import {
  canonicalUrl,
  type LookupInput,
  PROVIDER_NAMES,
  type ProviderName,
  regionSchema,
  tryRecognizeUrl,
} from '@liner/shared';

/** A parameter Liner cannot read: the page names it and says why. */
export class HarmonyParamError extends Error {
  override readonly name = 'HarmonyParamError';
}

export interface HarmonyLookup {
  /** The look-up, less the barcode providers the route chooses from `category` and `switches`. */
  input: LookupInput & { urls: string[] };
  /** Providers named as switches (with or without an ID), in Harmony's names (also Liner's). */
  switches: ProviderName[];
  /** Harmony's provider category: `all` asks every store, the others Liner's defaults. */
  category?: 'all' | 'default' | 'preferred';
  /** `ts`: the stored look-up made at or before this moment. */
  at?: Date;
  /** Parameters given that mean nothing to Liner (template providers, Harmony-only stores). */
  ignored: string[];
}

const KNOWN = new Set<string>(PROVIDER_NAMES);
const STATE = new Set(['url', 'gtin', 'region', 'category', 'ts']);

/** Harmony's ID of a release at a provider, as the store URL Liner looks up. */
export function releaseUrlOfHarmonyId(
  provider: ProviderName,
  id: string,
  region: string | undefined,
): string {
  const value = id.trim();
  // Harmony names a Bandcamp album "<band>/<album slug>"; Liner's ID says album or track.
  const bandcamp = /^([a-z0-9-]+)\/([\w-]+)$/i.exec(value);
  const entityId =
    provider === 'bandcamp' && bandcamp ? `${bandcamp[1]}/album/${bandcamp[2]}` : value;
  const url = /^[\w/-]{1,100}$/.test(entityId)
    ? canonicalUrl({
        store: provider,
        type: 'release',
        id: entityId,
        ...(region ? { region } : {}),
      })
    : undefined;
  const entity = url ? tryRecognizeUrl(url)?.entity : undefined;
  if (!url || entity?.store !== provider || entity.type !== 'release' || entity.id !== entityId)
    throw new HarmonyParamError(`${provider}=${id}: "${id}" is not a ${provider} release ID`);
  return url;
}

function regionsOf(params: URLSearchParams): string[] {
  const codes = params
    .getAll('region')
    .flatMap((value) => value.split(','))
    .map((code) => code.trim())
    .filter(Boolean);
  return [
    ...new Set(
      codes.map((code) => {
        const parsed = regionSchema.safeParse(code);
        if (!parsed.success)
          throw new HarmonyParamError(
            `region=${code}: a region is an ISO 3166-1 alpha-2 code such as GB`,
          );
        return parsed.data;
      }),
    ),
  ];
}

function categoryOf(params: URLSearchParams): HarmonyLookup['category'] {
  const category = params.get('category')?.trim();
  if (!category) return undefined;
  if (category === 'all' || category === 'default' || category === 'preferred') return category;
  throw new HarmonyParamError(
    `category=${category}: Harmony's categories are all, default and preferred`,
  );
}

function timestampOf(params: URLSearchParams): Date | undefined {
  const ts = params.get('ts')?.trim();
  if (!ts) return undefined;
  const seconds = /^\d{1,12}$/.test(ts) ? Number(ts) : Number.NaN;
  // Harmony refuses moments before its first release and after now; Liner reads any Unix time.
  if (!Number.isSafeInteger(seconds))
    throw new HarmonyParamError(`ts=${ts}: a Unix time in seconds, such as 1767225600`);
  return new Date(seconds * 1000);
}

/** Reads Harmony's look-up parameters; throws HarmonyParamError naming the one that is wrong. */
export function parseHarmonyParams(params: URLSearchParams): HarmonyLookup {
  const regions = regionsOf(params);
  const urls = params
    .getAll('url')
    .map((url) => url.trim())
    .filter(Boolean);
  const switches: ProviderName[] = [];
  const ignored: string[] = [];
  for (const [name, value] of params) {
    if (STATE.has(name)) continue;
    if (!KNOWN.has(name)) {
      ignored.push(name);
      continue;
    }
    const provider = name as ProviderName;
    if (!switches.includes(provider)) switches.push(provider);
    if (value.trim()) urls.push(releaseUrlOfHarmonyId(provider, value, regions[0]));
  }
  const gtin = params.get('gtin')?.trim();
  const category = categoryOf(params);
  const at = timestampOf(params);
  return {
    input: {
      urls: [...new Set(urls)],
      ...(gtin ? { gtin } : {}),
      ...(regions.length ? { regions } : {}),
    },
    switches,
    ...(category ? { category } : {}),
    ...(at ? { at } : {}),
    ignored,
  };
}

/**
 * The stores that search the barcode: Harmony asks the switched providers (and a category's);
 * without either, Liner's own defaults (the look-up's `providers` left out).
 */
export function barcodeProviders(
  parsed: HarmonyLookup,
  all: readonly ProviderName[],
  defaults: readonly ProviderName[],
): ProviderName[] | undefined {
  if (parsed.category === 'all') return [...all];
  if (!parsed.switches.length) return undefined;
  const base = parsed.category ? defaults : [];
  return [...new Set([...base, ...parsed.switches])];
}

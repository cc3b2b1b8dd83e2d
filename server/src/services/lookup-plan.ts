/**
 * Which providers a look-up asks, and how: every given store URL by ID, and the GTIN (given, or
 * found in phase one) at the stores that can search barcodes. Pure, so the plan is testable.
 */
import {
  canonicalGtin,
  gtinKey,
  type LookupMessage,
  type ParsedLookupInput,
  type ProviderName,
  parseGtin,
  recognizeUrl,
  recognizeUrlOfType,
  storeByName,
} from '@liner/shared';
import type { ProviderClient, ProviderDeclaration } from '../providers/types.ts';
import type { ProviderOutcome, ProviderTask } from './provider-fetch.ts';

export interface PlanContext {
  clients: ReadonlyMap<ProviderName, ProviderClient>;
  declarations: ReadonlyMap<ProviderName, ProviderDeclaration>;
  /** Why each disabled provider is disabled. */
  disabled: ReadonlyMap<ProviderName, string>;
  defaultRegions: readonly string[];
  defaultProviders?: readonly ProviderName[] | undefined;
}

export interface Plan {
  tasks: ProviderTask[];
  gtin?: string;
  regions: string[];
  messages: LookupMessage[];
}

/**
 * Stores that search a barcode: those named, else those whose declaration asks for it by
 * default (`barcode.byDefault`), among the enabled ones that can.
 */
export function gtinProviders(ctx: PlanContext, input: ParsedLookupInput): ProviderName[] {
  const chosen = input.providers ?? ctx.defaultProviders;
  return [...ctx.declarations.values()]
    .filter((d) => d.barcode && ctx.clients.get(d.name)?.lookupByGtin)
    .filter((d) => (chosen ? chosen.includes(d.name) : d.barcode?.byDefault))
    .map((d) => d.name);
}

/** Phase one. Throws UrlProblem or InvalidGtinError for input that cannot be looked up. */
export function planLookup(ctx: PlanContext, input: ParsedLookupInput): Plan {
  const regions = [...(input.regions?.length ? input.regions : ctx.defaultRegions)];
  const messages: LookupMessage[] = [];
  const tasks: ProviderTask[] = [];
  for (const url of input.urls) {
    const store = recognizeUrl(url).entity.store;
    const { entity } = recognizeUrlOfType(
      url,
      ctx.declarations.get(store)?.lookupTypes ?? ['release'],
    );
    // A Discogs master and release may share a number: the key says which one is meant.
    const value = entity.type === 'release' ? entity.id : `${entity.type}/${entity.id}`;
    if (!ctx.clients.has(entity.store)) {
      const declared = ctx.declarations.get(entity.store);
      // A store Liner recognizes but has no provider for (its store.ts says why) is not "disabled".
      const text = declared
        ? `${declared.displayName} is disabled (${ctx.disabled.get(entity.store) ?? 'not available'}), so ${url} was not looked up`
        : `Liner recognizes ${url} (${storeByName(entity.store).displayName}) but has no provider for that store (${storeByName(entity.store).noProvider ?? 'none registered'}), so it was not looked up`;
      messages.push({ level: 'error', provider: entity.store, text });
      continue;
    }
    if (tasks.some((t) => t.provider === entity.store && t.value === value)) continue;
    const taskRegions = entity.region
      ? [entity.region, ...regions.filter((r) => r !== entity.region)]
      : regions;
    tasks.push({
      provider: entity.store,
      method: 'id',
      value,
      entity,
      regions: taskRegions,
      requested: true,
    });
  }
  const gtin = input.gtin ? parseGtin(input.gtin) : undefined;
  if (gtin) tasks.push(...gtinTasks(ctx, input, gtin, regions, tasks));
  return { tasks, regions, messages, ...(gtin ? { gtin } : {}) };
}

export function gtinTasks(
  ctx: PlanContext,
  input: ParsedLookupInput,
  gtin: string,
  regions: readonly string[],
  already: readonly ProviderTask[],
): ProviderTask[] {
  return gtinProviders(ctx, input)
    .filter((provider) => !already.some((t) => t.provider === provider))
    .map((provider) => ({
      provider,
      method: 'gtin' as const,
      // One form per barcode: its paddings share the searches, the cache and the answer.
      value: canonicalGtin(gtin),
      regions: [...regions],
      requested: false,
    }));
}

/**
 * The one barcode phase one agrees on, or a message when providers disagree; with the regions to
 * search it in: narrowed to where the release was found.
 */
export function barcodeFromPhaseOne(
  outcomes: readonly ProviderOutcome[],
  preferred: readonly string[] = [],
  worldwide: (provider: ProviderName) => boolean = () => false,
): {
  gtin?: string;
  regions?: string[];
  message?: LookupMessage;
} {
  const byKey = new Map<string, { gtin: string; providers: ProviderName[] }>();
  for (const outcome of outcomes) {
    const gtin = outcome.release?.gtin;
    if (!gtin) continue;
    const entry = byKey.get(gtinKey(gtin)) ?? { gtin, providers: [] };
    entry.providers.push(outcome.task.provider);
    byKey.set(gtinKey(gtin), entry);
  }
  if (byKey.size === 1)
    return {
      gtin: [...byKey.values()][0]!.gtin,
      regions: foundRegions(outcomes, preferred, worldwide),
    };
  if (byKey.size > 1) {
    const list = [...byKey.values()].map((e) => `${e.gtin} (${e.providers.join(', ')})`).join(', ');
    return {
      message: {
        level: 'warning',
        text: `The given releases have different barcodes: ${list}; no barcode search was made.`,
      },
    };
  }
  return {};
}

/**
 * Where the barcode phase looks once a store has found the release: the storefronts that store
 * answered in; else the preferred regions the release is available in (its stores' availability);
 * else, when it is sold in none of them, as many regions where it is as were preferred. A
 * release sold only in Japan is then asked for in Japan, once, not in four storefronts that
 * cannot have it. A release found only at stores with one catalogue for the whole world that
 * say nothing of where it is sold (Bandcamp, Beatport) is sold everywhere: the first preferred
 * storefront answers for it. Otherwise the preferred regions.
 */
export function foundRegions(
  outcomes: readonly ProviderOutcome[],
  preferred: readonly string[],
  worldwide: (provider: ProviderName) => boolean = () => false,
): string[] {
  const found = outcomes.filter((o) => o.release);
  const used = [...new Set(found.flatMap((o) => (o.info.region ? [o.info.region] : [])))];
  if (used.length > 0) return used;
  const available = new Set(
    found.flatMap((o) => o.release!.availableIn ?? []).filter((r) => r !== 'XW'),
  );
  if (available.size === 0) {
    const everywhere = found.length > 0 && found.every((o) => worldwide(o.task.provider));
    return everywhere ? preferred.slice(0, 1) : [...preferred];
  }
  const kept = preferred.filter((r) => available.has(r));
  return kept.length > 0 ? kept : [...available].sort().slice(0, Math.max(1, preferred.length));
}

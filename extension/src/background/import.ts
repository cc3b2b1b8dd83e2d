/**
 * "Open in MusicBrainz" and "Add missing links": the seed comes from the server (seeds.build),
 * or, when the server cannot be reached, is built here from the cached look-up with the same
 * shared builder. Either way it is pointed at the MusicBrainz site chosen in the options and
 * validated; a seed that fails validation is refused with the reasons, never posted.
 */
import { seedSchema } from '@liner/shared/contracts';
import type { LookupResult } from '@liner/shared/lookup';
import { seedAddresses } from '@liner/shared/seed/addresses';
import { buildEditSeed, buildReleaseSeed } from '@liner/shared/seed/build';
import type { Seed } from '@liner/shared/seed/types';
import { musicBrainzFormsOfUrl } from '@liner/shared/stores/index';
import type { ImportResponse } from '../messages.ts';
import { musicBrainzUrl, type Settings } from '../settings/schema.ts';
import type { Cache } from './cache.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { handOver, type Opener } from './hand-over.ts';
import { releasePage } from './lookup.ts';
import { problemFrom } from './problems.ts';

/** Store links of the release that the cached badge answers say are linked to `mbid`. */
async function linkedUrls(cache: Cache, result: LookupResult, mbid: string): Promise<string[]> {
  const links = result.release?.externalLinks ?? [];
  const forms = links.map((link) => ({ url: link.url, forms: musicBrainzFormsOfUrl(link.url) }));
  const states = await cache.urlStates(forms.flatMap((f) => f.forms));
  return forms
    .filter((f) => f.forms.some((form) => states.get(form)?.row.mbids.includes(mbid)))
    .map((f) => f.url);
}

async function localSeed(
  deps: BackgroundDeps,
  settings: Settings,
  result: LookupResult,
  existing?: string,
) {
  // The server's own rule, from the address this extension reaches it at, as the server does
  // for this extension's requests: the same permalink gives the same seed either way.
  const options = {
    editorUrl: musicBrainzUrl(settings),
    ...seedAddresses(settings.serverUrl, result.id),
    version: deps.version,
  };
  if (!existing) return buildReleaseSeed(result, options);
  const linked = await linkedUrls(deps.cache, result, existing);
  return buildEditSeed(result, existing, { ...options, linkedUrls: linked });
}

export interface ImportRequest {
  url: string;
  permalink: string;
  existing?: string | undefined;
}

export interface ImportOptions {
  /** Where the post page opens; a new tab unless the caller says otherwise. */
  open?: Opener;
  /** The look-up the permalink names, when the caller has it (else the cached one is used). */
  result?: LookupResult;
}

/**
 * "Open in MusicBrainz" from a store page. The page's URL is what the history keeps and the
 * popup links, so only a store's release page is taken, as for a look-up.
 */
export async function importRelease(
  deps: BackgroundDeps,
  request: ImportRequest,
  options: ImportOptions = {},
): Promise<ImportResponse> {
  const page = releasePage(request.url);
  if (!page.ok) return page;
  return postImport(deps, { ...request, url: page.canonicalUrl }, options);
}

/**
 * The seed of a look-up, handed over. `url` is the store page the import came from, in
 * canonical form, or, for a barcode pasted into the editor, the look-up's page on the server.
 */
export async function postImport(
  deps: BackgroundDeps,
  request: ImportRequest,
  options: ImportOptions = {},
): Promise<ImportResponse> {
  const settings = await deps.settings();
  const cached = options.result ?? (await deps.cache.lookup(request.url))?.row.result;
  let seed: Seed;
  let builtLocally = false;
  try {
    const client = deps.client(settings, TIMEOUTS.seed);
    const answer = await client.seeds.build.query({
      id: request.permalink,
      ...(request.existing ? { existing: request.existing } : {}),
    });
    seed = seedSchema.parse(answer);
  } catch (error) {
    const problem = problemFrom(error);
    const offline = problem.kind === 'unreachable' || problem.kind === 'timeout';
    if (!offline || cached?.id !== request.permalink) return { ok: false, problem };
    seed = await localSeed(deps, settings, cached, request.existing);
    builtLocally = true;
  }
  const failure = await handOver(deps, settings, seed, {
    existing: request.existing,
    open: options.open ?? deps.openTab,
  });
  if (failure) return failure;
  // The badge answer is about to change: ask MusicBrainz again on the next visit.
  await deps.cache.expireUrlState(request.url);
  const release = cached?.release;
  await deps.cache.addHistory({
    kind: seed.action === 'add' ? 'import' : 'edit',
    url: request.url,
    permalink: request.permalink,
    ...(release ? { title: release.title } : {}),
    ...(request.existing ? { mbid: request.existing } : {}),
  });
  return { ok: true, action: seed.action, builtLocally };
}

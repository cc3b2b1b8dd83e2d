/**
 * "Compare with stores" on a MusicBrainz release page. The server reads the release from the
 * MusicBrainz web service (in its shared budget of one request per second) and looks its store
 * links and barcode up; the answer is cached here briefly, and shown from the cache with the
 * reason when the server cannot be asked. "Add missing links" posts the comparison's own edit
 * seed, so what is posted is exactly what the panel listed.
 */
import type { CompareResponse, ImportResponse } from '../messages.ts';
import { musicBrainzUrl, type Settings } from '../settings/schema.ts';
import { throughCache } from './cache.ts';
import {
  comparisonEdits,
  comparisonSchema,
  comparisonView,
  type ViewOptions,
} from './comparison-view.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { seedFromRows } from './edit-rows.ts';
import { handOver } from './hand-over.ts';
import { problemFrom } from './problems.ts';

function viewOptions(deps: BackgroundDeps, settings: Settings): ViewOptions {
  return {
    serverUrl: settings.serverUrl,
    editorUrl: musicBrainzUrl(settings),
    version: deps.version,
  };
}

export async function compareRelease(
  deps: BackgroundDeps,
  mbid: string,
  refresh: boolean,
): Promise<CompareResponse> {
  const settings = await deps.settings();
  const cached = await deps.cache.comparison(mbid);
  const view = (row: { comparison: Parameters<typeof comparisonView>[0] }) =>
    comparisonView(row.comparison, viewOptions(deps, settings));
  const answer = await throughCache(
    cached,
    refresh,
    view,
    async () => {
      const client = deps.client(settings, TIMEOUTS.compare);
      const raw = await client.musicbrainz.compare.query({
        mbid,
        // After an edit from here the server's copy of the release is out of date too.
        refresh: refresh || cached?.row.edited === true,
      });
      return view(await deps.cache.putComparison(comparisonSchema.parse(raw)));
    },
    (error) =>
      problemFrom(error, {
        notFound: `The MusicBrainz web service the Liner server reads has no release ${mbid}.`,
      }),
  );
  if (!answer.ok) return answer;
  return { ok: true, comparison: answer.value, ...(answer.cache ? { cache: answer.cache } : {}) };
}

export async function addMissingLinks(deps: BackgroundDeps, mbid: string): Promise<ImportResponse> {
  const settings = await deps.settings();
  const cached = await deps.cache.comparison(mbid);
  // Exactly the rows the panel listed, built here; the server's own seed is not posted.
  const comparison = cached?.row.comparison;
  const edits = comparison ? comparisonEdits(comparison) : [];
  if (!comparison || edits.length === 0) {
    return {
      ok: false,
      problem: {
        kind: 'not-found',
        message: 'There is no list of missing links for this release: compare it again first.',
        retryable: false,
      },
    };
  }
  const { seed } = seedFromRows(comparison, edits, viewOptions(deps, settings));
  const failure = await handOver(deps, settings, seed, { existing: mbid, open: deps.openTab });
  if (failure) return failure;
  await deps.cache.comparisonEdited(mbid);
  await deps.cache.addHistory({
    kind: 'edit',
    url: `${musicBrainzUrl(settings)}/release/${mbid}`,
    title: comparison.musicbrainz.title,
    mbid,
    ...(comparison.lookup ? { permalink: comparison.lookup.id } : {}),
  });
  return { ok: true, action: 'edit', builtLocally: false };
}

/**
 * The release editor's paste box: a store URL or a barcode is looked up, its seed built by the
 * server, validated, and posted into the very tab the user pasted in: MusicBrainz's new-release
 * editor, or the edit page of an existing release (which then gets the store's missing links).
 * Which release an edit is for is read from the tab's own address, never from the message.
 */
import { type LookupResult, lookupResultSchema } from '@liner/shared/lookup';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import type { ImportResponse, ParsedRequest, Sender } from '../messages.ts';
import { musicBrainzPage } from '../musicbrainz-pages.ts';
import { musicBrainzUrl } from '../settings/schema.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { postImport } from './import.ts';
import { lookupInput, lookupRelease } from './lookup.ts';
import { problemFrom } from './problems.ts';

type Source = Extract<ParsedRequest, { type: 'editor.import' }>['source'];

function refusal(kind: 'invalid-request' | 'not-found', message: string): ImportResponse {
  return { ok: false, problem: { kind, message, retryable: false } };
}

async function lookUp(
  deps: BackgroundDeps,
  source: Source,
): Promise<{ ok: true; result: LookupResult } | Extract<ImportResponse, { ok: false }>> {
  if (source.kind === 'url') return lookupRelease(deps, source.url, false);
  const settings = await deps.settings();
  try {
    const answer = await deps
      .client(settings, TIMEOUTS.lookup)
      .lookup.release.mutate(lookupInput(settings, { gtin: source.gtin }, false));
    return { ok: true, result: lookupResultSchema.parse(answer) };
  } catch (error) {
    return { ok: false, problem: problemFrom(error) };
  }
}

export async function importIntoEditor(
  deps: BackgroundDeps,
  source: Source,
  sender: Sender,
): Promise<ImportResponse> {
  const settings = await deps.settings();
  const site = musicBrainzUrl(settings);
  const page = sender.url ? musicBrainzPage(sender.url) : undefined;
  const tabId = sender.tab?.id;
  if (page?.kind !== 'editor' || page.origin !== site || tabId === undefined)
    return refusal('invalid-request', `Liner imports into the release editor on ${site} only.`);
  const found = await lookUp(deps, source);
  if (!found.ok) return found;
  const { result } = found;
  const what = source.kind === 'url' ? source.url : `barcode ${source.gtin}`;
  if (!result.release) {
    const said = result.messages.filter((m) => m.level !== 'info').map((m) => m.text);
    return refusal(
      'not-found',
      `No store found a release for ${what}.${said.length ? ` ${said.join(' ')}` : ''}`,
    );
  }
  // The history links to a store page: the pasted one, the release's first store page, or, with
  // none, the look-up's page on the server.
  const storePage = [
    ...(source.kind === 'url' ? [source.url] : []),
    ...result.release.externalLinks.map((link) => link.url),
  ]
    .map((url) => tryRecognizeUrl(url))
    .find((recognized) => recognized?.entity.type === 'release')?.canonicalUrl;
  return postImport(
    deps,
    {
      url: storePage ?? `${settings.serverUrl}/release/${result.id}`,
      permalink: result.id,
      existing: page.existing,
    },
    { result, open: (postPage) => deps.updateTab(tabId, postPage) },
  );
}

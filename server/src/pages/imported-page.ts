/** Where MusicBrainz sends the user after saving an import: the follow-up actions. */
import type { FollowUpActions, LookupResult } from '@liner/shared';
import { html, link, page } from './html.ts';

export function importedPage(
  result: LookupResult,
  actions: FollowUpActions,
  releaseMbid: string,
  editorUrl: string,
): string {
  const body = html`
<h1>Imported: ${result.release?.title ?? releaseMbid}</h1>
<p>${link(actions.releaseUrl, 'Open the release in MusicBrainz')} · ${link(`/release/${result.id}`, 'back to the look-up')}</p>
<h2>ISRCs</h2>
${actions.magicIsrcUrl ? html`<p>${link(actions.magicIsrcUrl, `Submit ${actions.isrcCount} ISRCs with MagicISRC`)}</p>` : html`<p>No ISRCs were found.</p>`}
<h2>Artist and label links</h2>
${actions.entityLinks.length ? html`<ul>${actions.entityLinks.map((a) => html`<li>${link(a.editUrl, `Add ${a.urls.length} link${a.urls.length > 1 ? 's' : ''} to ${a.entity} ${a.name}`)}: ${a.urls.join(', ')}</li>`)}</ul>` : html`<p>Every artist and label already has its store links (or has no MusicBrainz ID yet).</p>`}
<h2>Cover art</h2>
<p>${link(`${editorUrl}/release/${releaseMbid}/add-cover-art`, 'Add cover art in MusicBrainz')}</p>
<ul>${actions.coverArt.map((image) => html`<li>${link(image.url)} ${image.width ? `${image.width}×${image.height ?? '?'}` : 'size unknown'}${image.provider ? ` (${image.provider})` : ''}</li>`)}</ul>`;
  return page(`Imported ${result.release?.title ?? ''}`, body);
}

/** Where MusicBrainz sends the user after saving an import: the follow-up actions. */
import type { FollowUpActions, LookupResult } from '@liner/shared';
import { renderPage, SafeLink } from './layout.tsx';
import { Source } from './provider-icon.tsx';
import { RecordingLinksSection } from './recording-links.tsx';

export function importedPage(
  result: LookupResult,
  actions: FollowUpActions,
  releaseMbid: string,
  editorUrl: string,
  /** The recording the stepper shows first (0-based), from the page's `recording` parameter. */
  step = 0,
): string {
  const title = result.release?.title ?? releaseMbid;
  return renderPage({
    title: `Imported ${title}`,
    meta: `After the import of look-up ${result.id}`,
    children: (
      <>
        <h1>Imported: {title}</h1>
        <p class="actions">
          <SafeLink href={actions.releaseUrl}>Open the release in MusicBrainz</SafeLink>
          <SafeLink href={`/release/${result.id}`}>Back to the look-up</SafeLink>
        </p>
        <section aria-labelledby="isrcs">
          <h2 id="isrcs">ISRCs</h2>
          {actions.magicIsrcUrl ? (
            <p>
              <SafeLink href={actions.magicIsrcUrl}>
                Submit {actions.isrcCount} ISRCs with MagicISRC
              </SafeLink>
            </p>
          ) : (
            <p>No ISRCs were found.</p>
          )}
        </section>
        <section aria-labelledby="entity-links">
          <h2 id="entity-links">Artist and label links</h2>
          {actions.entityLinks.length ? (
            <ul class="plain">
              {actions.entityLinks.map((a) => (
                <li key={a.editUrl}>
                  <SafeLink href={a.editUrl}>
                    Add {a.urls.length} link{a.urls.length > 1 ? 's' : ''} to {a.entity} {a.name}
                  </SafeLink>
                  : {a.urls.join(', ')}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              Every artist and label already has its store links (or has no MusicBrainz ID yet).
            </p>
          )}
        </section>
        <RecordingLinksSection
          actions={actions}
          step={step}
          stepHref={(n) =>
            `/release/${result.id}/imported?release_mbid=${releaseMbid}&recording=${n}#recording-links`
          }
        />
        <section aria-labelledby="cover-art">
          <h2 id="cover-art">Cover art</h2>
          <p>
            <SafeLink href={`${editorUrl}/release/${releaseMbid}/add-cover-art`}>
              Add cover art in MusicBrainz
            </SafeLink>
          </p>
          <ul class="plain">
            {actions.coverArt.map((image) => (
              <li key={image.url}>
                <SafeLink href={image.url} />{' '}
                <span class="note">
                  {image.width ? `${image.width}×${image.height ?? '?'}` : 'size unknown'}
                </span>{' '}
                <Source source={image.provider} />
              </li>
            ))}
          </ul>
        </section>
      </>
    ),
  });
}

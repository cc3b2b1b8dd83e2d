/**
 * The box on a MusicBrainz artist page: "Releases at the stores that MusicBrainz lacks", one
 * button per store page of the artist that Liner can list, each opening that store's listing
 * (missing releases only to begin with) on a click the user could see (seen-click.ts). The store pages come from the sidebar's external
 * links, and the page is not trusted with them: only URLs the store declarations recognize as
 * an artist page of a store with a listing are taken, in canonical form, once each, and the
 * background gives a listing here only when MusicBrainz links that store page to this very
 * artist (sender-scope.ts).
 */
import { storeByName } from '@liner/shared/stores/index';
import { useState } from 'preact/hooks';
import { artistPanelPage, SITE_NAMES, site } from '../../sites.ts';
import type { Api } from '../send.ts';
import { ListingView } from '../ui/listing.tsx';
import { bySeenClick, unseenClickMessage } from '../ui/seen-click.ts';

/** Where MusicBrainz lists an entity's external links (the sidebar's "External links"). */
const LINK_SELECTOR = '.external_links a[href]';
/** More store pages than any artist has: a page stuffing its sidebar gets no more buttons. */
const MAX_STORE_PAGES = 20;

/** The stores whose artist pages Liner lists, by name, for the box without any. */
const LISTED_STORES = SITE_NAMES.filter((name) => site(name).artistPanel)
  .map((name) => storeByName(name).displayName)
  .join(', ');

export interface StoreArtistPage {
  url: string;
  store: string;
}

/** The artist's store pages Liner can list, from the page's external links. */
export function storeArtistPages(doc: ParentNode): StoreArtistPage[] {
  const seen = new Map<string, StoreArtistPage>();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(LINK_SELECTOR)) {
    const artist = artistPanelPage(link.href);
    if (!artist || seen.has(artist.canonicalUrl)) continue;
    const store = storeByName(artist.entity.store).displayName;
    seen.set(artist.canonicalUrl, { url: artist.canonicalUrl, store });
    if (seen.size >= MAX_STORE_PAGES) break;
  }
  return [...seen.values()];
}

export function ArtistBox({ pages, api }: { pages: readonly StoreArtistPage[]; api: Api }) {
  const [open, setOpen] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const shown = pages.find((page) => page.url === open);
  return (
    <section class="box" data-liner="artist-box" aria-labelledby="liner-artist-title">
      <div class="head">
        <h2 id="liner-artist-title">Liner: releases at the stores that MusicBrainz lacks</h2>
      </div>
      {pages.length === 0 ? (
        <p class="note-text">
          None of this artist’s links is a store page Liner can list ({LISTED_STORES}).
        </p>
      ) : (
        <div class="actions">
          {pages.map((page) => (
            <button
              type="button"
              key={page.url}
              class={page.url === open ? '' : 'secondary'}
              data-liner="store-listing"
              data-url={page.url}
              aria-pressed={page.url === open ? 'true' : 'false'}
              title={page.url}
              onClick={bySeenClick(
                () => {
                  setRefusal(undefined);
                  setOpen(page.url);
                },
                (reason) => setRefusal(unseenClickMessage(reason)),
              )}
            >
              {page.store}
            </button>
          ))}
        </div>
      )}
      {refusal && (
        <p class="problem" data-liner="problem" role="alert">
          {refusal}
        </p>
      )}
      {shown && <ListingView key={shown.url} api={api} artistUrl={shown.url} missingOnly />}
    </section>
  );
}

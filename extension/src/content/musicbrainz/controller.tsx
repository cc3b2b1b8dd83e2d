/**
 * The MusicBrainz content script: on a release page the "Compare with stores" box, in the
 * release editor the paste box, on an artist page the listings of the artist's store pages, both only on the MusicBrainz site the options choose (on the
 * others a one-line note says where Liner works). MusicBrainz's markup is only where the box
 * goes: under the release's header, or floating in a corner when there is none.
 */
import { type ComponentChild, render } from 'preact';
import { MUSICBRAINZ_ORIGINS, musicBrainzPage, samePageOn } from '../../musicbrainz-pages.ts';
import { createMount, type Mount } from '../mount.ts';
import type { Api } from '../send.ts';
import { ArtistBox, storeArtistPages } from './artist-box.tsx';
import { PasteBox } from './paste-box.tsx';
import { ReleaseBox } from './release-box.tsx';
import { MUSICBRAINZ_CSS } from './styles.ts';

export const RELEASE_ANCHORS = ['#content .releaseheader', '.releaseheader'];
export const ARTIST_ANCHORS = ['#content .artistheader', '.artistheader'];
export const EDITOR_ANCHORS = ['#content .releaseheader', '#content > h1', '#content h1'];
export const MOUNT_TAG = 'liner-musicbrainz';
const ANCHORS = { release: RELEASE_ANCHORS, editor: EDITOR_ANCHORS, artist: ARTIST_ANCHORS };

/** The content script's match patterns: every MusicBrainz site (which one works is a setting). */
export const MUSICBRAINZ_MATCHES = MUSICBRAINZ_ORIGINS.map((origin) => `${origin}/*`);

function OtherSite({ href, chosen }: { href: string; chosen: string }) {
  return (
    <p class="box" data-liner="other-site">
      Liner is set to work on {new URL(chosen).host}:{' '}
      <a href={samePageOn(href, chosen)}>open this page there</a>, or choose this site in Liner's
      options.
    </p>
  );
}

/** Resolves with the mount, or undefined on pages the script has nothing for. */
export async function startMusicBrainzPage(
  api: Api,
  win: Window = window,
): Promise<Mount | undefined> {
  const href = win.location.href;
  const page = musicBrainzPage(href);
  if (!page) return undefined;
  const site = await api({ type: 'mb.site' });
  const anchors = ANCHORS[page.kind];
  const mount = createMount(win.document, anchors, MUSICBRAINZ_CSS, MOUNT_TAG);
  let view: ComponentChild;
  if (!site.ok)
    view = (
      <p class="box problem" data-liner="problem">
        {site.problem.message}
      </p>
    );
  else if (site.musicbrainzUrl !== page.origin)
    view = <OtherSite href={href} chosen={site.musicbrainzUrl} />;
  else if (page.kind === 'release')
    view = <ReleaseBox mbid={page.mbid} musicbrainzUrl={page.origin} api={api} />;
  else if (page.kind === 'artist')
    view = <ArtistBox pages={storeArtistPages(win.document)} api={api} />;
  else view = <PasteBox existing={page.existing} api={api} doc={win.document} />;
  render(view, mount.container);
  return mount;
}

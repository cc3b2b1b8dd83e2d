/**
 * The MusicBrainz sites Liner can work with, and which of their pages the MusicBrainz script
 * works on, from the URL alone: a release (its overview and the sub-pages where comparing with
 * the stores helps), the release editor (a new release, or an existing one's edit page), or an
 * artist's overview (the releases at the artist's stores that MusicBrainz lacks).
 * Nothing is read from the page's markup: the release's data comes from the MusicBrainz web
 * service through the Liner server. A module of its own, so the content script can use it
 * without bundling the settings schema (and zod with it).
 */
export const MUSICBRAINZ_SERVERS = {
  production: 'https://musicbrainz.org',
  beta: 'https://beta.musicbrainz.org',
  test: 'https://test.musicbrainz.org',
} as const;
export type MusicBrainzServer = keyof typeof MUSICBRAINZ_SERVERS;

export const MUSICBRAINZ_ORIGINS: readonly string[] = Object.values(MUSICBRAINZ_SERVERS);

export type MusicBrainzPage =
  | { kind: 'release'; origin: string; mbid: string }
  | { kind: 'editor'; origin: string; existing?: string }
  | { kind: 'artist'; origin: string; mbid: string };

const MBID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The overview and the sub-pages about what the release has: its cover art, details, disc IDs. */
const RELEASE = new RegExp(`^/release/(${MBID})(?:/(?:cover-art|details|discids))?/?$`, 'i');
/** The artist's overview, whose sidebar lists the artist's store pages. */
const ARTIST = new RegExp(`^/artist/(${MBID})/?$`, 'i');
const EDIT = new RegExp(`^/release/(${MBID})/edit/?$`, 'i');

export function musicBrainzPage(href: string): MusicBrainzPage | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const origin = url.origin;
  if (!MUSICBRAINZ_ORIGINS.includes(origin)) return undefined;
  if (/^\/release\/add\/?$/.test(url.pathname)) return { kind: 'editor', origin };
  const edit = EDIT.exec(url.pathname);
  if (edit) return { kind: 'editor', origin, existing: edit[1]!.toLowerCase() };
  const release = RELEASE.exec(url.pathname);
  if (release) return { kind: 'release', origin, mbid: release[1]!.toLowerCase() };
  const artist = ARTIST.exec(url.pathname);
  if (artist) return { kind: 'artist', origin, mbid: artist[1]!.toLowerCase() };
  return undefined;
}

/** The same page on another MusicBrainz site (for "Liner is set to another site"). */
export function samePageOn(href: string, origin: string): string {
  const url = new URL(href);
  return `${origin}${url.pathname}${url.search}`;
}

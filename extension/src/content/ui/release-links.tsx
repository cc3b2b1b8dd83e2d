import { Fragment } from 'preact';

/**
 * Links to MusicBrainz releases, by the titles MusicBrainz gave them (by the start of the MBID
 * for an answer that came without titles, from an older server or cache).
 */
export function releaseName(mbid: string, titles: Readonly<Record<string, string>> = {}): string {
  return titles[mbid] ?? `release ${mbid.slice(0, 8)}`;
}

export function ReleaseLinks({
  mbids,
  titles,
  musicbrainzUrl,
}: {
  mbids: string[];
  titles?: Readonly<Record<string, string>> | undefined;
  musicbrainzUrl: string;
}) {
  return (
    <>
      {mbids.map((mbid, i) => (
        <Fragment key={mbid}>
          {i > 0 && ', '}
          <a href={`${musicbrainzUrl}/release/${mbid}`} target="_blank" rel="noreferrer">
            {releaseName(mbid, titles)}
          </a>
        </Fragment>
      ))}
    </>
  );
}

/** Links to MusicBrainz releases, by the first part of their MBID. */
export function ReleaseLinks({
  mbids,
  musicbrainzUrl,
}: {
  mbids: string[];
  musicbrainzUrl: string;
}) {
  return (
    <>
      {mbids.map((mbid) => (
        <a key={mbid} href={`${musicbrainzUrl}/release/${mbid}`} target="_blank" rel="noreferrer">
          {mbid.slice(0, 8)}
        </a>
      ))}
    </>
  );
}

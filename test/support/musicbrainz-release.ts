/**
 * Releases as MusicBrainz's web service answers `ws/2/release/<mbid>?inc=…&fmt=json`, described
 * briefly by a test: the shape the server's MusicBrainz provider reads (artist credit, media with
 * recordings and their ISRCs, URL relationships), so a stand-in MusicBrainz can hold exactly the
 * links and ISRCs a test wants it to lack.
 */
import type { StandInHandler } from './stand-in.ts';

export interface StandInTrack {
  title: string;
  lengthMs?: number;
  isrc?: string;
  /** The recording's URL relationships, answered with inc=recording-level-rels+url-rels. */
  links?: { url: string; type: string }[];
}

export interface StandInRelease {
  id: string;
  title: string;
  artist: { id: string; name: string };
  barcode?: string;
  media: { format?: string; tracks: StandInTrack[] }[];
  /** URL relationships: the URL and the relationship's name ("free streaming"). */
  links: { url: string; type: string }[];
  /** What an editor entered beyond the basics; absent: MusicBrainz lacks it. */
  packaging?: string;
  date?: string;
  events?: { date: string; country: string }[];
  labels?: { id: string; name: string; catalogNumber?: string }[];
  /** The annotation (answered with inc=annotation; null: none). */
  annotation?: string | null;
}

function recordingId(release: string, medium: number, track: number): string {
  const tail = `${medium}${String(track).padStart(3, '0')}`.padStart(12, '0');
  return `${release.slice(0, 24)}${tail}`;
}

function relations(links: readonly { url: string; type: string }[]) {
  return links.map((link) => ({
    type: link.type,
    'target-type': 'url',
    ended: false,
    url: { resource: link.url },
  }));
}

/** `inc`: what the request asked for; recordings' relationships and the annotation only then. */
export function wsRelease(
  release: StandInRelease,
  inc: readonly string[] = [],
): Record<string, unknown> {
  const recordingRels = inc.includes('recording-level-rels') && inc.includes('url-rels');
  const credit = [{ name: release.artist.name, joinphrase: '', artist: release.artist }];
  return {
    id: release.id,
    title: release.title,
    status: 'Official',
    barcode: release.barcode ?? null,
    'artist-credit': credit,
    ...(release.packaging ? { packaging: release.packaging } : {}),
    ...(inc.includes('annotation') ? { annotation: release.annotation ?? null } : {}),
    ...(release.date ? { date: release.date } : {}),
    'release-events': (release.events ?? []).map((event) => ({
      date: event.date,
      area: { 'iso-3166-1-codes': [event.country] },
    })),
    'label-info': (release.labels ?? []).map((label) => ({
      'catalog-number': label.catalogNumber ?? null,
      label: { id: label.id, name: label.name },
    })),
    media: release.media.map((medium, m) => ({
      position: m + 1,
      format: medium.format ?? 'Digital Media',
      title: '',
      tracks: medium.tracks.map((track, t) => ({
        number: String(t + 1),
        title: track.title,
        length: track.lengthMs ?? null,
        'artist-credit': credit,
        recording: {
          id: recordingId(release.id, m + 1, t + 1),
          length: track.lengthMs ?? null,
          isrcs: track.isrc ? [track.isrc] : [],
          ...(recordingRels ? { relations: relations(track.links ?? []) } : {}),
        },
      })),
    })),
    relations: relations(release.links),
  };
}

/**
 * `ws/2/release/<mbid>` from a table; a release given as a number is answered with that HTTP
 * status instead (503 is how MusicBrainz says "slow down").
 */
export function musicBrainzReleaseRoute(
  releases: Record<string, StandInRelease | number>,
): StandInHandler {
  return (req, res) => {
    const mbid = /\/ws\/2\/release\/([0-9a-f-]{36})/.exec(req.path)?.[1] ?? '';
    const entry = releases[mbid];
    res.setHeader('content-type', 'application/json');
    if (typeof entry === 'number') return res.writeHead(entry).end('{"error":"stand-in status"}');
    if (!entry) return res.writeHead(404).end('{"error":"Not Found"}');
    const inc = new URL(req.path, 'http://x').searchParams.get('inc')?.split(/[+ ]/) ?? [];
    res.end(JSON.stringify(wsRelease(entry, inc)));
  };
}

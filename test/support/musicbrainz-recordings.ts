/**
 * A stand-in MusicBrainz recording search (`ws/2/recording?query=isrc:A OR isrc:B ...`) that
 * answers from a table of recordings in the search's JSON shape, and MusicBrainz's rate rule:
 * a request less than `gapMs` after the one before (any ws/2 request) is refused with 503 and
 * Retry-After: 1, as musicbrainz.org does.
 */
import type { StandInHandler, StandInRequest } from './stand-in.ts';

export interface StandInRecording {
  id: string;
  title: string;
  lengthMs?: number;
  isrcs: string[];
  artist: { id: string; name: string };
  /** The releases it is on, each with its release group. */
  releases: { id: string; title: string; group: { id: string; title: string } }[];
}

const PAGE_LIMIT = 100;

function wsRecording(recording: StandInRecording) {
  const credit = [{ name: recording.artist.name, joinphrase: '', artist: recording.artist }];
  return {
    id: recording.id,
    score: 100,
    title: recording.title,
    length: recording.lengthMs ?? null,
    video: null,
    'artist-credit': credit,
    isrcs: recording.isrcs,
    releases: recording.releases.map((release) => ({
      id: release.id,
      title: release.title,
      status: 'Official',
      'release-group': {
        id: release.group.id,
        'primary-type': 'Album',
        title: release.group.title,
      },
    })),
  };
}

/** The ISRCs of a query of `isrc:X` terms joined by OR; undefined for any other query. */
export function queriedIsrcs(query: string): string[] | undefined {
  const terms = query.split(/\s+OR\s+/);
  const isrcs = terms.map((term) => /^isrc:([A-Za-z0-9]{12})$/.exec(term.trim())?.[1]);
  return isrcs.every(Boolean) ? isrcs.map((isrc) => isrc!.toUpperCase()) : undefined;
}

/** ws/2/recording search over `table`; a query that is not ISRCs is a 400, as a test's mistake. */
export function musicBrainzRecordingRoute(table: readonly StandInRecording[]): StandInHandler {
  return (req, res) => {
    const params = new URL(req.path, 'http://x').searchParams;
    const isrcs = queriedIsrcs(params.get('query') ?? '');
    res.setHeader('content-type', 'application/json');
    if (!isrcs) return res.writeHead(400).end('{"error":"only isrc: queries here"}');
    const limit = Math.min(PAGE_LIMIT, Number(params.get('limit') ?? 25));
    const offset = Number(params.get('offset') ?? 0);
    const hits = table.filter((r) => r.isrcs.some((isrc) => isrcs.includes(isrc)));
    res.end(
      JSON.stringify({
        created: '2026-12-06T00:00:00.000Z',
        count: hits.length,
        offset,
        recordings: hits.slice(offset, offset + limit).map(wsRecording),
      }),
    );
  };
}

/**
 * MusicBrainz's one request a second: returns true (after answering 503) for a request that
 * came less than `gapMs` after the previous MusicBrainz request, refused ones included.
 */
export function musicBrainzRateRule(gapMs = 1000) {
  let previous: number | undefined;
  const rule = (req: StandInRequest, res: Parameters<StandInHandler>[1]): boolean => {
    const arrived = performance.now();
    const tooSoon = previous !== undefined && arrived - previous < gapMs;
    previous = arrived;
    if (!tooSoon) return false;
    rule.refused++;
    res
      .writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' })
      .end(JSON.stringify({ error: `rate limited: ${req.path}` }));
    return true;
  };
  rule.refused = 0;
  return rule;
}

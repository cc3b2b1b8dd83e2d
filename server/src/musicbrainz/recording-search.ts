/**
 * MusicBrainz's recording search by ISRC: `ws/2/recording?query=isrc:A OR isrc:B ...` answers
 * up to ISRC_BATCH ISRCs in one request, where ws/2/isrc/<isrc> takes one request per ISRC. At
 * one request a second that is the difference between 1 s and 12 s for an album (measured in
 * docs/architecture.md#recordings-by-isrc). A page holds at most 100 recordings; a batch whose
 * recordings do not fit is paged on, which only ISRCs shared by many recordings need.
 */
import { z } from 'zod';
import type { HttpClient } from '../http/client.ts';
import { NO_LOOKUP } from '../http/lookup-context.ts';
import type { RequestSpan } from '../http/types.ts';
import { validate } from '../providers/common/fetch.ts';
import type { MbRecording } from '../repositories/types.ts';

/** ISRCs per search request: an album's fit in one, the query stays about 1 KB. */
export const ISRC_BATCH = 50;
/** MusicBrainz's largest page of search results. */
const PAGE = 100;
/** Pages of one batch at most: an ISRC on hundreds of recordings is not worth more requests. */
const MAX_PAGES = 3;

const credit = z.array(
  z.object({ name: z.string(), artist: z.object({ id: z.string(), name: z.string() }) }),
);

const searchRelease = z.object({
  id: z.string(),
  title: z.string(),
  'artist-credit': credit.optional(),
  'release-group': z
    .object({ id: z.string(), title: z.string().default(''), 'primary-type': z.string().nullish() })
    .optional(),
});

const searchRecording = z.object({
  id: z.string(),
  title: z.string(),
  length: z.number().nullish(),
  video: z.boolean().nullish(),
  'artist-credit': credit.default([]),
  isrcs: z.array(z.string()).default([]),
  releases: z.array(searchRelease).default([]),
});

const searchResponse = z.object({
  count: z.number(),
  offset: z.number().default(0),
  recordings: z.array(searchRecording),
});

type SearchRecording = z.infer<typeof searchRecording>;
const people = (list: z.infer<typeof credit>) =>
  list.map((c) => ({ mbid: c.artist.id, name: c.artist.name }));

function toRecording(found: SearchRecording): MbRecording {
  const artists = people(found['artist-credit']);
  return {
    mbid: found.id,
    title: found.title,
    ...(typeof found.length === 'number' ? { lengthMs: found.length } : {}),
    ...(found.video ? { video: true } : {}),
    artists,
    isrcs: found.isrcs.map((isrc) => isrc.toUpperCase()),
    releases: found.releases.map((release) => {
      const group = release['release-group'];
      return {
        mbid: release.id,
        title: release.title,
        // The search leaves a release's credit out where it is the recording's.
        artists: release['artist-credit'] ? people(release['artist-credit']) : artists,
        ...(group
          ? {
              releaseGroup: {
                mbid: group.id,
                title: group.title || release.title,
                ...(group['primary-type'] ? { primaryType: group['primary-type'] } : {}),
              },
            }
          : {}),
      };
    }),
  };
}

export interface RecordingSearchClient {
  /** The recordings of each ISRC; an ISRC MusicBrainz does not know maps to an empty list. */
  search(
    isrcs: readonly string[],
    onRequest?: (span: RequestSpan) => void,
  ): Promise<Map<string, MbRecording[]>>;
}

export function searchQuery(isrcs: readonly string[]): string {
  return isrcs.map((isrc) => `isrc:${isrc}`).join(' OR ');
}

export function createRecordingSearchClient(
  http: HttpClient,
  apiUrl: string,
): RecordingSearchClient {
  async function page(
    isrcs: readonly string[],
    offset: number,
    onRequest?: (span: RequestSpan) => void,
  ) {
    const query = encodeURIComponent(searchQuery(isrcs));
    const url = `${apiUrl}/ws/2/recording?query=${query}&limit=${PAGE}&offset=${offset}&fmt=json`;
    // Each request as it went on the network, after its slot of the budget.
    const lookup = onRequest ? { ...NO_LOOKUP, noteRequest: onRequest } : NO_LOOKUP;
    const response = await http.request({ provider: 'musicbrainz', url, expect: 'json' }, lookup);
    return validate(searchResponse, response.data, 'musicbrainz', url);
  }

  return {
    async search(isrcs, onRequest) {
      const found = new Map<string, MbRecording[]>();
      const wanted = [...new Set(isrcs.map((isrc) => isrc.toUpperCase()))];
      for (const isrc of wanted) found.set(isrc, []);
      for (let i = 0; i < wanted.length; i += ISRC_BATCH) {
        const batch = wanted.slice(i, i + ISRC_BATCH);
        for (let offset = 0, pages = 0; pages < MAX_PAGES; pages++) {
          const answer = await page(batch, offset, onRequest);
          for (const recording of answer.recordings.map(toRecording))
            for (const isrc of recording.isrcs) found.get(isrc)?.push(recording);
          offset += answer.recordings.length;
          if (answer.recordings.length === 0 || offset >= answer.count) break;
        }
      }
      return found;
    },
  };
}

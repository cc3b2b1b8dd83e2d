/**
 * The release groups of an artist, for a release that no matched recording places in one: one
 * browse request (`ws/2/release-group?artist=<mbid>&inc=artist-credits`, the first 100) through
 * the HTTP client, so in the one MusicBrainz budget; each artist's answer is kept in this process
 * for `cache.mbidTtl` (a bounded memory), and look-ups asking at once share one request. A
 * `refresh` look-up asks again (a group the editor has just added must be seen) and keeps its
 * answer for the look-ups after it.
 */
import { z } from 'zod';
import type { HttpClient } from '../http/client.ts';
import { NO_LOOKUP } from '../http/lookup-context.ts';
import type { RequestSpan } from '../http/types.ts';
import { validate } from '../providers/common/fetch.ts';

export const GROUP_BROWSE_LIMIT = 100;
const MEMORY = 500;

const browse = z.object({
  'release-group-count': z.number().optional(),
  'release-groups': z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      'primary-type': z.string().nullish(),
      'artist-credit': z
        .array(
          z.object({ name: z.string(), artist: z.object({ id: z.string(), name: z.string() }) }),
        )
        .default([]),
    }),
  ),
});

export interface ArtistGroup {
  mbid: string;
  title: string;
  primaryType?: string;
  artists: { mbid: string; name: string }[];
}

export interface ArtistGroups {
  groups: ArtistGroup[];
  /** How many the artist has (only the first GROUP_BROWSE_LIMIT are listed). */
  total: number;
}

export interface GroupAsking {
  /** Ask MusicBrainz again whatever this process keeps. */
  refresh?: boolean;
  onRequest?: (span: RequestSpan) => void;
}

export interface ArtistGroupFinder {
  groups(artistMbid: string, asking?: GroupAsking): Promise<ArtistGroups>;
}

export function createArtistGroupFinder(deps: {
  http: HttpClient;
  apiUrl: string;
  ttlMs: number;
  now?: () => number;
}): ArtistGroupFinder {
  const now = deps.now ?? Date.now;
  const kept = new Map<string, { at: number; answer: Promise<ArtistGroups> }>();

  async function ask(mbid: string, onRequest?: (span: RequestSpan) => void): Promise<ArtistGroups> {
    const url = `${deps.apiUrl}/ws/2/release-group?artist=${mbid}&inc=artist-credits&limit=${GROUP_BROWSE_LIMIT}&fmt=json`;
    const lookup = onRequest ? { ...NO_LOOKUP, noteRequest: onRequest } : NO_LOOKUP;
    const { data } = await deps.http.request(
      { provider: 'musicbrainz', url, expect: 'json' },
      lookup,
    );
    const page = validate(browse, data, 'musicbrainz', url);
    const groups = page['release-groups'].map((group) => ({
      mbid: group.id,
      title: group.title,
      ...(group['primary-type'] ? { primaryType: group['primary-type'] } : {}),
      artists: group['artist-credit'].map((c) => ({ mbid: c.artist.id, name: c.artist.name })),
    }));
    return { groups, total: page['release-group-count'] ?? groups.length };
  }

  return {
    groups(mbid, asking = {}) {
      const entry = kept.get(mbid);
      if (entry && !asking.refresh && now() - entry.at < deps.ttlMs) return entry.answer;
      const answer = ask(mbid, asking.onRequest);
      // A failure is not kept: the next look-up asks again. A newer answer (a refresh's, asked
      // while this one ran) stays.
      answer.catch(() => {
        if (kept.get(mbid)?.answer === answer) kept.delete(mbid);
      });
      kept.delete(mbid);
      kept.set(mbid, { at: now(), answer });
      while (kept.size > MEMORY) kept.delete(kept.keys().next().value!);
      return answer;
    },
  };
}

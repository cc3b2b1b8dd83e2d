/**
 * The release groups MusicBrainz has of an artist (one browse request, the first 100), by a
 * title key, so a listed release whose URL no release links is still known as "MusicBrainz has
 * this release group" when the titles agree.
 */
import type { LookupMessage } from '@liner/shared';
import { z } from 'zod';
import type { Config } from '../config/schema.ts';
import type { HttpClient } from '../http/client.ts';
import { thrownInWords } from '../http/failure.ts';
import { validate } from '../providers/common/fetch.ts';

const BROWSE_LIMIT = 100;

const browse = z.object({
  'release-group-count': z.number().optional(),
  'release-groups': z.array(z.object({ id: z.string(), title: z.string() })),
});

export interface ArtistGroups {
  byTitle: Map<string, { id: string; title: string }>;
  messages: LookupMessage[];
}

/**
 * Titles compared without case, punctuation or spacing, and without Apple's " - Single" and
 * " - EP" suffixes (the store's packaging of the title, not the title).
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ - (single|ep)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export async function artistReleaseGroups(
  deps: { config: Config; http: HttpClient },
  mbid: string,
  onRequest: () => void,
): Promise<ArtistGroups> {
  const url = `${deps.config.musicbrainz.apiUrl}/ws/2/release-group?artist=${mbid}&limit=${BROWSE_LIMIT}&fmt=json`;
  const byTitle: ArtistGroups['byTitle'] = new Map();
  try {
    onRequest();
    const { data } = await deps.http.request({ provider: 'musicbrainz', url, expect: 'json' });
    const page = validate(browse, data, 'musicbrainz', url);
    for (const group of page['release-groups'])
      if (!byTitle.has(titleKey(group.title))) byTitle.set(titleKey(group.title), group);
    const count = page['release-group-count'] ?? 0;
    const messages: LookupMessage[] =
      count > BROWSE_LIMIT
        ? [
            {
              level: 'info',
              provider: 'musicbrainz',
              text: `MusicBrainz has ${count} release groups of this artist: titles were compared with the first ${BROWSE_LIMIT}.`,
            },
          ]
        : [];
    return { byTitle, messages };
  } catch (error) {
    const why = thrownInWords(error, 'musicbrainz').message;
    return {
      byTitle,
      messages: [
        {
          level: 'warning',
          provider: 'musicbrainz',
          text: `The artist's release groups could not be read from MusicBrainz (${why}): releases not linked by URL show as missing.`,
        },
      ],
    };
  }
}

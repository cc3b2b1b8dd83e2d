/** Companion answers built the way the server builds them, from the shared code. */
import type { UrlCheck } from '@liner/shared/api';
import type { LookupResult } from '@liner/shared/lookup';
import { buildEditSeed, buildReleaseSeed } from '@liner/shared/seed/build';
import { tryRecognizeUrl } from '@liner/shared/stores/index';
import type { CompanionAnswers } from './companion.ts';
import { sampleResult } from './release.ts';

/** checkUrls as the server answers it, for a table of canonical URL -> linked release MBIDs. */
export function checkAnswers(linked: Record<string, string[]>): CompanionAnswers['checkUrls'] {
  return (urls) =>
    urls.map((url): UrlCheck => {
      const recognized = tryRecognizeUrl(url);
      if (!recognized) return { url, status: 'invalid', mbids: [], error: 'not a store URL' };
      const mbids = linked[recognized.canonicalUrl] ?? [];
      return {
        url,
        status: mbids.length ? 'linked' : 'not-linked',
        canonicalUrl: recognized.canonicalUrl,
        entityType: recognized.entity.type,
        mbids,
      };
    });
}

/** seeds.build as the server answers it, with the server's own MusicBrainz site. */
export function seedAnswers(result: LookupResult = sampleResult()): CompanionAnswers['seed'] {
  const options = {
    editorUrl: 'https://musicbrainz.org',
    permalinkUrl: `http://127.0.0.1:5733/release/${result.id}`,
    version: '0.1.0',
  };
  return ({ existing }) => {
    const seed = existing
      ? buildEditSeed(result, existing, { ...options, linkedUrls: [] })
      : buildReleaseSeed(result, options);
    return { ...seed, problems: [] };
  };
}

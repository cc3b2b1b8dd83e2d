/**
 * "Which of these store URLs are already in MusicBrainz?" for up to 100 URLs at once, as the
 * extension's badges ask it. Every URL is checked in all the forms MusicBrainz may hold it in.
 */
import {
  type EntityType,
  MAX_URLS_TO_CHECK,
  musicBrainzUrlForms,
  recognizeUrl,
  type StoreEntity,
  type UrlCheck,
  UrlProblem,
} from '@liner/shared';
import { thrownInWords } from '../http/failure.ts';
import type { MbidResolver, UrlAnswers } from '../musicbrainz/resolver.ts';
import { TooManyUrlsError } from './errors.ts';

type Recognized =
  | { ok: true; url: string; entity: StoreEntity; canonicalUrl: string; forms: string[] }
  | { ok: false; url: string; error: string };

const TARGET: Record<EntityType, string> = {
  release: 'release',
  'release-group': 'release-group',
  artist: 'artist',
  label: 'label',
  track: 'recording',
  recording: 'recording',
};

export function createUrlCheckService(resolver: MbidResolver) {
  return {
    async check(urls: readonly string[], refresh = false): Promise<UrlCheck[]> {
      if (urls.length > MAX_URLS_TO_CHECK)
        throw new TooManyUrlsError(
          MAX_URLS_TO_CHECK,
          urls.length,
          `at most ${MAX_URLS_TO_CHECK} URLs per request, got ${urls.length}`,
        );
      const recognized = urls.map((url): Recognized => {
        try {
          const { entity, canonicalUrl } = recognizeUrl(url);
          const forms = entity.store === 'musicbrainz' ? [] : musicBrainzUrlForms(entity);
          return { ok: true, url, entity, canonicalUrl, forms };
        } catch (error) {
          if (error instanceof UrlProblem) return { ok: false, url, error: error.message };
          throw error;
        }
      });
      const forms = recognized.flatMap((r) => (r.ok ? r.forms : []));
      let answers: UrlAnswers = new Map();
      let failure: string | undefined;
      try {
        if (forms.length) answers = await resolver.resolveUrls(forms, { refresh });
      } catch (error) {
        // A badge that says "could not check" beats a page of errors: the other URLs' answers
        // (invalid ones, MusicBrainz's own pages) still stand.
        failure = thrownInWords(error, 'musicbrainz').message;
      }
      return recognized.map((r): UrlCheck => {
        if (!r.ok) return { url: r.url, status: 'invalid', mbids: [], error: r.error };
        const page = { url: r.url, canonicalUrl: r.canonicalUrl, entityType: r.entity.type };
        if (r.entity.store === 'musicbrainz')
          return { ...page, status: 'linked', mbids: [r.entity.id] };
        if (failure) return { ...page, status: 'unknown', mbids: [], error: failure };
        const target = TARGET[r.entity.type];
        const mbids = new Set<string>();
        const titles: Record<string, string> = {};
        for (const form of r.forms)
          for (const rel of answers.get(form) ?? [])
            if (rel.targetType === target) {
              mbids.add(rel.mbid);
              if (rel.title) titles[rel.mbid] = rel.title;
            }
        return {
          ...page,
          status: mbids.size ? 'linked' : 'not-linked',
          mbids: [...mbids],
          ...(Object.keys(titles).length ? { titles } : {}),
        };
      });
    },
  };
}

export type UrlCheckService = ReturnType<typeof createUrlCheckService>;

/**
 * The background as a store page's content script sees it, scripted: badge checks answer from a
 * table of linked URLs (or fail), look-ups answer the sample release, imports succeed. Every
 * request is kept, and a test can hold answers back to release them later.
 */
import type { Api } from '../../src/content/send.ts';
import type { Problem, Request } from '../../src/messages.ts';
import { DEEZER_URL, sampleResult } from './release.ts';

export const unreachable: Problem = {
  kind: 'unreachable',
  message: 'The Liner server at http://127.0.0.1:5733 is not reachable. Is it running?',
  retryable: true,
};

export interface StoreApiOptions {
  linked?: Record<string, string[]>;
  /** MusicBrainz's titles of the linked releases, by MBID. */
  titles?: Record<string, string>;
  /** The MusicBrainz site the options choose. */
  musicbrainzUrl?: string;
  /** Releases the look-up itself finds in MusicBrainz. */
  existing?: string[];
}

export function storeApi(options: StoreApiOptions = {}) {
  const linked = options.linked ?? {};
  const musicbrainzUrl = options.musicbrainzUrl ?? 'https://musicbrainz.org';
  const requests: Request[] = [];
  let checkFails: Problem | undefined;
  let down = false;
  let holding = false;
  const held: (() => void)[] = [];

  const answer = (request: Request): unknown => {
    if (down) return { ok: false, problem: unreachable };
    if (request.type === 'check') {
      if (checkFails) return { ok: false, problem: checkFails };
      return {
        ok: true,
        musicbrainzUrl,
        states: request.urls.map((url) => ({
          url,
          canonicalUrl: url.replace('/en/', '/').replace(/\?.*$/, ''),
          status: linked[url] ? 'linked' : 'not-linked',
          mbids: linked[url] ?? [],
          ...(options.titles ? { titles: options.titles } : {}),
        })),
      };
    }
    if (request.type === 'lookup') {
      const existing = (options.existing ?? []).map((mbid) => ({ mbid, url: DEEZER_URL }));
      return { ok: true, result: sampleResult({ existing }), musicbrainzUrl };
    }
    return { ok: true, action: request.type === 'import' && request.existing ? 'edit' : 'add' };
  };

  const api = (async (request: Request) => {
    requests.push(request);
    if (!holding) return answer(request);
    // Answered as things stand when released, like a background that was slow to reply.
    return new Promise((resolve) => held.push(() => resolve(answer(request) as never)));
  }) as Api;

  return {
    api,
    requests,
    checks: () => requests.filter((r) => r.type === 'check'),
    setDown: (value: boolean) => {
      down = value;
    },
    failChecks: (problem: Problem | undefined) => {
      checkFails = problem;
    },
    hold: () => {
      holding = true;
    },
    /** Answers everything held so far, oldest first or (late answers) newest first. */
    release: (order: 'oldest-first' | 'newest-first' = 'oldest-first') => {
      holding = false;
      const all = held.splice(0);
      for (const resolve of order === 'newest-first' ? all.reverse() : all) resolve();
    },
  };
}

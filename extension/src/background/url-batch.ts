/**
 * The server calls behind the badges, shared by every tab. The URLs asked about within a short
 * window are sent together (in batches of at most the server's limit), and a URL already on its
 * way is not asked again: a browser restoring ten store tabs makes one call instead of ten, and
 * the server's MusicBrainz budget (one request per second for the whole deployment) is spent
 * once. Answers are keyed by the URL that was sent, which the server echoes, so a server that
 * spells canonical URLs differently (another version) still answers the question asked.
 */
import { type UrlCheck, urlCheckSchema } from '@liner/shared/api';
import { z } from 'zod';
import { MAX_URLS_TO_CHECK } from '../limits.ts';
import type { Problem } from '../messages.ts';
import { type BackgroundDeps, TIMEOUTS } from './deps.ts';
import { internalProblem, problemFrom } from './problems.ts';

/** How long the first question waits for others to join it. */
export const BATCH_WINDOW_MS = 50;

export type Outcome =
  | { status: 'linked' | 'not-linked'; mbids: string[]; titles?: Record<string, string> }
  /** The server answered, but could not say (MusicBrainz unavailable, a URL it does not know). */
  | { status: 'unknown'; error: string }
  /** The server could not be asked at all. */
  | { status: 'failed'; problem: Problem };

const answersSchema = z.array(urlCheckSchema);

function outcomeOf(answer: UrlCheck | undefined): Outcome {
  if (!answer) return { status: 'unknown', error: 'the server gave no answer for this page' };
  if (answer.status === 'linked' || answer.status === 'not-linked')
    return {
      status: answer.status,
      mbids: answer.mbids,
      ...(answer.titles ? { titles: answer.titles } : {}),
    };
  if (answer.status === 'invalid')
    return {
      status: 'unknown',
      error: `the server does not take this URL (${answer.error ?? 'invalid'}); is it older than this extension?`,
    };
  return { status: 'unknown', error: answer.error ?? 'MusicBrainz did not answer' };
}

/** Asks the server about one batch and caches what it settled. */
async function send(deps: BackgroundDeps, urls: string[]): Promise<Map<string, Outcome>> {
  const settings = await deps.settings();
  try {
    const client = deps.client(settings, TIMEOUTS.check);
    const answers = answersSchema.parse(await client.musicbrainz.checkUrls.query({ urls }));
    const byUrl = new Map(answers.map((answer) => [answer.url, answer]));
    const outcomes = new Map(urls.map((url) => [url, outcomeOf(byUrl.get(url))]));
    await deps.cache.putUrlStates(
      [...outcomes].flatMap(([url, o]) =>
        o.status === 'linked' || o.status === 'not-linked' ? [{ url, ...o }] : [],
      ),
    );
    return outcomes;
  } catch (error) {
    const failed: Outcome = { status: 'failed', problem: problemFrom(error) };
    return new Map(urls.map((url) => [url, failed]));
  }
}

export interface UrlBatcher {
  ask(urls: readonly string[]): Promise<Map<string, Outcome>>;
}

export function createUrlBatcher(deps: BackgroundDeps, windowMs = BATCH_WINDOW_MS): UrlBatcher {
  const inFlight = new Map<string, Promise<Outcome>>();
  let waiting: { url: string; settle(outcome: Outcome): void }[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    for (let i = 0; i < batch.length; i += MAX_URLS_TO_CHECK) {
      const part = batch.slice(i, i + MAX_URLS_TO_CHECK);
      const settle = (outcome: (url: string) => Outcome) => {
        for (const w of part) {
          inFlight.delete(w.url);
          w.settle(outcome(w.url));
        }
      };
      // Every waiting tab gets an answer, even when reading the settings fails.
      send(
        deps,
        part.map((w) => w.url),
      ).then(
        (outcomes) => settle((url) => outcomes.get(url)!),
        (error: unknown) => settle(() => ({ status: 'failed', problem: internalProblem(error) })),
      );
    }
  };

  return {
    async ask(urls) {
      const asked = [...new Set(urls)].map((url) => {
        let outcome = inFlight.get(url);
        if (!outcome) {
          outcome = new Promise<Outcome>((settle) => waiting.push({ url, settle }));
          inFlight.set(url, outcome);
          if (!scheduled) {
            scheduled = true;
            setTimeout(flush, windowMs);
          }
        }
        return outcome.then((o) => [url, o] as const);
      });
      return new Map(await Promise.all(asked));
    },
  };
}

const batchers = new WeakMap<BackgroundDeps, UrlBatcher>();

/** One batcher per background (the deps stand for it), made on first use. */
export function batcherOf(deps: BackgroundDeps): UrlBatcher {
  const known = batchers.get(deps);
  if (known) return known;
  const batcher = createUrlBatcher(deps);
  batchers.set(deps, batcher);
  return batcher;
}

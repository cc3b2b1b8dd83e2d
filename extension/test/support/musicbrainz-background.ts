/**
 * The background as the MusicBrainz script talks to it: the real handlers, cache and seed store
 * on a tRPC stand-in of the companion server that compares a release (or answers like the
 * server does when MusicBrainz asks it to slow down), looks up and builds seeds.
 */
import type { ImportResponse, Request, Sender } from '../../src/messages.ts';
import { seedAnswers } from './answers.ts';
import { listeningBackground } from './background.ts';
import { UpstreamFailure } from './companion.ts';
import { sampleComparison, storeLookup } from './comparison.ts';

export function musicBrainzBackground(options: { busy?: () => boolean } = {}) {
  const { companion, background, listener, take } = listeningBackground({
    compare: ({ mbid }) => {
      if (options.busy?.())
        throw new UpstreamFailure('BAD_GATEWAY', 'musicbrainz answered HTTP 503', {
          provider: 'musicbrainz',
          kind: 'status',
          status: 503,
        });
      return sampleComparison(mbid);
    },
    lookup: () => storeLookup(),
    seed: seedAnswers(storeLookup()),
  });
  /** A message from a content script in a tab at `url`. */
  const fromTab = <R extends Request>(request: R, url: string, tabId = 7) =>
    new Promise<ImportResponse>((resolve) =>
      listener(request, { url, tab: { id: tabId } } satisfies Sender, resolve as never),
    );
  return { companion, background, fromTab, take };
}

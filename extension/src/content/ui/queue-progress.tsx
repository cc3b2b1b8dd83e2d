/**
 * While a look-up runs: what it waits for at the server, asked every two seconds from the
 * second one on (lookup.queue). Said only when there is a queue: MusicBrainz URLs waiting behind
 * its rate limit, with about how long until they are asked, and the look-up's deadline.
 */
import type { QueueStatus } from '@liner/shared/contracts';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../send.ts';

const FIRST_ASK_MS = 1000;
const EVERY_MS = 2000;

export function queueInWords(status: QueueStatus): string | undefined {
  const { queuedUrls, etaMs } = status.musicbrainz;
  if (queuedUrls === 0) return undefined;
  const seconds = Math.max(1, Math.ceil(etaMs / 1000));
  const deadline = Math.round(status.deadlineMs / 1000);
  return `Queued behind MusicBrainz's rate limit: ${queuedUrls} URL${queuedUrls === 1 ? '' : 's'} waiting, about ${seconds} s (the answer comes within ${deadline} s, with what has arrived)`;
}

export function QueueProgress({ api }: { api: Api }) {
  const [words, setWords] = useState<string | undefined>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      const answer = await api({ type: 'lookup.queue' });
      if (stopped) return;
      // A server too old to say, or one that did not answer: no line rather than an error.
      setWords(answer.ok ? queueInWords(answer.status) : undefined);
      timer = setTimeout(() => void ask(), EVERY_MS);
    };
    timer = setTimeout(() => void ask(), FIRST_ASK_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api]);
  if (!words) return null;
  return (
    <span class="source" data-liner="queue" role="status">
      {words}
    </span>
  );
}

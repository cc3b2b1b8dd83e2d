/**
 * The interchangeable transports: live (the layers below), replay (answers from files, nothing
 * sent), and record (live, with every answer written to files as replay reads them); and the
 * decoding step that turns a body into data (scraped pages extracted, JSON parsed and checked).
 */
import { accepts, refusedBody } from './attempt.ts';
import { parseJsonBody } from './body.ts';
import { BadBodyError, HttpStatusError, UpstreamError } from './errors.ts';
import { isDefiniteRefusal, recordResponse, replayResponse } from './replay.ts';
import type { Answer, HttpRequest, Transport } from './types.ts';

/** What a replayed credential exchange answers: a token that is only ever sent to replay. */
export const REPLAY_TOKEN = JSON.stringify({
  access_token: 'replayed-token',
  token_type: 'Bearer',
  expires_in: 3600,
});

/** Answers from replay directories (searched in order); a credential exchange gets a placeholder. */
export function replayTransport(dirs: string | readonly string[]): Transport {
  return async ({ request }) => {
    if (request.secret)
      return { status: 200, headers: new Headers(), body: REPLAY_TOKEN, replayed: true };
    const replay = replayResponse(dirs, request.provider, request.url);
    // A replayed error answer fails as the live one would.
    if (!accepts(request, replay.status))
      throw new HttpStatusError(request.provider, request.url, replay.status);
    return { status: replay.status, headers: new Headers(), body: replay.body, replayed: true };
  };
}

/** An answer with its data: kept as JSON when extracted from a page, parsed when JSON. */
export type Decoded = Answer & { data: unknown };

function decode(request: HttpRequest, answer: Answer): Decoded {
  const { status } = answer;
  if (request.extract && !answer.replayed) {
    let data: unknown;
    try {
      data = request.extract(answer.body, request.url);
    } catch (error) {
      throw new BadBodyError(request.provider, request.url, (error as Error).message, status);
    }
    return { ...answer, body: JSON.stringify(data), data };
  }
  if (request.expect !== 'json' && !request.extract) return { ...answer, data: undefined };
  const contentType = answer.replayed
    ? undefined
    : (answer.headers.get('content-type') ?? undefined);
  return {
    ...answer,
    data: parseJsonBody(answer.body, contentType, request.provider, request.url, status),
  };
}

export function decoding(next: Transport): (...args: Parameters<Transport>) => Promise<Decoded> {
  return async (exchange) => decode(exchange.request, await next(exchange));
}

/**
 * Live answers written to `dir` as they are kept (pages as their extracted JSON). A definite "no"
 * (404, 410, 400...) is part of the recording, so a replay fails the same way; a 429 or 5xx is
 * the moment's weather, and recording it would poison the corpus. Credential exchanges never.
 */
export function recording<T extends Answer>(
  dir: string,
  next: (...args: Parameters<Transport>) => Promise<T>,
): (...args: Parameters<Transport>) => Promise<T> {
  return async (exchange) => {
    const { request } = exchange;
    try {
      const answer = await next(exchange);
      if (!request.secret) recordResponse(dir, request.url, answer.body);
      return answer;
    } catch (error) {
      const refused = error instanceof UpstreamError ? refusedBody(error) : undefined;
      const status = (error as UpstreamError).status;
      if (!request.secret && refused !== undefined && status !== undefined)
        if (isDefiniteRefusal(status)) recordResponse(dir, request.url, refused, status);
      throw error;
    }
  };
}

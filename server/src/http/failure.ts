/**
 * An upstream failure in words for the people who read look-ups: one short sentence naming the
 * provider ("Apple Music / iTunes did not answer: the address could not be resolved"), and the
 * technical detail to fold away under it. Both are built from what a failure keeps when it is
 * cached (kind, message, status), so a failure read back from the database reads the same.
 * Nothing of the server's own makes it into either: a replay file's path stays in the log.
 */
import { type ProviderName, providerNameSchema, storeByName } from '@liner/shared';
import { internalError, type UpstreamError, type UpstreamErrorKind } from './errors.ts';

export interface FailureWords {
  /** One sentence, for people. */
  message: string;
  /** What happened technically, for the curious and for bug reports; no server paths. */
  detail?: string;
}

/** What a failed connection's error code means, for the common ones. */
const CAUSES: [RegExp, string][] = [
  [/\b(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)\b/, 'the address could not be resolved'],
  [/\bECONNREFUSED\b/, 'the connection was refused'],
  [/\b(ECONNRESET|EPIPE|UND_ERR_SOCKET)\b|other side closed/, 'the connection was cut off'],
  [/\b(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)\b/, 'the connection timed out'],
  [/\b(EHOSTUNREACH|ENETUNREACH|ENETDOWN)\b/, 'the network could not reach it'],
  [
    /\b(CERT_\w+|ERR_TLS_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\b/,
    'its certificate was not accepted',
  ],
];

export function causeInWords(technical: string): string {
  return CAUSES.find(([pattern]) => pattern.test(technical))?.[1] ?? 'the connection failed';
}

/** The replay miss's file names are the server's own: the detail keeps the URL only. */
const withoutServerPaths = (message: string) => message.replace(/ \(looked for [^)]*\)$/, '');

function sentence(kind: UpstreamErrorKind, name: string, message: string, status?: number) {
  switch (kind) {
    case 'network':
      return `${name} did not answer: ${causeInWords(message)}`;
    case 'timeout':
      return /cancelled|took longer/.test(message)
        ? `${name} took too long, and the look-up went on without it`
        : `${name} did not answer in time`;
    case 'rate-limited':
      return `${name} asked Liner to slow down (too many requests); try again in a minute`;
    case 'status':
      if (status !== undefined && status >= 500)
        return `${name} had a problem of its own (HTTP ${status}); try again later`;
      return `${name} refused the request (HTTP ${status ?? '?'})`;
    case 'not-found':
      return `${name} has no such release`;
    case 'bad-body':
    case 'parse':
      return `${name} sent an answer Liner could not read`;
    case 'too-large':
      return `${name} sent an answer larger than Liner reads`;
    case 'host-not-allowed':
      return `${name} pointed to an address outside its own, which Liner does not fetch`;
    case 'not-recorded':
      return `${name} has no recorded answer for this request (the server replays recorded answers)`;
    case 'credentials':
      return `${name} is not available on this server (disabled or not configured)`;
    case 'skipped': {
      const until = / until \d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)Z/.exec(message)?.[1];
      return `${name} was skipped: it did not answer several times in a row${until ? `; it will be asked again at ${until} UTC` : ''}`;
    }
    case 'pending':
      return `${name} had not answered yet when the look-up's time was up; it is still being asked, and the next look-up will have its answer`;
    case 'internal':
      return `${name} could not be asked because of an error inside Liner`;
  }
}

/**
 * The sentence and detail for a failure of the provider called `name` (its display name). An
 * internal failure (a bug) has no detail: its message is the code's, not the provider's.
 */
export function failureInWords(
  failure: { kind: UpstreamErrorKind; message: string; status?: number | undefined },
  name: string,
): FailureWords {
  const message = sentence(failure.kind, name, failure.message, failure.status);
  if (failure.kind === 'internal' || failure.kind === 'credentials') return { message };
  return { message, detail: withoutServerPaths(failure.message) };
}

/** A provider's name as people know it ("Apple Music / iTunes" for itunes). */
export function displayNameOf(provider: string): string {
  const known = providerNameSchema.safeParse(provider);
  return known.success ? storeByName(known.data as ProviderName).displayName : provider;
}

/** An UpstreamError's sentence, with its provider's display name. */
export function upstreamInWords(error: UpstreamError): FailureWords {
  return failureInWords(error, displayNameOf(error.provider));
}

/** Any failure while asking `provider`, in words; one that is not an upstream's is Liner's own. */
export function thrownInWords(error: unknown, provider: string): FailureWords {
  return upstreamInWords(internalError(error, provider));
}

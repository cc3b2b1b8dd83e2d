/** Turns whatever a server call threw into a Problem a user can read and act on. */
import type { Problem } from '../messages.ts';
import { ServerRefusalError, ServerTimeoutError, ServerUnreachableError } from './server.ts';

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

interface TrpcErrorData {
  code?: string;
  httpStatus?: number;
  /** The server names the upstream that failed (server/src/api/trpc.ts). */
  upstream?: { provider?: string; kind?: string; status?: number };
}

/** MusicBrainz's own failures, reported by the server for any procedure that reads it. */
function musicBrainzProblem(
  upstream: TrpcErrorData['upstream'],
  notFound: string | undefined,
): Problem | undefined {
  if (upstream?.provider !== 'musicbrainz') return undefined;
  if (upstream.kind === 'rate-limited' || upstream.status === 503 || upstream.status === 429)
    return {
      kind: 'rate-limited',
      message:
        'MusicBrainz asked the Liner server to slow down (it allows one request per second). Try again in a few seconds.',
      retryable: true,
    };
  if (upstream.kind === 'not-found')
    return {
      kind: 'not-found',
      message: notFound ?? 'The MusicBrainz web service the Liner server reads has no such item.',
      retryable: false,
    };
  if (upstream.kind === 'timeout' || upstream.kind === 'network')
    return {
      kind: 'timeout',
      message: 'MusicBrainz did not answer the Liner server in time.',
      retryable: true,
    };
  return undefined;
}

/**
 * `serverUrl` names the server in the message, for the extension's own pages (popup, options)
 * only: a message shown inside a store's or MusicBrainz's page is readable by that page (issue
 * 20), so there it says "the Liner server" and the options page tells which.
 */
export function problemFrom(
  error: unknown,
  options: { serverUrl?: string; notFound?: string } = {},
): Problem {
  const server = options.serverUrl
    ? `The Liner server at ${options.serverUrl}`
    : 'The Liner server';
  const data = (error as { data?: TrpcErrorData } | undefined)?.data;
  const upstream = musicBrainzProblem(data?.upstream, options.notFound);
  if (upstream) return upstream;
  const chain = causes(error);
  const find = <T>(type: abstract new (...args: never[]) => T) =>
    chain.find((e): e is T => e instanceof type);
  const timeout = find(ServerTimeoutError);
  if (timeout) {
    return {
      kind: 'timeout',
      message: `${server} is too slow: ${timeout.message}.`,
      retryable: true,
    };
  }
  if (find(ServerUnreachableError)) {
    return {
      kind: 'unreachable',
      message: `${server} is not reachable. Is it running?${options.serverUrl ? '' : " (Its address is in Liner's options.)"}`,
      retryable: true,
    };
  }
  const refusal = find(ServerRefusalError);
  if (refusal?.status === 401) {
    return {
      kind: 'unauthorized',
      message: `The Liner server wants a valid API token (${refusal.message}). Set it in Liner's options.`,
      retryable: false,
    };
  }
  if (refusal?.status === 403) {
    return {
      kind: 'unauthorized',
      message: `The Liner server refused this extension: ${refusal.message}. Add its origin to server.corsOrigins.`,
      retryable: false,
    };
  }
  if (refusal?.status === 429) {
    const wait = refusal.retryAfterS ? ` Try again in ${refusal.retryAfterS} s.` : '';
    return {
      kind: 'rate-limited',
      message: `Too many requests: ${refusal.message}.${wait}`,
      retryable: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const unreadable = chain.find(isSchemaError);
  if (unreadable) {
    return {
      kind: 'bad-answer',
      message:
        "The Liner server's answer could not be read: the server may be older or newer than this extension.",
      detail: schemaIssues(unreadable),
      retryable: false,
    };
  }
  if (data?.code === 'NOT_FOUND') return { kind: 'not-found', message, retryable: false };
  if (data?.httpStatus !== undefined && data.httpStatus < 500) {
    return {
      kind: 'invalid-request',
      message: `The server refused the request: ${message}`,
      retryable: false,
    };
  }
  return {
    kind: 'server-error',
    message: 'The Liner server failed to answer (an error on its side; its log has more).',
    detail: message,
    retryable: true,
  };
}

/** A store the options switch off: nothing is asked, and a retry would change nothing. */
export function disabledProblem(
  message = 'Liner is switched off for this store in its options.',
): Problem {
  return { kind: 'disabled', message, retryable: false };
}

/** A failure of the extension's own code (not the server's): said in words, worth a retry. */
export function internalProblem(error: unknown): Problem {
  return {
    kind: 'server-error',
    message: 'Liner failed inside the extension.',
    detail: (error as Error).message ?? String(error),
    retryable: true,
  };
}

interface SchemaError {
  issues: { path: PropertyKey[]; message: string }[];
}

/** A zod validation error (an answer of a shape this extension does not read). */
function isSchemaError(error: unknown): error is SchemaError {
  return (
    error instanceof Error &&
    error.name === 'ZodError' &&
    Array.isArray((error as never as SchemaError).issues)
  );
}

/** The first few places the answer differed, for the folded details. */
function schemaIssues(error: SchemaError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || 'answer'}: ${issue.message}`)
    .join('; ');
}

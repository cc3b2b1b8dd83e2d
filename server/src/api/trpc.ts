/** tRPC setup: the request context and the procedure builders every router uses. */

import { UrlProblem } from '@liner/shared';
import { initTRPC, TRPCError } from '@trpc/server';
import type { App } from '../app.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { UpstreamError } from '../http/errors.ts';
import { upstreamInWords } from '../http/failure.ts';
import { isInputError } from '../services/errors.ts';

export interface Context {
  app: App;
  requestId: string;
  /** Name of the API token the request used, or "anonymous" when none is configured. */
  client: string;
  /** The address the client reached the server at (requestBase), for links back to it. */
  base?: string;
  /** When the request arrived: the look-up's deadline counts from it. */
  arrivedAt?: Date;
}

const t = initTRPC.context<Context>().create({
  // Not tRPC's NODE_ENV guess: a server started without NODE_ENV=production would send every
  // client its stack traces (file paths, code). Stacks belong in the log.
  isDev: false,
  errorFormatter({ shape, error }) {
    // User-facing problems (a URL that is not a store page) say what was wrong in their message.
    // An upstream failure says which upstream and how, so a client can tell "MusicBrainz asks us
    // to slow down" from "the server is broken" without reading the message.
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        ...(cause instanceof UrlProblem ? { urlProblem: cause.kind, input: cause.input } : {}),
        ...(cause instanceof UpstreamError
          ? {
              upstream: {
                provider: cause.provider,
                kind: cause.kind,
                ...(cause.status ? { status: cause.status } : {}),
              },
            }
          : {}),
      },
    };
  },
});

export const router = t.router;

/**
 * The root configuration (error formatter, transformer), for the few refusals the edge answers in
 * tRPC's envelope before tRPC reads the request (an oversized body, a batch over the cap).
 */
export const trpcConfig = t._config;

/** Domain errors (bad input, database down) keep their meaning on the wire, for every procedure. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR')
    throw asTrpcError(result.error.cause ?? result.error);
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors into tRPC errors with the right code and a message naming the problem. */
export function asTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (isInputError(error)) {
    // Too many URLs is a request Liner will not do, not a body too large to read: a 400 (413
    // stays for bodies over server.maxBodyBytes).
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  }
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'the database is unreachable right now; nothing was saved, try again shortly',
      cause: error,
    });
  }
  if (error instanceof UpstreamError) {
    const code =
      error.kind === 'not-found'
        ? 'NOT_FOUND'
        : error.kind === 'credentials'
          ? 'PRECONDITION_FAILED'
          : 'BAD_GATEWAY';
    // The sentence for people: the technical message (a replay file's path, say) stays in the log.
    return new TRPCError({ code, message: upstreamInWords(error).message, cause: error });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error', cause: error });
}

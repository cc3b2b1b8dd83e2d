import { describe, expect, it } from 'vitest';
import { asTrpcError } from '../api/trpc.ts';
import { asCliError, CliError } from '../cli/shared.ts';
import { NotRecordedError } from '../http/errors.ts';
import { TooManyUrlsError } from './errors.ts';

describe('too many URLs, and only that, is the caller sending too much', () => {
  it('answers 400 (tRPC) and exit code 2 (CLI) for a request over the limit', () => {
    const error = new TooManyUrlsError(10, 11);
    expect(error.message).toBe('a look-up takes at most 10 URLs, got 11');
    expect(asTrpcError(error)).toMatchObject({ code: 'BAD_REQUEST', message: error.message });
    expect(asCliError(error)).toEqual(new CliError(error.message, 2));
  });

  it('keeps any other RangeError an internal error, not the caller’s fault', () => {
    const bug = new RangeError('Invalid time value');
    expect(asTrpcError(bug)).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'internal error',
    });
    expect(asCliError(bug)).toBe(bug);
  });

  it('says an upstream failure in its own words in the CLI (exit 1), with no stack', () => {
    const upstream = new NotRecordedError('musicbrainz', 'https://musicbrainz.org/ws/2/url', '/x');
    expect(asCliError(upstream)).toEqual(new CliError(upstream.message, 1));
  });
});

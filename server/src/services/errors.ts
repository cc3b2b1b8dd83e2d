import { InvalidGtinError, UrlProblem } from '@liner/shared';

/**
 * A request that asks for more than one call may carry. Its own class, because a RangeError
 * can also come from a bug ("Invalid time value"), and that must not be blamed on the caller.
 */
export class TooManyUrlsError extends Error {
  override readonly name = 'TooManyUrlsError';
  constructor(
    readonly limit: number,
    readonly given: number,
    message = `a look-up takes at most ${limit} URLs, got ${given}`,
  ) {
    super(message);
  }
}

/** What the caller got wrong (a URL, a barcode, too many of them): said to them, never logged as a bug. */
export function isInputError(
  error: unknown,
): error is UrlProblem | InvalidGtinError | TooManyUrlsError {
  return (
    error instanceof UrlProblem ||
    error instanceof InvalidGtinError ||
    error instanceof TooManyUrlsError
  );
}

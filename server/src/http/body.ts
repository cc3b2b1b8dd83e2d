import { BadBodyError, UpstreamError } from './errors.ts';

/** Reads a response body as text, failing once it passes `maxBytes` instead of buffering it all. */
export async function readBody(
  response: Response,
  provider: string,
  url: string,
  maxBytes: number,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(provider, url, maxBytes, response.status);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(provider, url, maxBytes, response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(provider: string, url: string, maxBytes: number, status: number) {
  return new UpstreamError(
    'too-large',
    provider,
    url,
    `${provider} sent a response larger than ${maxBytes} bytes`,
    status,
  );
}

/** Parses JSON, naming what was received instead when it is not JSON. */
export function parseJsonBody(
  body: string,
  contentType: string | undefined,
  provider: string,
  url: string,
  status?: number,
): unknown {
  const trimmed = body.trimStart();
  if (trimmed === '') throw new BadBodyError(provider, url, 'the body is empty', status);
  if (/html/i.test(contentType ?? '') || /^<(!doctype|html|\?xml)/i.test(trimmed)) {
    throw new BadBodyError(provider, url, 'expected JSON but got an HTML page', status);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new BadBodyError(provider, url, `malformed JSON (${(error as Error).message})`, status);
  }
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

import { PassThrough } from 'node:stream';
import { PROVIDER_NAMES } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { configSchema } from './config/schema.ts';
import { HttpStatusError, NotRecordedError, toUpstreamError } from './http/errors.ts';
import { createLogger, type Logger, redactUrl } from './log.ts';

/** A JSON logger at debug and the text it wrote, read after the lines are flushed. */
function capture(): { logger: Logger; text(): Promise<string> } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const logger = createLogger({ level: 'debug', format: 'json', destination: stream });
  return {
    logger,
    text: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return chunks.join('');
    },
  };
}

describe('logging', () => {
  it('removes credentials from URLs and leaves the rest as it was', () => {
    expect(redactUrl('https://user:hunter2@api.example/x?id=1&token=abc&api_key=k')).toBe(
      'https://user:redacted@api.example/x?id=1&token=redacted&api_key=redacted',
    );
    expect(redactUrl('https://api.deezer.com/album/1')).toBe('https://api.deezer.com/album/1');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('never writes a secret passed into a log call by mistake', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const logger = createLogger({ format: 'json', destination: stream });
    logger.info(
      {
        headers: { authorization: 'Bearer sekrit-token-value' },
        settings: { clientSecret: 'sekrit-client-secret' },
        token: 'sekrit-raw-token',
      },
      'oops',
    );
    await new Promise((resolve) => setImmediate(resolve));
    const text = chunks.join('');
    expect(text).toContain('"msg":"oops"');
    expect(text).not.toMatch(/sekrit/);
  });

  it('never writes a secret setting, however the configuration is logged', async () => {
    const config = configSchema.parse({
      server: { apiToken: 'sekrit-api-token-0001', apiTokens: { ci: 'sekrit-api-token-0002' } },
      database: { url: 'postgres://liner:sekrit-db-password@db.example:5432/liner' },
      providers: Object.fromEntries(
        PROVIDER_NAMES.map((name) => [
          name,
          { clientSecret: `sekrit-client-secret-${name}`, token: `sekrit-token-${name}` },
        ]),
      ),
    });
    const { logger, text } = capture();
    logger.info(config, 'configuration');
    logger.info({ config }, 'configuration');
    logger.info({ loaded: { config } }, 'configuration');
    logger.info({ providers: config.providers }, 'providers');
    for (const name of PROVIDER_NAMES) logger.info(config.providers[name], name);
    const written = await text();
    expect(written.match(/"msg":/g)).toHaveLength(4 + PROVIDER_NAMES.length);
    expect(written).toContain('"url":"[redacted]"');
    expect(written).not.toMatch(/sekrit/);
  });

  it('never writes credentials from headers or OAuth fields at any depth', async () => {
    const { logger, text } = capture();
    logger.debug(
      {
        Authorization: 'Bearer sekrit-1',
        headers: { Authorization: 'Bearer sekrit-2', Cookie: 'sid=sekrit-3' },
        req: {
          headers: { authorization: 'Bearer sekrit-4', cookie: 'sid=sekrit-5' },
        },
        res: { headers: { 'set-cookie': 'sid=sekrit-6' } },
        cookie: 'sid=sekrit-7',
        body: { client_secret: 'sekrit-8', refresh_token: 'sekrit-9', access_token: 'sekrit-10' },
        request: { options: { headers: { 'x-api-key': 'sekrit-11' } } },
      },
      'request',
    );
    const written = await text();
    expect(written).toContain('"msg":"request"');
    expect(written).not.toMatch(/sekrit/);
  });

  it('redacts the URLs an error carries, in its fields, message, stack and causes', async () => {
    const { logger, text } = capture();
    const query = 'https://api.example/v1/album?id=1&token=sekrit-query-token';
    const database = 'postgres://liner:sekrit-db-password@db.example:5432/liner';
    logger.error({ err: new HttpStatusError('discogs', query, 500) }, 'upstream failed');
    logger.error({ err: new NotRecordedError('discogs', query, 'album.json') }, 'replay');
    logger.error(
      { err: toUpstreamError(new Error(`connect failed: ${database}`), 'db', database) },
      'wrapped',
    );
    logger.error({ err: `fetch ${query} failed` }, 'as text');
    logger.error({ error: new Error(`cannot reach ${database}`) }, 'other key');
    const written = await text();
    expect(written).toContain('"url":"https://api.example/v1/album?id=1&token=redacted"');
    expect(written).toContain('postgres://liner:redacted@db.example:5432/liner');
    expect(written).toContain('discogs answered HTTP 500');
    expect(written).toContain('"stack":');
    expect(written).not.toMatch(/sekrit/);
  });
});

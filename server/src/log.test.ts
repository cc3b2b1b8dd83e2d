import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './log.ts';

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
});

/**
 * One HTTPS server on loopback that plays every store's website and the MusicBrainz website,
 * told apart by the Host header: Chromium reaches it under the real host names through
 * --host-resolver-rules, so the extension's real match patterns decide where it runs. Store
 * pages are set by the test; MusicBrainz records every form posted to it.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { MUSICBRAINZ_ORIGINS } from '../../../extension/src/musicbrainz-pages.ts';
import type { Certificate } from './certificate.ts';

export interface Posted {
  host: string;
  path: string;
  contentType: string | undefined;
  /** The form's (name, value) pairs in order, line breaks as the seed had them. */
  fields: [string, string][];
}

/** The MusicBrainz sites the extension can be set to, as host names. */
export const MUSICBRAINZ_HOSTS = MUSICBRAINZ_ORIGINS.map((origin) => new URL(origin).host);

/** Where the MusicBrainz follow-ups send ISRCs; a test serves its page to follow the link. */
export const MAGICISRC_HOST = 'magicisrc.kepstin.ca';

export interface StoreSite {
  port: number;
  posts: Posted[];
  /** Serves `html` at this URL (host and path; the query is ignored). */
  page(url: string, html: string): void;
  close(): Promise<void>;
}

export async function startStoreSite(certificate: Certificate): Promise<StoreSite> {
  const pages = new Map<string, string>();
  const posts: Posted[] = [];
  const server: Server = createServer(certificate, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    if (MUSICBRAINZ_HOSTS.includes(host) && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const fields = [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))].map(
        ([name, value]): [string, string] => [name, value.replace(/\r\n/g, '\n')],
      );
      posts.push({ host, path, contentType: req.headers['content-type'], fields });
      return res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<title>MusicBrainz</title><p>Release editor</p>');
    }
    const html = pages.get(`${host}${path.split('?')[0]}`);
    if (html) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    posts,
    page(url, html) {
      const parsed = new URL(url);
      pages.set(`${parsed.hostname}${parsed.pathname}`, html);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The import form on a permalink page, submitted by a real browser to a stand-in MusicBrainz,
 * arrives as exactly the fields the seed builder made, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { browserAvailable, launchBrowser } from '../support/browser.ts';
import { testDatabases } from '../support/databases.ts';
import { apiClient, startTestServer } from '../support/server.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import {
  bandcampPage,
  DEEZER_FIXTURES,
  musicBrainzUrlRoute,
  replayRoute,
} from '../support/stand-ins.ts';

describe.skipIf(!browserAvailable('the import form, posted by Chromium'))(
  'the import form, posted by Chromium',
  () => {
    let database: DatabaseHandle;
    let upstream: StandIn;
    let running: RunningServer;

    beforeAll(async () => {
      database = await testDatabases()[0]!.open();
      upstream = await startStandIn();
      const deezer = replayRoute('/deezer', 'https://api.deezer.com', DEEZER_FIXTURES);
      upstream.route('*', (req, res) => {
        if (req.path.startsWith('/deezer/')) return deezer(req, res);
        if (req.path.startsWith('/ws/2/url')) return musicBrainzUrlRoute({})(req, res);
        if (req.path.startsWith('/bandcamp/')) {
          const page = bandcampPage({
            artist: 'Evil <b>Band</b>',
            title: '<script>alert("x")</script> & "Quotes"',
            tracks: [{ title: '<img src=x onerror=alert(1)>', duration: 60 }],
          });
          return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
        }
        if (req.method === 'POST' && req.path.startsWith('/release/add'))
          return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>release editor</p>');
        res.writeHead(404).end();
      });
      running = await startTestServer({
        database,
        env: {
          LINER_PROVIDERS: 'deezer',
          LINER_PROVIDERS__DEEZER__BASE_URL: `${upstream.url}/deezer`,
          LINER_PROVIDERS__BANDCAMP__ENDPOINTS__PAGE: `${upstream.url}/bandcamp/{band}`,
          LINER_MUSICBRAINZ_API_URL: upstream.url,
          LINER_MUSICBRAINZ_EDITOR_URL: upstream.url,
          LINER_MUSICBRAINZ_REQUEST_INTERVAL: '10ms',
        },
      });
    });
    afterAll(async () => {
      await running?.stop();
      await upstream?.close();
      await database?.close();
    });

    it('posts exactly the built fields to /release/add?skip_confirmation=1', async () => {
      const api = apiClient(running.url);
      const result = await api.lookup.release.mutate({
        urls: ['https://www.deezer.com/album/100001'],
      });
      const seed = await api.seeds.build.query({ id: result.id });
      expect(seed.problems).toEqual([]);
      // Byte-for-byte the same seed for the same permalink.
      expect(JSON.stringify(await api.seeds.build.query({ id: result.id }))).toBe(
        JSON.stringify(seed),
      );

      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${running.url}/release/${result.id}`);
        const [editor] = await Promise.all([
          browser.waitForEvent('page'),
          page.click('button:has-text("Open in MusicBrainz")'),
        ]);
        await editor.waitForLoadState();
      } finally {
        await browser.close();
      }
      const post = upstream.requests.find((r) => r.method === 'POST');
      expect(post?.path).toBe('/release/add?skip_confirmation=1');
      expect(post?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      // Form encoding turns every line break into CRLF (HTML's rule for all form submissions);
      // apart from that the posted pairs are the seed's, in order.
      const posted = [...new URLSearchParams(post!.body)].map(([name, value]) => [
        name,
        value.replace(/\r\n/g, '\n'),
      ]);
      expect(posted).toEqual(seed.fields);
      expect(post!.body).toContain('edit_note=Imported+with+Liner');
    });

    it('shows store data as text, never as HTML', async () => {
      const api = apiClient(running.url);
      const result = await api.lookup.release.mutate({
        urls: ['https://evil.bandcamp.com/album/x'],
      });
      const response = await fetch(`${running.url}/release/${result.id}`);
      const body = await response.text();
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      // Shaped by this request (its Host), so no cache may keep it for another client.
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
      // Every < and & of the store's text is escaped (a > alone opens nothing).
      expect(body).toContain(
        '&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; &quot;Quotes&quot;',
      );
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(`${running.url}/release/${result.id}`);
        expect(await page.textContent('h1')).toBe('<script>alert("x")</script> & "Quotes"');
        expect(dialogs).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it('offers the follow-up actions after an import', async () => {
      const api = apiClient(running.url);
      const result = await api.lookup.release.mutate({
        urls: ['https://www.deezer.com/album/100001'],
      });
      const mbid = '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f';
      const response = await fetch(
        `${running.url}/release/${result.id}/imported?release_mbid=${mbid}`,
      );
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain(
        `https://magicisrc.kepstin.ca/?musicbrainzid=${mbid}&amp;isrc1-1=GBAAA2300001&amp;isrc1-2=GBAAA2300002&amp;isrc2-1=GBAAA2300003`,
      );
      expect(body).toContain(`${upstream.url}/release/${mbid}/add-cover-art`);
      expect(
        (await fetch(`${running.url}/release/${result.id}/imported?release_mbid=nope`)).status,
      ).toBe(400);
      expect((await fetch(`${running.url}/release/zzzzzzzzzzzz`)).status).toBe(404);
    });
  },
);

/**
 * Harmony's URLs on a Liner server: `/release?…` opens the same look-up (its permalink page),
 * `ts` a stored one, `/release/actions?release_mbid=…` the follow-up actions; wrong parameters
 * get a page naming them; other sites may link to these doors but not embed them; a token server
 * takes its token as Basic credentials there.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import type { RunningServer } from '../../server/src/serve.ts';
import { testDatabases } from '../support/databases.ts';
import { startTestServer } from '../support/server.ts';
import type { StandIn } from '../support/stand-in.ts';
import { startStoreStandIns, storeStandInEnv } from '../support/store-stand-ins.ts';

const TWO_SIDES = 'https://www.deezer.com/album/100001';
const RELEASE_MBID = '5b2c3d4e-1111-4222-8333-944455566677';

describe.each(testDatabases())('Harmony-compatible entry on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let running: RunningServer;

  beforeAll(async () => {
    database = await open();
    upstream = await startStoreStandIns({
      linked: { [TWO_SIDES]: [['release', RELEASE_MBID, 'Two Sides']] },
    });
    running = await startTestServer({ database, env: storeStandInEnv(upstream, 'deezer') });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    await database?.close();
  });

  const open303 = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.url}${path}`, { redirect: 'manual', headers });
    const body = await response.text();
    return { status: response.status, location: response.headers.get('location') ?? '', body };
  };
  // fetch sets Sec-Fetch-* itself: a browser's navigation headers need a plain request.
  const statusWith = (path: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${running.url}${path}`, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  const permalinkOf = (location: string) => /^\/release\/([a-z0-9]{12})/.exec(location)?.[1];

  it('answers a Harmony look-up URL with the same look-up on its permalink page', async () => {
    const entry = await open303(`/release?url=${encodeURIComponent(TWO_SIDES)}&region=gb,us`);
    expect(entry.status).toBe(303);
    const id = permalinkOf(entry.location);
    expect(id).toBeDefined();
    const stored = await running.app.services.lookup.get(id!);
    expect(stored?.query).toMatchObject({ urls: [TWO_SIDES], regions: ['GB', 'US'] });
    expect(stored?.release?.title).toBe('Two Sides');
    const page = await fetch(`${running.url}${entry.location}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Two Sides');
    // Harmony's permalink form: the provider with its release ID, a barcode, provider switches.
    const permalink = await open303('/release?deezer=100001&gtin=192758000019&itunes=&region=GB');
    const asked = await running.app.services.lookup.get(permalinkOf(permalink.location)!);
    expect(asked?.query).toMatchObject({
      urls: [TWO_SIDES],
      gtin: '192758000019',
      regions: ['GB'],
      providers: ['deezer', 'itunes'],
    });
  });

  it('opens the look-up stored by the moment `ts` names, asking no store', async () => {
    const first = await open303(`/release?url=${encodeURIComponent(TWO_SIDES)}`);
    const requests = upstream.requests.length;
    const later = Math.ceil(Date.now() / 1000) + 60;
    const again = await open303(`/release?url=${encodeURIComponent(TWO_SIDES)}&ts=${later}`);
    expect(again.location).toBe(first.location);
    expect(upstream.requests.length).toBe(requests);
    // Before any look-up of the question: a new one is made.
    const before = await open303(`/release?url=${encodeURIComponent(TWO_SIDES)}&ts=1000000000`);
    expect(before.status).toBe(303);
    expect(permalinkOf(before.location)).toBeDefined();
  });

  it('answers the release actions URL with the follow-up actions', async () => {
    const actions = await open303(
      `/release/actions?release_mbid=${RELEASE_MBID}&url=${encodeURIComponent(TWO_SIDES)}`,
    );
    expect(actions.status).toBe(303);
    expect(actions.location).toMatch(
      new RegExp(`^/release/[a-z0-9]{12}/imported\\?release_mbid=${RELEASE_MBID}$`),
    );
    const page = await fetch(`${running.url}${actions.location}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(RELEASE_MBID);
  });

  it('names the wrong parameter on a page, and looks nothing up', async () => {
    const requests = upstream.requests.length;
    const cases: [string, string][] = [
      ['/release?url=https%3A%2F%2Fexample.com%2Fx', 'example.com is not a supported store'],
      ['/release?region=GBR&gtin=192758000019', 'region=GBR'],
      ['/release?deezer=abc', 'deezer=abc'],
      ['/release?gtin=12345', 'GTIN'],
      ['/release?category=some', 'category=some'],
      ['/release?url=https%3A%2F%2Fwww.deezer.com%2Falbum%2F1&ts=yesterday', 'ts=yesterday'],
      ['/release', 'Give a store URL'],
      ['/release/actions?deezer=100001', 'release_mbid'],
    ];
    for (const [path, words] of cases) {
      const answer = await open303(path);
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toContain(words);
    }
    expect(upstream.requests.length).toBe(requests);
  });

  it('lets other sites link to the doors but not embed or fetch them', async () => {
    const path = `/release?url=${encodeURIComponent(TWO_SIDES)}`;
    const linked = await statusWith(path, {
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    });
    expect(linked).toBe(303);
    for (const [mode, dest] of [
      ['no-cors', 'image'],
      ['navigate', 'iframe'],
      ['cors', 'empty'],
    ]) {
      const embedded = await statusWith(path, {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': mode!,
        'sec-fetch-dest': dest!,
      });
      expect(embedded, `${mode} ${dest}`).toBe(403);
    }
  });
});

describe.each(testDatabases())('Harmony-compatible entry with a token on $kind', ({ open }) => {
  let database: DatabaseHandle;
  let upstream: StandIn;
  let running: RunningServer;

  beforeAll(async () => {
    database = await open();
    upstream = await startStoreStandIns();
    running = await startTestServer({
      database,
      env: { ...storeStandInEnv(upstream, 'deezer'), LINER_API_TOKEN: 'sesame-token-1234' },
    });
  });
  afterAll(async () => {
    await running?.stop();
    await upstream?.close();
    await database?.close();
  });

  it('asks the browser for the token (Basic) and takes it as the password', async () => {
    const path = `${running.url}/release?url=${encodeURIComponent(TWO_SIDES)}`;
    const refused = await fetch(path, { redirect: 'manual' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="liner"');
    const wrong = `Basic ${Buffer.from('me:wrong').toString('base64')}`;
    expect(
      (await fetch(path, { redirect: 'manual', headers: { authorization: wrong } })).status,
    ).toBe(401);
    const right = `Basic ${Buffer.from('me:sesame-token-1234').toString('base64')}`;
    const answer = await fetch(path, { redirect: 'manual', headers: { authorization: right } });
    expect(answer.status).toBe(303);
    // The permalink pages stay open, as before.
    const page = await fetch(`${running.url}${answer.headers.get('location')}`);
    expect(page.status).toBe(200);
  });
});

/**
 * A store that hangs: its failure is remembered from when it ended, so the next look-up within
 * cache.errorTtl answers at once from it; and after repeated time-outs the store's circuit
 * breaker skips it at once, saying until when, and one probe decides when it is asked again.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/connect.ts';
import { silentLogger } from '../../server/src/log.ts';
import { testDatabases } from '../support/databases.ts';
import { deezerCatalogue } from '../support/deezer-catalogue.ts';
import { testConfig } from '../support/providers.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import {
  TWO_SIDES_BANDCAMP as BANDCAMP,
  startStoreStandIns,
  storeStandInEnv,
} from '../support/store-stand-ins.ts';

const [first] = testDatabases();
const deezerUrl = (n: number) => `https://www.deezer.com/album/${n}`;

describe('a store that hangs', { timeout: 60_000 }, () => {
  let database: DatabaseHandle;
  let others: StandIn;
  let deezer: StandIn;
  let app: App;
  const state = { hanging: true, held: [] as ServerResponse[] };
  const deezerRequests = () => deezer.requests.length;

  beforeAll(async () => {
    database = await first!.open();
    others = await startStoreStandIns();
    const catalogue = deezerCatalogue('');
    // Deezer alone on its own stand-in: it accepts the connection and says nothing.
    deezer = await startStandIn();
    deezer.route('*', (req, res) => (state.hanging ? state.held.push(res) : catalogue(req, res)));
    const config = testConfig({
      ...storeStandInEnv(others),
      LINER_PROVIDERS__DEEZER__BASE_URL: deezer.url,
      LINER_LOOKUP_PROVIDER_TIMEOUT: '1500ms',
      // Counted from the start of the fetch, 1.5 s of this would be gone when the failure is
      // stored, and the look-up 1 s later would wait the whole deadline again.
      LINER_CACHE_ERROR_TTL: '2500ms',
      LINER_HTTP_BREAKER_FAILURES: '2',
      LINER_HTTP_BREAKER_COOL_DOWN: '2s',
    });
    app = await createApp({ config, logger: silentLogger(), database });
  });
  afterAll(async () => {
    for (const held of state.held) held.destroy();
    await app.close();
    await deezer.close();
    await others.close();
    await database.close();
  });

  const look = async (urls: string[]) => {
    const started = performance.now();
    const result = await app.services.lookup.lookup({ urls });
    const deezerPart = result.providers.find((p) => p.name === 'deezer')!;
    return { result, deezer: deezerPart, ms: performance.now() - started };
  };

  it('costs its deadline once; the next look-up within the error TTL answers from the failure', async () => {
    const cold = await look([deezerUrl(501)]);
    expect(cold.deezer.error).toMatchObject({ kind: 'timeout' });
    expect(cold.ms).toBeGreaterThanOrEqual(1500);
    const sent = deezerRequests();
    await new Promise((r) => setTimeout(r, 1000));
    // Another question with the same Deezer part: that part is the remembered failure.
    const again = await look([deezerUrl(501), BANDCAMP]);
    expect(again.deezer).toMatchObject({ cached: true, requests: 0, error: { kind: 'timeout' } });
    expect(again.result.release?.title).toBe('Two Sides');
    expect(deezerRequests()).toBe(sent);
    console.info(
      `hanging store: first look-up ${Math.round(cold.ms)} ms, the next one ${Math.round(again.ms)} ms`,
    );
  });

  it('is skipped at once after repeated time-outs, and one probe closes its breaker', async () => {
    // The first look-up's time-out counted once; one more opens the breaker.
    await look([deezerUrl(502)]);
    const sent = deezerRequests();
    const skipped = await look([deezerUrl(503)]);
    expect(deezerRequests()).toBe(sent);
    expect(skipped.ms).toBeLessThan(1500);
    expect(skipped.deezer.error?.kind).toBe('skipped');
    expect(skipped.deezer.error?.message).toMatch(
      /^Deezer was skipped: it did not answer several times in a row; it will be asked again at \d\d:\d\d:\d\d UTC$/,
    );
    // Past the cool-down, one probe goes while the look-up beside it is still skipped; it gets
    // no answer either, so the breaker opens again.
    await new Promise((r) => setTimeout(r, 2100));
    const [a, b] = await Promise.all([look([deezerUrl(504)]), look([deezerUrl(505)])]);
    expect([a.deezer.error?.kind, b.deezer.error?.kind].sort()).toEqual(['skipped', 'timeout']);
    expect(deezerRequests()).toBe(sent + 1);
    // The store is back: after the cool-down the probe's answer closes the breaker.
    state.hanging = false;
    await new Promise((r) => setTimeout(r, 2100));
    const back = await look([deezerUrl(506)]);
    expect(back.deezer.error).toBeUndefined();
    expect(back.result.release?.title).toBe('Catalogue Release 506');
    const beside = await look([deezerUrl(507)]);
    expect(beside.deezer.error).toBeUndefined();
  });
});

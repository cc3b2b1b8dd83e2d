/**
 * What an e2e test of the extension runs against, short of the browser: the stand-in store and
 * MusicBrainz sites over HTTPS, the stores' APIs on loopback and the real companion server,
 * whose follow-up links go to the stand-in test.musicbrainz.org. Chromium's harness and the
 * Firefox smoke test each put their browser on top.
 */
import type { StandInRelease } from '../../support/musicbrainz-release.ts';
import { makeCertificate } from './certificate.ts';
import { type Companion, replayDirs, startCompanion } from './companion.ts';
import { type Posted, type StoreSite, startStoreSite } from './store-site.ts';
import { startUpstream, type Upstream } from './upstream.ts';

export type StandInReleases = Record<string, StandInRelease | number>;

export interface Backends {
  site: StoreSite;
  upstream: Upstream;
  companion: Companion;
  /** The look-up's permalink, from the server page MusicBrainz is told to return to. */
  permalinkOf(posted: Posted): string;
  close(): Promise<void>;
}

/** `hosts` are the names the site answers for (its certificate covers them). */
export async function startBackends(
  hosts: readonly string[],
  linked: Record<string, [string, string, string?][]>,
  releases: StandInReleases = {},
  answers: Record<string, object> = {},
): Promise<Backends> {
  const site = await startStoreSite(makeCertificate(hosts));
  const upstream = await startUpstream({ replayDirs: replayDirs(), linked, releases, answers });
  // The server's follow-up links go to the MusicBrainz site the extension is set to.
  const companion = await startCompanion({
    ...upstream.env,
    LINER_MUSICBRAINZ_EDITOR_URL: 'https://test.musicbrainz.org',
  });
  return {
    site,
    upstream,
    companion,
    permalinkOf(posted) {
      const redirect = posted.fields.find(([name]) => name === 'redirect_uri')?.[1] ?? '';
      const id = new RegExp(`^${companion.server.url}/release/([^/]+)/imported$`).exec(
        redirect,
      )?.[1];
      if (!id) throw new Error(`the seed returns to no look-up of this server: ${redirect}`);
      return id;
    },
    async close() {
      await companion.stop();
      await upstream.standIn.close();
      await site.close();
    },
  };
}

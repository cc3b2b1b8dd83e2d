/**
 * The options page: server address with a connection test, optional token, MusicBrainz site,
 * per-store switches, preferred regions, provider order and the artists' own sites Liner is on. Saving goes through the strict
 * settings schema, and the one server origin is asked for as an optional host permission.
 */
import { PROVIDER_NAMES, type ProviderName } from '@liner/shared/model';
import { useState } from 'preact/hooks';
import type { Api } from '../content/send.ts';
import { providerName } from '../content/ui/format.ts';
import {
  MUSICBRAINZ_SERVERS,
  type MusicBrainzServer,
  type Settings,
  type SettingsForm,
} from '../settings/schema.ts';
import type { SaveResult } from '../settings/storage.ts';
import { SITE_NAMES } from '../sites.ts';
import { type CustomSites, CustomSitesList } from './custom-sites-list.tsx';
import { ProviderOrder } from './provider-order.tsx';

export interface OptionsProps {
  initial: Settings;
  /** This extension's origin (chrome-extension://<id>), for the server's server.corsOrigins. */
  extensionOrigin: string;
  api: Api;
  save(form: SettingsForm): Promise<SaveResult>;
  /** Asks the browser for access to the server's origin; false when the user declines. */
  requestAccess(serverUrl: string): Promise<boolean>;
  /** The artists' own sites Liner is on for good, to list and take back. */
  customSites: CustomSites;
}

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok' | 'problem'; text: string };

/**
 * The host a token would reach in clear text: plain http:// to anything but this machine (a
 * LAN is a network too). Undefined when the address is https://, loopback or not one yet.
 */
export function cleartextHost(serverUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:') return undefined;
  const loopback = /^(localhost|127(\.\d+){3}|\[::1\])$/i.test(url.hostname);
  return loopback ? undefined : url.host;
}

export function Options({
  initial,
  extensionOrigin,
  api,
  save,
  requestAccess,
  customSites,
}: OptionsProps) {
  const [serverUrl, setServerUrl] = useState(initial.serverUrl);
  const [token, setToken] = useState(initial.token ?? '');
  const [musicbrainz, setMusicbrainz] = useState<MusicBrainzServer>(initial.musicbrainz);
  const [stores, setStores] = useState<Record<string, boolean>>({ ...initial.stores });
  const [regions, setRegions] = useState(initial.regions.join(', '));
  const [order, setOrder] = useState<ProviderName[]>(initial.providerOrder);
  const [test, setTest] = useState<Status>({ kind: 'idle' });
  const [saved, setSaved] = useState<Status>({ kind: 'idle' });
  const cleartext = cleartextHost(serverUrl);

  /**
   * Asks for the server's origin. Called first thing in a click handler: the browser only shows
   * its prompt during the user's gesture, which an earlier await could outlast.
   */
  const access = (): Promise<string> => {
    let asked: Promise<boolean>;
    try {
      asked = requestAccess(serverUrl);
    } catch {
      asked = Promise.resolve(false);
    }
    return asked
      .catch(() => false)
      .then((granted) =>
        granted
          ? ''
          : ' The browser did not grant access to this address; Liner relies on the server allowing the extension (CORS).',
      );
  };

  const testConnection = async () => {
    const note = access();
    setTest({ kind: 'busy' });
    const answer = await api({
      type: 'server.test',
      serverUrl,
      ...(token.trim() ? { token: token.trim() } : {}),
    });
    setTest(
      answer.ok
        ? {
            kind: 'ok',
            text: `Connected: Liner ${answer.version}, ${answer.database} database, seeds for ${answer.musicbrainz}.${await note}`,
          }
        : { kind: 'problem', text: answer.problem.message },
    );
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const note = access();
    setSaved({ kind: 'busy' });
    const result = await save({
      serverUrl,
      ...(token.trim() ? { token: token.trim() } : {}),
      musicbrainz,
      stores,
      regions: regions.split(/[\s,]+/).filter(Boolean),
      providerOrder: order,
    });
    if (!result.ok) return setSaved({ kind: 'problem', text: result.errors.join('; ') });
    setSaved({ kind: 'ok', text: `Saved.${await note}` });
  };

  const line = (status: Status, name: string) =>
    status.kind === 'ok' || status.kind === 'problem' ? (
      <p class={status.kind} data-liner={name}>
        {status.text}
      </p>
    ) : null;

  return (
    <form onSubmit={submit}>
      <h1>Liner options</h1>
      <label for="server">Liner server</label>
      <input
        id="server"
        type="url"
        value={serverUrl}
        onInput={(e) => setServerUrl(e.currentTarget.value)}
      />
      <button type="button" onClick={() => void testConnection()} disabled={test.kind === 'busy'}>
        Test connection
      </button>
      {line(test, 'test-result')}
      <p class="note" data-liner="origin">
        This extension's origin, for a server that allows only known ones (server.corsOrigins):{' '}
        <code>{extensionOrigin}</code>
      </p>
      <label for="token">API token (if the server requires one)</label>
      <input
        id="token"
        type="password"
        autocomplete="off"
        value={token}
        onInput={(e) => setToken(e.currentTarget.value)}
      />
      {token.trim() && cleartext && (
        <p class="problem" data-liner="cleartext">
          The token would go to {cleartext} unencrypted, readable on the way: use an https://
          address for a server on another machine.
        </p>
      )}
      <label for="musicbrainz">MusicBrainz site the seeds open on</label>
      <select
        id="musicbrainz"
        value={musicbrainz}
        onChange={(e) => setMusicbrainz(e.currentTarget.value as MusicBrainzServer)}
      >
        {Object.entries(MUSICBRAINZ_SERVERS).map(([key, url]) => (
          <option key={key} value={key}>
            {url.replace('https://', '')}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Show the button on</legend>
        {SITE_NAMES.map((name) => (
          <label key={name} class="inline">
            <input
              type="checkbox"
              name={name}
              checked={stores[name] !== false}
              onChange={(e) => setStores({ ...stores, [name]: e.currentTarget.checked })}
            />{' '}
            {providerName(name)}
          </label>
        ))}
      </fieldset>
      <label for="regions">
        Preferred storefront regions, in order (e.g. GB, US; empty: the server's)
      </label>
      <input
        id="regions"
        type="text"
        value={regions}
        onInput={(e) => setRegions(e.currentTarget.value)}
      />
      <ProviderOrder all={PROVIDER_NAMES} order={order} onChange={setOrder} />
      <CustomSitesList sites={customSites} />
      <p>
        <button type="submit" disabled={saved.kind === 'busy'}>
          Save
        </button>
      </p>
      {line(saved, 'save-result')}
    </form>
  );
}

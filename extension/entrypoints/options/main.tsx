import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LinerDatabase } from '../../src/background/db.ts';
import { sendToBackground } from '../../src/content/send.ts';
import { alwaysSites, revokeAlways } from '../../src/pages/custom-site.ts';
import { Options } from '../../src/pages/options.tsx';
import { releaseOldServer, serverOriginPattern } from '../../src/pages/server-access.ts';
import type { SettingsForm } from '../../src/settings/schema.ts';
import { loadSettings, saveSettings } from '../../src/settings/storage.ts';
import { tokenStore } from '../../src/settings/token.ts';

async function main() {
  const tokens = tokenStore(new LinerDatabase());
  const initial = await loadSettings(tokens);
  let server = initial.serverUrl;
  const save = async (form: SettingsForm) => {
    const result = await saveSettings(form, tokens);
    if (result.ok) {
      await releaseOldServer(browser.permissions, server, result.settings.serverUrl);
      server = result.settings.serverUrl;
    }
    return result;
  };
  render(
    <Options
      initial={initial}
      extensionOrigin={new URL(browser.runtime.getURL('/')).origin}
      api={sendToBackground}
      save={save}
      requestAccess={(serverUrl) =>
        browser.permissions.request({ origins: [serverOriginPattern(serverUrl)] })
      }
      customSites={{ list: alwaysSites, revoke: revokeAlways }}
    />,
    document.getElementById('app')!,
  );
}

void main();

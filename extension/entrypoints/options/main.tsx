import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LinerDatabase } from '../../src/background/db.ts';
import { sendToBackground } from '../../src/content/send.ts';
import { Options } from '../../src/pages/options.tsx';
import { loadSettings, saveSettings } from '../../src/settings/storage.ts';
import { tokenStore } from '../../src/settings/token.ts';

/** Match patterns carry no port: access to the host covers the server on any port. */
function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

async function main() {
  const tokens = tokenStore(new LinerDatabase());
  render(
    <Options
      initial={await loadSettings(tokens)}
      extensionOrigin={new URL(browser.runtime.getURL('/')).origin}
      api={sendToBackground}
      save={(form) => saveSettings(form, tokens)}
      requestAccess={(serverUrl) =>
        browser.permissions.request({ origins: [originPattern(serverUrl)] })
      }
    />,
    document.getElementById('app')!,
  );
}

void main();

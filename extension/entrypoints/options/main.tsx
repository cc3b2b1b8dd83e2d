import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../src/content/send.ts';
import { Options } from '../../src/pages/options.tsx';
import { loadSettings, saveSettings } from '../../src/settings/storage.ts';

/** Match patterns carry no port: access to the host covers the server on any port. */
function originPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

async function main() {
  render(
    <Options
      initial={await loadSettings()}
      extensionOrigin={new URL(browser.runtime.getURL('/')).origin}
      api={sendToBackground}
      save={saveSettings}
      requestAccess={(serverUrl) =>
        browser.permissions.request({ origins: [originPattern(serverUrl)] })
      }
    />,
    document.getElementById('app')!,
  );
}

void main();

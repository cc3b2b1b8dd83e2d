import { tryRecognizeUrl } from '@liner/shared/stores/index';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../src/content/send.ts';
import { activeTab } from '../../src/pages/custom-site.ts';
import { CustomSiteBox } from '../../src/pages/custom-site-box.tsx';
import { RecentList } from '../../src/pages/popup.tsx';

async function main() {
  const tab = await activeTab().catch(() => undefined);
  // Known stores have their own content scripts; the offer is for other http(s) pages.
  const other = tab && /^https?:/.test(tab.url) && !tryRecognizeUrl(tab.url) ? tab : undefined;
  render(
    <>
      <h1>Liner</h1>
      <RecentList api={sendToBackground} />
      {other && <CustomSiteBox tab={other} />}
      <p>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </p>
    </>,
    document.getElementById('app')!,
  );
}

void main();

/** The body of every store's content script. */
import { hostMatches } from '@liner/shared/stores/index';
import { type SiteName, site } from '../sites.ts';
import { bandcampAddress } from './bandcamp-domain.ts';
import { startStorePage } from './controller.tsx';
import { sendToBackground } from './send.ts';

export function runStore(name: SiteName): void {
  // Injected on an artist's own domain (the user asked for it in the popup).
  const ownDomain = name === 'bandcamp' && !hostMatches('*.bandcamp.com', location.hostname);
  startStorePage(
    site(name),
    sendToBackground,
    window,
    ownDomain ? () => bandcampAddress() ?? undefined : undefined,
  );
}

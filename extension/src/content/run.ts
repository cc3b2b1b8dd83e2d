/** The body of every store's content script. */
import { type SiteName, site } from '../sites.ts';
import { startStorePage } from './controller.tsx';
import { sendToBackground } from './send.ts';

export function runStore(name: SiteName): void {
  startStorePage(site(name), sendToBackground);
}

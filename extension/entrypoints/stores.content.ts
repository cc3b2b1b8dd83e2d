import { defineContentScript } from 'wxt/utils/define-content-script';
import { runStore } from '../src/content/run.ts';
import { allSiteMatches } from '../src/sites.ts';

/** One script for every store site: the page's host says which site it is. */
export default defineContentScript({
  matches: allSiteMatches(),
  runAt: 'document_end',
  main: () => {
    runStore();
  },
});

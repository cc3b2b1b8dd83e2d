import { defineContentScript } from 'wxt/utils/define-content-script';
import { runStore } from '../src/content/run.ts';
import { siteMatches } from '../src/sites.ts';

export default defineContentScript({
  matches: siteMatches('itunes'),
  runAt: 'document_end',
  main: () => {
    runStore('itunes');
  },
});

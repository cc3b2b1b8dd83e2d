import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  MUSICBRAINZ_MATCHES,
  startMusicBrainzPage,
} from '../src/content/musicbrainz/controller.tsx';
import { sendToBackground } from '../src/content/send.ts';

export default defineContentScript({
  matches: MUSICBRAINZ_MATCHES,
  runAt: 'document_end',
  main: () => void startMusicBrainzPage(sendToBackground),
});

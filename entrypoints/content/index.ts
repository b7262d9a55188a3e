// The content script: on an allowed site, annotates the page until the site is switched off or the extension goes away.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUNDLED_MATCHES } from '../../lib/settings/sites.ts';
import { startContent } from '../../lib/page/start-content.ts';
import './style.css';

export default defineContentScript({
  matches: BUNDLED_MATCHES,
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    startContent(ctx);
  },
});

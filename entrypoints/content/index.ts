// The content script: on an allowed site, annotates the page until the site is switched off or the extension goes away.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../lib/page/start-content.ts';
import './style.css';

export default defineContentScript({
  // The bundled sites' patterns are written into the manifest by wxt.config.ts (build:manifestGenerated), so the
  // list does not travel inside the script itself; this one stands for them.
  matches: ['*://*.fpc.org.uk/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    startContent(ctx);
  },
});

// Wires the content script: asks whether this site is on, answers the background, runs the annotator.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import compiled from '../../data/compiled/matcher.json';
import { loadMatcher } from '../detect/index.ts';
import type { CompiledMatcher } from '../detect/types.ts';
import { backgroundCalls, type PageSummary } from '../messages/protocol.ts';
import { createRouter } from '../messages/router.ts';
import { fromOwnBackground, listen } from '../messages/listen.ts';
import { callFromContent } from '../messages/client.ts';
import { Annotator } from './annotator.ts';

export function startContent(ctx: ContentScriptContext): void {
  const top = window.top === window;
  const annotator = new Annotator(document, {
    detector: loadMatcher(compiled as CompiledMatcher),
    onSummary: (summary: PageSummary) => {
      if (top) void callFromContent('pageMentions', summary).catch(() => undefined);
    },
  });
  ctx.onInvalidated(() => annotator.stop());

  if (top) {
    const stopListening = listen(
      createRouter('background', backgroundCalls, {
        ping: ({ nonce }) => ({ nonce, url: location.href }),
        setEnabled: ({ enabled }) => {
          if (enabled) annotator.start();
          else annotator.stop();
          return { ok: true as const };
        },
        getPageSummary: () => annotator.summary(),
      }, fromOwnBackground),
    );
    ctx.onInvalidated(stopListening);
  }

  void (async () => {
    try {
      const { enabled } = await callFromContent('isSiteEnabled', { origin: location.origin });
      if (enabled && ctx.isValid) annotator.start();
    } catch {
      // The extension was reloaded under us: this copy of the script has nothing left to do.
    }
  })();
}

// Wires the content script: asks whether this site is on, answers the background, runs the annotator and the card.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import compiled from '../../data/compiled/matcher.json';
import { loadMatcher } from '../detect/index.ts';
import type { CompiledMatcher } from '../detect/types.ts';
import { backgroundCalls, type CardView, type PageSummary, type Settings } from '../messages/protocol.ts';
import { createRouter } from '../messages/router.ts';
import { fromOwnBackground, listen } from '../messages/listen.ts';
import { callFromContent } from '../messages/client.ts';
import { contentLang, nameIn, type Translate } from '../i18n/translate.ts';
import { uiTranslate } from '../i18n/browser-i18n.ts';
import { Annotator } from './annotator.ts';
import { collectBlocks } from './blocks.ts';
import { UiHost } from './card-host.ts';
import { injectedCardUi } from './card-ui-slot.ts';
import type { CardUi } from './card-ui.ts';
import { Interactions } from './interactions.ts';
import type { PaintedMention } from './highlights.ts';
import { sentenceAround } from './sentence.ts';
import { watchMatcher } from './watch-matcher.ts';
import { DEFAULT_MARK_STYLES, type MarkStyles } from './highlights.ts';

const t: Translate = uiTranslate;

/** The page's visible text by blocks, for the popup's suggestions. */
function pageText(max: number): string {
  const out: string[] = [];
  let size = 0;
  for (const b of collectBlocks(document.body ?? document.documentElement)) {
    out.push(b.text);
    size += b.text.length + 2;
    if (size > max) break;
  }
  return out.join('\n\n').slice(0, max);
}

/** This world's newest copy of the script (content scripts of one extension share a world per frame). */
const world = globalThis as { __cacContentCopy?: string };

export function startContent(ctx: ContentScriptContext): void {
  const top = window.top === window;
  // WXT invalidates ctx on its "a newer copy started" DOM event, whose name is built from our public extension id and
  // which WXT itself announces to the page with window.postMessage: any page can forge it and switch us off
  // (tests/e2e/hostile.test.ts). So an invalidation counts only when the extension is really gone, or a newer copy of
  // this script has started in this same world (its main() runs in the same task as the event, hence the timeout).
  const copy = Math.random().toString(36).slice(2);
  world.__cacContentCopy = copy;
  const extensionGone = (): boolean => {
    try {
      return !browser.runtime?.id;
    } catch {
      return true;
    }
  };
  const alive = (): boolean => world.__cacContentCopy === copy && !extensionGone();
  const onReallyInvalidated = (fn: () => void) => ctx.onInvalidated(() => setTimeout(() => {
    if (!alive()) fn();
  }, 0));
  let suppressed = new Set<string>();
  let watched = watchMatcher([]);
  let markStyles: MarkStyles = DEFAULT_MARK_STYLES;
  let cardLang: Settings['cardLang'] = 'page';
  const names = new Map<string, string>();
  let ui: UiHost | null = null;
  let interactions: Interactions | null = null;
  let openMention: PaintedMention | null = null;
  let pinned = false;
  let cardRequest = 0;

  const annotator = new Annotator(document, {
    detector: loadMatcher(compiled as unknown as CompiledMatcher),
    ownHost: () => ui?.element ?? null,
    suppressed: () => suppressed,
    watched: () => watched,
    markStyles: () => markStyles,
    onSummary: (summary: PageSummary) => {
      if (top && alive()) void callFromContent('pageMentions', summary).catch(() => undefined);
    },
  });
  const lang = () => (cardLang === 'page' ? contentLang(annotator.summary().lang) : cardLang);

  const showCard = async (id: string, takeFocus: boolean) => {
    const request = ++cardRequest;
    let view: CardView | null | undefined;
    try {
      view = (await callFromContent('getCard', { id })) ?? undefined;
    } catch {
      view = undefined;
    }
    if (request !== cardRequest) return;
    if (view) names.set(id, nameIn(view.entity.names, lang()));
    ui?.update(view, takeFocus);
  };

  const closeCard = () => {
    cardRequest++;
    openMention = null;
    pinned = false;
    ui?.close();
  };

  /** The card's UI: injected by the background into this frame on the first card, then found in this world. */
  const loadCardUi = async (): Promise<CardUi> => {
    const have = injectedCardUi();
    if (have) return have;
    await callFromContent('loadCardUi', {});
    const ui = injectedCardUi();
    if (!ui) throw new Error('the card UI did not arrive');
    return ui;
  };

  const startUi = () => {
    ui = new UiHost(document, t, lang, {
      onClose: closeCard,
      onSelect: (id) => {
        ui?.update(null);
        void showCard(id, false);
      },
      onOpenFull: (id) => void callFromContent('openEntityPage', { id }).catch(() => undefined),
      onReport: (id) => {
        const quote = openMention ? sentenceAround(openMention.range) : undefined;
        void callFromContent('openReportForm', { id, ...(quote ? { quote } : {}) }).catch(() => undefined);
      },
      onWrongMatch: (id) => {
        const surface = openMention?.surface ?? '';
        suppressed = new Set([...suppressed, id]);
        annotator.unpaint(id);
        closeCard();
        void callFromContent('wrongMatch', { id, surface }).catch(() => undefined);
      },
      onSiteOff: () => {
        closeCard();
        void callFromContent('disableSite', {}).catch(() => undefined);
      },
    }, loadCardUi);
    interactions = new Interactions(document, annotator.painter, {
      open: (m, how) => {
        openMention = m;
        pinned = how.pinned;
        ui?.open({ anchor: m.range, point: how.point, view: null, takeFocus: how.takeFocus });
        void showCard(m.entityId, how.takeFocus);
      },
      close: closeCard,
      isOpen: () => ui?.isOpen ?? false,
      isPinned: () => pinned,
      isOurs: (target) => ui?.contains(target) ?? false,
      announce: (text) => ui?.announce(text),
      hint: (text) => ui?.showHint(text),
      nameOf: (m) => names.get(m.entityId) ?? m.surface,
      navAnnounce: (i, n, name) => t('navAnnounce', i, n, name),
      navNone: () => t('navNone'),
      navHelp: () => t('navHelp'),
    });
  };

  const start = () => {
    if (!ui) startUi();
    annotator.start();
  };
  const stop = () => {
    annotator.stop();
    interactions?.stop();
    interactions = null;
    ui?.remove();
    ui = null;
  };
  onReallyInvalidated(stop);
  // Single-page apps: WXT reports history navigations; the annotator also notices a changed address on its own.
  // The event can be forged by the page: rescan only when the address did change.
  ctx.addEventListener(window, 'wxt:locationchange', () => annotator.rescanIfMoved());

  if (top) {
    const stopListening = listen(
      createRouter('background', backgroundCalls, {
        ping: ({ nonce }) => ({ nonce, url: location.href }),
        setEnabled: ({ enabled }) => {
          if (enabled) start();
          else stop();
          return { ok: true as const };
        },
        getPageSummary: () => annotator.summary(),
        getPageText: () => ({ text: pageText(200_000), lang: annotator.summary().lang }),
        getSelectionText: () => ({ text: (window.getSelection()?.toString() ?? '').trim().slice(0, 2000) }),
        setWatched: ({ names }) => {
          watched = watchMatcher(names);
          if (annotator.isRunning) annotator.rescan();
          return { ok: true as const };
        },
        navigate: () => {
          if (!annotator.isRunning) start();
          interactions?.toggleNavigation();
          return { ok: true as const };
        },
        focusEntity: ({ id }) => {
          const m = annotator.painter.mentions().find((x) => x.entityId === id);
          if (!m) return { found: false };
          m.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          openMention = m;
          pinned = true;
          ui?.open({ anchor: m.range, view: null, takeFocus: true });
          void showCard(id, true);
          return { found: true };
        },
      }, fromOwnBackground),
    );
    onReallyInvalidated(stopListening);
  }

  void (async () => {
    try {
      const reply = await callFromContent('isSiteEnabled', { origin: location.origin });
      suppressed = new Set(reply.suppressed);
      watched = watchMatcher(reply.watched);
      markStyles = reply.markStyles;
      cardLang = reply.cardLang;
      if (reply.enabled && alive()) start();
    } catch {
      // The extension was reloaded under us: this copy of the script has nothing left to do.
    }
  })();
}

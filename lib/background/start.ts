// Wires the background's receivers, badge and tab bookkeeping to the browser.
import { browser } from 'wxt/browser';
import { contentCalls, type PageSummary, type TabState } from '../messages/protocol.ts';
import { pageCalls } from '../messages/page-protocol.ts';
import { createRouter } from '../messages/router.ts';
import { fromOwnContentScript, fromOwnPage, listen } from '../messages/listen.ts';
import { callContent } from '../messages/client.ts';
import { hostOf, isSiteEnabled, originOf } from '../settings/site-switch.ts';
import { bundledSiteFor } from '../settings/sites.ts';
import { loadOverrides, loadSettings, saveOverride } from './settings-store.ts';
import { setBadge } from './badge.ts';
import { cardView, datasetVersion, entity } from './dataset.ts';
import { hasHostPermission, injectCardUi, injectInto, syncRegistrations } from './site-access.ts';
import { sightingHandlers } from './sighting-handlers.ts';
import { briefsFor, sightings, startOutboxAlarm, watchedView } from './sightings-service.ts';
import { startContextMenu } from './context-menu.ts';
import { WATCH_PREFIX } from '../page/watch-matcher.ts';

/** What each tab's content script reported, kept in memory while the background lives. */
const pages = new Map<number, PageSummary>();
/** Tabs annotated once through activeTab, until they navigate. */
const once = new Set<number>();

export function startBackground(): void {
  const version = browser.runtime.getManifest().version;

  listen(
    createRouter('content', contentCalls, {
      ping: ({ nonce }) => ({ nonce, version }),
      pageMentions: (summary, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('no tab');
        pages.set(tabId, summary as PageSummary);
        void setBadge(tabId, (summary as PageSummary).entities.length);
        return { ok: true as const };
      },
      isSiteEnabled: async ({ origin }, sender) => {
        const host = hostOf(origin);
        const prefs = await loadSettings();
        const look = { markStyles: prefs.markStyles, cardLang: prefs.cardLang };
        if (!host) return { enabled: false, suppressed: [], watched: [], ...look };
        const onceHere = sender.tab?.id !== undefined && once.has(sender.tab.id);
        const store = await sightings();
        const [wrong, watched] = await Promise.all([store.wrongMatches(host), store.watchlist()]);
        return {
          enabled: onceHere || isSiteEnabled(host, await loadOverrides()),
          suppressed: [...new Set(wrong.map((w) => w.entityId))],
          watched: watched.map((w) => w.name),
          ...look,
        };
      },
      loadCardUi: async (_payload, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('loadCardUi: the sender is not a tab');
        await injectCardUi(tabId, sender.frameId ?? 0);
        return { ok: true as const };
      },
      getCard: async ({ id }) => (id.startsWith(WATCH_PREFIX) ? watchedView(id.slice(WATCH_PREFIX.length)) : cardView(id, await briefsFor(id))),
      wrongMatch: async ({ id, surface }, sender) => {
        const host = hostOf(sender.tab?.url ?? '');
        if (host) await (await sightings()).addWrongMatch({ entityId: id, host, surface });
        return { ok: true as const };
      },
      openEntityPage: async ({ id }) => {
        await browser.tabs.create({ url: browser.runtime.getURL(`/entity.html?id=${encodeURIComponent(id)}`) });
        return { ok: true as const };
      },
      disableSite: async (_payload, sender) => {
        const tabId = sender.tab?.id;
        const host = hostOf(sender.tab?.url ?? '');
        if (tabId === undefined || !host) throw new Error('no site');
        await saveOverride(host, false);
        await callContent(tabId, 'setEnabled', { enabled: false }).catch(() => undefined);
        pages.delete(tabId);
        await setBadge(tabId, 0);
        return { ok: true as const };
      },
      openReportForm: async (prefill, sender) => {
        const params = new URLSearchParams({ for: sender.tab?.url ?? '', report: '1' });
        if (prefill.id) params.set('id', prefill.id);
        if (prefill.name) params.set('name', prefill.name);
        if (prefill.quote) params.set('quote', prefill.quote);
        await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?${params}`), type: 'popup', width: 420, height: 640 });
        return { ok: true as const };
      },
    }, fromOwnContentScript),
  );

  listen(
    createRouter('page', pageCalls, {
      ...sightingHandlers,
      ping: ({ nonce }) => ({ nonce, version }),
      getTabState: ({ tabId }) => tabState(tabId),
      setSiteEnabled: async ({ tabId, origin, enabled }) => {
        const host = hostOf(origin);
        if (!host) throw new Error('not a web page');
        // The popup asked the browser for the site's permission on the reader's click; without it, nothing to switch on.
        if (enabled && !bundledSiteFor(host) && !(await hasHostPermission(host))) throw new Error(`no permission for ${host}`);
        await saveOverride(host, enabled);
        await syncRegistrations(await loadOverrides());
        // The page reacts at once: marks appear or vanish without a reload.
        const alive = await callContent(tabId, 'setEnabled', { enabled }).then(() => true, () => false);
        if (enabled && !alive) await injectInto(tabId).catch(() => undefined);
        if (!enabled) {
          once.delete(tabId);
          pages.delete(tabId);
          await setBadge(tabId, 0);
        }
        return tabState(tabId);
      },
      annotateOnce: async ({ tabId }) => {
        once.add(tabId);
        const alive = await callContent(tabId, 'setEnabled', { enabled: true }).then(() => true, () => false);
        if (!alive) await injectInto(tabId);
        return tabState(tabId);
      },
      getPageText: ({ tabId }) => callContent(tabId, 'getPageText', {}),
      getSelectionText: ({ tabId }) => callContent(tabId, 'getSelectionText', {}).catch(() => ({ text: '' })),
      // The watch list changes the marks of every open page.
      watch: async (payload, sender) => {
        const r = await sightingHandlers.watch(payload, sender);
        void broadcastWatched();
        return r;
      },
      unwatch: async (payload, sender) => {
        const r = await sightingHandlers.unwatch(payload, sender);
        void broadcastWatched();
        return r;
      },
      saveSighting: async (payload, sender) => {
        const r = await sightingHandlers.saveSighting(payload, sender);
        if (r.watchName) void broadcastWatched();
        return r;
      },
      startNavigation: ({ tabId }) => callContent(tabId, 'navigate', {}),
      focusEntity: async ({ tabId, id }) => {
        await browser.tabs.update(tabId, { active: true });
        return callContent(tabId, 'focusEntity', { id });
      },
    }, fromOwnPage),
  );

  browser.commands.onCommand.addListener((command) => {
    if (command !== 'entity-navigation') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined) void callContent(tab.id, 'navigate', {}).catch(() => undefined);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    pages.delete(tabId);
    once.delete(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      pages.delete(tabId);
      once.delete(tabId);
      void setBadge(tabId, 0);
    }
  });
  // A permission the reader removed in the browser's settings ends that site's registration.
  browser.permissions.onRemoved.addListener(() => void loadOverrides().then(syncRegistrations));
  void loadOverrides().then(syncRegistrations).catch(() => undefined);
  startOutboxAlarm();
  startContextMenu();
}

async function broadcastWatched(): Promise<void> {
  const names = (await (await sightings()).watchlist()).map((w) => w.name);
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) void callContent(tab.id, 'setWatched', { names }).catch(() => undefined);
  }
}

async function tabState(tabId: number): Promise<TabState> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const host = hostOf(url);
  const origin = originOf(url);
  const enabled = host !== null && isSiteEnabled(host, await loadOverrides());
  const bundled = host !== null && bundledSiteFor(host) !== undefined;
  const onceHere = once.has(tabId);
  let summary = pages.get(tabId) ?? null;
  if (!summary && (enabled || onceHere)) summary = await callContent(tabId, 'getPageSummary', {}).catch(() => null);
  const page = summary
    ? {
        ...summary,
        entities: summary.entities.flatMap((c) => {
          const e = entity(c.id);
          return e ? [{ ...c, type: e.type, names: e.names }] : [];
        }),
      }
    : null;
  const permitted = bundled || onceHere || (host !== null && (await hasHostPermission(host)));
  return { origin, host, enabled, bundled, permitted, once: onceHere, page, datasetVersion: datasetVersion() };
}

// Wires the background's receivers, badge and tab bookkeeping to the browser.
import { browser } from 'wxt/browser';
import { contentCalls, pageCalls, type PageSummary, type TabState } from '../messages/protocol.ts';
import { createRouter } from '../messages/router.ts';
import { fromOwnContentScript, fromOwnPage, listen } from '../messages/listen.ts';
import { callContent } from '../messages/client.ts';
import { hostOf, isSiteEnabled, originOf } from '../settings/site-switch.ts';
import { bundledSiteFor } from '../settings/sites.ts';
import { loadOverrides, saveOverride } from './settings-store.ts';
import { setBadge } from './badge.ts';
import { cardView } from './dataset.ts';
import { addWrongMatch, wrongMatchesFor } from './wrong-matches.ts';

/** What each tab's content script reported, kept in memory (session storage keeps it across service-worker restarts). */
const pages = new Map<number, PageSummary>();

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
      isSiteEnabled: async ({ origin }) => {
        const host = hostOf(origin);
        if (!host) return { enabled: false, suppressed: [] };
        return { enabled: isSiteEnabled(host, await loadOverrides()), suppressed: await wrongMatchesFor(host) };
      },
      getCard: ({ id }) => cardView(id, []),
      wrongMatch: async ({ id, surface }, sender) => {
        const host = hostOf(sender.tab?.url ?? '');
        if (host) await addWrongMatch(host, id, surface);
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
      ping: ({ nonce }) => ({ nonce, version }),
      getTabState: ({ tabId }) => tabState(tabId),
      setSiteEnabled: async ({ tabId, origin, enabled }) => {
        const host = hostOf(origin);
        if (!host) throw new Error('not a web page');
        await saveOverride(host, enabled);
        // The page reacts at once: marks appear or vanish without a reload.
        await callContent(tabId, 'setEnabled', { enabled }).catch(() => undefined);
        if (!enabled) {
          pages.delete(tabId);
          await setBadge(tabId, 0);
        }
        return tabState(tabId);
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

  browser.tabs.onRemoved.addListener((tabId) => pages.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      pages.delete(tabId);
      void setBadge(tabId, 0);
    }
  });
}

async function tabState(tabId: number): Promise<TabState> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const host = hostOf(url);
  const origin = originOf(url);
  const enabled = host !== null && isSiteEnabled(host, await loadOverrides());
  let page = pages.get(tabId) ?? null;
  if (!page && enabled) page = await callContent(tabId, 'getPageSummary', {}).catch(() => null);
  return { origin, host, enabled, bundled: host !== null && bundledSiteFor(host) !== undefined, page };
}

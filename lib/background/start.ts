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
        return { enabled: host !== null && isSiteEnabled(host, await loadOverrides()) };
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
    }, fromOwnPage),
  );

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

// Where the content script runs beyond the bundled sites: registered at run time per host, or injected once (activeTab).
import { browser } from 'wxt/browser';
import { hostOf, hostPattern, isSiteEnabled, type SiteOverrides } from '../settings/site-switch.ts';
import { callContent } from '../messages/client.ts';
import { bundledSiteFor } from '../settings/sites.ts';

const SCRIPT = '/content-scripts/content.js';
/** The card's UI, injected into a frame on its first card (lib/page/card-ui.ts). */
const CARD_UI_SCRIPT = '/card-ui.js';
const STYLE = '/content-scripts/content.css';
const ID_PREFIX = 'site:';

/** Hosts outside the bundled list that the reader switched on. */
export function addedHosts(overrides: SiteOverrides): string[] {
  return Object.entries(overrides)
    .filter(([host, on]) => on && !bundledSiteFor(host))
    .map(([host]) => host);
}

export async function hasHostPermission(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPattern(host)] });
}

/** Keeps the registered content scripts equal to the reader's added sites that still have their permission. */
export async function syncRegistrations(overrides: SiteOverrides): Promise<void> {
  const want = new Set<string>();
  for (const host of addedHosts(overrides)) if (await hasHostPermission(host)) want.add(ID_PREFIX + host);
  const have = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX)));
  const stale = [...have].filter((id) => !want.has(id));
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const fresh = [...want].filter((id) => !have.has(id));
  if (fresh.length) {
    await browser.scripting.registerContentScripts(
      fresh.map((id) => ({
        id,
        matches: [hostPattern(id.slice(ID_PREFIX.length))],
        js: [SCRIPT],
        css: [STYLE],
        runAt: 'document_idle' as const,
        allFrames: true,
        persistAcrossSessions: true,
      })),
    );
  }
}

/** Runs the content script in a tab now (a site just switched on, or "annotate this page once"). */
export async function injectInto(tabId: number): Promise<void> {
  await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: [STYLE] });
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SCRIPT] });
}

/** Brings the card's UI into one frame, which the content script already runs in (so the extension may script it). */
export async function injectCardUi(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_SCRIPT] });
}

/** A switch changed in the options: every open tab of the sites we can see starts or stops at once. */
export async function applyToOpenTabs(overrides: SiteOverrides): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    const host = hostOf(tab.url ?? '');
    if (tab.id === undefined || !host) continue;
    const enabled = isSiteEnabled(host, overrides);
    const alive = await callContent(tab.id, 'setEnabled', { enabled }).then(() => true, () => false);
    if (enabled && !alive && (await hasHostPermission(host))) await injectInto(tab.id).catch(() => undefined);
  }
}

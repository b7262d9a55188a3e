// The toolbar badge: how many distinct entries the tab mentions.
import { browser } from 'wxt/browser';

export async function setBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : '' });
  } catch {
    // The tab closed in the meantime: nothing to show.
  }
}

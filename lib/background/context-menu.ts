// The context-menu item "Report a sighting of '…'" on selected text: opens the report form prefilled.
import { browser } from 'wxt/browser';

const ID = 'cac-report-selection';

export function startContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: ID, title: browser.i18n.getMessage('contextReport'), contexts: ['selection'] }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ID) return;
    const text = (info.selectionText ?? '').trim();
    const params = new URLSearchParams({ report: '1', name: text.slice(0, 300), quote: text.slice(0, 2000) });
    if (tab?.url) params.set('for', tab.url);
    if (tab?.title) params.set('title', tab.title.slice(0, 1000));
    void browser.windows.create({ url: browser.runtime.getURL(`/popup.html?${params}`), type: 'popup', width: 420, height: 680 });
  });
}

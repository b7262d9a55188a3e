// The popup: wires the Popup view to the background for the tab it was opened on.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup.tsx';
import { callFromPage } from '../../lib/messages/client.ts';

async function currentTabId(): Promise<number | null> {
  // Opened as a page (tests, a pinned tab) the popup names its tab by the page's address: ?for=URL.
  const forUrl = new URLSearchParams(location.search).get('for');
  if (forUrl !== null) {
    const tabs = await browser.tabs.query({});
    return tabs.find((t) => t.url === forUrl)?.id ?? null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const root = document.getElementById('app');
if (root) {
  void currentTabId().then((tabId) => {
    render(
      <Popup
        tabId={tabId}
        loadState={(id) => callFromPage('getTabState', { tabId: id })}
        setEnabled={(id, origin, enabled) => callFromPage('setSiteEnabled', { tabId: id, origin, enabled })}
        openOptions={() => void browser.runtime.openOptionsPage()}
      />,
      root,
    );
  });
}

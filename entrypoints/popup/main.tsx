// The popup: wires the Popup view (and the sightings views) to the background for the tab it was opened on.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp.tsx';
import { callFromPage } from '../../lib/messages/client.ts';
import { hostPattern } from '../../lib/settings/site-switch.ts';
import { suggestNames } from '../../lib/page/suggest.ts';
import { uiLang, uiTranslate } from '../../lib/i18n/browser-i18n.ts';
import { saveSighting, searchEntities, sightingsClient, updateSighting } from '../../lib/ui/sightings-client.ts';
import '../../components/styles/pages.css';

async function currentTabId(): Promise<number | null> {
  // Opened as a page (tests, a report window) the popup names its tab by the page's address: ?for=URL.
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
  document.documentElement.lang = uiLang();
  void currentTabId().then((tabId) => {
    render(
      <PopupApp
        tabId={tabId}
        t={uiTranslate}
        lang={uiLang()}
        params={new URLSearchParams(location.search)}
        sightings={sightingsClient}
        save={saveSighting}
        update={updateSighting}
        search={searchEntities}
        watch={async (name) => void (await callFromPage('watch', { name }))}
        selection={async (id) => (await callFromPage('getSelectionText', { tabId: id })).text}
        api={{
          loadState: (id) => callFromPage('getTabState', { tabId: id }),
          requestSite: (host) => browser.permissions.request({ origins: [hostPattern(host)] }),
          setEnabled: (id, origin, enabled) => callFromPage('setSiteEnabled', { tabId: id, origin, enabled }),
          annotateOnce: (id) => callFromPage('annotateOnce', { tabId: id }),
          focusEntity: async (id, entityId) => {
            await callFromPage('focusEntity', { tabId: id, id: entityId });
            window.close();
          },
          suggest: async (id) => {
            const { text, lang } = await callFromPage('getPageText', { tabId: id });
            return suggestNames(text, lang);
          },
          openOptions: () => void browser.runtime.openOptionsPage(),
        }}
      />,
      root,
    );
  });
}

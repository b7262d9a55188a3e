// The options page: wires the Options view to the background and the browser's permissions and commands.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options.tsx';
import { callFromPage } from '../../lib/messages/client.ts';
import { hostPattern } from '../../lib/settings/site-switch.ts';
import { uiLang, uiTranslate } from '../../lib/i18n/browser-i18n.ts';
import { sightingsClient } from '../../lib/ui/sightings-client.ts';
import '../../components/styles/pages.css';

const root = document.getElementById('app');
if (root) {
  document.documentElement.lang = uiLang();
  render(
    <Options
      t={uiTranslate}
      lang={uiLang()}
      api={{
        sites: () => callFromPage('getSites', {}),
        setSite: async (host, enabled, bundled) => {
          // The permission prompt opens inside the reader's click, before any await.
          const granted = enabled && !bundled ? await browser.permissions.request({ origins: [hostPattern(host)] }) : true;
          if (!granted) throw new Error(uiTranslate('permissionDenied', host));
          return callFromPage('setSiteSwitch', { host, enabled });
        },
        removeSite: (host) => callFromPage('removeSite', { host }),
        resetSites: () => callFromPage('resetSites', {}),
        settings: () => callFromPage('getSettings', {}),
        saveSettings: (patch) => callFromPage('setSettings', { patch: patch as Record<string, unknown> }),
        grantCollector: (url) => browser.permissions.request({ origins: [`${new URL(url).origin}/*`] }),
        shortcut: async () => (await browser.commands.getAll()).find((c) => c.name === 'entity-navigation')?.shortcut ?? null,
        dataset: () => callFromPage('datasetInfo', {}),
        sightings: sightingsClient,
        editSighting: (s) => void browser.windows.create({ url: browser.runtime.getURL(`/popup.html?view=sightings#${s.id}`), type: 'popup', width: 420, height: 680 }),
      }}
    />,
    root,
  );
}

// The full case history page of one entry: entity.html?id=…
import { render } from 'preact';
import { EntityPage } from '../../components/EntityPage.tsx';
import { callFromPage } from '../../lib/messages/client.ts';
import { uiLang, uiTranslate } from '../../lib/i18n/browser-i18n.ts';
import { searchEntities } from '../../lib/ui/sightings-client.ts';
import '../../components/styles/pages.css';

const root = document.getElementById('app');

function show(id: string | null) {
  if (!root) return;
  render(
    <EntityPage
      id={id}
      t={uiTranslate}
      lang={uiLang()}
      load={(entityId) => callFromPage('getEntity', { id: entityId })}
      search={searchEntities}
      go={(next) => {
        history.pushState(null, '', `?id=${encodeURIComponent(next)}`);
        show(next);
      }}
    />,
    root,
  );
}

document.documentElement.lang = uiLang();
window.addEventListener('popstate', () => show(new URLSearchParams(location.search).get('id')));
show(new URLSearchParams(location.search).get('id'));

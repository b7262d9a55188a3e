// The sightings API of the extension's pages, over typed calls to the background (popup, options page).
import type { SightingsApi } from '../../components/SightingsView.tsx';
import type { Sighting, SightingDraft } from '../sightings/schema.ts';
import type { EntitySearchHit } from '../messages/protocol.ts';
import { callFromPage } from '../messages/client.ts';

export const sightingsClient: SightingsApi = {
  list: (q) => callFromPage('listSightings', q),
  remove: (id) => callFromPage('deleteSighting', { id }),
  restore: (s) => callFromPage('restoreSighting', { sighting: s as unknown as Record<string, unknown> }),
  removeAll: async () => (await callFromPage('deleteAllSightings', { confirm: 'delete-all' })).deleted,
  exportFile: async (format) => {
    const file = await callFromPage('exportSightings', { format });
    const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  importFile: (content) => callFromPage('importSightings', { content }),
  preview: (ids) => callFromPage('previewSend', { ids }),
  send: (ids) => callFromPage('sendSightings', { ids }),
  retry: async () => void (await callFromPage('retrySending', {})),
  watchlist: () => callFromPage('watchlist', {}),
  unwatch: async (name) => void (await callFromPage('unwatch', { name })),
  confirm: (text) => window.confirm(text),
};

export const saveSighting = (draft: SightingDraft, tabId?: number): Promise<Sighting> =>
  callFromPage('saveSighting', { ...(tabId !== undefined ? { tabId } : {}), draft: draft as Parameters<typeof callFromPage<'saveSighting'>>[1]['draft'] });

export const updateSighting = (id: string, draft: SightingDraft): Promise<Sighting> =>
  callFromPage('updateSighting', { id, draft: draft as Parameters<typeof callFromPage<'updateSighting'>>[1]['draft'] });

export const searchEntities = (query: string): Promise<EntitySearchHit[]> => callFromPage('searchEntities', { query, limit: 12 });

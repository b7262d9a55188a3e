// Handlers for the sightings, watch list, search, settings and sites calls of the extension's pages.
import { browser } from 'wxt/browser';
import type { Handlers } from '../messages/router.ts';
import type { SightingCalls } from '../messages/page-protocol.ts';
import type { SightingDraft } from '../sightings/schema.ts';
import { BUNDLED_SITES, bundledSiteFor } from '../settings/sites.ts';
import { isSiteEnabled } from '../settings/site-switch.ts';
import { allEntities, cardView, datasetVersion, sourceReports } from './dataset.ts';
import { searchEntities } from './search.ts';
import { briefsFor, drainOutbox, exportAll, importFile, preview, restore, saveDraft, send, sightings } from './sightings-service.ts';
import { loadOverrides, loadSettings, removeOverride, resetOverrides, saveOverride, saveSettings } from './settings-store.ts';
import { addedHosts, applyToOpenTabs, hasHostPermission, syncRegistrations } from './site-access.ts';

async function sitesView() {
  const overrides = await loadOverrides();
  return {
    bundled: BUNDLED_SITES.map((s) => ({ domain: s.domain, name: s.name, enabled: isSiteEnabled(s.domain, overrides) })),
    added: await Promise.all(addedHosts(overrides).map(async (host) => ({ host, permitted: await hasHostPermission(host) }))),
  };
}

export const sightingHandlers: Handlers<SightingCalls> = {
  saveSighting: async ({ tabId, draft }) => {
    const tab = tabId !== undefined ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
    return saveDraft(draft as SightingDraft, tab?.incognito ?? false);
  },
  updateSighting: async ({ id, draft }) => (await sightings()).update(id, draft as SightingDraft),
  deleteSighting: async ({ id }) => (await (await sightings()).delete(id)) ?? null,
  restoreSighting: ({ sighting }) => restore(sighting),
  deleteAllSightings: async () => ({ deleted: await (await sightings()).deleteAll() }),
  listSightings: async (q) => {
    const s = await sightings();
    const query = { entityId: q.entityId, watchName: q.watchName, from: q.from, to: q.to };
    const [items, total] = await Promise.all([s.list({ ...query, limit: q.limit ?? 100, offset: q.offset ?? 0 }), s.count(query)]);
    return { items, total };
  },
  exportSightings: ({ format }) => exportAll(format),
  importSightings: ({ content }) => importFile(content),
  watchlist: async () => (await (await sightings()).watchlist()).map((w) => ({ name: w.name, createdAt: w.createdAt })),
  watch: async ({ name }) => {
    await (await sightings()).watch(name);
    return { ok: true as const };
  },
  unwatch: async ({ name }) => {
    await (await sightings()).unwatch(name);
    return { ok: true as const };
  },
  searchEntities: ({ query, limit }) => searchEntities(allEntities(), query, limit ?? 12),
  getEntity: async ({ id }) => cardView(id, await briefsFor(id)),
  previewSend: ({ ids }) => preview(ids),
  sendSightings: ({ ids }) => send(ids),
  retrySending: async () => {
    await drainOutbox(true);
    return { ok: true as const };
  },
  getSettings: () => loadSettings(),
  setSettings: ({ patch }) => saveSettings(patch),
  getSites: () => sitesView(),
  resetSites: async () => {
    await resetOverrides();
    await syncRegistrations({});
    return sitesView();
  },
  setSiteSwitch: async ({ host, enabled }) => {
    const h = host.toLowerCase();
    if (enabled && !bundledSiteFor(h) && !(await hasHostPermission(h))) throw new Error(`no permission for ${h}`);
    await saveOverride(h, enabled);
    const overrides = await loadOverrides();
    await syncRegistrations(overrides);
    await applyToOpenTabs(overrides);
    return sitesView();
  },
  datasetInfo: () => {
    const entities = allEntities();
    const byType: Record<string, number> = {};
    for (const e of entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
    return { version: datasetVersion(), entries: entities.length, byType, reports: sourceReports() };
  },
  removeSite: async ({ host }) => {
    await removeOverride(host);
    await syncRegistrations(await loadOverrides());
    return sitesView();
  },
};

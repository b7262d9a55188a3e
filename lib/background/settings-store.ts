// The reader's per-site switches in browser.storage (sync where the browser has it, else local).
import { browser } from 'wxt/browser';
import type { SiteOverrides } from '../settings/site-switch.ts';
import type { Settings } from '../messages/protocol.ts';
import { applyPatch, readSettings } from '../settings/preferences.ts';

const KEY = 'siteOverrides';

function area() {
  return browser.storage.sync ?? browser.storage.local;
}

export async function loadOverrides(): Promise<SiteOverrides> {
  const got = await area().get(KEY);
  const raw = got[KEY];
  if (typeof raw !== 'object' || raw === null) return {};
  const out: SiteOverrides = {};
  for (const [host, on] of Object.entries(raw)) if (typeof on === 'boolean') out[host] = on;
  return out;
}

export async function saveOverride(host: string, enabled: boolean): Promise<void> {
  const all = await loadOverrides();
  all[host] = enabled;
  await area().set({ [KEY]: all });
}

// Preferences stay on this machine: the collector token must not travel with browser sync.
const PREFS = 'preferences';

export async function loadSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(PREFS))[PREFS]);
}

export async function saveSettings(patch: Record<string, unknown>): Promise<Settings> {
  const next = applyPatch(await loadSettings(), patch);
  await browser.storage.local.set({ [PREFS]: next });
  return next;
}

export async function resetOverrides(): Promise<void> {
  await area().remove(KEY);
}

export async function removeOverride(host: string): Promise<void> {
  const all = await loadOverrides();
  delete all[host];
  await area().set({ [KEY]: all });
}

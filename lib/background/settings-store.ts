// The reader's per-site switches in browser.storage (sync where the browser has it, else local).
import { browser } from 'wxt/browser';
import type { SiteOverrides } from '../settings/site-switch.ts';

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

// Marks the reader said were wrong, per site, kept locally: that entry is no longer marked on that site.
import { browser } from 'wxt/browser';

const KEY = 'wrongMatches';

export interface WrongMatch {
  id: string;
  surface: string;
  at: string;
}

type Store = Record<string, WrongMatch[]>;

async function load(): Promise<Store> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  return typeof raw === 'object' && raw !== null ? (raw as Store) : {};
}

export async function wrongMatchesFor(host: string): Promise<string[]> {
  return [...new Set(((await load())[host] ?? []).map((w) => w.id))];
}

export async function addWrongMatch(host: string, id: string, surface: string): Promise<void> {
  const all = await load();
  const list = all[host] ?? [];
  list.push({ id, surface: surface.slice(0, 200), at: new Date().toISOString() });
  all[host] = list.slice(-500);
  await browser.storage.local.set({ [KEY]: all });
}

export async function allWrongMatches(): Promise<Store> {
  return load();
}

export async function clearWrongMatches(host?: string): Promise<void> {
  if (!host) return browser.storage.local.remove(KEY);
  const all = await load();
  delete all[host];
  await browser.storage.local.set({ [KEY]: all });
}

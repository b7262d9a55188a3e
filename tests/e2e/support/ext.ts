// Helpers for e2e tests: calls to the background from an extension page, and reading our marks from a page.
import type { TestBrowser, TestPage } from './driver.ts';

/** The slice of the extension API the helpers use inside an extension page (chrome in Chromium, browser in Firefox). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
}
declare const chrome: ExtensionApi;

/** An extension page to make calls from (the options page, which any test may open). */
export async function extensionPage(browser: TestBrowser): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(`${browser.extensionOrigin}/options.html`);
  return page;
}

/** Makes a page → background call as the popup would, returning its Result. */
export async function callBackground<R>(ext: TestPage, type: string, payload: unknown): Promise<R> {
  return ext.evaluate(
    async ({ type, payload }) => {
      const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
      const r = (await api.runtime.sendMessage({ channel: 'cac:page', type, payload })) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!r?.ok) throw new Error(r?.error?.message ?? 'no answer');
      return r.value as never;
    },
    { type, payload },
  );
}

export async function tabIdFor(ext: TestPage, url: string): Promise<number> {
  return ext.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser?: ExtensionApi }).browser ?? chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (!tab?.id) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

/** Our marks in a document, as "kind:text" in reading order per highlight (read from the shared registry). */
export async function marks(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('cac-') || name.startsWith('cac-focus')) continue;
      // cac-<kind>-<style>[-d]: the kind is what the tests check.
      for (const r of h as unknown as Set<Range>) out.push(`${name.split('-')[1]}:${r.toString()}`);
    }
    return out.sort();
  });
}

/** The text of our card (the e2e build opens its shadow root as a test hook). */
export async function cardText(page: TestPage): Promise<string> {
  return page.evaluate(() => {
    const layer = document.querySelector('cac-ui')?.shadowRoot?.querySelector('.layer');
    return layer && !(layer as HTMLElement).hidden ? (layer.textContent ?? '') : '';
  });
}

/** The centre of the first occurrence of `text` in an element's text, in viewport coordinates. */
export async function pointOf(page: TestPage, selector: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf(text);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + Math.min(text.length, 4));
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      throw new Error(`no "${text}" in ${selector}`);
    },
    { selector, text },
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One small interface over Playwright (Chromium) and Puppeteer (Firefox), so each e2e test runs in both browsers.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { CHROME_BUILD, CHROMIUM, CHROMIUM_ARGS, FIREFOX, FIREFOX_BUILD, chromiumHostRules, firefoxPrefs, newProfileDir, requireBrowser } from './browsers.ts';

export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  emulateDark(dark: boolean): Promise<void>;
  /** Uncaught errors the page reported (ours would show here too, through the console). */
  errors: string[];
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** chrome-extension://id or moz-extension://uuid, without a trailing slash. */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (for restart tests); a fresh one otherwise. */
  profileDir?: string;
  extensionDir?: string;
  /** Start with the system in dark mode (Firefox cannot switch it per page over BiDi). */
  dark?: boolean;
}

const FIREFOX_ID = 'central-asia-context@fpc-readers.org';

export async function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<TestBrowser> {
  requireBrowser(name);
  if (name === 'chromium') {
    const b = await launchChromium(opts);
    if (!opts.dark) return b;
    return { ...b, newPage: async () => { const p = await b.newPage(); await p.emulateDark(true); return p; } };
  }
  return launchFirefox(opts);
}

/**
 * Chromium with the extension loaded in a persistent profile: the context, once the extension's service worker runs,
 * with the extension's origin and no page open. `beforeWorker` sees the context first (to watch its requests).
 */
export async function launchChromiumContext(ext: string, profileDir: string, beforeWorker?: (c: BrowserContext) => void): Promise<{ context: BrowserContext; extensionOrigin: string }> {
  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${chromiumHostRules()}`, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
    viewport: { width: 1200, height: 900 },
  });
  beforeWorker?.(context);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())?.[0] ?? '';
  for (const p of context.pages()) await p.close().catch(() => undefined);
  return { context, extensionOrigin };
}

async function launchChromium(opts: LaunchOptions): Promise<TestBrowser> {
  const profile = opts.profileDir ? { dir: opts.profileDir, remove: () => undefined } : newProfileDir('chromium');
  const { context, extensionOrigin } = await launchChromiumContext(opts.extensionDir ?? CHROME_BUILD, profile.dir);
  return {
    name: 'chromium',
    extensionOrigin,
    newPage: async () => wrapPlaywright(await context.newPage()),
    close: async () => {
      await context.close();
      profile.remove();
    },
  };
}

/** How a wrapped page waits: pages built to be heavy (the hostile suite's) want longer loads and slower polling. */
export interface WrapOptions {
  gotoTimeoutMs?: number;
  pollMs?: number;
}

export function wrapPlaywright(page: PwPage, { gotoTimeoutMs = 30000, pollMs = 50 }: WrapOptions = {}): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    errors,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load', timeout: gotoTimeoutMs })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    waitFor: async (fn, arg, timeoutMs = 10000) => void (await page.waitForFunction(fn as never, arg as never, { timeout: timeoutMs, polling: pollMs })),
    screenshot: async (path) => void (await page.screenshot({ path })),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateDark: (dark) => page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' }),
    close: () => page.close(),
  };
}

async function launchFirefox(opts: LaunchOptions): Promise<TestBrowser> {
  const ext = opts.extensionDir ?? FIREFOX_BUILD;
  const profile = opts.profileDir ? { dir: opts.profileDir, remove: () => undefined } : newProfileDir('firefox');
  // The same profile keeps the same extension address, so its IndexedDB is found again after a restart.
  const uuidFile = join(profile.dir, 'cac-extension-uuid');
  const uuid = existsSync(uuidFile) ? readFileSync(uuidFile, 'utf8').trim() : randomUUID();
  writeFileSync(uuidFile, uuid);
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile.dir,
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...firefoxPrefs(uuid, FIREFOX_ID), ...(opts.dark ? { 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 } : {}) },
    defaultViewport: { width: 1200, height: 900 },
  });
  await browser.installExtension(ext);
  return {
    name: 'firefox',
    extensionOrigin: `moz-extension://${uuid}`,
    newPage: async () => wrapPuppeteer(await browser.newPage()),
    close: async () => {
      await browser.close();
      profile.remove();
    },
  };
}

export function wrapPuppeteer(page: PpPage, { gotoTimeoutMs = 30000, pollMs = 50 }: WrapOptions = {}): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  return {
    errors,
    goto: async (url) => {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { waitUntil: 'load', timeout: gotoTimeoutMs });
        return;
      }
      // The page loads, but WebDriver BiDi never reports the navigation of an extension page as done: watch the document instead.
      await gotoExtensionPage(page, url);
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    waitFor: async (fn, arg, timeoutMs = 10000) => void (await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: pollMs }, arg as never)),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    setViewport: (width, height) => page.setViewport({ width, height }),
    emulateDark: async () => {
      throw new Error('Firefox over BiDi cannot emulate a colour scheme per page: launch with { dark: true }');
    },
    close: () => page.close(),
  };
}

/** The browsers the e2e tests run in; E2E_BROWSERS=chromium narrows it while developing. */
/** Waits until our UI's shadow root (open in the e2e build) holds `selector`, say a card and something in it. */
export function waitInCard(page: TestPage, selector: string, timeoutMs = 5000): Promise<void> {
  return page.waitFor((sel) => !!document.querySelector('cac-ui')?.shadowRoot?.querySelector(sel), selector, timeoutMs);
}

export function browsersUnderTest(): BrowserName[] {
  const only = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean) as BrowserName[] | undefined;
  return only?.length ? only : ['chromium', 'firefox'];
}

/**
 * Firefox over WebDriver BiDi loads an extension page but never reports the navigation as done: start it, then watch
 * the document. Polled by hand: an evaluation that lands while the document is being replaced fails and is asked again.
 */
export async function gotoExtensionPage(page: PpPage, url: string): Promise<void> {
  void page.goto(url, { waitUntil: 'load', timeout: 60000 }).catch(() => undefined);
  const until = Date.now() + 15000;
  for (;;) {
    const ready = await page.evaluate((u: string) => location.href === u && document.readyState === 'complete', url).catch(() => false);
    if (ready) return;
    if (Date.now() > until) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

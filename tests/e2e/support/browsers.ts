// Launches Debian's Chromium (playwright-core) and firefox-esr (puppeteer-core, WebDriver BiDi) with the built extension.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
/** The e2e builds: the shipped code, with the card's shadow root open so tests can read it. */
export const CHROME_BUILD = resolve('.output/chrome-mv3-e2e');
export const FIREFOX_BUILD = resolve('.output/firefox-mv3-e2e');

/** Fails loudly, naming the Debian package, when a browser or the build is missing: a skipped browser proves nothing. */
export function requireBrowser(name: 'chromium' | 'firefox'): void {
  const bin = name === 'chromium' ? CHROMIUM : FIREFOX;
  const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: install Debian's browser with \`apt-get update && apt-get install -y ${pkg}\``);
  }
  const build = name === 'chromium' ? CHROME_BUILD : FIREFOX_BUILD;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error(`${build} is missing: run \`npm run build:e2e\` first`);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=DisableLoadExtensionCommandLineSwitch',
];

/** A fresh profile folder; the caller may reuse it for a restart with the same profile. */
export function newProfileDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `cac-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every host name the tests use resolves to the local server. */
export const HOSTS = ['www.azattyq.org', 'rus.azattyq.org', 'www.vlast.kz', 'eurasianet.org', 'www.example.org', 'news.example.com', 'kloop.kg', 'www.fpc.org.uk', 'frames.example.net'];

export function chromiumHostRules(): string {
  return `MAP * 127.0.0.1, EXCLUDE localhost`;
}

/** Firefox prefs: local name resolution, no HTTPS upgrade of the test hosts, no background traffic. */
export function firefoxPrefs(uuid: string, extensionId: string): Record<string, unknown> {
  return {
    'network.dns.forceResolve': '127.0.0.1',
    'dom.security.https_first': false,
    'dom.security.https_first_pbm': false,
    'dom.security.https_only_mode': false,
    'network.proxy.type': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
    'extensions.autoDisableScopes': 0,
    'browser.shell.checkDefaultBrowser': false,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.newtabpage.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'services.settings.server': 'http://127.0.0.1:1/',
    'browser.region.network.url': '',
    'ui.systemUsesDarkTheme': 0,
    // A temporary add-on is uninstalled when Firefox closes: keep its IndexedDB for the restart tests.
    'extensions.webextensions.keepStorageOnUninstall': true,
    'extensions.webextensions.keepUuidOnUninstall': true,
  };
}

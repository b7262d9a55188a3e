// The built extension in both real browsers: the content script runs where it should, talks to the background, and the pages render.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { browsersUnderTest, launch, type TestBrowser } from './support/driver.ts';
import { startServer, type TestServer } from './support/server.ts';

const PAGES = resolve('tests/fixtures/pages');

for (const name of browsersUnderTest()) {
  describe(`[${name}] foundation`, () => {
    let browser: TestBrowser;
    let server: TestServer;
    before(async () => {
      server = await startServer([PAGES]);
      browser = await launch(name);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test(`[${name}] the content script marks an allowed site and reports to the background; the popup shows it`, async () => {
      const page = await browser.newPage();
      const url = server.url('www.azattyq.org', '/foundation.html');
      await page.goto(url);
      await page.waitFor(() => CSS.highlights.size > 0);
      const popup = await browser.newPage();
      await popup.goto(`${browser.extensionOrigin}/popup.html?for=${encodeURIComponent(url)}`);
      await popup.waitFor(() => /\d+ entries on this page/.test(document.querySelector('[data-testid=page-count]')?.textContent ?? ''));
      const text = await popup.evaluate(() => document.querySelector('[data-testid=page-count]')?.textContent ?? '');
      assert.match(text, /^[1-9]\d* entries on this page$/);
      const switchOn = await popup.evaluate(() => (document.querySelector('[data-testid=site-switch]') as HTMLInputElement | null)?.checked);
      assert.equal(switchOn, true);
      await popup.close();
      await page.close();
    });

    test(`[${name}] the content script does not run on a site outside the list`, async () => {
      const page = await browser.newPage();
      await page.goto(server.url('www.example.org', '/foundation.html'));
      // Give a content script, were there one, the time to mark the page.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(await page.evaluate(() => CSS.highlights.size), 0);
      await page.close();
    });

    test(`[${name}] the options page renders the bundled sites`, async () => {
      const page = await browser.newPage();
      await page.goto(`${browser.extensionOrigin}/options.html`);
      await page.waitFor(() => document.querySelectorAll('[data-testid=bundled-sites] li').length > 0);
      const sites = await page.evaluate(() => document.querySelectorAll('[data-testid=bundled-sites] li').length);
      assert.ok(sites >= 40, `options lists ${sites} bundled sites`);
      await page.close();
    });
  });
}

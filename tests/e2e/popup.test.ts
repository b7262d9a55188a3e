// The popup and sightings in both browsers: the site switch acts at once, sightings survive a restart and reach a collector exactly once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { browsersUnderTest, launch, type TestBrowser, type TestPage } from './support/driver.ts';
import { newProfileDir } from './support/browsers.ts';
import { startServer, type TestServer } from './support/server.ts';
import { callBackground, extensionPage, marks, sleep } from './support/ext.ts';

const PAGES = resolve('tests/fixtures/pages');
const SHOTS = resolve('tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

interface Listed {
  items: { id: string; entityName: string; sendState: string; sendError?: string }[];
  total: number;
}

async function openPopupFor(browser: TestBrowser, url: string): Promise<TestPage> {
  const popup = await browser.newPage();
  await popup.goto(`${browser.extensionOrigin}/popup.html?for=${encodeURIComponent(url)}`);
  await popup.waitFor(() => !!document.querySelector('main.popup h1, main.popup form'));
  return popup;
}

/** Fills the report form through its controls, as a keyboard user would. */
async function reportThroughForm(popup: TestPage, search: string): Promise<void> {
  await popup.evaluate(() => (document.querySelector('[data-testid=report]') as HTMLButtonElement).click());
  await popup.waitFor(() => !!document.querySelector('[data-testid=entry-search], [data-testid=chosen-entry]'));
  await popup.evaluate((q) => {
    const input = document.querySelector('[data-testid=entry-search]') as HTMLInputElement;
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, search);
  await popup.waitFor(() => document.querySelectorAll('.hits li').length > 1, undefined, 5000);
  await popup.evaluate(() => (document.querySelector('.hits li button') as HTMLButtonElement).click());
  await popup.evaluate(() => {
    const kind = document.querySelector('[data-testid=kind]') as HTMLSelectElement;
    kind.value = 'detained';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await popup.evaluate(() => (document.querySelector('[data-testid=save]') as HTMLButtonElement).click());
  await popup.waitFor(() => /Saved/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), undefined, 5000);
}

/** A port where nothing listens yet (the collector is "down"). */
async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

for (const name of browsersUnderTest()) {
  describe(`[${name}] popup and sightings`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer([PAGES]);
    });
    after(async () => {
      await server?.close();
    });

    test(`[${name}] the site switch turns the marks off and on in an open tab, without a reload`, async () => {
      const browser = await launch(name);
      try {
        const page = await browser.newPage();
        const url = server.url('www.azattyq.org', `/reading-en.html?switch=${Date.now()}`);
        await page.goto(url);
        await page.waitFor(() => [...CSS.highlights.values()].some((h) => h.size > 0));
        await page.evaluate(() => {
          (window as unknown as { __loads: number }).__loads = 1;
        });
        const popup = await openPopupFor(browser, url);
        await popup.waitFor(() => /entries on this page/.test(document.querySelector('[data-testid=page-count]')?.textContent ?? ''), undefined, 8000);
        await popup.screenshot(`${SHOTS}/${name}-popup.png`);
        await popup.evaluate(() => (document.querySelector('[data-testid=site-switch]') as HTMLInputElement).click());
        await page.waitFor(() => ![...CSS.highlights.values()].some((h) => h.size > 0), undefined, 5000);
        assert.deepEqual(await marks(page), []);
        await popup.evaluate(() => (document.querySelector('[data-testid=site-switch]') as HTMLInputElement).click());
        await page.waitFor(() => [...CSS.highlights.values()].some((h) => h.size > 0), undefined, 8000);
        assert.ok((await marks(page)).includes('person:Mukhtar Ablyazov'));
        // Same document throughout: no reload happened.
        assert.equal(await page.evaluate(() => (window as unknown as { __loads?: number }).__loads), 1);
      } finally {
        await browser.close();
      }
    });

    test(`[${name}] a sighting saved from the popup survives a browser restart with the same profile`, async () => {
      const profile = newProfileDir(`${name}-restart`);
      try {
        let browser = await launch(name, { profileDir: profile.dir });
        const page = await browser.newPage();
        const url = server.url('www.azattyq.org', `/reading-en.html?restart=${Date.now()}`);
        await page.goto(url);
        const popup = await openPopupFor(browser, url);
        await reportThroughForm(popup, 'Tulesova');
        await browser.close();

        browser = await launch(name, { profileDir: profile.dir });
        const ext = await extensionPage(browser);
        const listed = await callBackground<Listed>(ext, 'listSightings', { limit: 10 });
        assert.equal(listed.total, 1);
        assert.equal(listed.items[0].entityName, 'Asya Tulesova');
        const view = await browser.newPage();
        await view.goto(`${browser.extensionOrigin}/popup.html?view=sightings`);
        await view.waitFor(() => document.querySelectorAll('[data-testid=sighting]').length === 1, undefined, 5000);
        await view.screenshot(`${SHOTS}/${name}-sightings.png`);
        await browser.close();
      } finally {
        profile.remove();
      }
    });

    test(`[${name}] sending to a collector that is down at first, then up, delivers each sighting exactly once`, async () => {
      const browser = await launch(name);
      const port = await freePort();
      const received: { key: string; body: string }[] = [];
      let collector: import('node:http').Server | null = null;
      try {
        const ext = await extensionPage(browser);
        await callBackground(ext, 'setSettings', { patch: { collectorUrl: `http://127.0.0.1:${port}/collect`, collectorToken: 'secret-token' } });
        const ids: string[] = [];
        for (const who of ['Mukhtar Ablyazov', 'Asya Tulesova', 'Max Bokayev']) {
          const s = await callBackground<{ id: string }>(ext, 'saveSighting', { draft: { watchName: undefined, entityName: who, entityId: who.toLowerCase().replace(/ /g, '-'), kind: 'mention', eventDate: '2021-06-01' } });
          ids.push(s.id);
        }
        const preview = await callBackground<{ problem: string | null; items: { body: string; headers: Record<string, string> }[] }>(ext, 'previewSend', { ids });
        assert.equal(preview.problem, null);
        assert.equal(preview.items.length, 3);
        assert.equal(preview.items[0].headers.Authorization, 'Bearer ••••••', 'the preview masks the token');
        await callBackground(ext, 'sendSightings', { ids });
        await sleep(1500);
        let listed = await callBackground<Listed>(ext, 'listSightings', { limit: 10 });
        assert.ok(listed.items.every((s) => s.sendState === 'queued'), 'queued while the collector is down');

        const { createServer: createHttp } = await import('node:http');
        collector = createHttp((req, res) => {
          // A collector on another origin answers the browser's CORS preflight, as docs/sightings-format.md asks.
          const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type, idempotency-key', 'access-control-allow-methods': 'POST' };
          if (req.method === 'OPTIONS') {
            res.writeHead(204, cors);
            res.end();
            return;
          }
          let body = '';
          req.on('data', (c) => (body += c));
          req.on('end', () => {
            received.push({ key: String(req.headers['idempotency-key']), body });
            assert.equal(req.headers.authorization, 'Bearer secret-token');
            res.writeHead(201, { 'content-type': 'application/json', ...cors });
            res.end('{}');
          });
        });
        await new Promise<void>((ok) => collector!.listen(port, '127.0.0.1', ok));
        await callBackground(ext, 'retrySending', {});
        for (let i = 0; i < 40; i++) {
          listed = await callBackground<Listed>(ext, 'listSightings', { limit: 10 });
          if (listed.items.every((s) => s.sendState === 'sent')) break;
          await sleep(250);
        }
        assert.ok(listed.items.every((s) => s.sendState === 'sent'), JSON.stringify(listed.items.map((s) => s.sendState)));
        // Asking again sends nothing more.
        await callBackground(ext, 'sendSightings', { ids });
        await callBackground(ext, 'retrySending', {});
        await sleep(800);
        assert.equal(received.length, 3);
        assert.deepEqual(new Set(received.map((r) => r.key)), new Set(ids));
        console.log(`# [${name}] collector received ${received.length} sightings for ${ids.length} sent (each once)`);
      } finally {
        await browser.close();
        collector?.close();
      }
    });
  });
}

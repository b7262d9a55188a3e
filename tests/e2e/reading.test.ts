// Reading with context in both browsers: exact marks, cards from hover, click and keyboard, dynamic pages, an untouched DOM.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { browsersUnderTest, launch, waitInCard, type TestBrowser, type TestPage } from './support/driver.ts';
import { startServer, type TestServer } from './support/server.ts';
import { callBackground, cardText, extensionPage, marks, pointOf, sleep, tabIdFor } from './support/ext.ts';

const PAGES = resolve('tests/fixtures/pages');
const SHOTS = resolve('tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

const EXPECTED: Record<string, string[]> = {
  'reading-en': [
    'organisation:Democratic Choice of Kazakhstan',
    'organisation:Security Council',
    'person:Asya Tulesova',
    'person:Kassym-Jomart Tokayev',
    'person:Max Bokayev',
    'person:Mukhtar Ablyazov',
    'person:Nursultan Nazarbayev',
  ],
  'reading-ru': [
    'organisation:Демократический выбор Казахстана',
    'person:Мухтара Аблязова',
    'person:Мухтаром Аблязовым',
    'person:Токаев',
    'person:Тулесову',
  ],
  // «көше» (street) twice in the text: never a mark of the Koshe party.
  'reading-kk': ['person:Мұхтар Әблязовтың', 'person:Назарбаевтың', 'person:Тоқаевқа'],
};

async function openMarked(browser: TestBrowser, server: TestServer, file: string, host = 'www.azattyq.org'): Promise<{ page: TestPage; url: string }> {
  const page = await browser.newPage();
  // A unique address per page, so the background can be asked about exactly this tab.
  const url = server.url(host, `/${file}?t=${Math.random().toString(36).slice(2)}`);
  await page.goto(url);
  await page.waitFor(() => CSS.highlights.size > 0 && [...CSS.highlights.values()].some((h) => h.size > 0));
  // The annotator paints in slices: wait until the count stops changing.
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const n = (await marks(page)).length;
    if (n === last) break;
    last = n;
    await sleep(150);
  }
  return { page, url };
}

for (const name of browsersUnderTest()) {
  describe(`[${name}] reading with context`, () => {
    let browser: TestBrowser;
    let server: TestServer;
    let ext: TestPage;
    before(async () => {
      server = await startServer([PAGES]);
      browser = await launch(name);
      ext = await extensionPage(browser);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const file of Object.keys(EXPECTED)) {
      test(`[${name}] ${file}: the highlights cover exactly the expected names, and the page's DOM is unchanged`, async () => {
        const { page } = await openMarked(browser, server, `${file}.html`);
        assert.deepEqual(await marks(page), EXPECTED[file]);
        const same = await page.evaluate(() => {
          const clone = document.documentElement.cloneNode(true) as HTMLElement;
          clone.querySelectorAll('cac-ui').forEach((e) => e.remove());
          return clone.outerHTML === (window as unknown as { __domBefore: string }).__domBefore;
        });
        assert.equal(same, true, 'serialised DOM equals the DOM before annotation');
        assert.deepEqual(page.errors, []);
        await page.close();
      });
    }

    test(`[${name}] editors, form fields and code stay unmarked; an open shadow root and a same-origin iframe are marked`, async () => {
      const { page } = await openMarked(browser, server, 'reading-en.html');
      const inSkipped = await page.evaluate(() => {
        const skipped = ['editor', 'field', 'area', 'code'].map((id) => document.getElementById(id)!);
        let hits = 0;
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('cac-')) continue;
          for (const r of h as unknown as Set<Range>) if (skipped.some((el) => el.contains(r.startContainer))) hits++;
        }
        return hits;
      });
      assert.equal(inSkipped, 0);
      const all = await marks(page);
      assert.ok(all.includes('person:Max Bokayev'), 'the shadow root paragraph is marked');
      await page.waitFor(() => {
        const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null;
        return !!w && [...w.CSS.highlights.values()].some((h) => h.size > 0);
      });
      const inFrame = await page.evaluate(() => {
        const w = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
        const out: string[] = [];
        for (const [, h] of w.CSS.highlights) for (const r of h as unknown as Set<Range>) out.push(r.toString());
        return out;
      });
      assert.deepEqual(inFrame, ['Emomali Rahmon']);
      await page.close();
    });

    test(`[${name}] hover opens the right card; screenshots in light and dark`, async () => {
      for (const dark of [false, true]) {
        const b = dark ? await launch(name, { dark: true }) : browser;
        const { page } = await openMarked(b, server, 'reading-en.html');
        const p = await pointOf(page, '#headline', 'Mukhtar Ablyazov');
        await page.mouseMove(p.x, p.y);
        await waitInCard(page, '.card[data-entity]');
        const text = await cardText(page);
        assert.match(text, /Mukhtar Ablyazov/);
        assert.match(text, /Case history/);
        await sleep(250);
        await page.screenshot(`${SHOTS}/${name}-card-${dark ? 'dark' : 'light'}.png`);
        await page.close();
        if (b !== browser) await b.close();
      }
    });

    test(`[${name}] a click opens the card; a related entry switches it; Escape closes it`, async () => {
      const { page } = await openMarked(browser, server, 'reading-en.html');
      const p = await pointOf(page, '#headline', 'Mukhtar Ablyazov');
      await page.mouseClick(p.x, p.y);
      await waitInCard(page, '.card[data-entity="mukhtar-ablyazov"] .related button');
      const related = await page.evaluate(() => {
        const b = document.querySelector('cac-ui')!.shadowRoot!.querySelector<HTMLButtonElement>('.related button');
        if (!b) return null;
        const label = b.textContent;
        b.click();
        return label;
      });
      assert.ok(related, 'the card lists related entries');
      await page.waitFor(() => {
        const id = document.querySelector('cac-ui')?.shadowRoot?.querySelector('.card')?.getAttribute('data-entity');
        return !!id && id !== 'mukhtar-ablyazov';
      }, undefined, 5000);
      assert.ok((await cardText(page)).includes(related!), 'the card now shows the related entry');
      await page.press('Escape');
      await page.waitFor(() => (document.querySelector('cac-ui')?.shadowRoot?.querySelector('.layer') as HTMLElement | null)?.hidden === true, undefined, 3000);
      await page.close();
    });

    test(`[${name}] inside a link, hover opens the card and a click still follows the link`, async () => {
      const { page } = await openMarked(browser, server, 'reading-en.html');
      const p = await pointOf(page, '#link', 'Nursultan');
      await page.mouseMove(p.x, p.y);
      await page.waitFor(() => document.querySelector('cac-ui')?.shadowRoot?.querySelector('.card')?.getAttribute('data-entity') === 'nursultan-nazarbayev', undefined, 5000);
      await page.mouseClick(p.x, p.y);
      await page.waitFor(() => location.pathname === '/other.html', undefined, 5000);
      await page.close();
    });

    test(`[${name}] keyboard: navigation announces the mention, Enter opens a focused card, Escape returns focus`, async () => {
      const { page, url } = await openMarked(browser, server, 'reading-en.html');
      const tabId = await tabIdFor(ext, url);
      await callBackground(ext, 'startNavigation', { tabId });
      await page.waitFor(() => /^\d+ of \d+: /.test(document.querySelector('cac-ui')?.shadowRoot?.querySelector('.live')?.textContent ?? ''), undefined, 5000);
      const first = await page.evaluate(() => document.querySelector('cac-ui')!.shadowRoot!.querySelector('.live')!.textContent);
      await page.press('ArrowRight');
      await page.waitFor((f) => document.querySelector('cac-ui')!.shadowRoot!.querySelector('.live')!.textContent !== f, first, 3000);
      const second = await page.evaluate(() => document.querySelector('cac-ui')!.shadowRoot!.querySelector('.live')!.textContent ?? '');
      assert.match(second, /^2 of \d+: /);
      await page.press('Enter');
      await page.waitFor(() => {
        const host = document.querySelector('cac-ui');
        return document.activeElement === host && !!host?.shadowRoot?.activeElement?.closest('.card');
      }, undefined, 5000);
      await page.press('Escape');
      await page.waitFor(() => document.activeElement !== document.querySelector('cac-ui'), undefined, 3000);
      await page.press('Escape');
      await page.close();
    });

    test(`[${name}] appended paragraphs get marked, and a single-page-app route change rescans`, async () => {
      const page = await browser.newPage();
      await page.goto(server.url('www.azattyq.org', '/spa.html'));
      await sleep(800);
      await page.evaluate(() => (window as unknown as { appendParagraphs: (n: number) => void }).appendParagraphs(50));
      await page.waitFor(() => [...(CSS.highlights.get('cac-person-solid') ?? new Set())].length >= 50, undefined, 8000);
      assert.equal((await marks(page)).filter((m) => m === 'person:Kassym-Jomart Tokayev').length, 50);
      await page.evaluate(() => (window as unknown as { go: (r: string) => void }).go('/second-route'));
      await page.waitFor(() => [...(CSS.highlights.get('cac-person-solid') ?? new Set())].some((r) => (r as Range).toString() === 'Muhiddin Kabiri'), undefined, 8000);
      assert.deepEqual(await marks(page), ['person:Muhiddin Kabiri']);
      await page.close();
    });
  });
}

// A page with more marks than the painter registers at once: the marks near the view are registered, they follow a
// scroll, and a click far down the page opens the card of the name there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { browsersUnderTest, launch, waitInCard, type TestBrowser, type TestPage } from './support/driver.ts';
import { startServer, type TestServer } from './support/server.ts';
import { extensionPage, pointOf, sleep } from './support/ext.ts';
import { WINDOW_MARGIN } from '../../lib/page/highlights.ts';

const PAGES = resolve('tests/fixtures/pages');
/** Paragraphs in many-marks.html, one name in each. */
const PARAGRAPHS = 1500;

interface Registered {
  /** Indexes of the paragraphs whose mark is in our highlights. */
  registered: number[];
  /** Indexes of the paragraphs on screen. */
  onScreen: number[];
  /** The registered marks' extent, in viewport heights from the viewport's top. */
  top: number;
  bottom: number;
}

/** Which paragraphs' marks are registered now, and which paragraphs are on screen. */
async function registered(page: TestPage): Promise<Registered> {
  return page.evaluate(() => {
    const out = new Set<number>();
    let top = Infinity;
    let bottom = -Infinity;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('cac-') || name.startsWith('cac-focus')) continue;
      for (const r of h as unknown as Set<Range>) {
        out.add(Number(r.startContainer.parentElement!.id.slice(1)));
        const box = r.getBoundingClientRect();
        top = Math.min(top, box.top / innerHeight);
        bottom = Math.max(bottom, box.bottom / innerHeight);
      }
    }
    const onScreen: number[] = [];
    for (const p of document.querySelectorAll('#feed p')) {
      const box = p.getBoundingClientRect();
      if (box.bottom > 0 && box.top < innerHeight) onScreen.push(Number(p.id.slice(1)));
    }
    return { registered: [...out].sort((a, b) => a - b), onScreen, top, bottom };
  });
}

/** Waits until the registered marks stop changing (the annotator paints in slices, then the window settles). */
async function settled(page: TestPage): Promise<Registered> {
  await page.waitFor(() => [...CSS.highlights.keys()].some((n) => n.startsWith('cac-') && CSS.highlights.get(n)!.size > 0), undefined, 10000);
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await registered(page);
    const key = JSON.stringify(now.registered);
    if (key === last) return now;
    last = key;
    await sleep(250);
  }
  throw new Error('the registered marks kept changing');
}

function assertWindowed(r: Registered, where: string): void {
  assert.ok(r.registered.length > 0 && r.registered.length < PARAGRAPHS / 2, `${where}: ${r.registered.length} of ${PARAGRAPHS} marks registered, a window's worth`);
  for (const i of r.onScreen) assert.ok(r.registered.includes(i), `${where}: paragraph ${i} is on screen, and its mark is registered`);
  // WINDOW_MARGIN viewport heights either side of the view (a mark straddling the edge may reach a little further).
  assert.ok(r.top >= -WINDOW_MARGIN - 0.1 && r.bottom <= WINDOW_MARGIN + 1.1, `${where}: registered marks span ${r.top.toFixed(2)} to ${r.bottom.toFixed(2)} viewport heights`);
}

for (const name of browsersUnderTest()) {
  describe(`[${name}] a page with many marks`, () => {
    let browser: TestBrowser;
    let server: TestServer;
    before(async () => {
      server = await startServer([PAGES]);
      browser = await launch(name);
      await extensionPage(browser);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test(`[${name}] only the marks near the view are registered; they follow a scroll; a click far down opens its card`, async () => {
      const page = await browser.newPage();
      await page.goto(server.url('www.azattyq.org', `/many-marks.html?t=${Math.random().toString(36).slice(2)}`));
      const top = await settled(page);
      assertWindowed(top, 'at the top');
      assert.ok(top.registered.includes(0), 'the first paragraph is marked');
      assert.ok(!top.registered.includes(PARAGRAPHS - 1), 'the last paragraph, 50 screens down, is not registered');

      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const bottom = await settled(page);
      assertWindowed(bottom, 'at the bottom');
      assert.ok(bottom.registered.includes(PARAGRAPHS - 1), 'the last paragraph is registered after the scroll');
      assert.ok(!bottom.registered.includes(0), 'the first paragraph no longer is');

      const p = await pointOf(page, `#p${PARAGRAPHS - 1}`, 'Kassym-Jomart Tokayev');
      await page.mouseClick(p.x, p.y);
      await waitInCard(page, '.card[data-entity="kassym-jomart-tokayev"]');

      // Closed, then back to the middle of the page: a click there opens the card of the name there.
      await page.press('Escape');
      await page.evaluate(() => document.getElementById('p700')!.scrollIntoView({ block: 'center' }));
      const q = await pointOf(page, '#p700', 'Mukhtar Ablyazov');
      await page.mouseClick(q.x, q.y);
      await waitInCard(page, '.card[data-entity="mukhtar-ablyazov"]');
      assertWindowed(await registered(page), 'in the middle');
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  });
}
